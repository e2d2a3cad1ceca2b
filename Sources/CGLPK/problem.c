/*
 * Creating, building and freeing a problem, and the simplex. See include/CGLPK.h and Docs/glpk-wrapper.md.
 */
#include "guard.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- create / free --------------------------------------------------- */

static int create_body(void *arg) {
    *(glp_prob **)arg = glp_create_prob();
    return CGLPK_OK;
}

int cglpk_create(cglpk_problem **out) {
    if (out == NULL) return CGLPK_EARG;
    *out = NULL;
    cglpk_problem *problem = malloc(sizeof *problem);
    if (problem == NULL) {
        guard_message_set("out of memory\n");
        return CGLPK_EARG;
    }
    glp_prob *prob = NULL;
    int rc = guard_run(create_body, &prob, 0);
    if (rc != CGLPK_OK) {
        free(problem);
        return rc;
    }
    problem->prob = prob;
    problem->generation = guard_generation();
    problem->owner = pthread_self();
    *out = problem;
    return CGLPK_OK;
}

static int delete_body(void *arg) {
    glp_delete_prob((glp_prob *)arg);
    return CGLPK_OK;
}

void cglpk_free(cglpk_problem *problem) {
    if (problem == NULL) return;
    if (problem->prob != NULL
        && pthread_equal(problem->owner, pthread_self())
        && problem->generation == guard_generation()) {
        (void)guard_run(delete_body, problem->prob, 0);
    }
    /* On another thread GLPK would abort: the problem is leaked instead. */
    free(problem);
}

/* ---- build ----------------------------------------------------------- */

static int bound_type(double lower, double upper) {
    int has_lower = lower > -HUGE_VAL;
    int has_upper = upper < HUGE_VAL;
    if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
    if (has_lower) return GLP_LO;
    if (has_upper) return GLP_UP;
    return GLP_FR;
}

static const char *next_name(const char *name) {
    return name + strlen(name) + 1;
}

struct build_args {
    glp_prob *prob;
    const cglpk_model_data *data;
};

static int build_body(void *arg) {
    struct build_args *a = arg;
    glp_prob *P = a->prob;
    const cglpk_model_data *d = a->data;
    if (d->prob_name != NULL && d->prob_name[0] != '\0') glp_set_prob_name(P, d->prob_name);
    if (d->obj_name != NULL && d->obj_name[0] != '\0') glp_set_obj_name(P, d->obj_name);
    glp_set_obj_dir(P, d->sense);
    if (d->rows > 0) glp_add_rows(P, d->rows);
    if (d->cols > 0) glp_add_cols(P, d->cols);
    const char *name = d->col_names;
    for (int j = 0; j < d->cols; j++) {
        double lower = d->col_lb[j], upper = d->col_ub[j];
        glp_set_col_bnds(P, j + 1, bound_type(lower, upper), lower, upper);
        if (d->obj[j] != 0.0) glp_set_obj_coef(P, j + 1, d->obj[j]);
        if (d->col_kind != NULL && d->col_kind[j] == GLP_IV) glp_set_col_kind(P, j + 1, GLP_IV);
        if (name != NULL) {
            if (name[0] != '\0') glp_set_col_name(P, j + 1, name);
            name = next_name(name);
        }
    }
    name = d->row_names;
    for (int i = 0; i < d->rows; i++) {
        double lower = d->row_lb[i], upper = d->row_ub[i];
        glp_set_row_bnds(P, i + 1, bound_type(lower, upper), lower, upper);
        if (name != NULL) {
            if (name[0] != '\0') glp_set_row_name(P, i + 1, name);
            name = next_name(name);
        }
    }
    glp_set_obj_coef(P, 0, d->obj_constant);
    if (d->nnz > 0) {
        glp_load_matrix(P, d->nnz, d->ia, d->ja, d->ar);
        /* glp_load_matrix leaves every row's and column's entries in reverse load order; the
           simplex and the cut generators visit them in list order. Sorted as GLPK's own readers
           leave them: on mid-size-pmo's class relaxation the unsorted lists kept branch and cut
           in its root cut loop three times longer (Docs/formulation.md, "Bounds"). */
        glp_sort_matrix(P);
    }
    return CGLPK_OK;
}

int cglpk_build(cglpk_problem *problem, const cglpk_model_data *data) {
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (data == NULL || data->rows < 0 || data->cols < 0 || data->nnz < 0
        || (data->cols > 0 && (data->obj == NULL || data->col_lb == NULL || data->col_ub == NULL))
        || (data->rows > 0 && (data->row_lb == NULL || data->row_ub == NULL))
        || (data->nnz > 0 && (data->ia == NULL || data->ja == NULL || data->ar == NULL))) {
        guard_message_set("cglpk_build: missing model arrays\n");
        return CGLPK_EARG;
    }
    struct build_args args = { problem->prob, data };
    return guard_run(build_body, &args, 0);
}

/* ---- simplex --------------------------------------------------------- */

struct simplex_args {
    glp_prob *prob;
    const cglpk_lp_params *params;
    int *ret;
};

static int simplex_body(void *arg) {
    struct simplex_args *a = arg;
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = a->params->msg_lev;
    parm.tm_lim = a->params->tm_lim;
    parm.presolve = a->params->presolve;
    if (a->params->scale) glp_scale_prob(a->prob, GLP_SF_AUTO);
    *a->ret = glp_simplex(a->prob, &parm);
    return CGLPK_OK;
}

int cglpk_simplex(cglpk_problem *problem, const cglpk_lp_params *params, int *ret) {
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (params == NULL || ret == NULL) return CGLPK_EARG;
    struct simplex_args args = { problem->prob, params, ret };
    return guard_run(simplex_body, &args, 0);
}

struct lp_solution_args {
    glp_prob *prob;
    cglpk_lp_solution *solution;
};

static int lp_solution_body(void *arg) {
    struct lp_solution_args *a = arg;
    glp_prob *P = a->prob;
    cglpk_lp_solution *s = a->solution;
    s->status = glp_get_status(P);
    s->primal_status = glp_get_prim_stat(P);
    s->dual_status = glp_get_dual_stat(P);
    s->objective = glp_get_obj_val(P);
    int n = glp_get_num_cols(P), m = glp_get_num_rows(P);
    for (int j = 1; j <= n; j++) {
        if (s->col_primal != NULL) s->col_primal[j - 1] = glp_get_col_prim(P, j);
        if (s->col_dual != NULL) s->col_dual[j - 1] = glp_get_col_dual(P, j);
    }
    if (s->row_dual != NULL)
        for (int i = 1; i <= m; i++) s->row_dual[i - 1] = glp_get_row_dual(P, i);
    return CGLPK_OK;
}

int cglpk_get_lp_solution(cglpk_problem *problem, cglpk_lp_solution *solution) {
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (solution == NULL) return CGLPK_EARG;
    struct lp_solution_args args = { problem->prob, solution };
    return guard_run(lp_solution_body, &args, 0);
}

/*
 * Branch and cut: glp_intopt with the shim's callback (progress, cancellation, offered incumbents, branching by objective). See include/CGLPK.h and Docs/glpk-wrapper.md.
 */
#include "guard.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- branch and cut -------------------------------------------------- */

struct mip_callback_info {
    cglpk_mip_params *params;
    int cols;                   /* columns of the original problem */
    double *offer_buffer;       /* x[0..cols] for params->offer, or NULL */
};

/* CGLPK_BR_OBJECTIVE: branch on the fractional column whose objective coefficient times its
   distance to the nearest integer is largest (Docs/formulation.md, "Bounds"). */
static void branch_by_objective(glp_tree *T, glp_prob *mip) {
    int n = glp_get_num_cols(mip), chosen = 0;
    double best = -1.0;
    for (int j = 1; j <= n; j++) {
        if (!glp_ios_can_branch(T, j)) continue;
        double x = glp_get_col_prim(mip, j), f = x - floor(x);
        double score = fabs(glp_get_obj_coef(mip, j)) * (f < 1.0 - f ? f : 1.0 - f);
        if (score > best) { best = score; chosen = j; }
    }
    if (chosen != 0) glp_ios_branch_upon(T, chosen, GLP_NO_BRNCH);
}

/* Runs inside glp_intopt, so inside the guard. Only glp_ios_* calls with valid arguments. */
static void mip_callback(glp_tree *T, void *info) {
    struct mip_callback_info *ci = info;
    cglpk_mip_params *p = ci->params;
    int reason = glp_ios_reason(T);
    glp_prob *mip = glp_ios_get_prob(T);
    if (reason == GLP_IHEUR && p->warm_start != NULL && p->warm_start_result == 0) {
        /* only valid on the original problem (presolve off): x[1..n] indexes its columns */
        if (p->presolve == GLP_OFF && glp_get_num_cols(mip) == ci->cols)
            p->warm_start_result = glp_ios_heur_sol(T, p->warm_start) == 0 ? 1 : -1;
        else
            p->warm_start_result = -1;
    }
    if (reason == GLP_IHEUR && ci->offer_buffer != NULL && glp_get_num_cols(mip) == ci->cols
        && p->offer(p->context, ci->offer_buffer, ci->cols) == 1 && glp_ios_heur_sol(T, ci->offer_buffer) == 0)
        p->offers_accepted += 1;
    if (reason == GLP_IBRANCH && p->br_tech == CGLPK_BR_OBJECTIVE) branch_by_objective(T, mip);
    p->last.reason = reason;
    int status = glp_mip_status(mip);
    if (status == GLP_FEAS || status == GLP_OPT) {
        p->last.has_incumbent = 1;
        p->last.incumbent = glp_mip_obj_val(mip);
    }
    int best = glp_ios_best_node(T);
    if (best != 0) {
        p->last.has_bound = 1;
        p->last.bound = glp_ios_node_bound(T, best);
    }
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(T, &active, &current, &total);
    p->last.active_nodes = active;
    p->last.total_nodes = total;
    if (p->progress != NULL && p->progress(p->context, &p->last) != 0) {
        p->stopped = 1;
        glp_ios_terminate(T);
    }
}

struct intopt_args {
    glp_prob *prob;
    cglpk_mip_params *params;
    int *ret;
};

static int intopt_body(void *arg) {
    struct intopt_args *a = arg;
    cglpk_mip_params *p = a->params;
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = p->msg_lev;
    parm.tm_lim = p->tm_lim;
    parm.presolve = p->presolve;
    parm.mip_gap = p->mip_gap;
    if (p->br_tech >= GLP_BR_FFV && p->br_tech <= GLP_BR_PCH) parm.br_tech = p->br_tech;
    if (p->bt_tech >= GLP_BT_DFS && p->bt_tech <= GLP_BT_BPH) parm.bt_tech = p->bt_tech;
    if (p->cuts == GLP_ON) {
        parm.gmi_cuts = GLP_ON;
        parm.mir_cuts = GLP_ON;
        parm.cov_cuts = GLP_ON;
        parm.clq_cuts = GLP_ON;
    }
    int cols = glp_get_num_cols(a->prob);
    /* glp_alloc: freed by glp_free_env if GLPK fails inside the guard */
    double *buffer = (p->offer != NULL && p->presolve == GLP_OFF) ? glp_alloc(cols + 1, sizeof(double)) : NULL;
    struct mip_callback_info info = { p, cols, buffer };
    parm.cb_func = mip_callback;
    parm.cb_info = &info;
    p->warm_start_result = 0;
    p->stopped = 0;
    p->offers_accepted = 0;
    memset(&p->last, 0, sizeof p->last);
    *a->ret = glp_intopt(a->prob, &parm);
    if (buffer != NULL) glp_free(buffer);
    return CGLPK_OK;
}

int cglpk_intopt(cglpk_problem *problem, cglpk_mip_params *params, int *ret) {
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (params == NULL || ret == NULL) return CGLPK_EARG;
    struct intopt_args args = { problem->prob, params, ret };
    return guard_run(intopt_body, &args, 0);
}

struct mip_solution_args {
    glp_prob *prob;
    int *status;
    double *objective;
    double *col_value;
};

static int mip_solution_body(void *arg) {
    struct mip_solution_args *a = arg;
    *a->status = glp_mip_status(a->prob);
    *a->objective = glp_mip_obj_val(a->prob);
    if (a->col_value != NULL) {
        int n = glp_get_num_cols(a->prob);
        for (int j = 1; j <= n; j++) a->col_value[j - 1] = glp_mip_col_val(a->prob, j);
    }
    return CGLPK_OK;
}

int cglpk_get_mip_solution(cglpk_problem *problem, int *status, double *objective, double *col_value) {
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (status == NULL || objective == NULL) return CGLPK_EARG;
    struct mip_solution_args args = { problem->prob, status, objective, col_value };
    return guard_run(mip_solution_body, &args, 0);
}

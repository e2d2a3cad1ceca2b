/*
 * Guarded entry points over GLPK. See include/CGLPK.h and Docs/glpk-wrapper.md.
 *
 * The guard (run_guarded): setjmp into a thread-local jmp_buf, install an
 * error hook that frees this thread's GLPK environment and longjmps back,
 * run one step, remove the hook. GLPK's environment is thread-local
 * (glp_config("TLS")), and so is everything here.
 */
#include "CGLPK.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MESSAGE_CAPACITY 4096

struct cglpk_problem {
    glp_prob *prob;
    unsigned long generation;   /* tls_generation when created */
    pthread_t owner;
};

static _Thread_local jmp_buf tls_jump;
static _Thread_local int tls_active;                 /* a guarded call is running */
static _Thread_local int tls_capture;                /* keep all output, not only errors */
static _Thread_local unsigned long tls_generation = 1; /* bumped by every glp_free_env */
static _Thread_local char tls_message[MESSAGE_CAPACITY];
static _Thread_local size_t tls_message_length;
static _Thread_local cglpk_log_sink tls_sink;
static _Thread_local void *tls_sink_context;

/* ---- message capture ------------------------------------------------- */

static void message_clear(void) {
    tls_message_length = 0;
    tls_message[0] = '\0';
}

static void message_append(const char *text) {
    size_t length = strlen(text);
    if (length >= MESSAGE_CAPACITY) {
        text += length - (MESSAGE_CAPACITY - 1);
        length = MESSAGE_CAPACITY - 1;
    }
    if (tls_message_length + length >= MESSAGE_CAPACITY) {
        /* keep the newest text: drop the oldest part */
        size_t keep = MESSAGE_CAPACITY - 1 - length;
        if (keep > tls_message_length) keep = tls_message_length;
        memmove(tls_message, tls_message + (tls_message_length - keep), keep);
        tls_message_length = keep;
    }
    memcpy(tls_message + tls_message_length, text, length);
    tls_message_length += length;
    tls_message[tls_message_length] = '\0';
}

static void message_set(const char *text) {
    message_clear();
    message_append(text);
}

const char *cglpk_last_message(void) {
    return tls_message;
}

void cglpk_set_log_sink(cglpk_log_sink sink, void *context) {
    if (tls_active) return; /* a nested solve must not replace the running solve's sink */
    tls_sink = sink;
    tls_sink_context = context;
}

/* ---- hooks and the guard --------------------------------------------- */

static int term_hook(void *info, const char *text) {
    (void)info;
    int at_error = glp_at_error();
    if (at_error || tls_capture) message_append(text);
    if (!at_error && tls_sink != NULL) tls_sink(tls_sink_context, text);
    return 1; /* never print to stdout */
}

static void error_hook(void *info) {
    (void)info;
    if (!tls_active) return; /* not inside our guard: GLPK aborts as documented */
    /* Every GLPK object of this thread is freed here (manual, section 6.1.13). */
    glp_free_env();
    longjmp(tls_jump, 1);
}

typedef int (*guarded_body)(void *arg);

/* Runs `body` with GLPK errors turned into CGLPK_EGLPK. `capture` keeps all output text. */
static int run_guarded(guarded_body body, void *arg, int capture) {
    if (tls_active) return CGLPK_ENESTED;
    message_clear();
    tls_active = 1;
    tls_capture = capture;
    if (setjmp(tls_jump) != 0) {
        /* back from error_hook: the environment is gone, and with it every problem */
        tls_active = 0;
        tls_capture = 0;
        tls_generation++;
        return CGLPK_EGLPK;
    }
    glp_term_hook(term_hook, NULL);
    int previous_out = glp_term_out((capture || tls_sink != NULL) ? GLP_ON : GLP_OFF);
    glp_error_hook(error_hook, NULL);
    int rc = body(arg);
    glp_error_hook(NULL, NULL);
    glp_term_out(previous_out);
    glp_term_hook(NULL, NULL);
    tls_active = 0;
    tls_capture = 0;
    return rc;
}

static int check_problem(const cglpk_problem *problem) {
    if (problem == NULL) return CGLPK_EARG;
    if (!pthread_equal(problem->owner, pthread_self())) {
        message_set("GLPK problem used on a thread other than the one that created it\n");
        return CGLPK_ETHREAD;
    }
    if (problem->prob == NULL || problem->generation != tls_generation) {
        message_set("GLPK problem was freed by an earlier GLPK error on this thread\n");
        return CGLPK_EDEAD;
    }
    return CGLPK_OK;
}

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
        message_set("out of memory\n");
        return CGLPK_EARG;
    }
    glp_prob *prob = NULL;
    int rc = run_guarded(create_body, &prob, 0);
    if (rc != CGLPK_OK) {
        free(problem);
        return rc;
    }
    problem->prob = prob;
    problem->generation = tls_generation;
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
        && problem->generation == tls_generation) {
        (void)run_guarded(delete_body, problem->prob, 0);
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
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (data == NULL || data->rows < 0 || data->cols < 0 || data->nnz < 0
        || (data->cols > 0 && (data->obj == NULL || data->col_lb == NULL || data->col_ub == NULL))
        || (data->rows > 0 && (data->row_lb == NULL || data->row_ub == NULL))
        || (data->nnz > 0 && (data->ia == NULL || data->ja == NULL || data->ar == NULL))) {
        message_set("cglpk_build: missing model arrays\n");
        return CGLPK_EARG;
    }
    struct build_args args = { problem->prob, data };
    return run_guarded(build_body, &args, 0);
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
    *a->ret = glp_simplex(a->prob, &parm);
    return CGLPK_OK;
}

int cglpk_simplex(cglpk_problem *problem, const cglpk_lp_params *params, int *ret) {
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (params == NULL || ret == NULL) return CGLPK_EARG;
    struct simplex_args args = { problem->prob, params, ret };
    return run_guarded(simplex_body, &args, 0);
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
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (solution == NULL) return CGLPK_EARG;
    struct lp_solution_args args = { problem->prob, solution };
    return run_guarded(lp_solution_body, &args, 0);
}

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
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (params == NULL || ret == NULL) return CGLPK_EARG;
    struct intopt_args args = { problem->prob, params, ret };
    return run_guarded(intopt_body, &args, 0);
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
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (status == NULL || objective == NULL) return CGLPK_EARG;
    struct mip_solution_args args = { problem->prob, status, objective, col_value };
    return run_guarded(mip_solution_body, &args, 0);
}

/* ---- files ----------------------------------------------------------- */

struct file_args {
    glp_prob *prob;
    int format;
    const char *path;
    int *ret;
};

static int write_body(void *arg) {
    struct file_args *a = arg;
    if (a->format == 0)
        *a->ret = glp_write_mps(a->prob, GLP_MPS_FILE, NULL, a->path);
    else
        *a->ret = glp_write_lp(a->prob, NULL, a->path);
    return CGLPK_OK;
}

/* Puts `line` before the contents of `path` (through a temporary file and rename). No GLPK. */
static int prepend_line(const char *path, const char *line) {
    size_t length = strlen(path);
    char *temporary = malloc(length + sizeof ".cglpk-tmp");
    if (temporary == NULL) return -1;
    memcpy(temporary, path, length);
    memcpy(temporary + length, ".cglpk-tmp", sizeof ".cglpk-tmp");
    FILE *in = fopen(path, "rb");
    FILE *out = in == NULL ? NULL : fopen(temporary, "wb");
    int failed = in == NULL || out == NULL;
    if (!failed) failed = fputs(line, out) < 0 || fputc('\n', out) == EOF;
    char buffer[65536];
    size_t count;
    while (!failed && (count = fread(buffer, 1, sizeof buffer, in)) > 0)
        failed = fwrite(buffer, 1, count, out) != count;
    if (!failed && ferror(in)) failed = 1;
    if (in != NULL) fclose(in);
    if (out != NULL && fclose(out) != 0) failed = 1;
    if (!failed && rename(temporary, path) != 0) failed = 1;
    if (failed) {
        remove(temporary);
        message_set("could not add the header line to the written file\n");
    }
    free(temporary);
    return failed ? -1 : 0;
}

int cglpk_write(cglpk_problem *problem, int format, const char *path, const char *header, int *ret) {
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (path == NULL || ret == NULL || (format != 0 && format != 1)) return CGLPK_EARG;
    struct file_args args = { problem->prob, format, path, ret };
    rc = run_guarded(write_body, &args, 1);
    if (rc == CGLPK_OK && *ret == 0 && header != NULL) *ret = prepend_line(path, header);
    return rc;
}

/* Whether the leading comment lines of `path` hold CGLPK_MPS_MAXIMIZE_MARKER. No GLPK. */
static int has_maximize_marker(const char *path) {
    FILE *in = fopen(path, "r");
    if (in == NULL) return 0;
    char line[512];
    int found = 0;
    while (!found && fgets(line, sizeof line, in) != NULL && line[0] == '*')
        found = strncmp(line, CGLPK_MPS_MAXIMIZE_MARKER, strlen(CGLPK_MPS_MAXIMIZE_MARKER)) == 0;
    fclose(in);
    return found;
}

static int read_body(void *arg) {
    struct file_args *a = arg;
    *a->ret = glp_read_mps(a->prob, GLP_MPS_FILE, NULL, a->path);
    if (*a->ret == 0 && has_maximize_marker(a->path)) glp_set_obj_dir(a->prob, GLP_MAX);
    return CGLPK_OK;
}

int cglpk_read_mps(cglpk_problem *problem, const char *path, int *ret) {
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (path == NULL || ret == NULL) return CGLPK_EARG;
    struct file_args args = { problem->prob, 0, path, ret };
    return run_guarded(read_body, &args, 1);
}

/* ---- reading a problem back ------------------------------------------ */

static size_t name_bytes(const char *name) {
    return (name == NULL ? 0 : strlen(name)) + 1;
}

struct dims_args {
    glp_prob *prob;
    cglpk_dims *dims;
};

static int dims_body(void *arg) {
    struct dims_args *a = arg;
    glp_prob *P = a->prob;
    cglpk_dims *d = a->dims;
    d->rows = glp_get_num_rows(P);
    d->cols = glp_get_num_cols(P);
    d->nnz = glp_get_num_nz(P);
    d->sense = glp_get_obj_dir(P);
    d->obj_constant = glp_get_obj_coef(P, 0);
    d->col_name_bytes = 0;
    for (int j = 1; j <= d->cols; j++) d->col_name_bytes += name_bytes(glp_get_col_name(P, j));
    d->row_name_bytes = 0;
    for (int i = 1; i <= d->rows; i++) d->row_name_bytes += name_bytes(glp_get_row_name(P, i));
    d->prob_name_bytes = name_bytes(glp_get_prob_name(P));
    return CGLPK_OK;
}

int cglpk_get_dims(cglpk_problem *problem, cglpk_dims *dims) {
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (dims == NULL) return CGLPK_EARG;
    struct dims_args args = { problem->prob, dims };
    return run_guarded(dims_body, &args, 0);
}

static char *copy_name(char *out, const char *name) {
    size_t length = name == NULL ? 0 : strlen(name);
    if (length > 0) memcpy(out, name, length);
    out[length] = '\0';
    return out + length + 1;
}

static void read_bounds(int type, double lower, double upper, double *out_lower, double *out_upper) {
    *out_lower = (type == GLP_LO || type == GLP_DB || type == GLP_FX) ? lower : -HUGE_VAL;
    *out_upper = (type == GLP_UP || type == GLP_DB || type == GLP_FX) ? upper : HUGE_VAL;
}

struct extract_args {
    glp_prob *prob;
    cglpk_model_out *out;
};

static int extract_body(void *arg) {
    struct extract_args *a = arg;
    glp_prob *P = a->prob;
    cglpk_model_out *o = a->out;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    char *name = o->col_names;
    for (int j = 1; j <= n; j++) {
        o->obj[j - 1] = glp_get_obj_coef(P, j);
        read_bounds(glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j),
                    &o->col_lb[j - 1], &o->col_ub[j - 1]);
        o->col_kind[j - 1] = glp_get_col_kind(P, j);
        if (name != NULL) name = copy_name(name, glp_get_col_name(P, j));
    }
    name = o->row_names;
    o->row_start[0] = 1;
    for (int i = 1; i <= m; i++) {
        read_bounds(glp_get_row_type(P, i), glp_get_row_lb(P, i), glp_get_row_ub(P, i),
                    &o->row_lb[i - 1], &o->row_ub[i - 1]);
        int start = o->row_start[i - 1];
        /* glp_get_mat_row fills ind[1..len]: pass the slot before `start` (start >= 1) */
        int length = glp_get_mat_row(P, i, o->entry_col + start - 1, o->entry_val + start - 1);
        o->row_start[i] = start + length;
        if (name != NULL) name = copy_name(name, glp_get_row_name(P, i));
    }
    if (o->prob_name != NULL) copy_name(o->prob_name, glp_get_prob_name(P));
    return CGLPK_OK;
}

int cglpk_extract(cglpk_problem *problem, cglpk_model_out *out) {
    int rc = check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (out == NULL || out->obj == NULL || out->col_lb == NULL || out->col_ub == NULL
        || out->col_kind == NULL || out->row_lb == NULL || out->row_ub == NULL
        || out->row_start == NULL || out->entry_col == NULL || out->entry_val == NULL) {
        message_set("cglpk_extract: missing output arrays\n");
        return CGLPK_EARG;
    }
    struct extract_args args = { problem->prob, out };
    return run_guarded(extract_body, &args, 0);
}

/* ---- guard self-test ------------------------------------------------- */

static int trigger_body(void *arg) {
    (void)arg;
    glp_prob *P = glp_create_prob();
    glp_add_cols(P, 1);
    glp_set_col_bnds(P, 5, GLP_LO, 0.0, 0.0); /* column 5 does not exist: glp_error */
    glp_delete_prob(P);
    return CGLPK_OK;
}

int cglpk_trigger_error_for_testing(void) {
    return run_guarded(trigger_body, NULL, 0);
}

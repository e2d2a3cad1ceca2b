/*
 * CGLPK: glpk.h plus guarded entry points.
 *
 * Every function below that touches GLPK runs under a per-thread guard:
 * setjmp before the GLPK calls, an error hook that longjmps back, then
 * glp_free_env(). A GLPK error (glp_error / xassert, which would otherwise
 * abort() the process) becomes the return code CGLPK_EGLPK and the message
 * GLPK printed is kept for cglpk_last_message().
 *
 * Rules for callers (the Swift layer keeps them):
 *  - One guarded function per step; never call glp_* directly.
 *  - A problem handle is used and freed on the thread that created it.
 *  - After CGLPK_EGLPK every problem created on that thread is dead
 *    (glp_free_env freed them); the handle then reports CGLPK_EDEAD and
 *    cglpk_free only releases the handle.
 *  - Callbacks into the caller (progress, log sink) must not call any
 *    cglpk_ function except through a new guard, which is refused while
 *    one is active on the thread (CGLPK_ENESTED).
 */
#ifndef CGLPK_H
#define CGLPK_H

#include <glpk.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes of the cglpk_ functions (GLPK's own codes come back in *ret). */
#define CGLPK_OK 0
#define CGLPK_EGLPK 1       /* GLPK reported an internal error; thread environment freed */
#define CGLPK_EDEAD 2       /* the problem was freed by an earlier error on this thread */
#define CGLPK_ENESTED 3     /* a guarded call is already running on this thread */
#define CGLPK_ETHREAD 4     /* the problem belongs to another thread */
#define CGLPK_EARG 5        /* invalid argument detected by the shim */

/* Opaque problem handle (malloc'ed, survives glp_free_env). */
typedef struct cglpk_problem cglpk_problem;

/* Message captured during the last failed guarded call on this thread ("" if none). */
const char *cglpk_last_message(void);

/* Route GLPK's terminal output on this thread to `sink` (NULL: discard). Ignored while a guarded call runs. */
typedef void (*cglpk_log_sink)(void *context, const char *text);
void cglpk_set_log_sink(cglpk_log_sink sink, void *context);

/* Create an empty problem owned by the calling thread. */
int cglpk_create(cglpk_problem **out);

/* Delete the GLPK problem (if still alive and on its own thread) and the handle. NULL is fine. */
void cglpk_free(cglpk_problem *problem);

/* A whole model, loaded with one glp_add_rows/glp_add_cols and one glp_load_matrix. */
typedef struct cglpk_model_data {
    int rows;
    int cols;
    int sense;                  /* GLP_MIN or GLP_MAX */
    double obj_constant;
    const double *obj;          /* cols entries, 0-based */
    const double *col_lb;       /* cols entries; -HUGE_VAL means no lower bound */
    const double *col_ub;       /* cols entries; +HUGE_VAL means no upper bound */
    const int *col_kind;        /* cols entries of GLP_CV / GLP_IV, or NULL (all continuous) */
    const double *row_lb;       /* rows entries; -HUGE_VAL means none */
    const double *row_ub;       /* rows entries; +HUGE_VAL means none */
    int nnz;
    const int *ia;              /* 1-based: ia[1..nnz] row numbers (slot 0 ignored) */
    const int *ja;              /* 1-based: ja[1..nnz] column numbers */
    const double *ar;           /* 1-based: ar[1..nnz] values */
    const char *prob_name;      /* NULL or name */
    const char *obj_name;       /* NULL or name */
    const char *col_names;      /* NULL, or cols NUL-terminated names back to back ("" = unnamed) */
    const char *row_names;      /* NULL, or rows NUL-terminated names back to back */
} cglpk_model_data;

/* Load `data` into an empty problem. */
int cglpk_build(cglpk_problem *problem, const cglpk_model_data *data);

/* Simplex parameters. */
typedef struct cglpk_lp_params {
    int msg_lev;                /* GLP_MSG_OFF ... GLP_MSG_ALL */
    int tm_lim;                 /* milliseconds; INT_MAX for none */
    int presolve;               /* GLP_ON / GLP_OFF */
    int scale;                  /* non-zero: glp_scale_prob(GLP_SF_AUTO) first (kept for a MIP's node LPs) */
} cglpk_lp_params;

/* glp_simplex; its return code in *ret. */
int cglpk_simplex(cglpk_problem *problem, const cglpk_lp_params *params, int *ret);

/* Basic solution after cglpk_simplex. Arrays may be NULL; 0-based (cols / rows entries). */
typedef struct cglpk_lp_solution {
    int status;                 /* glp_get_status */
    int primal_status;          /* glp_get_prim_stat */
    int dual_status;            /* glp_get_dual_stat */
    double objective;
    double *col_primal;
    double *col_dual;           /* reduced costs */
    double *row_dual;
} cglpk_lp_solution;
int cglpk_get_lp_solution(cglpk_problem *problem, cglpk_lp_solution *solution);

/* State of the branch-and-bound search seen by the callback. */
typedef struct cglpk_progress {
    int reason;                 /* GLP_I* reason of this callback */
    int has_incumbent;
    double incumbent;           /* glp_mip_obj_val of the tree's problem */
    int has_bound;
    double bound;               /* local bound of the best active node (last one seen) */
    int active_nodes;
    int total_nodes;
} cglpk_progress;

/* Called at every callback reason; return non-zero to end the search (glp_ios_terminate). */
typedef int (*cglpk_progress_fn)(void *context, const cglpk_progress *progress);

/* Called at every heuristic point (GLP_IHEUR, presolve off): fills x[1..cols] with a solution found
   elsewhere and returns 1, or returns 0 when it has none new. The solution must be feasible and
   integral where the model is (GLPK does not check); GLPK keeps it when it beats its incumbent. */
typedef int (*cglpk_offer_fn)(void *context, double *x, int cols);

typedef struct cglpk_mip_params {
    int msg_lev;
    int tm_lim;                 /* milliseconds; INT_MAX for none */
    int presolve;               /* GLP_ON needs no LP first; GLP_OFF needs an optimal basis */
    int cuts;                   /* GLP_ON enables Gomory, MIR, cover and clique cuts */
    int br_tech;                /* GLPK's branching technique (GLP_BR_*) or CGLPK_BR_OBJECTIVE; 0 keeps GLPK's default */
    int bt_tech;                /* GLPK's backtracking technique (GLP_BT_*); 0 keeps GLPK's default */
    double mip_gap;
    const double *warm_start;   /* NULL, or 1-based x[1..cols] given to glp_ios_heur_sol at the first IHEUR */
    cglpk_progress_fn progress; /* NULL or the progress function */
    void *context;              /* passed to progress and offer */
    cglpk_offer_fn offer;       /* NULL, or solutions found elsewhere during the search */
    /* outputs */
    int warm_start_result;      /* 0 not tried, 1 accepted, -1 rejected by GLPK */
    int stopped;                /* the progress function asked to stop */
    int offers_accepted;        /* offered solutions GLPK took as its new incumbent */
    cglpk_progress last;        /* last state seen (bound sticky: the last best-node bound) */
} cglpk_mip_params;

/* br_tech: the callback branches on the fractional column with the largest |c_j|·min(f, 1 − f)
   (f its fractional part in the node's LP); GLPK's default rule where none is fractional. */
#define CGLPK_BR_OBJECTIVE 100

/* glp_intopt with a callback; its return code in *ret. */
int cglpk_intopt(cglpk_problem *problem, cglpk_mip_params *params, int *ret);

/* MIP solution after cglpk_intopt. col_value may be NULL. */
int cglpk_get_mip_solution(cglpk_problem *problem, int *status, double *objective, double *col_value);

/* Export: format 0 = free MPS, 1 = CPLEX LP. glp_write_* result in *ret (0 = written,
 * -1 = written by GLPK but `header` could not be added). `header` (NULL for none) is a
 * comment line put before GLPK's text. */
int cglpk_write(cglpk_problem *problem, int format, const char *path, const char *header, int *ret);

/* The comment line that marks a free MPS file as a maximisation (GLPK's MPS has no OBJSENSE). */
#define CGLPK_MPS_MAXIMIZE_MARKER "* Objective sense: maximize"

/* glp_read_mps (free MPS) into an empty problem; result in *ret (0 = read). A leading
 * comment line starting with CGLPK_MPS_MAXIMIZE_MARKER makes the objective a maximisation. */
int cglpk_read_mps(cglpk_problem *problem, const char *path, int *ret);

/* Sizes of a loaded problem, for cglpk_extract. */
typedef struct cglpk_dims {
    int rows;
    int cols;
    int nnz;
    int sense;
    double obj_constant;
    size_t col_name_bytes;      /* total bytes of column names, each with its NUL */
    size_t row_name_bytes;
    size_t prob_name_bytes;     /* with its NUL */
} cglpk_dims;
int cglpk_get_dims(cglpk_problem *problem, cglpk_dims *dims);

/* Copy a loaded problem out. Arrays sized from cglpk_get_dims. */
typedef struct cglpk_model_out {
    double *obj;                /* cols */
    double *col_lb;             /* cols; -HUGE_VAL = none */
    double *col_ub;             /* cols; +HUGE_VAL = none */
    int *col_kind;              /* cols: GLP_CV, GLP_IV or GLP_BV */
    double *row_lb;             /* rows */
    double *row_ub;             /* rows */
    int *row_start;             /* rows + 1: row i holds entries row_start[i] ..< row_start[i+1]; row_start[0] = 1 */
    int *entry_col;             /* nnz + 1, 1-based: entry_col[1..nnz] column numbers (1-based) */
    double *entry_val;          /* nnz + 1, 1-based */
    char *col_names;            /* col_name_bytes */
    char *row_names;            /* row_name_bytes */
    char *prob_name;            /* prob_name_bytes */
} cglpk_model_out;
int cglpk_extract(cglpk_problem *problem, cglpk_model_out *out);

/* Makes a deliberately invalid GLPK call (column out of range) under the guard. Returns CGLPK_EGLPK. */
int cglpk_trigger_error_for_testing(void);

#ifdef __cplusplus
}
#endif

#endif /* CGLPK_H */

/*
 * Writing and reading MPS/LP files, and reading a problem back. See include/CGLPK.h and Docs/glpk-wrapper.md.
 */
#include "guard.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        guard_message_set("could not add the header line to the written file\n");
    }
    free(temporary);
    return failed ? -1 : 0;
}

int cglpk_write(cglpk_problem *problem, int format, const char *path, const char *header, int *ret) {
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (path == NULL || ret == NULL || (format != 0 && format != 1)) return CGLPK_EARG;
    struct file_args args = { problem->prob, format, path, ret };
    rc = guard_run(write_body, &args, 1);
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
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (path == NULL || ret == NULL) return CGLPK_EARG;
    struct file_args args = { problem->prob, 0, path, ret };
    return guard_run(read_body, &args, 1);
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
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (dims == NULL) return CGLPK_EARG;
    struct dims_args args = { problem->prob, dims };
    return guard_run(dims_body, &args, 0);
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
    int rc = guard_check_problem(problem);
    if (rc != CGLPK_OK) return rc;
    if (out == NULL || out->obj == NULL || out->col_lb == NULL || out->col_ub == NULL
        || out->col_kind == NULL || out->row_lb == NULL || out->row_ub == NULL
        || out->row_start == NULL || out->entry_col == NULL || out->entry_val == NULL) {
        guard_message_set("cglpk_extract: missing output arrays\n");
        return CGLPK_EARG;
    }
    struct extract_args args = { problem->prob, out };
    return guard_run(extract_body, &args, 0);
}

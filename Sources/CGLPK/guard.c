/*
 * The guard under every entry point over GLPK, and its messages. See include/CGLPK.h and Docs/glpk-wrapper.md.
 *
 * The guard (guard_run): setjmp into a thread-local jmp_buf, install an
 * error hook that frees this thread's GLPK environment and longjmps back,
 * run one step, remove the hook. GLPK's environment is thread-local
 * (glp_config("TLS")), and so is everything here.
 */
#include "guard.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MESSAGE_CAPACITY 4096

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

void guard_message_set(const char *text) {
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


/* Runs `body` with GLPK errors turned into CGLPK_EGLPK. `capture` keeps all output text. */
int guard_run(guarded_body body, void *arg, int capture) {
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

int guard_check_problem(const cglpk_problem *problem) {
    if (problem == NULL) return CGLPK_EARG;
    if (!pthread_equal(problem->owner, pthread_self())) {
        guard_message_set("GLPK problem used on a thread other than the one that created it\n");
        return CGLPK_ETHREAD;
    }
    if (problem->prob == NULL || problem->generation != tls_generation) {
        guard_message_set("GLPK problem was freed by an earlier GLPK error on this thread\n");
        return CGLPK_EDEAD;
    }
    return CGLPK_OK;
}


unsigned long guard_generation(void) {
    return tls_generation;
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
    return guard_run(trigger_body, NULL, 0);
}

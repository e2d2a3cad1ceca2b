/*
 * The guard shared by the shim's files (not part of the public header): every entry point
 * runs its GLPK work through guard_run, which turns a GLPK error into CGLPK_EGLPK instead of
 * an abort. See guard.c and Docs/glpk-wrapper.md.
 */
#ifndef CGLPK_GUARD_H
#define CGLPK_GUARD_H

#include "CGLPK.h"

#include <pthread.h>

/* A problem: owned by the thread that created it, dead once an error freed its environment. */
struct cglpk_problem {
    glp_prob *prob;
    unsigned long generation;   /* guard_generation() when created */
    pthread_t owner;
};

/* One step of GLPK work, run inside the guard. */
typedef int (*guarded_body)(void *arg);

/* Runs `body` with GLPK errors turned into CGLPK_EGLPK. `capture` keeps all output text. */
int guard_run(guarded_body body, void *arg, int capture);

/* CGLPK_OK when `problem` may be used on this thread now, else the error (message set). */
int guard_check_problem(const cglpk_problem *problem);

/* Replaces this thread's last message. */
void guard_message_set(const char *text);

/* This thread's GLPK environment generation (bumped by every error that frees it). */
unsigned long guard_generation(void);

#endif

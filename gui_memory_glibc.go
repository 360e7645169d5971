//go:build linux && cgo

package main

/*
#include <malloc.h>

// One heap per thread (glibc's default, up to eight a core) keeps what
// each thread freed: SQLite's pages, read on whichever thread Go ran the
// query, ended up held in a dozen heaps. Two are enough for the window.
static void clinicdesk_few_arenas(void) {
#ifdef __GLIBC__
	mallopt(M_ARENA_MAX, 2);
#endif
}

static void clinicdesk_trim(void) {
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}
*/
import "C"

import "os"

func fewMallocArenas() {
	if os.Getenv("MALLOC_ARENA_MAX") == "" {
		C.clinicdesk_few_arenas()
	}
}

// trimMalloc gives back to the system what C's allocator holds free.
func trimMalloc() { C.clinicdesk_trim() }

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

// glibc serves a block of 128 KiB or more with its own mapping, given
// back when freed, until the first such block is freed: then it raises
// both limits to that block's size and keeps what is freed below them.
// Software GL frees blocks of megabytes (the window's image, a chart's
// texture), and the heaps kept what the screens left had freed. Fixed
// limits keep the first behaviour.
static void clinicdesk_fixed_thresholds(void) {
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024);
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
	if os.Getenv("GLIBC_TUNABLES") == "" {
		C.clinicdesk_fixed_thresholds()
	}
}

// trimMalloc gives back to the system what C's allocator holds free.
func trimMalloc() { C.clinicdesk_trim() }

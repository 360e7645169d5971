package main

import (
	"os"
	"runtime/debug"
	"time"
)

// The window's memory (SPEC §5: under 200 MB, not growing over a day):
// `clinicdesk bench` measures it in the real window (rss_mb, rss_day_mb).

// guiMemoryLimit is what the Go runtime aims to stay under: the window's
// own objects (fonts, widgets, pictures) need 25 to 35 MB; near this the
// collector works harder rather than taking more from the desk PC. Of
// the window's 200 MB (SPEC §5) its code takes 100 and its drawing 40.
const guiMemoryLimit = 48 << 20

// guiGCPercent lets the heap grow by half between collections instead of
// doubling: a little more collecting, on a desk that mostly waits.
const guiGCPercent = 50

// tuneWindowMemory sets the collector and C's allocator for a window
// left open all day. GOGC and GOMEMLIMIT, if set, still win.
func tuneWindowMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(guiGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(guiMemoryLimit)
	}
	fewMallocArenas()
	go func() {
		// SQLite's page caches and the GL driver allocate and free
		// through C's allocator, which keeps what was freed.
		for range time.Tick(10 * time.Second) {
			trimMalloc()
		}
	}()
}

package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
	"weak"
)

func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// A window at rest allocates too little for Go to collect on its own, so
// what Fyne let go of stayed in memory; the memory tick collects once the
// collector has been quiet for two ticks, and only then.
func TestAQuietWindowCollectsWhatItLetGoOf(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no collection but the ones below
	runtime.GC()
	dropped := weak.Make(new([1 << 20]byte))
	start := gcCycles()

	cycles, quiet := collectIfQuiet(start, 0)
	if cycles != start || quiet != 1 {
		t.Fatalf("the first quiet tick gave cycles %d (was %d) and %d quiet ticks, want no collection and 1", cycles, start, quiet)
	}
	if dropped.Value() == nil {
		t.Fatal("collected on the first quiet tick")
	}
	cycles, quiet = collectIfQuiet(cycles, quiet)
	if cycles == start || quiet != 0 {
		t.Fatalf("the second quiet tick ran no collection (cycles %d, quiet %d)", cycles, quiet)
	}
	if dropped.Value() != nil {
		t.Fatal("what the window let go of is still held after the second quiet tick")
	}

	// A collection Go ran itself starts the count again.
	runtime.GC()
	again, quiet := collectIfQuiet(cycles, 1)
	if again != gcCycles() || quiet != 0 {
		t.Fatalf("after a collection of Go's own: cycles %d (now %d), quiet %d; want the count started again", again, gcCycles(), quiet)
	}
}

// Fyne drops the screens a sweep let go of at its next clean, within ten
// seconds: the window collects twelve seconds after the sweep, not at the
// next quiet spell, so they do not wait in the heap.
func TestTheWindowCollectsTwelveSecondsAfterASweep(t *testing.T) {
	debug.FreeOSMemory() // no freed heap for releaseFreeHeap to collect over
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	sweeps := 0
	m := windowMemory{sweep: func() bool { sweeps++; return sweeps == 1 }}
	start := gcCycles()
	for tick := 1; tick <= 10; tick++ {
		m.tick()
		if gcCycles() != start {
			t.Fatalf("collected at tick %d (%v in), before the sweep's collection", tick, time.Duration(tick)*trimEvery)
		}
	}
	if sweeps != 2 {
		t.Fatalf("swept %d times in 20 s, want every 10 s", sweeps)
	}
	m.tick() // 22 s: 12 s after the sweep at 10 s
	if gcCycles() == start {
		t.Fatal("no collection 12 s after the sweep")
	}
}

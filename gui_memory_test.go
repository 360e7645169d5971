package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
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

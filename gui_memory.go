package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"clinicdesk/app/cli"
)

// The window's memory (SPEC §5: under 200 MB, not growing over a day):
// `clinicdesk bench` measures it in the real window (rss_mb, rss_day_mb).

// guiGCPercent lets the heap grow by a quarter between collections, not
// double: the window's live objects are 25 to 35 MB (60 once a system
// font for names in another script, e.g. Chinese, is loaded), so this
// keeps 20 to 40 MB that doubling would hold, for about a tenth of the
// window's CPU spent collecting while it is busy (`clinicdesk bench`,
// rss_day_mb's note), on a desk that mostly waits.
const guiGCPercent = 25

// guiMemoryLimit is only a backstop, well above what the window holds: a
// limit near the live heap makes the collector chase it (at 48 MiB it
// took a third of the window's CPU once the Chinese names' font was
// loaded; at 96, a seventh).
const guiMemoryLimit = 128 << 20

// tuneWindowMemory sets the collector and C's allocator for a window
// left open all day. GOGC and GOMEMLIMIT, if set, still win.
func tuneWindowMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(guiGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(guiMemoryLimit)
	}
	if os.Getenv(cli.BenchHeapProfileEnv) == "" {
		// Go samples allocations for heap profiles by default; the
		// samples' stacks held 3 to 4 MB that nobody at a desk reads.
		runtime.MemProfileRate = 0
	}
	fewMallocArenas()
}

// keepWindowMemory looks after the window's memory for as long as it is
// open, a windowMemory tick every trimEvery.
func keepWindowMemory(sweep func() bool) {
	go func() {
		m := windowMemory{sweep: sweep}
		for {
			time.Sleep(trimEvery)
			m.tick()
		}
	}()
}

// windowMemory is what the window does for its memory at each tick.
// Every tick C's allocator gives back the pages it holds free; every
// fifth (ten seconds), Fyne lets go of the screens left (sweep), Go
// collects once the window is quiet, and Go's heap gives back what it
// holds free; and a sweep is followed by a collection, once Fyne has
// dropped what it let go of.
type windowMemory struct {
	sweep      func() bool // screens.UI.SweepLeftScreens
	n          int
	lastCycles uint64
	quietTicks int // of ten seconds
	collectIn  int // ticks until the collection after a sweep; 0 for none
}

func (m *windowMemory) tick() {
	m.n++
	trimMalloc()
	if m.collectIn > 0 {
		if m.collectIn--; m.collectIn == 0 {
			runtime.GC()
			releaseFreeHeap()
		}
	}
	if m.n%int(10*time.Second/trimEvery) != 0 {
		return
	}
	if m.sweep() {
		m.collectIn = int(collectAfterSweep / trimEvery)
	}
	m.lastCycles, m.quietTicks = collectIfQuiet(m.lastCycles, m.quietTicks)
	releaseFreeHeap()
}

// trimEvery is how often C's allocator gives back what it holds free.
// SQLite's page caches and the GL driver (software GL draws in memory)
// allocate and free through it, and it keeps what was freed: trimmed
// every ten seconds, C's share of the busy window after the bench's
// rounds at 100,000 patients was 63–72 MB; trimmed every two, 47–59
// (rounds 2 to 4 of two runs each). A trim took 0.7 ms at the median
// there, 2.3 ms at the 90th percentile.
const trimEvery = 2 * time.Second

// collectAfterSweep is how long after a sweep the window collects: Fyne
// drops the screens left at its next clean, within ten seconds.
const collectAfterSweep = 12 * time.Second

// quietTicksBeforeCollecting is how many ten-second ticks may pass with
// no collection before the window runs one itself.
const quietTicksBeforeCollecting = 2

// collectIfQuiet runs a collection once the collector has been idle for
// quietTicksBeforeCollecting ticks. Go collects when the heap grows, and
// a window at rest hardly allocates, so the screens Fyne lets go of 12 to
// 22 s after they are left (screens/rendercache) stayed in the heap until
// Go's own two-minute collection: 35 s after the bench's rounds at
// 100,000 patients the window held 225–236 MB (Go 66–81); with this,
// 191–199 MB (Go 33–36). A collection of the window's heap takes
// milliseconds.
// It returns the cycle count and quiet ticks to pass to the next call.
func collectIfQuiet(lastCycles uint64, quietTicks int) (uint64, int) {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	cycles := s[0].Value.Uint64()
	if cycles != lastCycles {
		return cycles, 0
	}
	if quietTicks+1 < quietTicksBeforeCollecting {
		return cycles, quietTicks + 1
	}
	runtime.GC()
	metrics.Read(s)
	return s[0].Value.Uint64(), 0
}

// heapFreeKept is how much freed Go heap the window may hold for reuse.
// The runtime gives memory back slowly, keeping about a tenth more than
// its next collection's goal: 20 to 30 MB of the window's resident
// memory was heap it had freed and kept (bench, rss_day_mb's split).
const heapFreeKept = 8 << 20

// releaseFreeHeap hands back the freed heap once it passes heapFreeKept.
// It costs one collection (tens of milliseconds at the window's live
// heap) at most every ten seconds, only after the heap has shrunk.
func releaseFreeHeap() {
	s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > heapFreeKept {
		debug.FreeOSMemory()
	}
}

package torture

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// Figure names. A kill scenario reports the first group, a byte-flip
// scenario the second; each trial that shows any of the failures marked
// below fails.
const (
	figKills      = "kills"
	figDidNotOpen = "did not open"                               // failure
	figVerify     = "verify failed"                              // failure
	figAckLost    = "acked writes lost"                          // failure (kills); see figSilent for flips
	figStopped    = "passwords or recovery keys stopped working" // failure
	figStale      = "old secrets still working"                  // failure
	figPanics     = "panics"                                     // failure
	figOther      = "other errors"                               // failure: the child could not do its work
	figReset      = "clinic replaced from the template"
	figUnshownKey = "recovery key replaced but never shown (manager told)"

	figDamaged       = "damaged files"
	figRefusedOpen   = "refused at open or sign-in"
	figFoundVerify   = "found by verify"
	figRefusedRestor = "refused at restore"
	figNoEffect      = "no effect"
	figRepaired      = "repaired from a second copy"
	figWrongPassword = "told wrong user name or password" // failure
	figUndetected    = "undetected"                       // failure
	figWrongData     = "opened with wrong data"           // failure
)

var killFigures = []string{figKills, figDidNotOpen, figVerify, figAckLost, figStopped, figStale, figPanics, figOther, figReset, figUnshownKey}
var flipFigures = []string{figDamaged, figRefusedOpen, figFoundVerify, figRefusedRestor, figNoEffect, figRepaired,
	figPanics, figWrongPassword, figUndetected, figWrongData, figAckLost, figOther}

// verbose prints every trial, not only the first failures.
var verbose = os.Getenv("CLINICDESK_TORTURE_VERBOSE") == "1"

// figures are one scenario's counts.
type figures struct {
	name     string
	deadline time.Time
	elapsed  time.Duration
	counts   map[string]int
	passed   int
	failed   int
	shown    int
}

func (f *figures) add(name string, n int) {
	if f.counts == nil {
		f.counts = map[string]int{}
	}
	f.counts[name] += n
}

// out of time for this scenario?
func (f *figures) spent() bool { return time.Now().After(f.deadline) }

// trial records one kill or damaged file: it passes when nothing went
// wrong. The first few failures are printed with what replays them.
func (f *figures) trial(label string, problems []string) {
	if len(problems) == 0 {
		f.passed++
		if verbose {
			fmt.Printf("  ok   %s %s\n", f.name, label)
		}
		return
	}
	f.failed++
	if f.shown < 5 || verbose {
		f.shown++
		msg := strings.Join(problems, "; ")
		if len(msg) > 600 && !verbose {
			msg = msg[:600] + "…"
		}
		fmt.Printf("  FAIL %s %s: %s\n", f.name, label, msg)
	} else if f.shown == 5 {
		f.shown++
		fmt.Printf("  (further %s failures are counted, not shown)\n", f.name)
	}
}

func (f *figures) line() string {
	names := killFigures
	if f.counts[figDamaged] > 0 || strings.HasPrefix(f.name, "flip-") {
		names = flipFigures
	}
	var parts []string
	for _, n := range names {
		parts = append(parts, fmt.Sprintf("%s %d", n, f.counts[n]))
	}
	return fmt.Sprintf("%s: %s; %d passed, %d failed (%s)", f.name, strings.Join(parts, ", "),
		f.passed, f.failed, f.elapsed.Round(time.Second))
}

// trialRNG is the random source of one trial, from the run's seed, the
// scenario and the trial number: the same seed replays the same delays,
// offsets and operations.
func trialRNG(seed int64, scenario string, trial int) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(scenario))
	return rand.New(rand.NewPCG(uint64(seed), h.Sum64()^uint64(trial)*0x9E3779B97F4A7C15))
}

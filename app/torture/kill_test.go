package torture

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// pacer picks when to kill: uniformly over the next `window` operations,
// as long as the operations have been taking so far.
type pacer struct {
	window int
	est    time.Duration
}

func (p *pacer) next(rng *rand.Rand) time.Duration {
	return time.Duration(rng.Int64N(int64(p.est)*int64(p.window) + 1))
}

func (p *pacer) observe(lines []stamped) {
	var begun time.Time
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l.text, "begin "):
			begun = l.at
		case strings.HasPrefix(l.text, "ack ") && !begun.IsZero():
			d := l.at.Sub(begun)
			p.est = (p.est*7 + d) / 8
		}
	}
}

// ops reads the operations a child acknowledged and the one it had begun
// but not finished when it was killed (nil if none).
func ops(lines []stamped) (acked []op, inFlight *op) {
	for _, l := range lines {
		kind, body, _ := strings.Cut(l.text, " ")
		var o op
		if json.Unmarshal([]byte(body), &o) != nil {
			continue
		}
		switch kind {
		case "begin":
			inFlight = &o
		case "shown": // a new recovery key was shown, not yet acknowledged
			if inFlight != nil {
				inFlight.New = o.New
			}
		case "ack":
			acked = append(acked, o)
			inFlight = nil
		}
	}
	return acked, inFlight
}

// cycle runs one working child and kills it delay after it is ready.
// killed is false if it ended by itself (an error it reported, in err).
func (r *run) cycle(spec childSpec, delay time.Duration) (lines []stamped, killed bool, err error) {
	return r.cycleAfter(spec, "", delay)
}

// cycleAfter is cycle with the delay counted from the first line that
// starts with after (e.g. the begin line of one kind of operation); if no
// such line comes within a few seconds the child is killed then.
func (r *run) cycleAfter(spec childSpec, after string, delay time.Duration) (lines []stamped, killed bool, err error) {
	ch, err := startChild(spec)
	if err != nil {
		return nil, false, err
	}
	if _, err := ch.waitFor("ready", time.Minute); err != nil {
		return ch.all(), false, err
	}
	if after != "" {
		if _, err := ch.waitFor(after, 5*time.Second); err != nil {
			if ch.killed {
				return ch.all(), true, nil // killed by waitFor at its timeout: still a kill
			}
			return ch.all(), false, fmt.Errorf("the working child stopped by itself: %s", ch.tail())
		}
	}
	killed = ch.killAfter(delay)
	lines = ch.all()
	if !killed {
		msg := ch.tail()
		for _, l := range lines {
			if strings.HasPrefix(l.text, "fail ") {
				msg = strings.TrimPrefix(l.text, "fail ")
			}
		}
		if p := ch.panicked(); p != "" {
			msg = p
		}
		return lines, false, fmt.Errorf("the working child stopped by itself: %s", msg)
	}
	return lines, true, nil
}

// check snapshots the clinic folder (for the recovery key), then has a
// child inspect it. panicMsg is set if the child panicked.
func (r *run) check(clinicDir string, cs checkSpec) (res checkResult, panicMsg string, err error) {
	// The checks try old passwords on purpose, run after run; the sign-in
	// throttle (its count kept in clinic.db.signin) would make the
	// torture wait, and is not what is tested here.
	os.Remove(filepath.Join(clinicDir, dbName+".signin"))
	if len(cs.Recovery) > 0 {
		cs.Snapshot = filepath.Join(r.dir, "snapshot")
		if err := copyClinic(clinicDir, cs.Snapshot); err != nil {
			return res, "", err
		}
	}
	ch, err := startChild(childSpec{Mode: "check", Path: filepath.Join(clinicDir, dbName), Check: &cs})
	if err != nil {
		return res, "", err
	}
	werr := ch.wait(3 * time.Minute)
	for _, l := range ch.all() {
		if body, ok := strings.CutPrefix(l.text, "result "); ok {
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				return res, "", err
			}
			if verbose {
				brief := res
				brief.Patients, brief.Appointments = nil, nil
				b, _ := json.Marshal(brief)
				fmt.Printf("    check (%d patients, %d appointments): %s\n", len(res.Patients), len(res.Appointments), b)
			}
			if res.Panic != "" {
				return res, res.Panic, nil
			}
			return res, ch.panicked(), nil
		}
	}
	if p := ch.panicked(); p != "" {
		return res, p, nil
	}
	return res, "", fmt.Errorf("the checking child gave no result (%v): %s", werr, ch.tail())
}

// judgeBase counts what every kill check shares: a panic, a file that did
// not open, Verify. It reports whether the clinic is worth carrying on with.
func judgeBase(f *figures, res checkResult, panicMsg string, err error) (problems []string, usable bool) {
	switch {
	case panicMsg != "":
		f.add(figPanics, 1)
		return []string{"the checking child panicked: " + panicMsg}, false
	case err != nil:
		f.add(figOther, 1)
		return []string{err.Error()}, false
	case res.OpenErr != "":
		f.add(figDidNotOpen, 1)
		return []string{"the clinic did not open: " + res.OpenErr}, false
	}
	usable = true
	if res.SessionErr != "" {
		problems = append(problems, "no manager could sign in: "+res.SessionErr)
		usable = false
	}
	if res.ReadErr != "" {
		f.add(figOther, 1)
		problems = append(problems, "reading the clinic: "+res.ReadErr)
	}
	if res.VerifyErr != "" {
		f.add(figVerify, 1)
		problems = append(problems, "verify: "+res.VerifyErr)
		usable = false
	}
	return problems, usable
}

// judgeMustWork counts every login and recovery key in the result that
// should have worked and did not.
func judgeMustWork(f *figures, outs []outcome, what string) (problems []string) {
	for _, o := range outs {
		if o.Result != "ok" {
			f.add(figStopped, 1)
			who := o.User
			if who == "" {
				who = "the recovery key"
			}
			problems = append(problems, fmt.Sprintf("%s%s stopped working (%s)", what, who, o.Err))
		}
	}
	return problems
}

// missing lists the wanted ids not in have (both sorted or not).
func missing(want, have []string) []string {
	set := make(map[string]bool, len(have))
	for _, h := range have {
		set[h] = true
	}
	var out []string
	for _, w := range want {
		if !set[w] {
			out = append(out, w)
		}
	}
	return out
}

func (r *run) fresh(dir string) error { return copyClinic(r.tmpl, dir) }

func runRotation(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	if err := r.fresh(dir); err != nil {
		f.trial("setup", []string{err.Error()})
		return
	}
	p := &pacer{window: 3, est: 100 * time.Millisecond}
	for trial := 0; f.counts[figKills] < sc.target && !f.spent() && trial < sc.target*3; trial++ {
		rng := trialRNG(r.seed, sc.name, trial)
		delay := p.next(rng)
		lines, killed, err := r.cycle(childSpec{Mode: "work", Work: "rotate", Path: filepath.Join(dir, dbName),
			Login: r.fix.Manager, Fix: r.fix}, delay)
		label := fmt.Sprintf("#%d (kill %s after ready)", trial, delay.Round(time.Microsecond))
		if !killed {
			f.add(figOther, 1)
			f.trial(label, []string{err.Error()})
			r.fresh(dir)
			f.add(figReset, 1)
			continue
		}
		f.add(figKills, 1)
		p.observe(lines)
		acked, inFlight := ops(lines)
		label += fmt.Sprintf(", %d rotations done", len(acked))
		if inFlight != nil {
			label += ", one under way"
		}
		res, panicMsg, err := r.check(dir, checkSpec{Logins: r.fix.logins(), Managers: []login{r.fix.Manager},
			Recovery: []string{r.fix.Recovery}, RecoverUser: r.fix.Manager.User})
		problems, usable := judgeBase(f, res, panicMsg, err)
		if res.OpenErr == "" && err == nil && panicMsg == "" {
			problems = append(problems, judgeMustWork(f, res.Logins, "")...)
			problems = append(problems, judgeMustWork(f, res.Recovery, "")...)
			if usable {
				if lost := missing(r.fix.Patients, res.Patients); len(lost) > 0 {
					f.add(figAckLost, len(lost))
					problems = append(problems, fmt.Sprintf("%d patients lost", len(lost)))
				}
			}
		}
		f.trial(label, problems)
		if len(problems) > 0 {
			r.fresh(dir)
			f.add(figReset, 1)
		}
	}
	// The issue asks for at least 100 kills during rotation: a run that
	// ran out of time before then has not shown what it must.
	if sc.target >= 100 && f.counts[figKills] < 100 {
		f.trial("overall", []string{fmt.Sprintf("only %d kills in the time budget; at least 100 are needed", f.counts[figKills])})
	}
}

func runWrites(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	if err := r.fresh(dir); err != nil {
		f.trial("setup", []string{err.Error()})
		return
	}
	var patients, appts []string // acknowledged since the last reset
	p := &pacer{window: 20, est: 20 * time.Millisecond}
	for trial := 0; f.counts[figKills] < sc.target && !f.spent() && trial < sc.target*3; trial++ {
		rng := trialRNG(r.seed, sc.name, trial)
		delay := p.next(rng)
		lines, killed, err := r.cycle(childSpec{Mode: "work", Work: "writes", Path: filepath.Join(dir, dbName),
			Login: r.fix.Reception, Fix: r.fix, Tag: fmt.Sprint(trial)}, delay)
		label := fmt.Sprintf("#%d (kill %s after ready)", trial, delay.Round(time.Microsecond))
		if !killed {
			f.add(figOther, 1)
			f.trial(label, []string{err.Error()})
			r.fresh(dir)
			patients, appts = nil, nil
			f.add(figReset, 1)
			continue
		}
		f.add(figKills, 1)
		p.observe(lines)
		acked, _ := ops(lines)
		for _, o := range acked {
			if o.Op == "patient" {
				patients = append(patients, o.ID)
			} else if o.Op == "appt" {
				appts = append(appts, o.ID)
			}
		}
		label += fmt.Sprintf(", %d writes acknowledged", len(acked))
		res, panicMsg, err := r.check(dir, checkSpec{Logins: r.fix.logins(), Managers: []login{r.fix.Manager},
			Recovery: []string{r.fix.Recovery}, RecoverUser: r.fix.Manager.User})
		problems, usable := judgeBase(f, res, panicMsg, err)
		if res.OpenErr == "" && err == nil && panicMsg == "" {
			problems = append(problems, judgeMustWork(f, res.Logins, "")...)
			problems = append(problems, judgeMustWork(f, res.Recovery, "")...)
			if usable {
				lostP := missing(append(slices.Clone(r.fix.Patients), patients...), res.Patients)
				lostA := missing(appts, res.Appointments)
				if n := len(lostP) + len(lostA); n > 0 {
					f.add(figAckLost, n)
					problems = append(problems, fmt.Sprintf("acknowledged and lost: %d patients, %d appointments", len(lostP), len(lostA)))
				}
			}
		}
		f.trial(label, problems)
		if len(problems) > 0 {
			r.fresh(dir)
			patients, appts = nil, nil
			f.add(figReset, 1)
		}
	}
}

// removeBeforeRestore deletes what restores moved aside, so a long run
// does not fill the disk; they are checked by the restore helper's tests.
// Nothing is deleted while a restore is still unfinished (its journal or
// staged files are there): finishing it may need them.
func removeBeforeRestore(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "journal") || strings.Contains(e.Name(), "restore-new") {
			return
		}
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".before-restore-") {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

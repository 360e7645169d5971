package torture

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"clinicdesk/data"
)

// A damaged file must be refused with a message that names the damage (at
// open, sign-in, verify or restore), or have no effect at all. Never a
// panic, never "wrong user name or password", never accepted as if whole.

// judgeFlip sorts one checked damaged clinic. same says the damage cannot
// matter (e.g. JSON white space), so only panics and "wrong password" fail;
// healed says the damaged file was written back whole by the time the
// check ended. wantPatients are the patients an undamaged clinic has.
func judgeFlip(f *figures, res checkResult, panicMsg string, err error, wantPatients []string, same, healed bool) (problems []string) {
	if panicMsg != "" {
		f.add(figPanics, 1)
		return []string{"panic: " + panicMsg}
	}
	if err != nil {
		f.add(figOther, 1)
		return []string{err.Error()}
	}
	wrong := false
	for _, o := range append(slices.Clone(res.Logins), res.Recovery...) {
		if o.Result == "wrong" {
			wrong = true
			who := o.User
			if who == "" {
				who = "the recovery key"
			}
			problems = append(problems, fmt.Sprintf("%s: told %q", who, o.Err))
		}
	}
	if wrong {
		f.add(figWrongPassword, 1)
		return problems
	}
	refused := res.OpenErr != "" || res.SessionErr != ""
	for _, o := range append(slices.Clone(res.Logins), res.Recovery...) {
		refused = refused || o.Result == "error"
	}
	switch {
	case res.OpenErr != "" || res.SessionErr != "":
		f.add(figRefusedOpen, 1)
	case res.VerifyErr != "":
		f.add(figFoundVerify, 1)
	case same:
		f.add(figNoEffect, 1)
	case !slices.Equal(res.Patients, wantPatients):
		f.add(figWrongData, 1)
		problems = append(problems, fmt.Sprintf("opened and verified with different patients (%d, want %d)", len(res.Patients), len(wantPatients)))
	case healed:
		f.add(figRepaired, 1)
	default:
		// Signed in and verified: damage that Verify does not see, even
		// if one sign-in named it.
		f.add(figUndetected, 1)
		if refused {
			problems = append(problems, "verify passed a damaged file (only a sign-in noticed)")
		} else {
			problems = append(problems, "accepted as if undamaged: open, sign-in and verify all passed")
		}
	}
	return problems
}

// onlyTrial replays one damaged file: CLINICDESK_TORTURE_TRIAL=7 with the
// seed and CLINICDESK_TORTURE_ONLY of the run that failed (each damaged
// file starts from the test clinic, so one can be replayed alone).
var onlyTrial = os.Getenv("CLINICDESK_TORTURE_TRIAL")

func (r *run) flipLoop(sc *scenario, f *figures, one func(trial int, label *string) []string) {
	for trial := 0; f.counts[figDamaged] < sc.target && !f.spent() && trial < sc.target*3; trial++ {
		if onlyTrial != "" && onlyTrial != fmt.Sprint(trial) {
			continue
		}
		label := fmt.Sprintf("#%d", trial)
		problems := one(trial, &label)
		f.trial(label, problems)
	}
}

// runFlipDB flips one byte of a cleanly closed clinic file.
func runFlipDB(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	r.flipLoop(sc, f, func(trial int, label *string) []string {
		rng := trialRNG(r.seed, sc.name, trial)
		if err := r.fresh(dir); err != nil {
			return []string{err.Error()}
		}
		where, err := flipByte(filepath.Join(dir, dbName), rng)
		if err != nil {
			return []string{err.Error()}
		}
		f.add(figDamaged, 1)
		*label += " " + where
		res, panicMsg, err := r.check(dir, checkSpec{Logins: []login{r.fix.Manager}, Managers: []login{r.fix.Manager}})
		return judgeFlip(f, res, panicMsg, err, r.fix.Patients, false, false)
	})
}

// runFlipWAL kills a child that has written patients (committed, in the
// WAL, not checkpointed) and flips one byte of the WAL. Losing those
// acknowledged writes without a word is the failure to look for.
func runFlipWAL(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	r.flipLoop(sc, f, func(trial int, label *string) []string {
		rng := trialRNG(r.seed, sc.name, trial)
		if err := r.fresh(dir); err != nil {
			return []string{err.Error()}
		}
		ch, err := startChild(childSpec{Mode: "walhold", Path: filepath.Join(dir, dbName), Login: r.fix.Reception,
			Fix: r.fix, Count: 5, Tag: fmt.Sprint(trial)})
		if err != nil {
			return []string{err.Error()}
		}
		if _, err := ch.waitFor("hold", time.Minute); err != nil {
			f.add(figOther, 1)
			return []string{err.Error()}
		}
		ch.kill()
		acked, _ := ops(ch.all())
		want := slices.Clone(r.fix.Patients)
		for _, o := range acked {
			want = append(want, o.ID)
		}
		slices.Sort(want)
		where, err := flipByte(filepath.Join(dir, dbName+"-wal"), rng)
		if err != nil {
			f.add(figOther, 1)
			return []string{"no WAL to damage: " + err.Error()}
		}
		f.add(figDamaged, 1)
		*label += " " + where
		res, panicMsg, err := r.check(dir, checkSpec{Logins: []login{r.fix.Manager}, Managers: []login{r.fix.Manager}})
		if res.Patients != nil && res.VerifyErr == "" {
			if lost := missing(want, res.Patients); len(lost) > 0 {
				f.add(figAckLost, len(lost))
				f.add(figUndetected, 1)
				return []string{fmt.Sprintf("%d acknowledged patients silently gone; verify passed", len(lost))}
			}
		}
		return judgeFlip(f, res, panicMsg, err, want, slices.Equal(want, res.Patients), false)
	})
}

// runFlipKeyring flips one byte of the keyring (or of any second copy
// kept beside it) and tries every password and the recovery key.
func runFlipKeyring(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	krPath := data.KeyringPath(filepath.Join(dir, dbName))
	r.flipLoop(sc, f, func(trial int, label *string) []string {
		rng := trialRNG(r.seed, sc.name, trial)
		if err := r.fresh(dir); err != nil {
			return []string{err.Error()}
		}
		copies, err := filepath.Glob(krPath + "*")
		if err != nil || len(copies) == 0 {
			return []string{fmt.Sprintf("no keyring at %s", krPath)}
		}
		// The keyring and any second copy of it (same content): not an
		// older keyring kept for some other reason, which nothing reads.
		before := map[string][]byte{}
		for _, p := range copies {
			before[p], _ = os.ReadFile(p)
		}
		targets := []string{krPath}
		for _, p := range copies {
			if p != krPath && sameJSON(before[p], before[krPath]) {
				targets = append(targets, p)
			}
		}
		target := targets[rng.IntN(len(targets))]
		flip := flipByte
		if trial%4 == 3 {
			flip = shortenField // every fourth: a field of the right kind but the wrong length
		}
		where, err := flip(target, rng)
		if err != nil {
			return []string{err.Error()}
		}
		after, _ := os.ReadFile(target)
		f.add(figDamaged, 1)
		*label += " " + where
		res, panicMsg, err := r.check(dir, checkSpec{Logins: r.fix.logins(), Managers: []login{r.fix.Manager},
			Recovery: []string{r.fix.Recovery}, RecoverUser: r.fix.Manager.User})
		// Written back whole (from a second copy) by the time the check
		// was done: the damage is gone, not accepted.
		healed := true
		for _, p := range targets {
			now, _ := os.ReadFile(p)
			healed = healed && sameJSON(before[p], now)
		}
		return judgeFlip(f, res, panicMsg, err, r.fix.Patients, sameJSON(before[target], after), healed)
	})
}

// sameJSON: the two keyrings say the same (white space and the order of
// the entries aside), so nothing was damaged, or it was mended.
func sameJSON(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(sortEntries(x), sortEntries(y))
}

// sortEntries orders a keyring's "entries" by id: a keyring mended from
// its second copy may list them in another order.
func sortEntries(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if entries, ok := m["entries"].([]any); ok {
		slices.SortFunc(entries, func(a, b any) int {
			return strings.Compare(fmt.Sprint(entryID(a)), fmt.Sprint(entryID(b)))
		})
	}
	return m
}

func entryID(e any) any {
	if m, ok := e.(map[string]any); ok {
		return m["id"]
	}
	return e
}

// runFlipBackup flips one byte of a backup, then has a manager test it
// (TestBackup) and restore it to a new place. A restore that goes through
// must give back exactly what was backed up, verified.
func runFlipBackup(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	if err := r.fresh(dir); err != nil {
		f.trial("setup", []string{err.Error()})
		return
	}
	backups, states, err := r.makeBackups(dir, filepath.Join(r.dir, sc.name+"-backups"))
	if err != nil {
		f.trial("setup", []string{err.Error()})
		return
	}
	original, want := backups[1], states[1]
	r.flipLoop(sc, f, func(trial int, label *string) []string {
		rng := trialRNG(r.seed, sc.name, trial)
		work := filepath.Join(r.dir, sc.name+"-trial")
		os.RemoveAll(work)
		os.MkdirAll(work, 0o700)
		damaged := filepath.Join(work, "damaged.cdbackup")
		if err := copyFile(original, damaged); err != nil {
			return []string{err.Error()}
		}
		where, err := flipByte(damaged, rng)
		if err != nil {
			return []string{err.Error()}
		}
		f.add(figDamaged, 1)
		*label += " " + where
		res, panicMsg, err := r.check(dir, checkSpec{Managers: []login{r.fix.Manager}, Backup: damaged,
			RestoreTo: filepath.Join(work, "restored", dbName)})
		if panicMsg != "" || err != nil {
			return judgeFlip(f, res, panicMsg, err, want, false, false)
		}
		switch {
		case res.RestoreRes == "wrong":
			f.add(figWrongPassword, 1)
			return []string{"restore said " + res.RestoreErr}
		case res.Restored == nil && res.BackupErr != "":
			f.add(figFoundVerify, 1)
		case res.Restored == nil:
			f.add(figRefusedRestor, 1)
		case res.Restored.OpenErr != "" || res.Restored.SessionErr != "" || res.Restored.VerifyErr != "" ||
			!slices.Equal(res.Restored.Patients, want):
			f.add(figWrongData, 1)
			return []string{fmt.Sprintf("restored a damaged backup: open %q, sign-in %q, verify %q, %d patients (want %d)",
				res.Restored.OpenErr, res.Restored.SessionErr, res.Restored.VerifyErr, len(res.Restored.Patients), len(want))}
		case res.BackupErr != "":
			f.add(figFoundVerify, 1) // the test refused it; the restore put back an intact copy
		default:
			f.add(figNoEffect, 1) // e.g. tar padding: the same clinic comes back, verified
		}
		return nil
	})
}

// shortenField cuts four characters (three bytes) off one base64 field of
// one keyring entry, leaving valid JSON and valid base64 of the wrong
// length: a nonce or key of the wrong size, which a byte flip cannot make.
func shortenField(path string, rng *rand.Rand) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var kr map[string]any
	if err := json.Unmarshal(b, &kr); err != nil {
		return "", err
	}
	entries, _ := kr["entries"].([]any)
	if len(entries) == 0 {
		return "", fmt.Errorf("%s has no entries", path)
	}
	e, _ := entries[rng.IntN(len(entries))].(map[string]any)
	type field struct {
		m    map[string]any
		name string
	}
	var fields []field
	for _, m := range []map[string]any{e, asMap(e["envelope"])} {
		for k, v := range m {
			if s, ok := v.(string); ok && len(s) > 8 && k != "id" && k != "kdf" {
				fields = append(fields, field{m, k})
			}
		}
	}
	if len(fields) == 0 {
		return "", fmt.Errorf("no field to shorten in %s", path)
	}
	slices.SortFunc(fields, func(a, b field) int { return strings.Compare(a.name, b.name) })
	f := fields[rng.IntN(len(fields))]
	v := f.m[f.name].(string)
	f.m[f.name] = v[:len(v)-4]
	out, err := json.MarshalIndent(kr, "", " ")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s: %s of entry %v cut by 3 bytes", filepath.Base(path), f.name, e["id"]), nil
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

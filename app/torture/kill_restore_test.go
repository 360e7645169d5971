package torture

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// makeBackups makes two backups of the clinic in dir: A with the template's
// patients, B with five more (the clinic is left as B). It returns their
// paths and patient ids.
func (r *run) makeBackups(dir, out string) (paths []string, patientIDs [][]string, err error) {
	os.RemoveAll(out) // a backup is never overwritten: start the folder afresh
	if err := os.MkdirAll(out, 0o700); err != nil {
		return nil, nil, err
	}
	c, err := app.Open(filepath.Join(dir, dbName))
	if err != nil {
		return nil, nil, err
	}
	defer c.Close()
	if err := c.SignIn(r.fix.Manager.User, r.fix.Manager.Password); err != nil {
		return nil, nil, err
	}
	for i := 0; i < 2; i++ {
		if i == 1 {
			for j := 0; j < 5; j++ {
				if _, err := c.CreatePatient(patients.Patient{Forenames: "Bea", Surname: fmt.Sprintf("Backup%d", j),
					DOB: ukcal.NewDate(1980, time.February, j+1)}, app.PatientOptions{}); err != nil {
					return nil, nil, err
				}
			}
		}
		p := filepath.Join(out, fmt.Sprintf("backup-%c%s", 'a'+i, app.BackupExt))
		if _, err := c.BackupNow(p); err != nil {
			return nil, nil, err
		}
		ids, err := allPatients(c)
		if err != nil {
			return nil, nil, err
		}
		paths, patientIDs = append(paths, p), append(patientIDs, ids)
	}
	return paths, patientIDs, nil
}

// runRestore kills `restore --force` (app.RestoreBackup) as it puts two
// backups in place in turn. Afterwards the clinic must be whole: the one
// before the restore under way or the one it was restoring.
func runRestore(r *run, sc *scenario, f *figures) {
	dir := filepath.Join(r.dir, sc.name)
	var backups []string
	var states [][]string
	setup := func() error {
		if err := r.fresh(dir); err != nil {
			return err
		}
		var err error
		backups, states, err = r.makeBackups(dir, filepath.Join(r.dir, sc.name+"-backups"))
		return err
	}
	if err := setup(); err != nil {
		f.trial("setup", []string{err.Error()})
		return
	}
	current := states[1]
	p := &pacer{window: 3, est: 200 * time.Millisecond}
	for trial := 0; f.counts[figKills] < sc.target && !f.spent() && trial < sc.target*3; trial++ {
		rng := trialRNG(r.seed, sc.name, trial)
		delay := p.next(rng)
		lines, killed, err := r.cycle(childSpec{Mode: "work", Work: "restore", Path: filepath.Join(dir, dbName),
			Login: r.fix.Manager, Backups: backups}, delay)
		label := fmt.Sprintf("#%d (kill %s after start)", trial, delay.Round(time.Microsecond))
		reset := func() {
			if err := setup(); err != nil {
				fmt.Println("  restore: could not set up again:", err)
			}
			current = states[1]
			f.add(figReset, 1)
		}
		if !killed {
			f.add(figOther, 1)
			f.trial(label, []string{err.Error()})
			reset()
			continue
		}
		f.add(figKills, 1)
		p.observe(lines)
		acked, inFlight := ops(lines)
		allowed := [][]string{current}
		if len(acked) > 0 {
			current = states[acked[len(acked)-1].Backup]
			allowed = [][]string{current}
		}
		if inFlight != nil {
			allowed = append(allowed, states[inFlight.Backup])
			label += fmt.Sprintf(", %d restores done, killed restoring %c", len(acked), 'A'+inFlight.Backup)
		}
		res, panicMsg, err := r.check(dir, checkSpec{Logins: r.fix.logins(), Managers: []login{r.fix.Manager},
			Recovery: []string{r.fix.Recovery}, RecoverUser: r.fix.Manager.User})
		problems, usable := judgeBase(f, res, panicMsg, err)
		if res.OpenErr == "" && err == nil && panicMsg == "" {
			problems = append(problems, judgeMustWork(f, res.Logins, "")...)
			problems = append(problems, judgeMustWork(f, res.Recovery, "")...)
			if usable {
				matched := false
				for i, want := range allowed {
					if slices.Equal(want, res.Patients) {
						matched, current = true, allowed[i]
					}
				}
				if !matched {
					lost := len(missing(allowed[len(allowed)-1], res.Patients))
					f.add(figAckLost, max(1, lost))
					problems = append(problems, fmt.Sprintf("the clinic is neither the one before nor the backup being restored (%d patients, %d of them missing)", len(res.Patients), lost))
				}
			}
		}
		f.trial(label, problems)
		removeBeforeRestore(dir)
		if len(problems) > 0 {
			reset()
		}
	}
}

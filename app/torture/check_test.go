package torture

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// checkSpec is what a checking child tries on a clinic after a kill or a
// flip. It only reports; the parent judges.
type checkSpec struct {
	Logins []login // each is tried with SignIn and its outcome reported
	// Managers are tried in turn for the session that lists users and
	// patients and runs Verify.
	Managers []login
	// Recovery keys are each tried with RecoverAccess on a fresh copy of
	// Snapshot (a copy of the clinic folder made before anything opened
	// it), as RecoverUser.
	Snapshot    string
	Recovery    []string
	RecoverUser string
	// ReAdd is added again if the kill left no such user.
	ReAdd *app.NewUser `json:",omitempty"`
	// Backup, when set, is checked with TestBackup, then restored (as
	// Managers[0]) to RestoreTo, which is then inspected too.
	Backup    string
	RestoreTo string
}

// outcome is one password or key tried: "ok", "wrong" (the wrong user
// name or password message), "disabled" or "error" (any other message).
type outcome struct {
	User     string `json:",omitempty"`
	Password string `json:",omitempty"`
	Result   string
	Err      string `json:",omitempty"`
}

type checkResult struct {
	OpenErr      string
	Logins       []outcome
	SessionErr   string // no manager could sign in
	ReadErr      string
	Users        map[string]bool // user name → active
	Patients     []string        // sorted ids
	Appointments []string        // sorted ids
	VerifyErr    string
	Verified     bool
	// SheetSaved: whether the current recovery key's sheet was saved, so
	// a manager signing in is told when it was not (nil: not recorded).
	SheetSaved *bool        `json:",omitempty"`
	ReAdd      *outcome     `json:",omitempty"`
	Recovery   []outcome    `json:",omitempty"`
	BackupErr  string       `json:",omitempty"` // TestBackup
	RestoreErr string       `json:",omitempty"`
	RestoreRes string       `json:",omitempty"` // outcome class of RestoreErr
	Restored   *checkResult `json:",omitempty"`
	Panic      string       `json:",omitempty"`
}

func classify(err error) outcome {
	switch {
	case err == nil:
		return outcome{Result: "ok"}
	case errors.Is(err, app.ErrWrongPassword), strings.Contains(err.Error(), "wrong user name or password"),
		strings.Contains(err.Error(), "recovery key does not open"):
		return outcome{Result: "wrong", Err: err.Error()}
	case errors.Is(err, app.ErrAccountDisabled):
		return outcome{Result: "disabled", Err: err.Error()}
	}
	return outcome{Result: "error", Err: err.Error()}
}

func checkMain(spec childSpec) (code int) {
	cs := spec.Check
	var res checkResult
	defer func() {
		if p := recover(); p != nil {
			res.Panic = fmt.Sprint(p)
			code = 3
		}
		say("result", res)
	}()
	res = inspect(spec.Path, *cs, func(c *app.Clinic, r *checkResult) {
		if cs.ReAdd != nil && r.Users != nil {
			if _, there := r.Users[cs.ReAdd.Username]; !there {
				_, err := c.AddUser(*cs.ReAdd)
				o := classify(err)
				if err == nil {
					// A user added back must be able to sign in.
					o = classify(c.SignIn(cs.ReAdd.Username, cs.ReAdd.Password))
				}
				r.ReAdd = &o
			}
		}
		if cs.Backup != "" {
			if _, err := c.TestBackup(cs.Backup); err != nil {
				r.BackupErr = err.Error()
			}
		}
	})
	for _, key := range cs.Recovery {
		o := tryRecovery(cs.Snapshot, key, cs.RecoverUser)
		o.Password = key
		res.Recovery = append(res.Recovery, o)
	}
	if cs.Backup != "" {
		m := cs.Managers[0]
		_, err := app.RestoreBackup(cs.Backup, cs.RestoreTo, m.User, m.Password, false)
		if err != nil {
			res.RestoreErr, res.RestoreRes = err.Error(), classify(err).Result
		} else {
			r := inspect(cs.RestoreTo, checkSpec{Logins: cs.Managers[:1], Managers: cs.Managers[:1]}, nil)
			res.Restored = &r
		}
	}
	return 0
}

// inspect opens the clinic, tries every login, then as a manager reads
// the users, patients and appointments and runs Verify(false).
func inspect(path string, cs checkSpec, extra func(*app.Clinic, *checkResult)) (r checkResult) {
	c, err := app.Open(path)
	if err != nil {
		r.OpenErr = err.Error()
		return r
	}
	defer c.Close()
	for _, l := range cs.Logins {
		o := classify(c.SignIn(l.User, l.Password))
		o.User, o.Password = l.User, l.Password
		r.Logins = append(r.Logins, o)
	}
	var errs []string
	for _, m := range cs.Managers {
		err := c.SignIn(m.User, m.Password)
		if err == nil {
			errs = nil
			break
		}
		errs = append(errs, m.User+": "+err.Error())
	}
	if len(cs.Managers) == 0 || errs != nil {
		r.SessionErr = strings.Join(errs, "; ")
		if r.SessionErr == "" {
			r.SessionErr = "no manager login given"
		}
		return r
	}
	users, err := c.Users()
	if err == nil {
		r.Users = map[string]bool{}
		for _, u := range users {
			r.Users[u.Username] = u.Active
		}
		r.Patients, err = allPatients(c)
	}
	if err == nil {
		var appts []schedule.Appointment
		appts, err = c.DiaryOccupied(ukcal.MustParseDate("2030-01-01"), ukcal.MustParseDate("2031-12-31"))
		for _, a := range appts {
			r.Appointments = append(r.Appointments, a.ID)
		}
		r.Appointments = sortedCopy(r.Appointments)
	}
	if err != nil {
		r.ReadErr = err.Error()
	}
	if t, ok := any(c).(sheetTracker); ok {
		if saved, err := t.RecoverySheetSaved(); err == nil {
			r.SheetSaved = &saved
		}
	}
	if _, err := c.Verify(false); err != nil {
		r.VerifyErr = err.Error()
	} else {
		r.Verified = true
	}
	if extra != nil {
		extra(c, &r)
	}
	return r
}

// tryRecovery uses the recovery key on a private copy of the clinic, as
// "Forgotten your password?" would, so the clinic under test is untouched.
func tryRecovery(snapshot, key, username string) outcome {
	dir, err := os.MkdirTemp(filepath.Dir(snapshot), "recovery-*")
	if err != nil {
		return outcome{Result: "error", Err: err.Error()}
	}
	defer os.RemoveAll(dir)
	if err := copyClinic(snapshot, dir); err != nil {
		return outcome{Result: "error", Err: err.Error()}
	}
	c, err := app.Open(filepath.Join(dir, dbName))
	if err != nil {
		return classify(err)
	}
	defer c.Close()
	return classify(c.RecoverAccess(key, username, "recovered-willow-quarry-55"))
}

package torture

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// childSpec says what a child does.
type childSpec struct {
	Mode  string // "work", "walhold" or "check"
	Work  string // for "work": "writes", "rotate", "users", "restore"
	Path  string
	Login login
	Seed  uint64
	Tag   string // makes user names and patient names unique per cycle
	Fix   fixture
	// Backups are restored in turn, first to last, over and over.
	Backups []string
	// Count is how many patients "walhold" writes before it holds.
	Count int
	Check *checkSpec `json:",omitempty"`
}

// op is one operation a working child begins and, once it returned
// without error, acknowledges.
type op struct {
	Op      string // patient, appt, rotate, restore, add, reset, disable, reenable, change, recovery
	User    string `json:",omitempty"`
	Old     string `json:",omitempty"`
	New     string `json:",omitempty"` // new password, or the new recovery key in an ack
	ID      string `json:",omitempty"`
	Patient string `json:",omitempty"`
	Backup  int    `json:",omitempty"`
}

func say(kind string, v any) {
	if v == nil {
		fmt.Println(kind)
		return
	}
	b, _ := json.Marshal(v)
	fmt.Println(kind + " " + string(b))
}

func childFail(format string, args ...any) int {
	fmt.Println("fail " + fmt.Sprintf(format, args...))
	return 1
}

func childMain(specJSON string) int {
	useCheapKDF()
	var spec childSpec
	if err := json.Unmarshal([]byte(specJSON), &spec); err != nil {
		return childFail("bad spec: %v", err)
	}
	switch spec.Mode {
	case "check":
		return checkMain(spec)
	case "work", "walhold":
	default:
		return childFail("unknown mode %q", spec.Mode)
	}
	if spec.Work == "restore" {
		say("ready", nil)
		return restoreLoop(spec)
	}
	c, err := app.Open(spec.Path)
	if err != nil {
		return childFail("open: %v", err)
	}
	if err := c.SignIn(spec.Login.User, spec.Login.Password); err != nil {
		return childFail("sign in as %s: %v", spec.Login.User, err)
	}
	say("ready", nil)
	rng := rand.New(rand.NewPCG(spec.Seed, 7))
	switch {
	case spec.Mode == "walhold":
		for i := 0; i < spec.Count; i++ {
			if code := writeOne(c, spec, i, false); code != 0 {
				return code
			}
		}
		say("hold", nil)
		for {
			time.Sleep(time.Hour) // until killed, the WAL not checkpointed
		}
	case spec.Work == "writes":
		for i := 0; ; i++ {
			if code := writeOne(c, spec, i, true); code != 0 {
				return code
			}
		}
	case spec.Work == "rotate":
		for {
			say("begin", op{Op: "rotate"})
			if err := c.RotateDataKey(); err != nil {
				return childFail("rotate: %v", err)
			}
			say("ack", op{Op: "rotate"})
		}
	case spec.Work == "users":
		return usersLoop(c, spec, rng)
	}
	return childFail("unknown work %q", spec.Work)
}

// writeOne adds a patient and, with book, books them an appointment.
func writeOne(c *app.Clinic, spec childSpec, i int, book bool) int {
	say("begin", op{Op: "patient"})
	p, err := c.CreatePatient(patients.Patient{Forenames: forenames[i%len(forenames)],
		Surname: fmt.Sprintf("Kill%s-%d", spec.Tag, i), DOB: ukcal.NewDate(1930+i%70, time.Month(1+i%12), 1+i%28)}, app.PatientOptions{})
	if err != nil {
		return childFail("add a patient: %v", err)
	}
	say("ack", op{Op: "patient", ID: p.ID})
	if !book {
		return 0
	}
	say("begin", op{Op: "appt", Patient: p.ID})
	day := ukcal.DateOf(time.Date(2030, 1, 7+i%300, 12, 0, 0, 0, time.UTC))
	a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: spec.Fix.ClinicianID, TypeID: spec.Fix.TypeID,
		Date: day, Start: schedule.Clock(9*60 + (i%24)*20), OverrideReason: "torture run"})
	if err != nil {
		return childFail("book: %v", err)
	}
	say("ack", op{Op: "appt", ID: a.ID, Patient: p.ID})
	return 0
}

func restoreLoop(spec childSpec) int {
	for i := 0; ; i++ {
		n := i % len(spec.Backups)
		say("begin", op{Op: "restore", Backup: n})
		if _, err := app.RestoreBackup(spec.Backups[n], spec.Path, spec.Login.User, spec.Login.Password, true); err != nil {
			return childFail("restore: %v", err)
		}
		say("ack", op{Op: "restore", Backup: n})
	}
}

// usersLoop changes staff and keys at random, for ever: add, reset,
// disable, re-enable, the manager's own password, a new recovery key.
func usersLoop(c *app.Clinic, spec childSpec, rng *rand.Rand) int {
	managerPW := spec.Login.Password
	for n := 0; ; n++ {
		everyone, err := c.Users()
		if err != nil {
			return childFail("list users: %v", err)
		}
		var active, disabled []users.User
		for _, u := range everyone {
			switch {
			case u.Username == spec.Login.User:
			case u.Active:
				active = append(active, u)
			default:
				disabled = append(disabled, u)
			}
		}
		// Kills land in proportion to how long each operation takes, and
		// a password change (two Argon2id runs) takes longest: the quick
		// ones are drawn more often so each is killed often enough.
		kinds := []string{"change", "recovery"}
		if len(active) < 5 {
			kinds = append(kinds, "add", "add", "add")
		}
		if len(active) > 0 {
			kinds = append(kinds, "reset", "disable", "disable", "disable")
		}
		if len(disabled) > 0 {
			kinds = append(kinds, "reenable", "reenable")
		}
		o := op{Op: kinds[rng.IntN(len(kinds))]}
		pick := func(from []users.User) users.User { return from[rng.IntN(len(from))] }
		switch o.Op {
		case "add":
			o.User, o.New = fmt.Sprintf("u%sn%d", spec.Tag, n), newPassword(rng)
			say("begin", o)
			_, err = c.AddUser(app.NewUser{Username: o.User, FullName: "Temp " + o.User, Role: app.Receptionist, Password: o.New})
		case "reset", "reenable":
			from := active
			if o.Op == "reenable" {
				from = disabled
			}
			u := pick(from)
			o.User, o.New = u.Username, newPassword(rng)
			say("begin", o)
			err = c.ResetPassword(u.ID, o.New)
		case "disable":
			u := pick(active)
			o.User = u.Username
			say("begin", o)
			err = c.DisableUser(u.ID)
		case "change":
			o.User, o.Old, o.New = spec.Login.User, managerPW, newPassword(rng)
			say("begin", o)
			if err = c.ChangePassword(managerPW, o.New); err == nil {
				managerPW = o.New
			}
		case "recovery":
			say("begin", o)
			if o.New, err = c.NewRecoveryKey(); err == nil {
				say("shown", o)         // the manager has seen it now
				err = markSheetSaved(c) // and saves the new sheet
			}
		}
		if err != nil {
			return childFail("%s %s: %v", o.Op, o.User, err)
		}
		say("ack", o)
	}
}

// sortedCopy is ids sorted, for comparing sets.
func sortedCopy(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// sheetTracker is the record of whether the current recovery key's
// Emergency recovery sheet was saved (issue 11 item 3). Called through an
// interface so the torture also builds against code without it.
type sheetTracker interface {
	MarkRecoverySheetSaved() error
	RecoverySheetSaved() (bool, error)
}

func markSheetSaved(c *app.Clinic) error {
	if t, ok := any(c).(sheetTracker); ok {
		return t.MarkRecoverySheetSaved()
	}
	return nil
}

package app

import (
	"errors"
	"slices"
	"testing"
)

// The steps of doWith run in order, under the permission, and a step that
// refuses leaves nothing written.
func TestDoWithStepsRunAroundOneTransaction(t *testing.T) {
	c, path, _ := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	row := func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "settings.update", Entity: "settings", ID: "test"})
	}
	count := func() int { return len(auditActions(t, c)) }

	var ran []string
	steps := writeSteps{
		before: func(s *Session) error { ran = append(ran, "before "+s.User.Username); return nil },
		after:  func(err error) error { ran = append(ran, "after"); return err },
	}
	before := count()
	if err := c.doWith(PermEditClinic, steps, func(tx *writeTx) error { ran = append(ran, "write"); return row(tx) }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"before amanager", "write", "after"}; !slices.Equal(ran, want) {
		t.Errorf("steps ran %q, want %q", ran, want)
	}
	if count() != before+1 {
		t.Errorf("%d rows written, want 1", count()-before)
	}

	refused := errors.New("refused before writing")
	before = count()
	err := c.doWith(PermEditClinic, writeSteps{
		before: func(*Session) error { return refused },
		after:  func(error) error { t.Error("after ran for a write that never started"); return nil },
	}, row)
	if !errors.Is(err, refused) || count() != before {
		t.Errorf("a refusing before step: err %v, %d rows written", err, count()-before)
	}

	if err := c.doWith(PermEditClinic, writeSteps{before: func(*Session) error { return errNoWrite }}, row); err != nil || count() != before {
		t.Errorf("nothing to write: err %v, %d rows written", err, count()-before)
	}

	failed := errors.New("the write failed")
	var seen error
	err = c.doWith(PermEditClinic, writeSteps{after: func(err error) error { seen = err; return nil }}, func(tx *writeTx) error {
		if err := row(tx); err != nil {
			return err
		}
		return failed
	})
	if err != nil || !errors.Is(seen, failed) || count() != before {
		t.Errorf("after should see the failure and decide the result: err %v, seen %v, %d rows kept", err, seen, count()-before)
	}

	maker := *c.session
	maker.User.Username = "maker"
	if err := c.doWith(PermEditClinic, writeSteps{as: &maker}, row); err != nil {
		t.Fatal(err)
	}
	if rows := auditActions(t, c); rows[len(rows)-1] != "maker settings.update" {
		t.Errorf("last row %q, want it written as the maker", rows[len(rows)-1])
	}

	c = reopen(t, c, path)
	if err := c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	var pe *PermissionError
	err = c.doWith(PermEditClinic, writeSteps{before: func(*Session) error { t.Error("before ran without the permission"); return nil }}, row)
	if !errors.As(err, &pe) {
		t.Errorf("without the permission: %v", err)
	}
}

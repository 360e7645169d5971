package screens

import (
	"testing"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2/test"
)

func TestComplaintDetailsCanBeCorrected(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Joan", "O'Neill", "1950-03-04")
	tpSignInAs(t, c, "rjones", app.Receptionist)
	rec := tkLog(t, c, p, tkDaysAgo(2))
	s, w, _ := tkScreen(t, c)
	s.openFile(rec.ID)
	tpIdle(t)

	tcTap(t, w, "Edit details…")
	tpIdle(t)
	f := s.file.form
	if f == nil || f.description.Text != "Kept waiting 50 minutes." || f.patient.id() != p.ID {
		t.Fatalf("the edit form is not filled with the complaint: %+v", f)
	}
	f.description.SetText("Kept waiting 70 minutes, then sent home.")
	tcTap(t, w, "Save changes")
	tpIdle(t)

	if s.file.form != nil {
		t.Fatalf("the form is still shown: %q", f.problem.Text)
	}
	got, err := c.Complaint(rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Description != "Kept waiting 70 minutes, then sent home." || got.PatientID != p.ID || got.Received != rec.Received ||
		len(got.Subjects) != 1 || len(got.StaffGroups) != 1 {
		t.Fatalf("saved details %+v", got.Details)
	}
	if !tpShows(w, "Kept waiting 70 minutes, then sent home.") || !tpShows(w, rec.Reference+": the details are saved.") {
		t.Fatalf("the file does not show the correction: %q", tpTexts(w))
	}
}

// The file is read off the UI goroutine: nothing of it is drawn until the
// read's result is shown, and an older read shown last changes nothing.
func TestComplaintFileIsReadOffTheUIGoroutine(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Joan", "O'Neill", "1950-03-04")
	rec := tkLog(t, c, p, tkDaysAgo(2))
	s, w, _ := tkScreen(t, c)
	tpIdle(t)
	tpHoldResults(t)

	s.openFile(rec.ID)
	tkWaitHeld(t, 1)
	if tpShows(w, rec.Reference+" · ") {
		t.Fatal("the file was drawn before its read was shown: it was read on the UI goroutine")
	}
	tpIdle(t)
	if !tpShows(w, rec.Reference+" · ") {
		t.Fatalf("the file is not drawn once read: %q", tpTexts(w))
	}

	first := s.file.body.Objects[0]
	s.file.reload()
	s.file.reload()
	tkWaitHeld(t, 2)
	// Whichever order the reads finish in, only the newer one draws.
	draws, last := 0, first
	for _, show := range tpRun.takeHeld() {
		show()
		if now := s.file.body.Objects[0]; now != last {
			draws, last = draws+1, now
		}
	}
	if draws != 1 {
		t.Fatalf("the file was drawn %d times for two reads, want once (the newer)", draws)
	}
}

// tkWaitHeld waits until n results of background work wait for the test.
func tkWaitHeld(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); tpRun.held() < n; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d results of background work held, want %d: the work was not sent off the UI goroutine", tpRun.held(), n)
		}
	}
}

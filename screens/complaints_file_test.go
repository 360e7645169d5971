package screens

import (
	"testing"

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
		t.Fatalf("saved details %+v", got.ComplaintDetails)
	}
	if !tpShows(w, "Kept waiting 70 minutes, then sent home.") || !tpShows(w, rec.Reference+": the details are saved.") {
		t.Fatalf("the file does not show the correction: %q", tpTexts(w))
	}
}

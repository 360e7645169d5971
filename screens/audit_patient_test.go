package screens

import (
	"strings"
	"testing"

	"clinicdesk/app/audit"

	"fyne.io/fyne/v2/test"
)

// TestAuditTrailFiltersByPatient: the practice manager types a patient's
// name into the audit trail and sees only that patient's entries, each
// naming the patient and saying what was done in words; two patients with
// the same name are offered to choose from, and clearing shows everyone.
func TestAuditTrailFiltersByPatient(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	zara := tpAdd(t, c, "Zara", "Quill", "1980-03-12")
	other := tpAdd(t, c, "Oliver", "Brandt", "1975-06-01")
	if _, err := c.Patient(zara.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Patient(other.ID); err != nil {
		t.Fatal(err)
	}
	s, w := tcAudit(t, c)
	all := len(s.entries)

	s.patient.SetText("Quill")
	s.applyFilters()
	tpIdle(t)
	if s.filterProblem.Visible() {
		t.Fatalf("filter refused: %q", s.filterProblem.Text)
	}
	if len(s.entries) == 0 || len(s.entries) >= all {
		t.Fatalf("filtered by Zara Quill: %d of %d entries", len(s.entries), all)
	}
	for _, e := range s.entries {
		if e.Patient != zara.ID {
			t.Errorf("the filter let through %s about %q", e.Action, e.Patient)
		}
	}
	for _, want := range []string{"Zara Quill", "Viewed the record", "Added a patient"} {
		if !tcShows(w, want) {
			t.Errorf("%q is not on the filtered audit trail", want)
		}
	}
	if tcShows(w, zara.ID) || tcShows(w, "patient.view") {
		t.Error("the list shows an id or an action code where words belong")
	}
	if !strings.Contains(s.patient.Text, "Zara Quill") {
		t.Errorf("the patient box says %q, want the patient found", s.patient.Text)
	}

	// Two patients match: choose one; nothing is filtered until then.
	twin := tpAdd(t, c, "Zara", "Quill", "2001-11-30")
	if _, err := c.Patient(twin.ID); err != nil {
		t.Fatal(err)
	}
	s.patient.SetText("zara quill")
	s.applyFilters()
	tpIdle(t)
	if !s.patientPick.Visible() || len(s.patientPick.Options) != 2 || !s.filterProblem.Visible() {
		t.Fatalf("two Zara Quills: choices %v shown %v, message %q", s.patientPick.Options, s.patientPick.Visible(), s.filterProblem.Text)
	}
	for _, o := range s.patientPick.Options {
		if strings.Contains(o, "30/11/2001") {
			s.patientPick.SetSelected(o)
			tpIdle(t)
		}
	}
	if len(s.entries) == 0 {
		t.Fatal("no entries for the Zara Quill chosen")
	}
	for _, e := range s.entries {
		if e.Patient != twin.ID {
			t.Errorf("chose the younger Zara Quill but %s about %q is listed", e.Action, e.Patient)
		}
	}

	// "Only this patient" from a selected entry.
	s.clearFilters()
	tpIdle(t)
	for i, e := range s.entries {
		if e.Patient == other.ID {
			s.list.Select(i)
			break
		}
	}
	if !s.onlyPatient.Visible() {
		t.Fatal("no \"Only this patient\" for an entry about a patient")
	}
	test.Tap(s.onlyPatient)
	tpIdle(t)
	for _, e := range s.entries {
		if e.Patient != other.ID {
			t.Errorf("\"Only this patient\" let through %s about %q", e.Action, e.Patient)
		}
	}

	// A name nobody has says so; clearing shows everything again.
	s.patient.SetText("Nobody-by-this-name")
	s.applyFilters()
	tpIdle(t)
	if !s.filterProblem.Visible() || !strings.Contains(s.filterProblem.Text, "No patient matches") {
		t.Errorf("an unknown name says %q", s.filterProblem.Text)
	}
	s.clearFilters()
	tpIdle(t)
	if s.filter != (audit.Filter{}) || s.patientPick.Visible() {
		t.Error("clearing the filters left a patient filter")
	}
}

// The patient typed is searched for off the UI goroutine: the filter
// changes only once the search's result is shown.
func TestAuditPatientSearchIsOffTheUIGoroutine(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	zara := tpAdd(t, c, "Zara", "Quill", "1980-03-12")
	s, _ := tcAudit(t, c)

	s.patient.SetText("Quill")
	s.applyFilters()
	tkWaitHeld(t, 1)
	if s.filter.Patient != "" {
		t.Fatal("the filter was set before the search's result was shown: it searched on the UI goroutine")
	}
	tpIdle(t)
	if s.filter.Patient != zara.ID {
		t.Fatalf("filter patient %q, want %s", s.filter.Patient, zara.ID)
	}
}

package screens

import (
	"slices"
	"testing"

	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2/test"
)

// A manager chooses who can deliver a type in its dialog: "only" with
// nothing ticked is refused in the dialog, a clinician ticked is saved and
// listed by name, a role is saved, and Anyone clears the choice.
func TestTypeDialogSavesWhoCanDeliverIt(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	priya, err := c.SaveClinician(schedule.Clinician{Name: "Priya Raman", Role: "Physiotherapist", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SaveClinician(schedule.Clinician{Name: "Grace Mensah", Role: "Sports massage therapist", Active: true, SortOrder: 1}); err != nil {
		t.Fatal(err)
	}
	cal, w := csSetup(t, c, setupTabTypes)

	tcTap(t, w, "Add appointment type…")
	f := cal.types.form
	if f == nil {
		t.Fatal("the Add appointment type dialog did not open")
	}
	if f.deliverers.mode.Selected != setupDeliverAnyone || f.deliverers.ticks.Visible() {
		t.Fatalf("a new type starts as %q with the ticks shown %v, want Anyone", f.deliverers.mode.Selected, f.deliverers.ticks.Visible())
	}
	test.Type(f.name, "Acupuncture 30 min")
	f.deliverers.mode.SetSelected(setupDeliverOnly)
	if !f.deliverers.ticks.Visible() || len(f.deliverers.roles) != 2 || len(f.deliverers.clinicians) != 2 {
		t.Fatalf("the ticks: shown %v, %d roles, %d clinicians", f.deliverers.ticks.Visible(), len(f.deliverers.roles), len(f.deliverers.clinicians))
	}
	for _, want := range []string{"Who can deliver it", "Anyone whose role is:", "And these clinicians:"} {
		if !tcShows(w, want) {
			t.Fatalf("the dialog does not show %q: %q", want, tcTexts(w))
		}
	}
	if r, cl := f.deliverers.roles[1].Text, f.deliverers.clinicians[0].Text; r != "Sports massage therapist" || cl != "Priya Raman (Physiotherapist)" {
		t.Fatalf("the ticks read %q and %q", r, cl)
	}
	tcTap(t, w, "Add type")
	tpIdle(t)
	if types, _ := c.AppointmentTypes(true); len(types) != 0 {
		t.Fatalf("saved with nobody ticked: %+v", types)
	}
	if f.deliverers.problem.Text != "Tick at least one role or clinician, or choose Anyone." {
		t.Fatalf("the dialog says %q", f.deliverers.problem.Text)
	}
	test.Tap(f.deliverers.clinicians[0]) // Priya Raman
	if f.deliverers.problem.Text != "" {
		t.Fatalf("the problem stayed after a clinician was ticked: %q", f.deliverers.problem.Text)
	}
	tcTap(t, w, "Add type")
	tpIdle(t)
	types, _ := c.AppointmentTypes(true)
	if len(types) != 1 || !slices.Equal(types[0].Deliverers.ClinicianIDs, []string{priya.ID}) || len(types[0].Deliverers.Roles) != 0 {
		t.Fatalf("saved %+v", types)
	}
	if !tcShows(w, "Priya Raman") {
		t.Fatalf("the list does not say who delivers it: %q", tcTexts(w))
	}

	// Editing shows the choice back, with a clinician added since the list
	// was read; a role instead is saved.
	if _, err := c.SaveClinician(schedule.Clinician{Name: "Callum MacLeod", Role: "Physiotherapist", Active: true, SortOrder: 2}); err != nil {
		t.Fatal(err)
	}
	cal.types.rows.list.Select(0)
	tcTap(t, w, "Edit…")
	e := cal.types.form.deliverers
	if len(e.clinicians) != 3 || e.clinicians[2].Text != "Callum MacLeod (Physiotherapist)" {
		t.Fatalf("the edit dialog offers %d clinicians, not the one just added", len(e.clinicians))
	}
	if e.mode.Selected != setupDeliverOnly || !e.clinicians[0].Checked || e.clinicians[1].Checked {
		t.Fatalf("the edit dialog shows %q, ticks %v %v", e.mode.Selected, e.clinicians[0].Checked, e.clinicians[1].Checked)
	}
	test.Tap(e.clinicians[0])
	test.Tap(e.roles[0]) // Physiotherapist
	tcTap(t, w, "Save")
	tpIdle(t)
	types, _ = c.AppointmentTypes(true)
	if len(types) != 1 || !slices.Equal(types[0].Deliverers.Roles, []string{"Physiotherapist"}) || len(types[0].Deliverers.ClinicianIDs) != 0 {
		t.Fatalf("after choosing a role: %+v", types[0].Deliverers)
	}
	if !tcShows(w, "Physiotherapists") {
		t.Fatalf("the list does not say physiotherapists deliver it: %q", tcTexts(w))
	}

	// Anyone, and the ticks no longer count.
	cal.types.rows.list.Select(0)
	tcTap(t, w, "Edit…")
	cal.types.form.deliverers.mode.SetSelected(setupDeliverAnyone)
	tcTap(t, w, "Save")
	tpIdle(t)
	if types, _ = c.AppointmentTypes(true); !types[0].Deliverers.Anyone() {
		t.Fatalf("after Anyone: %+v", types[0].Deliverers)
	}
}

package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// The form records the complaint's procedure: Scotland asks for the day
// it went to stage 2, its deadline line follows the stage, and the complaint
// is logged under the rule set chosen.
func TestComplaintFormRecordsTheNationAndFunding(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	s, w, _ := tkScreen(t, c)
	tcTap(t, w, "New complaint ("+doorShortcutText("N")+")")
	f := s.form
	if f.rules.nation.Selected != "England" || f.rules.funding.Selected != fundingNHS || f.rules.stage2Box.Visible() {
		t.Fatalf("defaults: %q %q stage 2 shown %v", f.rules.nation.Selected, f.rules.funding.Selected, f.rules.stage2Box.Visible())
	}
	received := tkDaysAgo(1)
	tkFillForm(t, w, f, "Lovelace", received)
	f.rules.nation.SetSelected("Scotland")
	if !f.rules.stage2Box.Visible() || !strings.Contains(f.rules.hint.Text, "stage 1 answered within 5 working days") {
		t.Errorf("Scotland: stage 2 shown %v, hint %q", f.rules.stage2Box.Visible(), f.rules.hint.Text)
	}
	stage1 := ukcal.Scotland.AddWorkingDays(received, 5)
	if !strings.Contains(f.ackHint.Text, "Stage 1 answer by "+stage1.LongWithDay()) {
		t.Errorf("Scottish deadline line %q", f.ackHint.Text)
	}
	f.rules.nation.SetSelected("Wales")
	f.rules.funding.SetSelected(fundingPrivate)
	if f.rules.stage2Box.Visible() || !strings.Contains(f.rules.hint.Text, "Private care in Wales") {
		t.Errorf("private in Wales: stage 2 shown %v, hint %q", f.rules.stage2Box.Visible(), f.rules.hint.Text)
	}
	f.description.SetText("Charged for a cancelled session.")
	tcTap(t, w, "Log complaint")
	tpIdle(t)
	if s.file == nil {
		t.Fatalf("not logged: %q", f.problem.Text)
	}
	if got := s.file.f.Rules; got != (complaints.Rules{Nation: complaints.Wales, Funding: complaints.Private}) {
		t.Errorf("logged under %+v", got)
	}
	if !tpShows(w, "Private care in Wales (our own procedure)") {
		t.Errorf("the file does not show the procedure: %q", tpTexts(w))
	}
}

// Settings keep the rule set new complaints start with, the adjudicator
// and the return's practice code and form.
func TestComplaintSettingsTabSavesTheProcedureAndReturn(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpHoldResults(t)
	s, w, _ := tcSettings(t, c)
	tab := newComplaintSettingsTab(s.ctx)
	w.SetContent(tab.build())
	tab.rules.nation.SetSelected("Northern Ireland")
	tab.rules.funding.SetSelected("Private")
	tab.rules.adjudicator.SetSelected(complaints.ISCAS.Label())
	tab.rules.ods.SetText("A81-!")
	tcTap(t, w, "Save")
	if !tcShows(w, "is not a practice code") {
		t.Errorf("a bad practice code was not refused: %q", tcTexts(w))
	}
	tab.rules.ods.SetText("v00123")
	tab.rules.variant.SetSelected(complaints.DentalReturn.Label())
	tcTap(t, w, "Save")
	cs, err := c.ComplaintSettings()
	want := complaints.Settings{DefaultResponseDays: 25, MaxResponseDays: 130, Nation: "northern-ireland", Funding: "private",
		Adjudicator: "iscas", ODSCode: "V00123", ReturnVariant: "dental"}
	if err != nil || cs != want {
		t.Fatalf("saved %+v %v", cs, err)
	}
	if tab.rules.ods.Text != "V00123" {
		t.Errorf("the code shown %q", tab.rules.ods.Text)
	}
}

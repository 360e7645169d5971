package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

// The delay letter proposes its new date in the complaint's own nation's
// working days, as the facade counts them, whatever the clinic's region.
func TestTheDelayLetterProposesADateInTheComplaintsNation(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t) // England and Wales
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	r, err := c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: p.ID,
		Channel: complaints.Written, Received: tkDaysAgo(10), Stage2: tkDaysAgo(9), Description: "Kept waiting 50 minutes.",
		Rules:       complaints.Rules{Nation: complaints.Scotland, Funding: complaints.NHSFunded},
		Subjects:    []complaints.SubjectArea{complaints.SubjectWaitingTimes},
		StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
	if err != nil {
		t.Fatal(err)
	}
	s, w, _ := tkScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	s.file.askLetter(app.ComplaintDelayTemplate)
	want := ukcal.Scotland.AddWorkingDays(ukcal.Today(wallClock()), delayLetterWorkingDays).Short()
	for _, o := range tcVisible(w) {
		if b, ok := o.(*textBox); ok && b.Text == want {
			return
		}
	}
	t.Errorf("no new response date of %s (Scotland's working days) offered: %q", want, tpTexts(w))
}

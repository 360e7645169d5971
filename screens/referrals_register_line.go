package screens

import (
	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/widget"
)

// registerLine is one referral as a row of the register shows it, its
// words worked out once when the list is read. The screen keeps these,
// not the referrals: a large clinic has thousands open, and each
// referral with its clock took a kilobyte or more where its row's words
// take a few hundred bytes (issue 13: the window's memory).
type registerLine struct {
	id       string
	texts    [registerColumns]string
	clock    widget.Importance // the clock column's colour
	urgency  pathways.Urgency  // for the urgency filter
	breached bool              // a running 18-week clock past its treat-by date
}

// The register's columns: patient, in/out, from or to, date, urgency,
// clock, looked after by.
const (
	registerColumns     = 7
	registerClockColumn = 5
)

// registerLines turns the referrals read into the register's rows, as of
// today. It reads only the screen's staff list, set when it was built,
// so it may run off the UI goroutine.
func (s *referralsScreen) registerLines(recs []app.ReferralRecord, today ukcal.Date) []registerLine {
	out := make([]registerLine, len(recs))
	for i, rec := range recs {
		r := rec.Referral
		out[i] = registerLine{
			id: r.ID,
			texts: [registerColumns]string{rec.Patient, referralDirectionWord(r.Direction), referralParty(r.Party), r.Date.Short(),
				r.Urgency.Label(), referralClockWords(rec), s.staffName(r.OwnerID)},
			clock:    referralClockImportance(rec, today),
			urgency:  r.Urgency,
			breached: rec.HasClock && rec.Clock.Breached && rec.Clock.Status == pathways.ClockRunning,
		}
	}
	return out
}

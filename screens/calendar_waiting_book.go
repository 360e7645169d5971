package screens

import (
	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// book starts booking a waiting patient: the Calendar holds them (as it
// does a patient booked from their record), the next-free-slot finder
// opens set to what the entry asks (clinician, part of the day, a type of
// its length) and lists the free times, and the one chosen there, or a
// free time tapped on the grid, opens the booking dialog with the
// patient, clinician, length and notes filled in. The app takes the entry
// off the list in the booking's own write, so it leaves the list only if
// the appointment is booked: Cancel, Stop or a clash leave it waiting.
func (w *calendarWaiting) book(e schedule.WaitingEntry) {
	s := w.s
	slot := calendarSlot{PatientID: e.PatientID, PatientName: e.PatientName, WaitingID: e.ID,
		ClinicianID: e.ClinicianID, Minutes: e.Minutes, Notes: e.Notes}
	s.forPatient = &slot
	s.forLabel.SetText("Booking " + e.PatientName + " from the waiting list: choose a free time from the list, or on the grid.")
	s.forBanner.Show()

	n := &calendarNextFree{s: s}
	w.finder = n
	n.build()
	var wanted *schedule.Clinician
	for i, cl := range s.clinicians {
		if cl.ID == e.ClinicianID {
			n.who.SetSelectedIndex(i + 1)
			wanted = &s.clinicians[i]
		}
	}
	if i := waitingType(n.types, wanted, e.Minutes); i >= 0 {
		n.kind.SetSelectedIndex(i)
	}
	switch e.PartOfDay {
	case schedule.Morning.String():
		n.part.SetSelected(calendarParts[1])
	case schedule.Afternoon.String():
		n.part.SetSelected(calendarParts[2])
	}
	// From today: the day on show may be past, or weeks ahead.
	n.from.SetText(ukcal.Today(s.now()).Short())
	n.find()
}

// waitingType is the type to look for free times of: one the wanted
// clinician delivers (the app would offer no other), of the entry's length
// when one is; -1 leaves the finder's own choice.
func waitingType(types []schedule.AppointmentType, wanted *schedule.Clinician, minutes int) int {
	best := -1
	for i, t := range types {
		if wanted != nil && !app.Delivers(t, *wanted) {
			continue
		}
		if minutes > 0 && t.Minutes == minutes {
			return i
		}
		if best < 0 {
			best = i
		}
	}
	return best
}

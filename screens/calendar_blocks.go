package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/screens/widgets"
)

// An appointment as a block on the grid, and what its card says.

// diaryBlock is an appointment as the grid draws it.
func diaryBlock(e schedule.DiaryEntry, column int) widgets.Block {
	return widgets.Block{
		ID: e.ID, Column: column, Start: e.StartMin, End: e.EndMin,
		Colour: hexColour(e.TypeColour), Patient: gridPatientName(e), Type: e.TypeName,
		Status: gridStatus(e.Status), Detail: e.RoomName,
		Alert: len(e.Alerts) > 0, AIS: len(e.AISNeeds) > 0,
		FullName: e.PatientName, Alerts: strings.Join(alertLines(e), "\n"),
	}
}

// alertLines are the patient's alerts and needs as the appointment
// dialog words them, for the block's card.
func alertLines(e schedule.DiaryEntry) []string {
	var out []string
	for _, a := range e.Alerts {
		out = append(out, "Alert: "+alertLabel(a))
	}
	for _, n := range e.AISNeeds {
		out = append(out, "Needs: "+patients.Label(patients.AISNeeds, n))
	}
	return out
}

// bornText is a date of birth with the age today, "12/03/1980 (46)"; ""
// when the record has none.
func bornText(c *app.Clinic, dob ukcal.Date) string {
	if dob.IsZero() {
		return ""
	}
	s := dob.Short()
	if age, ok := c.AgeToday(dob); ok {
		s += fmt.Sprintf(" (%d)", age)
	}
	return s
}

// gridPatientName is the name on a block, family name first ("Haigh,
// Luke"), as clinical systems list patients: a narrow column cuts the end
// of the name, and two patients called Luke must still be told apart at a
// glance. Not in capitals (the NHS interface guidance's "HAIGH, Luke"):
// capitals take a third more of a column a tenth of the screen wide.
func gridPatientName(e schedule.DiaryEntry) string {
	switch {
	case e.PatientLast == "":
		return e.PatientName
	case e.PatientFirst == "":
		return e.PatientLast
	}
	return e.PatientLast + ", " + e.PatientFirst
}

// gridStatus maps the stored status to the grid's icons.
func gridStatus(s schedule.Status) widgets.Status {
	switch s {
	case schedule.StatusArrived:
		return widgets.StatusArrived
	case schedule.StatusInProgress:
		return widgets.StatusInProgress
	case schedule.StatusSeen:
		return widgets.StatusSeen
	case schedule.StatusDNA:
		return widgets.StatusDNA
	case schedule.StatusCancelledPatient, schedule.StatusCancelledClinic:
		return widgets.StatusCancelled
	}
	return widgets.StatusBooked
}

package schedule

import (
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// DiaryEntry is an appointment with what the day view shows beside it.
type DiaryEntry struct {
	Appointment
	PatientName   string // "Forenames Surname"
	PatientFirst  string // the forenames, to tell two patients apart
	PatientLast   string // the surname
	PatientDOB    ukcal.Date
	NHSNumber     string
	Alerts        []patients.Alert
	AISNeeds      []string
	TypeName      string
	TypeColour    string
	RoomName      string
	ClinicianName string
}

// HistoricAppointment is an appointment whose story is already told: a
// generated diary's past days carry when the patient arrived and was taken
// in, so its history reads like one the desk wrote.
type HistoricAppointment struct {
	Appointment
	Arrived time.Time // arrived, in progress, seen: when the patient arrived (UTC)
	Started time.Time // in progress, seen: when the consultation began (UTC)
}

// Clinician is someone patients are booked with.
type Clinician struct {
	ID        string
	Name      string
	Role      string // e.g. "Physiotherapist"
	Colour    string // "#rrggbb"
	UserID    string // their login, if they have one
	Active    bool
	Hours     WeekHours
	SortOrder int // column order in the day view
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Room is a treatment room.
type Room struct {
	ID        string
	Name      string
	Active    bool
	SortOrder int
}

// AppointmentType is what an appointment is for; it sets the length.
type AppointmentType struct {
	ID         string
	Name       string
	Minutes    int
	Colour     string
	NeedsRoom  bool
	Active     bool
	Deliverers Deliverers // who usually delivers it
}

// CalendarSettings are the clinic-wide calendar rules.
type CalendarSettings struct {
	Region          string // bank-holiday region, e.g. "england-and-wales"
	GridMinutes     int    // 5, 10 or 15
	DNAWindowMonths int    // DNAs are counted over this many months
	// ChildUnderAge: a patient younger than this on the day of a missed
	// appointment "was not brought" (SPEC §2.5).
	ChildUnderAge int
	OpeningHours  WeekHours
}

// DefaultCalendarSettings are used until a manager changes them: England
// and Wales, a 15-minute grid, a 12-month DNA window, open 08:00–18:00
// Monday to Friday.
func DefaultCalendarSettings() CalendarSettings {
	cs := CalendarSettings{Region: "england-and-wales", GridMinutes: 15, DNAWindowMonths: 12, ChildUnderAge: patients.DefaultChildUnderAge}
	for d := time.Monday; d <= time.Friday; d++ {
		cs.OpeningHours[d] = []Span{{Start: 8 * 60, End: 18 * 60}}
	}
	return cs
}

// WaitingEntry is a patient waiting for an appointment.
type WaitingEntry struct {
	ID            string
	PatientID     string
	Priority      string     // urgent, soon, routine
	Added         ukcal.Date // stored as YYYY-MM-DD
	ClinicianID   string     // "" for anyone
	Minutes       int        // 0 for any length
	PartOfDay     string     // "", morning, afternoon
	Notes         string
	Status        WaitingStatus
	AppointmentID string // the appointment it was booked into
	CreatedBy     string
	CreatedAt     time.Time
	UpdatedAt     time.Time

	// Filled in by the list, for showing.
	PatientName   string
	ClinicianName string
}

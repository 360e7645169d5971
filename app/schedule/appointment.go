package schedule

import (
	"time"

	"clinicdesk/app/ukcal"
)

// Slot is where and when an appointment is: a clinic wall-clock date and
// minutes after midnight. Its JSON is how the store keeps the slot an
// appointment was first booked in.
type Slot struct {
	ClinicianID string     `json:"clinician_id"`
	RoomID      string     `json:"room_id,omitempty"`
	Date        ukcal.Date `json:"date"` // YYYY-MM-DD in JSON and the store
	StartMin    int        `json:"start_min"`
	EndMin      int        `json:"end_min"`
}

// Appointment is one booking in the diary.
type Appointment struct {
	ID        string
	PatientID string
	TypeID    string
	Slot
	Status         Status
	StatusAt       time.Time // UTC
	StatusBy       string
	CancelReason   string
	OverrideReason string
	SeriesID       string
	MovedFrom      *Slot // the slot first booked, once it has been moved
	Notes          string
	CreatedAt      time.Time
	CreatedBy      string
}

// StatusChange is one row of an appointment's history.
type StatusChange struct {
	AppointmentID string
	Status        Status
	At            time.Time
	By            string
	Reason        string
	MovedFrom     *Slot // set when the row records a move
}

// Appt is the appointment as the clash and time rules see it.
func (a Appointment) Appt() Appt {
	return Appt{ID: a.ID, ClinicianID: a.ClinicianID, RoomID: a.RoomID, PatientID: a.PatientID,
		Date: a.Date, Start: Clock(a.StartMin), End: Clock(a.EndMin)}
}

// StatusOpensAt is the earliest moment the appointment may be given the
// status (Status.OpensAt).
func (a Appointment) StatusOpensAt(to Status) (time.Time, bool) { return to.OpensAt(a.Appt()) }

// StatusTooEarly says why the appointment cannot be given the status at
// now, or nil (Status.TooEarly).
func (a Appointment) StatusTooEarly(to Status, now time.Time) error {
	return to.TooEarly(a.Appt(), now)
}

// CanChangeStatusAt reports whether the appointment may go from its status
// to the other at now (Status.CanBecomeAt).
func (a Appointment) CanChangeStatusAt(to Status, now time.Time) error {
	return a.Status.CanBecomeAt(to, a.Appt(), now)
}

// StatusAsOf is the status to show for the appointment at now
// (Status.AsOf).
func (a Appointment) StatusAsOf(now time.Time) Status { return a.Status.AsOf(a.Appt(), now) }

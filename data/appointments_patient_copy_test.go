package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// dayNames is the day view's patient line for each appointment on a date.
func dayNames(t *testing.T, s *Store, date string) map[string]string {
	t.Helper()
	es, err := s.DayDiary(ukcal.MustParseDate(date))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range es {
		out[e.ID] = e.PatientName + " " + e.PatientDOB.String() + " " + e.NHSNumber + " " + strings.Join(alertKinds(e.Alerts), ",")
	}
	return out
}

func alertKinds(as []patients.Alert) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Kind)
	}
	return out
}

// The day view reads the patient's details from the appointment's own
// copy (0027): every way a booking is made or a record changes must keep
// that copy the record's, or the diary shows a name the record no longer
// has.
func TestTheDiaryCopyOfThePatientFollowsTheRecord(t *testing.T) {
	s := diaryFixture(t)
	const day = "2026-11-23"
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertAppointment(appt("a1", "p1", "c1", day, 9*60)); err != nil {
			return err
		}
		w, err := tx.AppointmentWriter()
		if err != nil {
			return err
		}
		defer w.Close()
		return w.Add(schedule.HistoricAppointment{Appointment: appt("a2", "p2", "c2", day, 9*60)})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a1": "Zoë O'Brien 1984-02-29  safeguarding", "a2": "John Smith 1970-01-01  "}
	if got := dayNames(t, s, day); got["a1"] != want["a1"] || got["a2"] != want["a2"] {
		t.Fatalf("as booked: %q, want %q", got, want)
	}

	// A change of name, date of birth, NHS number and alerts reaches the
	// day view.
	err = s.Write(func(tx *Tx) error {
		p, err := tx.Patient("p2")
		if err != nil {
			return err
		}
		p.Forenames, p.Surname, p.DOB, p.NHSNumber = "Jon", "Smyth", ukcal.MustParseDate("1970-01-02"), "9434765919"
		p.Alerts = []patients.Alert{{Kind: "falls"}}
		return tx.UpdatePatient(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := dayNames(t, s, day)["a2"]; got != "Jon Smyth 1970-01-02 9434765919 falls" {
		t.Fatalf("after the record changed the day view shows %q", got)
	}

	// A merge moves the appointment to the survivor, with the survivor's
	// details; undone, it goes back with its own.
	var merge patients.Merge
	err = s.Write(func(tx *Tx) error {
		merge, err = tx.MergePatients(patients.Merge{ID: "m1", SurvivorID: "p1", MergedID: "p2", MergedBy: "desk", MergedAt: at})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := dayNames(t, s, day)["a2"]; got != want["a1"] {
		t.Fatalf("after the merge a2 shows %q, want the survivor's %q", got, want["a1"])
	}
	if err := s.Write(func(tx *Tx) error { _, err := tx.UndoMerge(merge.ID, "desk", at); return err }); err != nil {
		t.Fatal(err)
	}
	if got := dayNames(t, s, day)["a2"]; got != "Jon Smyth 1970-01-02 9434765919 falls" {
		t.Fatalf("after the merge was undone a2 shows %q", got)
	}

	// Nothing but the record sets the copy.
	err = s.Write(func(tx *Tx) error {
		_, err := tx.tx.Exec(`UPDATE appointments SET patient_surname = 'Someone Else' WHERE id = 'a1'`)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "kept by the patient record") {
		t.Fatalf("a copy set by hand was not refused: %v", err)
	}
	if got := dayNames(t, s, day)["a1"]; got != want["a1"] {
		t.Fatalf("the refused change left %q", got)
	}

	// A booking for a patient who is not there is refused, not dropped.
	err = s.Write(func(tx *Tx) error { return tx.InsertAppointment(appt("a3", "nobody", "c1", day, 11*60)) })
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("a booking for no patient: %v, want ErrNotFound", err)
	}
}

// The trigger fills the copy of a row inserted without it, as an older
// writer (or a restore through plain SQL) would.
func TestAnAppointmentInsertedWithoutTheCopyGetsIt(t *testing.T) {
	s := diaryFixture(t)
	err := s.Write(func(tx *Tx) error {
		_, err := tx.tx.Exec(`INSERT INTO appointments (id, patient_id, clinician_id, type_id, date, start_min, end_min,
			status, status_at, status_by, created_at, created_by)
			VALUES ('a9', 'p1', 'c1', 't1', '2026-11-23', 600, 630, 'booked', '2026-11-23T08:00:00Z', 'desk', '2026-11-23T08:00:00Z', 'desk')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := dayNames(t, s, "2026-11-23")["a9"]; got != "Zoë O'Brien 1984-02-29  safeguarding" {
		t.Fatalf("an appointment inserted without the copy shows %q", got)
	}
}

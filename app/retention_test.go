package app

import (
	"errors"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// retentionOf is the record's retention as the record screen asks for it.
func (d *diary) retentionOf(t *testing.T, p patients.Patient) patients.Retention {
	t.Helper()
	fresh, err := d.c.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	r, ok, err := d.c.RecordRetention(fresh)
	if err != nil || !ok {
		t.Fatalf("retention of %s: ok %v, %v", p.Forenames, ok, err)
	}
	return r
}

func (d *diary) mark(t *testing.T, id string, to schedule.Status, reason string) {
	t.Helper()
	if _, err := d.c.SetStatus(id, to, reason); err != nil {
		t.Fatalf("mark %s: %v", to, err)
	}
}

// The retention date counts from the last appointment marked Seen: a later
// missed (DNA), cancelled or still-to-come appointment is no treatment and
// does not move it, and an older hand-kept "last treatment" gives way.
func TestRetentionCountsFromTheLastSeenAppointment(t *testing.T) {
	d := newDiary(t) // Monday 23 November 2026, 10:00
	zoe := d.zoe
	zoe.LastTreatment = ukcal.MustParseDate("2019-05-01") // from a spreadsheet, before the diary
	zoe, err := d.c.UpdatePatient(zoe, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Booked, not yet seen: the hand-kept date is all there is.
	seen := d.book(t, d.req(zoe, d.evans, "2026-11-24", "09:00"))
	if r := d.retentionOf(t, zoe); r.KeepUntil.String() != "2027-05-01" {
		t.Fatalf("before any Seen appointment: %s: %s", r.KeepUntil, r.Rule)
	}

	cancelled := d.book(t, d.req(zoe, d.evans, "2026-11-25", "10:00"))
	missed := d.book(t, d.req(zoe, d.evans, "2026-11-26", "10:00"))
	d.book(t, d.req(zoe, d.evans, "2026-12-10", "10:00")) // still to come

	d.at("2026-11-24", 9, 5)
	d.mark(t, seen.ID, schedule.StatusArrived, "")
	d.mark(t, seen.ID, schedule.StatusSeen, "")
	d.mark(t, cancelled.ID, schedule.StatusCancelledPatient, "unwell")
	d.at("2026-11-26", 11, 0)
	d.mark(t, missed.ID, schedule.StatusDNA, "")

	d.at("2026-11-30", 9, 0)
	r := d.retentionOf(t, zoe)
	if r.KeepUntil.String() != "2034-11-24" || r.Rule != "8 years after the last treatment on 24 November 2026" {
		t.Fatalf("after a Seen, a cancellation, a DNA and with one to come: %s: %s", r.KeepUntil, r.Rule)
	}
	// Another patient's Seen appointment is not hers.
	john := d.book(t, d.req(d.john, d.patel, "2026-11-30", "10:00"))
	d.at("2026-11-30", 11, 0)
	d.mark(t, john.ID, schedule.StatusArrived, "")
	d.mark(t, john.ID, schedule.StatusSeen, "")
	if r := d.retentionOf(t, zoe); r.KeepUntil.String() != "2034-11-24" {
		t.Fatalf("another patient's appointment moved hers: %s: %s", r.KeepUntil, r.Rule)
	}
	if r := d.retentionOf(t, d.john); r.KeepUntil.String() != "2034-11-30" {
		t.Fatalf("John seen today: %s: %s", r.KeepUntil, r.Rule)
	}
}

// Without any treatment the date counts from the record's opening, and
// says so, rather than leaving the manager with no date at all.
func TestRetentionWithNoTreatmentSaysWhatItCountsFrom(t *testing.T) {
	d := newDiary(t)
	r := d.retentionOf(t, d.john)
	if r.KeepUntil.String() != "2034-11-23" || r.Rule != "8 years after the record's opening on 23 November 2026 (no treatment recorded yet)" {
		t.Fatalf("never treated: %s: %s", r.KeepUntil, r.Rule)
	}
}

func TestDateOfDeathCannotBeInTheFutureOrBeforeBirth(t *testing.T) {
	d := newDiary(t) // today is 23 November 2026; John was born 1 January 1970
	for died, want := range map[string]string{
		"24/11/2026": "the date of death 24/11/2026 is in the future: check the date",
		"31/12/1969": "the date of death 31/12/1969 is before the date of birth 01/01/1970: check both",
		"31/02/2026": "the date of death is not a real date: use dd/mm/yyyy",
	} {
		// As typed on the form, which the clinic reads.
		typed := &patients.TypedDates{DOB: d.john.DOB.Short(), DateOfDeath: died}
		_, err := d.c.UpdatePatient(d.john, PatientOptions{Typed: typed})
		var fe patients.FieldErrors
		if !errors.As(err, &fe) || fe.For(patients.FieldDateOfDeath) != want {
			t.Errorf("date of death %s: %v\nwant: %s", died, err, want)
		}
	}
	// Nor after the last treatment kept on the record.
	p := d.john
	p.LastTreatment, p.DateOfDeath = ukcal.MustParseDate("2026-11-20"), ukcal.MustParseDate("2026-11-19")
	_, err := d.c.UpdatePatient(p, PatientOptions{})
	var fe patients.FieldErrors
	if want := "the last treatment 20/11/2026 is after the date of death 19/11/2026: check both"; !errors.As(err, &fe) || fe.For(patients.FieldDateOfDeath) != want {
		t.Errorf("death before the last treatment: %v\nwant: %s", err, want)
	}
	if stored, _ := d.c.Patient(d.john.ID); !stored.DateOfDeath.IsZero() {
		t.Fatalf("a refused date of death was kept: %q", stored.DateOfDeath)
	}
	// Today, and the day of birth itself, are possible.
	for _, died := range []ukcal.Date{ukcal.MustParseDate("1970-01-01"), ukcal.MustParseDate("2026-11-23")} {
		p := d.john
		p.DateOfDeath = died
		if _, err := d.c.UpdatePatient(p, PatientOptions{}); err != nil {
			t.Fatalf("date of death %s refused: %v", died, err)
		}
		if stored, _ := d.c.Patient(d.john.ID); stored.DateOfDeath != died {
			t.Fatalf("date of death stored as %q, want %s", stored.DateOfDeath, died)
		}
	}
	r := d.retentionOf(t, d.john)
	if r.KeepUntil.String() != "2034-11-23" || r.Rule != "8 years after death on 23 November 2026" {
		t.Fatalf("after death: %s: %s", r.KeepUntil, r.Rule)
	}
}

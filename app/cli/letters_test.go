package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// letterDay is the day letterClinic books on: the first Wednesday at least
// two days after the suite's today that is a working day, so the bookings
// are always ahead, whatever the day the tests run (or are moved to).
func letterDay() ukcal.Date {
	d := testclock.Today().AddDays(2)
	for d.Weekday() != time.Wednesday || !ukcal.EnglandAndWales.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// longDate is a date as the letters and the CLI write it.
func longDate(d ukcal.Date) string { return d.LongWithDay() }

// letterClinic is a clinic file with one patient, with an address and an
// NHS number, booked twice on letterDay.
func letterClinic(t *testing.T) (db, patientID, appointmentID string) {
	t.Helper()
	db = initClinic(t)
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	cl, err := c.SaveClinician(schedule.Clinician{Name: "Dr Siân Evans", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := c.SaveAppointmentType(schedule.AppointmentType{Name: "Follow-up", Minutes: 20, Active: true})
	p, err := c.CreatePatient(patients.Patient{Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1984-02-29"),
		NHSNumber: "943 476 5919", Address: patients.Address{Line1: "3 Heol y Frenhines", Town: "Caerdydd", Postcode: "CF10 1AA"}}, app.PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, at := range []string{"09:00", "15:40"} {
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: cl.ID, TypeID: typ.ID,
			Date: letterDay(), Start: schedule.MustParseClock(at), OverrideReason: "twice that day"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			appointmentID = a.ID
		}
	}
	return db, p.ID, appointmentID
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestLetterCommandByNHSNumberNeverOverwrites(t *testing.T) {
	db, _, apptID := letterClinic(t)
	out := filepath.Join(t.TempDir(), "reminder.pdf")
	args := []string{"letter", "--db", db, "--template", "appointment_reminder", "--patient", "9434765919",
		"--appointment", apptID, "--out", out, "--user", "manager", "--password-stdin"}
	r := run(pw+"\n", args...)
	if r.code != 0 || !strings.Contains(r.stdout, "Wrote the appointment_reminder letter to") {
		t.Fatalf("%+v", r)
	}
	text := pdftotext(t, out)
	for _, want := range []string{"Ms Zoë Łukasiewicz-O'Brien", longDate(letterDay()), "09:00", "Dr Siân Evans", "943 476 5919"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, text)
		}
	}
	before, _ := os.ReadFile(out)
	if r := run(pw+"\n", args...); r.code != ExitFailure || !strings.Contains(r.stderr, "already exists") {
		t.Fatalf("overwrote: %+v", r)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Fatal("the existing file changed")
	}
}

func TestGeneralLetterAndComplaintAndUsage(t *testing.T) {
	db, patientID, _ := letterClinic(t)
	dir := t.TempDir()
	textFile := filepath.Join(dir, "body.txt")
	os.WriteFile(textFile, []byte("Thank you for coming in.\n\nCroeso, Siân.\n"), 0o600)
	out := filepath.Join(dir, "general.pdf")
	r := run(pw+"\n", "letter", "--db", db, "--template", "general", "--patient", patientID, "--subject", "Your exercise plan",
		"--text", textFile, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if text := pdftotext(t, out); !strings.Contains(text, "Your exercise plan") || !strings.Contains(text, "Croeso, Siân.") {
		t.Fatalf("general letter:\n%s", text)
	}
	// Complaint letters come from the complaint, never from a patient alone.
	r = run(pw+"\n", "letter", "--db", db, "--template", "complaint_ack", "--patient", patientID,
		"--out", filepath.Join(dir, "c0.pdf"), "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "--complaint REFERENCE") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("complaint letter for a patient: %+v", r)
	}
	r = run(pw+"\n", "letter", "--db", db, "--template", "complaint_ack", "--complaint", "no-such-complaint",
		"--out", filepath.Join(dir, "c1.pdf"), "--user", "manager", "--password-stdin")
	if r.code != ExitFailure {
		t.Fatalf("unknown complaint: %+v", r)
	}
	c := signIn(t, db, "manager", pw)
	logged, err := c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: patientID,
		Channel: complaints.Written, Received: testclock.Today(), Description: "Kept waiting 50 minutes.",
		Subjects: []complaints.SubjectArea{complaints.SubjectWaitingTimes}, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	ack := filepath.Join(dir, "ack.pdf")
	r = run(pw+"\n", "letter", "--db", db, "--template", "complaint_ack", "--complaint", logged.ID,
		"--out", ack, "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("acknowledgement: %+v", r)
	}
	if text := pdftotext(t, ack); !strings.Contains(text, logged.Reference) || !strings.Contains(text, "Łukasiewicz-O'Brien") {
		t.Fatalf("acknowledgement letter:\n%s", text)
	}
	for _, bad := range [][]string{
		{"letter", "--db", db, "--patient", patientID, "--out", filepath.Join(dir, "x.pdf")},
		{"letter", "--db", db, "--template", "general", "--patient", patientID, "--out", filepath.Join(dir, "x.pdf")},
		{"letter", "--db", db, "--template", "dna_first", "--out", filepath.Join(dir, "x.pdf")},
		{"slips", "--db", db, "--date", letterDay().Short(), "--out", filepath.Join(dir, "x.pdf")},
	} {
		if r := run(pw+"\n", append(bad, "--user", "manager", "--password-stdin")...); r.code != ExitUsage {
			t.Errorf("%v: %+v", bad, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Fatal("a failed command left a file")
	}
}

func TestSlipsCommandPrintsTheDay(t *testing.T) {
	db, _, _ := letterClinic(t)
	out := filepath.Join(t.TempDir(), "slips.pdf")
	r := run(pw+"\n", "slips", "--db", db, "--date", letterDay().String(), "--out", out, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, "Wrote 2 slips for "+longDate(letterDay())) {
		t.Fatalf("%+v", r)
	}
	text := pdftotext(t, out)
	if strings.Count(text, "Zoë Łukasiewicz-O'Brien") != 2 || !strings.Contains(text, "15:40") {
		t.Fatalf("slips:\n%s", text)
	}
	if r := run(pw+"\n", "slips", "--db", db, "--date", letterDay().AddDays(1).String(), "--out", filepath.Join(t.TempDir(), "none.pdf"),
		"--user", "manager", "--password-stdin"); r.code != ExitFailure || !strings.Contains(r.stderr, "no appointments") {
		t.Fatalf("empty day: %+v", r)
	}
}

func TestBenchLettersJoinsFiveHundredLetters(t *testing.T) {
	if testing.Short() {
		t.Skip("draws 500 letters")
	}
	db, _, _ := letterClinic(t)
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	// Two bookings ahead: their reminders are written over and over, so the
	// batch timed is still 500 letters, three times.
	row, err := benchLetters(c, testclock.Today())
	if err != nil {
		t.Fatal(err)
	}
	if row.N != 3 || row.P95 <= 0 || !strings.Contains(row.Note, "500 reminder letters (2 distinct appointments)") {
		t.Fatalf("row: %+v", row)
	}
}

package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// A patient who asked to be called by the name they are known by: ticking
// "Use the known-as name in letters" is saved, audited, and changes the
// greeting of appointment and complaint letters, never the envelope. Set
// CLINICDESK_LETTERS_OUT to keep the PDFs for looking at.
func TestLettersGreetByTheKnownAsNameOnlyWhenTheRecordSaysSo(t *testing.T) {
	d := newDiary(t)
	pt, err := d.c.CreatePatient(patients.Patient{Title: "Mr", Forenames: "Robert James", Surname: "Smith", PreferredName: "Bob",
		DOB: ukcal.MustParseDate("1961-04-02"), Address: patients.Address{Line1: "4 Mill Lane", Town: "Otley", Postcode: "LS21 1BQ"}}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	appt := d.book(t, d.req(pt, d.patel, "2026-11-30", "14:00"))
	const envelope = "Mr Robert James Smith 4 Mill Lane OTLEY LS21 1BQ"
	letter := func(name string) string {
		t.Helper()
		res, err := d.c.RenderLetter(LetterRequest{Template: "appointment_confirmation", PatientID: pt.ID, AppointmentID: appt.ID})
		if err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("CLINICDESK_LETTERS_OUT"); dir != "" {
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "known-as-"+name+".pdf"), res.PDF, 0o644)
		}
		return pdfTextOf(t, res.PDF)
	}

	// A known-as name alone does not change the letters: it may be only
	// what the desk calls them.
	if text := letter("not-ticked"); !strings.Contains(text, "Dear Mr Smith,") || !strings.Contains(text, envelope) {
		t.Fatalf("before ticking:\n%s", text)
	}

	pt.UseKnownAs = true
	if _, err := d.c.UpdatePatient(pt, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	saved, err := d.c.Patient(pt.ID)
	if err != nil || !saved.UseKnownAs || saved.PreferredName != "Bob" {
		t.Fatalf("saved %+v, %v", saved, err)
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "patient.update"})
	if len(rows) != 1 || rows[0].Detail != "changed: known-as name in letters" {
		t.Fatalf("update audit: %+v", rows)
	}

	text := letter("ticked")
	if !strings.Contains(text, "Dear Bob Smith,") || strings.Contains(text, "Dear Mr") || !strings.Contains(text, envelope) {
		t.Fatalf("after ticking, the greeting uses the known-as name and the envelope the legal one:\n%s", text)
	}

	// The same patient complaining gets the same greeting.
	r, err := d.c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: pt.ID,
		Channel: complaints.Written, Received: ukcal.MustParseDate("2026-11-20"), Description: "The car park was closed.",
		Subjects: []complaints.SubjectArea{complaints.SubjectWaitingTimes}, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
	if err != nil {
		t.Fatal(err)
	}
	ack, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.Reference, Template: ComplaintAckTemplate})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, ack.PDF); !strings.Contains(text, "Dear Bob Smith,") || !strings.Contains(text, envelope) {
		t.Fatalf("complaint acknowledgement:\n%s", text)
	}

	// Ticked with no known-as name is refused, saying what to do.
	pt.PreferredName = ""
	_, err = d.c.UpdatePatient(pt, PatientOptions{})
	if err == nil || !strings.Contains(err.Error(), "enter the name the patient is known by, or untick") {
		t.Fatalf("ticked with no known-as name: %v", err)
	}
}

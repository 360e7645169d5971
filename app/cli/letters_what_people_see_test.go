package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/testclock"
)

// The CLI takes what the desk sees: the NHS number spaced as the screen
// and letters print it, and the complaint's reference as the GUI shows it.
func TestLetterTakesTheSpacedNHSNumberAndTheComplaintReference(t *testing.T) {
	db, patientID, apptID := letterClinic(t)
	dir := t.TempDir()
	for i, nhs := range []string{"943 476 5919", " 943-476-5919 "} {
		out := filepath.Join(dir, "reminder"+string(rune('a'+i))+".pdf")
		r := run(pw+"\n", "letter", "--db", db, "--template", "appointment_reminder", "--patient", nhs,
			"--appointment", apptID, "--out", out, "--user", "manager", "--password-stdin")
		if r.code != 0 {
			t.Fatalf("--patient %q: %+v", nhs, r)
		}
		if text := pdftotext(t, out); !strings.Contains(text, "Dear Ms Łukasiewicz-O'Brien,") || !strings.Contains(text, "CAERDYDD CF10 1AA") {
			t.Errorf("--patient %q wrote:\n%s", nhs, text)
		}
	}
	r := run(pw+"\n", "letter", "--db", db, "--template", "appointment_reminder", "--patient", "943 476 5918",
		"--appointment", apptID, "--out", filepath.Join(dir, "bad.pdf"), "--user", "manager", "--password-stdin")
	if r.code == 0 || !strings.Contains(r.stderr, "NHS number") {
		t.Errorf("a mistyped NHS number: %+v", r)
	}

	c := signIn(t, db, "manager", pw)
	logged, err := c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: patientID,
		Channel: complaints.Written, Received: testclock.Today(), Description: "could not get through on the phone for three days..",
		Subjects: []complaints.SubjectArea{complaints.SubjectWaitingTimes}, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	ref := logged.Reference // "C-2026-001", as the complaints screen shows it
	if !strings.HasPrefix(ref, "C-") {
		t.Fatalf("reference %q", ref)
	}
	for i, typed := range []string{ref, strings.ToLower(ref), strings.Replace(ref, "-00", "-", 1)} {
		out := filepath.Join(dir, "ack"+string(rune('a'+i))+".pdf")
		r := run(pw+"\n", "letter", "--db", db, "--template", "complaint_ack", "--complaint", typed,
			"--out", out, "--user", "manager", "--password-stdin")
		if r.code != 0 {
			t.Fatalf("--complaint %q: %+v", typed, r)
		}
		text := pdftotext(t, out)
		for _, want := range []string{"Our ref: " + ref, "Dear Ms Łukasiewicz-O'Brien,",
			"This is how we have understood your complaint: Could not get through on the phone for three days. If we have"} {
			if !strings.Contains(text, want) {
				t.Errorf("--complaint %q: no %q in:\n%s", typed, want, text)
			}
		}
	}
	r = run(pw+"\n", "letter", "--db", db, "--template", "complaint_ack", "--complaint", "C-1999-001",
		"--out", filepath.Join(dir, "none.pdf"), "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "no complaint in the register has the reference C-1999-001") {
		t.Errorf("an unknown reference: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "none.pdf")); err == nil {
		t.Error("a failed letter left a file")
	}
}

// The final response states the decision, and is refused, with the flag
// to give, while the complaint has none.
func TestFinalResponseFromTheCLINeedsTheOutcome(t *testing.T) {
	db, patientID, _ := letterClinic(t)
	dir := t.TempDir()
	c := signIn(t, db, "manager", pw)
	logged, err := c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: patientID,
		Channel: complaints.Written, Received: testclock.Today(), Description: "Kept waiting.",
		Subjects: []complaints.SubjectArea{complaints.SubjectWaitingTimes}, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
	if err == nil {
		_, err = c.MoveComplaint(logged.ID, complaints.Acknowledged, complaints.NoOutcome, "", "")
	}
	if err == nil {
		_, err = c.MoveComplaint(logged.ID, complaints.Investigating, complaints.NoOutcome, "", "")
	}
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"investigation": "I read the diary.", "conclusions": "You waited 40 minutes.", "actions": "- We now tell patients."}
	args := []string{"letter", "--db", db, "--template", "complaint_final", "--complaint", logged.Reference, "--signed-off-by", "Ann Manager",
		"--user", "manager", "--password-stdin"}
	for flag, text := range files {
		path := filepath.Join(dir, flag+".txt")
		os.WriteFile(path, []byte(text), 0o600)
		args = append(args, "--"+flag, path)
	}
	r := run(pw+"\n", append(args, "--out", filepath.Join(dir, "none.pdf"))...)
	if r.code != ExitFailure || !strings.Contains(r.stderr, "no outcome yet") || !strings.Contains(r.stderr, "--outcome") {
		t.Fatalf("no outcome: %+v", r)
	}
	if r := run(pw+"\n", append(args, "--outcome", "half", "--out", filepath.Join(dir, "none.pdf"))...); r.code != ExitUsage {
		t.Errorf("--outcome half: %+v", r)
	}
	out := filepath.Join(dir, "final.pdf")
	if r := run(pw+"\n", append(args, "--outcome", "partially-upheld", "--out", out)...); r.code != 0 {
		t.Fatalf("with an outcome: %+v", r)
	}
	if text := pdftotext(t, out); !strings.Contains(text, "Our decision is that your complaint is partially upheld.") {
		t.Errorf("the final response:\n%s", text)
	}
}

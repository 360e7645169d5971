package app

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// letterNotes are the complaint's notes that log letters.
func letterNotes(t *testing.T, c *Clinic, id string) []complaints.Note {
	t.Helper()
	f, err := c.Complaint(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []complaints.Note
	for _, n := range f.Notes {
		if IsComplaintLetterNote(n) {
			out = append(out, n)
		}
	}
	return out
}

func TestAcknowledgementLetterIsWrittenToTheComplainantAndLoggedOnTheComplaint(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02") // a Monday
	r := d.log(t, complaints.Written, "2026-11-02")
	d.signIn(t, "rita") // receptionists write the acknowledgement

	res, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, res.PDF)
	for _, want := range []string{
		"Our ref: C-2026-001",
		"Dear Ms Łukasiewicz-O'Brien",
		"received on 2 November 2026",
		// The description offered as the summary, set off whole.
		"understood your complaint: Kept waiting 50 minutes and spoken to rudely at the desk. If we have misunderstood",
		// No period agreed yet: the default 25 working days from Settings.
		"full response by Monday 7 December 2026",
		"how we will look into your complaint",
		"3 Heol y Frenhines", // the patient's address, as she gave none on the complaint
		"Staff rita",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the acknowledgement lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(res.FileName, "Acknowledgement letter C-2026-001 ") || strings.Contains(res.FileName, "Łukasiewicz") {
		t.Errorf("file name %q", res.FileName)
	}
	notes := letterNotes(t, d.c, r.ID)
	if len(notes) != 1 || !strings.Contains(notes[0].Body, "Acknowledgement letter") || !strings.Contains(notes[0].Body, res.SHA256[:16]) ||
		notes[0].By != "rita" {
		t.Fatalf("letter notes %+v", notes)
	}
	d.signIn(t, "amanager")
	if n := countAudit(t, d.c, "complaint.letter"); n != 1 {
		t.Errorf("%d complaint.letter audit rows, want 1", n)
	}
	// Kept apart from the clinical record: not on the patient's correspondence log.
	if got, err := d.c.PatientLetters(d.patient.ID); err != nil || len(got) != 0 {
		t.Errorf("the complaint letter is on the patient's correspondence log: %+v %v", got, err)
	}
}

func TestFinalResponseIsAManagersAndCarriesTheResponsiblePersonsName(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02")
	r := d.log(t, complaints.Written, "2026-11-02")
	final := ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintFinalTemplate,
		Investigation: "I read the appointment book for that morning and spoke to the reception team.",
		Conclusions:   "The clinic was running late and no one told you. I uphold your complaint.",
		Actions:       "- Reception now tell patients when a clinician is running late.",
		Outcome:       complaints.PartiallyUpheld}

	if _, err := d.c.RenderComplaintLetter(final); err == nil || !strings.Contains(err.Error(), "start the investigation") {
		t.Fatalf("a final response before the investigation: %v", err)
	}
	d.at("2026-11-03")
	d.move(t, r.ID, complaints.Acknowledged, "", "")
	d.move(t, r.ID, complaints.Investigating, "", "")

	d.signIn(t, "rita")
	var perm *PermissionError
	if _, err := d.c.RenderComplaintLetter(final); !errors.As(err, &perm) {
		t.Fatalf("a receptionist wrote the final response: %v", err)
	}
	d.signIn(t, "amanager")
	if _, err := d.c.RenderComplaintLetter(final); err == nil || !strings.Contains(err.Error(), "responsible person") {
		t.Fatalf("a final response with no one signing it: %v", err)
	}
	missing := final
	missing.Conclusions = " "
	missing.SignedOffBy = "Ann Manager"
	if _, err := d.c.RenderComplaintLetter(missing); err == nil || !strings.Contains(err.Error(), "what was found") {
		t.Fatalf("a final response with no findings: %v", err)
	}

	final.SignedOffBy = "Dr Amira Khan"
	// No decision yet, on the letter or the complaint: no final response.
	undecided := final
	undecided.Outcome = complaints.NoOutcome
	if _, err := d.c.RenderComplaintLetter(undecided); !errors.Is(err, ErrNoOutcome) || !strings.Contains(err.Error(), "upheld, partially upheld or not upheld") {
		t.Fatalf("a final response with no outcome: %v", err)
	}
	res, err := d.c.RenderComplaintLetter(final)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, res.PDF)
	for _, want := range []string{"Dr Amira Khan", "Responsible person for complaints", "Parliamentary and Health Service Ombudsman",
		"I uphold your complaint", "Reception now tell patients", "Our decision is that your complaint is partially upheld."} {
		if !strings.Contains(text, want) {
			t.Errorf("the final response lacks %q:\n%s", want, text)
		}
	}
	// The decision the letter states is recorded on the complaint.
	if f, err := d.c.Complaint(r.ID); err != nil || f.Outcome != complaints.PartiallyUpheld || f.Status != complaints.Investigating {
		t.Fatalf("after the letter the complaint is %s, outcome %q (%v)", f.Status, f.Outcome, err)
	}

	// Once signed off on the complaint, the letter must carry that name
	// and the decision recorded.
	d.move(t, r.ID, complaints.ResponseSent, complaints.NoOutcome, "Dr Amira Khan")
	changed := final
	changed.Outcome = complaints.NotUpheld
	if _, err := d.c.RenderComplaintLetter(changed); err == nil || !strings.Contains(err.Error(), "recorded as partially upheld") {
		t.Fatalf("a final response sent again with another decision: %v", err)
	}
	other := final
	other.SignedOffBy = "Ann Manager"
	if _, err := d.c.RenderComplaintLetter(other); err == nil || !strings.Contains(err.Error(), "Dr Amira Khan") {
		t.Fatalf("a final response signed by someone else: %v", err)
	}
	again := final
	again.SignedOffBy, again.Outcome = "", complaints.NoOutcome
	res, err = d.c.RenderComplaintLetter(again)
	if err != nil {
		t.Fatalf("the final response again, signer and decision from the complaint: %v", err)
	}
	if text := pdfTextOf(t, res.PDF); !strings.Contains(text, "your complaint is partially upheld.") {
		t.Errorf("sent again without the recorded decision:\n%s", text)
	}
	if n := len(letterNotes(t, d.c, r.ID)); n != 2 {
		t.Errorf("%d letters logged, want 2", n)
	}
}

func TestDelayLetterRecordsTheNewDateAndClearsTheOwedFlag(t *testing.T) {
	d := newComplaintDesk(t, "2026-03-02")
	r := d.log(t, complaints.Email, "2026-03-02")
	d.at("2026-03-04")
	d.move(t, r.ID, complaints.Acknowledged, "", "")
	d.move(t, r.ID, complaints.Investigating, "", "")
	d.at("2026-09-14") // past the six-month point, 2 September
	f, err := d.c.Complaint(r.ID)
	if err != nil || !f.DelayLetterOwed {
		t.Fatalf("no delay letter owed at six months: %+v %v", f.ComplaintRecord, err)
	}
	req := ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintDelayTemplate, DelayReason: "the physiotherapist involved has been on leave"}
	if _, err := d.c.RenderComplaintLetter(req); err == nil || !strings.Contains(err.Error(), "new date") {
		t.Fatalf("a delay letter with no new date: %v", err)
	}
	req.NewResponseDue = ukcal.NewDate(2026, 10, 3) // a Saturday
	if _, err := d.c.RenderComplaintLetter(req); err == nil || !strings.Contains(err.Error(), "Monday 5 October 2026") {
		t.Fatalf("a delay letter promising a Saturday: %v", err)
	}
	req.NewResponseDue = ukcal.NewDate(2026, 10, 5)
	res, err := d.c.RenderComplaintLetter(req)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, res.PDF)
	for _, want := range []string{"This is the reason for the delay: The physiotherapist involved has been on leave.", "by Monday 5 October 2026", "0345 015 4033"} {
		if !strings.Contains(text, want) {
			t.Errorf("the delay letter lacks %q:\n%s", want, text)
		}
	}
	f, err = d.c.Complaint(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.DelayLetterOwed || f.DelayLetterSent != ukcal.NewDate(2026, 9, 14) || f.Due.ResponseDue != ukcal.NewDate(2026, 10, 5) {
		t.Errorf("after the delay letter: owed=%v sent=%v due=%v", f.DelayLetterOwed, f.DelayLetterSent, f.Due.ResponseDue)
	}
}

func TestLetterToSomeoneElseNeedsTheirAddressAndGreetsThemByName(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02")
	det := d.details(complaints.Oral, "2026-11-02")
	det.Complainant, det.ComplainantName, det.Consent = complaints.ComplainantOnBehalf, "Mrs Joan O'Neill", complaints.ConsentGiven
	det.ConsentDate = ukcal.NewDate(2026, 11, 2)
	r, err := d.c.LogComplaint(det)
	if err != nil {
		t.Fatal(err)
	}
	req := ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate, Summary: "your mother was kept waiting"}
	if _, err := d.c.RenderComplaintLetter(req); err == nil || !strings.Contains(err.Error(), "no postal address for Mrs Joan O'Neill") {
		t.Fatalf("a letter with no address: %v", err)
	}
	det.ComplainantAddress = "7 Mill Row\nLeeds\nLS6 2AL"
	if _, err := d.c.UpdateComplaint(r.ID, det); err != nil {
		t.Fatal(err)
	}
	res, err := d.c.RenderComplaintLetter(req)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, res.PDF)
	for _, want := range []string{"Dear Mrs O'Neill", "7 Mill Row", "on behalf of Zoë Łukasiewicz-O'Brien", "understood your complaint: Your mother was kept waiting.", "LEEDS LS6 2AL"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "3 Heol y Frenhines") {
		t.Error("the patient's address is on a letter to someone else")
	}
}

func TestSplitPersonNameAndSuggestedSummary(t *testing.T) {
	for _, x := range []struct{ in, title, fore, sur string }{
		{"Mrs Joan O'Neill", "Mrs", "Joan", "O'Neill"},
		{"Dr. Amira Khan", "Dr.", "Amira", "Khan"},
		{"Zoë Anna Price", "", "Zoë Anna", "Price"},
		{"Ахмед", "", "", "Ахмед"},
		{"", "", "", ""},
	} {
		ti, fo, su := splitPersonName(x.in)
		if ti != x.title || fo != x.fore || su != x.sur {
			t.Errorf("%q → %q %q %q", x.in, ti, fo, su)
		}
	}
	for in, want := range map[string]string{
		" Kept waiting 50 minutes. ": "Kept waiting 50 minutes.",
		"mrs Shaw waited":            "mrs Shaw waited",
	} {
		if got := SuggestedComplaintSummary(in); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}

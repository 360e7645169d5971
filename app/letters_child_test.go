package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// childLetters books a patient for each appointment letter (the diary's
// today is Monday 23 November 2026): one to confirm and remind, one
// cancelled with a reason, one moved.
func (d *diary) childLetters(t *testing.T, p patients.Patient) map[string]string {
	t.Helper()
	next := d.book(t, d.req(p, d.patel, "2026-11-30", "14:00"))
	moved := d.book(t, d.req(p, d.patel, "2026-12-01", "09:00"))
	if _, _, err := d.c.Move(moved.ID, MoveRequest{ClinicianID: d.patel.ID, Date: ukcal.MustParseDate("2026-12-02"), Start: schedule.MustParseClock("10:30")}); err != nil {
		t.Fatal(err)
	}
	cancelled := d.book(t, d.req(p, d.patel, "2026-12-03", "11:00"))
	if _, err := d.c.SetStatus(cancelled.ID, schedule.StatusCancelledClinic, "the physiotherapist is unwell"); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"appointment_confirmation": next.ID, "appointment_reminder": next.ID,
		"appointment_cancelled": cancelled.ID, "appointment_moved": moved.ID, "general": ""}
}

// render prints one letter for p and reads it back; with
// CLINICDESK_LETTERS_OUT set, the PDF is kept there for looking at.
func (d *diary) render(t *testing.T, p patients.Patient, template, appointmentID, keepAs string) (string, LetterResult) {
	t.Helper()
	req := LetterRequest{Template: template, PatientID: p.ID, AppointmentID: appointmentID}
	if template == "general" {
		req.Text = LetterText{Subject: "Exercises to do at home", Body: "Please find enclosed the exercises we talked about."}
	}
	res, err := d.c.RenderLetter(req)
	if err != nil {
		t.Fatalf("%s: %v", template, err)
	}
	if dir := os.Getenv("CLINICDESK_LETTERS_OUT"); dir != "" {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, keepAs+"-"+template+".pdf"), res.PDF, 0o644)
	}
	return pdfTextOf(t, res.PDF), res
}

func TestLettersAboutAFiveYearOldGoToHerMother(t *testing.T) {
	d := newDiary(t)
	p := ruby(true)
	p.AIS.Needs = []string{"large_print"}
	child, err := d.c.CreatePatient(p, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wording := map[string][]string{
		"appointment_confirmation": {"Ruby's appointment on Monday 30 November 2026", "This letter confirms Ruby's appointment with us.",
			"Please bring Ruby a few minutes early", "If Ruby cannot come, please call us"},
		"appointment_reminder":  {"Reminder: Ruby's appointment on Monday 30 November 2026", "Please bring Ruby a few minutes early"},
		"appointment_cancelled": {"that Ruby's appointment on Thursday 3 December 2026 at 11:00", "a new appointment for Ruby,"},
		"appointment_moved":     {"Ruby's appointment on Tuesday 1 December 2026 at 09:00 has been moved. The new appointment is:"},
		"general":               {"Exercises to do at home"},
	}
	for template, appointment := range d.childLetters(t, child) {
		text, res := d.render(t, child, template, appointment, "ruby")
		for _, want := range append([]string{"Mrs Hannah Shaw Flat 2, 19 Bridge Street OTLEY LS21 1BQ", "Child: Ruby Shaw", "Born: 14 March 2021",
			"Dear Mrs Shaw,", "Yours sincerely"}, wording[template]...) {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", template, want, text)
			}
		}
		for _, never := range []string{"Dear Ruby", "8 Canal Wharf", "your appointment", "Your appointment", "If you cannot come"} {
			if strings.Contains(text, never) {
				t.Errorf("%s says %q:\n%s", template, never, text)
			}
		}
		if len(res.Warnings) != 0 {
			t.Errorf("%s: warnings %q with the mother recorded", template, res.Warnings)
		}
		// The record's large print is for whoever reads the letters.
		if rec, err := d.c.store.LetterRecord(res.RecordID); err != nil || !strings.Contains(rec.Content, `"LargePrint":true`) {
			t.Errorf("%s is not in large print: %v", template, err)
		}
	}
	// The cover of a copy of records is left to the subject access work: to her.
	if _, err := d.c.SubjectAccess(child.ID, ukcal.MustParseDate("2026-11-20"), "the patient", &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if text, _ := d.render(t, child, "sar_cover", "", "ruby"); !strings.Contains(text, "Ruby Shaw 8 Canal Wharf LEEDS") || !strings.Contains(text, "Dear Ruby Shaw,") {
		t.Errorf("sar_cover:\n%s", text)
	}
	// Not brought twice: the letters for a child, never the adults'.
	first, _ := d.markMissed(t, child, "2026-11-16")
	d.markMissed(t, child, "2026-11-20")
	if text, _ := d.render(t, child, "wnb_first", first.ID, "ruby"); !strings.Contains(text, "Dear Mrs Shaw,") || !strings.Contains(text, "Ruby was not brought to it") {
		t.Errorf("wnb_first:\n%s", text)
	}
	if text, _ := d.render(t, child, "wnb_gp", "", "ruby"); !strings.Contains(text, "Dear Dr Okafor,") || !strings.Contains(text, "Parent or carer: Mrs Hannah Shaw (Mother)") {
		t.Errorf("wnb_gp:\n%s", text)
	}
	if _, err := d.c.RenderLetter(LetterRequest{Template: "dna_first", PatientID: child.ID, AppointmentID: first.ID}); err == nil {
		t.Error("the adults' missed-appointment letter was written for a child")
	}
	_, err = d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: child.ID})
	if err == nil || !strings.Contains(err.Error(), "Ruby Shaw is a child") || !strings.Contains(err.Error(), "not discharged") {
		t.Errorf("the GP was told a child was discharged: %v", err)
	}
}

func TestLettersAboutAChildWithNoParentOrCarerStillGo(t *testing.T) {
	d := newDiary(t)
	child, err := d.c.CreatePatient(ruby(false), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for template, appointment := range d.childLetters(t, child) {
		text, res := d.render(t, child, template, appointment, "ruby-no-carer")
		for _, want := range []string{"To the parent or carer of Ruby Shaw 8 Canal Wharf LEEDS LS11 5PZ", "Child: Ruby Shaw",
			"Dear Parent or Carer,", "Yours faithfully"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", template, want, text)
			}
		}
		if template != "general" && (!strings.Contains(text, "Ruby's appointment") || strings.Contains(text, "your appointment")) {
			t.Errorf("%s is not about Ruby:\n%s", template, text)
		}
		if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "no parent or carer is on the record") ||
			!strings.Contains(res.Warnings[0], "Edit details, Parent or carer") {
			t.Errorf("%s: the desk is not told to add the parent or carer: %q", template, res.Warnings)
		}
	}
	// A day's reminders go the same way, with the same warning.
	batch, err := d.c.ReminderLetters(context.Background(), ukcal.MustParseDate("2026-11-30"), nil)
	if err != nil || batch.Letters != 1 || len(batch.Warnings) != 1 || !strings.Contains(batch.Warnings[0], "no parent or carer is on the record") {
		t.Fatalf("reminders: %+v %v", batch, err)
	}
	if text := pdfTextOf(t, batch.PDF); !strings.Contains(text, "To the parent or carer of Ruby Shaw") || !strings.Contains(text, "Reminder: Ruby's appointment") {
		t.Errorf("the day's reminders:\n%s", text)
	}
	// With no address either, there is nowhere to send it.
	noAddress := ruby(false)
	noAddress.Address = patients.Address{}
	if noAddress, err = d.c.CreatePatient(noAddress, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err = d.c.RenderLetter(LetterRequest{Template: "appointment_confirmation", PatientID: noAddress.ID,
		AppointmentID: d.book(t, d.req(noAddress, d.patel, "2026-11-30", "15:00")).ID})
	if err == nil || !strings.Contains(err.Error(), "names no parent or carer") {
		t.Fatalf("no address and no parent or carer: %v", err)
	}
}

// The age is the one on the letter's date (Monday 23 November 2026): at
// 16 a young person gets their own letters, whoever is on the record; the
// day before 16 they go to the parent, even for an appointment after the
// birthday.
func TestLettersFollowTheAgeOnTheLettersDate(t *testing.T) {
	d := newDiary(t)
	carer := patients.ParentCarer{Title: "Mr", Forenames: "Jas", Surname: "Kaur", Relationship: "Father"}
	home := patients.Address{Line1: "3 Mill Lane", Town: "Bradford", Postcode: "BD1 4AA"}
	sixteen, err := d.c.CreatePatient(patients.Patient{Title: "Miss", Forenames: "Maya", Surname: "Kaur", DOB: ukcal.MustParseDate("2010-11-22"), Address: home, ParentCarer: carer}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fifteen, err := d.c.CreatePatient(patients.Patient{Forenames: "Arjun", Surname: "Kaur", DOB: ukcal.MustParseDate("2010-11-24"), Address: home, ParentCarer: carer}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := d.book(t, d.req(sixteen, d.patel, "2026-11-30", "14:00"))
	text, _ := d.render(t, sixteen, "appointment_confirmation", a.ID, "maya-16")
	for _, want := range []string{"Miss Maya Kaur 3 Mill Lane BRADFORD BD1 4AA", "Dear Miss Kaur,", "Your appointment on Monday 30 November 2026",
		"This letter confirms your appointment with us.", "If you cannot come"} {
		if !strings.Contains(text, want) {
			t.Errorf("sixteen lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Mr Jas Kaur") || strings.Contains(text, "Child:") || strings.Contains(text, "Maya's") {
		t.Errorf("a sixteen-year-old's letter went to her father:\n%s", text)
	}
	a = d.book(t, d.req(fifteen, d.patel, "2026-11-30", "15:00"))
	text, _ = d.render(t, fifteen, "appointment_confirmation", a.ID, "arjun-15")
	for _, want := range []string{"Mr Jas Kaur 3 Mill Lane BRADFORD BD1 4AA", "Dear Mr Kaur,", "Arjun's appointment on Monday 30 November 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("fifteen lacks %q:\n%s", want, text)
		}
	}
}

// The template editor previews a letter for the made-up child too, as
// her father reads it; a copy of records still goes to the child.
func TestTemplatePreviewForTheExampleChild(t *testing.T) {
	d := newDiary(t)
	for _, name := range []string{"appointment_reminder", "sar_cover"} {
		tmpl, err := d.c.LetterTemplateNamed(name)
		if err != nil {
			t.Fatal(err)
		}
		adult, err := d.c.PreviewNamedLetterTemplate(name, tmpl.AddressedTo, tmpl.Subject, tmpl.Body, "")
		if err != nil {
			t.Fatal(err)
		}
		child, err := d.c.PreviewNamedLetterTemplate(name, tmpl.AddressedTo, tmpl.Subject, tmpl.Body, ExampleChild)
		if err != nil {
			t.Fatal(err)
		}
		text := pdfTextOf(t, child.PDF)
		switch name {
		case "appointment_reminder":
			if adult.Salutation != "Dear Ms Price," || child.Salutation != "Dear Mr Price," ||
				child.Subject != "Reminder: Ruby's appointment on Tuesday 1 December 2026" ||
				!strings.Contains(text, "Mr Daniel Price 12 Chapel Lane") || !strings.Contains(text, "Child: Ruby Price") {
				t.Errorf("reminder: %q %q %q\n%s", adult.Salutation, child.Salutation, child.Subject, text)
			}
		case "sar_cover":
			if child.Salutation != "Dear Ruby Price," || strings.Contains(text, "Daniel") {
				t.Errorf("sar_cover: %q\n%s", child.Salutation, text)
			}
		}
	}
}

package app

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// ruby is five on the diary's days (born 14 March 2021) and lives with
// her mother, whose own address is elsewhere.
func ruby(withCarer bool) patients.Patient {
	p := patients.Patient{Forenames: "Ruby", Surname: "Shaw", DOB: ukcal.MustParseDate("2021-03-14"),
		Address: patients.Address{Line1: "8 Canal Wharf", Town: "Leeds", Postcode: "LS11 5PZ"},
		GP:      patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery", Address: []string{"7 Mayfield Row", "Leeds", "LS6 9ZZ"}}}
	if withCarer {
		p.ParentCarer = patients.ParentCarer{Title: "Mrs", Forenames: "Hannah", Surname: "Shaw", Relationship: "Mother",
			Phone: "07700 900456", Address: []string{"Flat 2, 19 Bridge Street", "Otley", "ls21 1bq"}}
	}
	return p
}

// markMissed books the patient on the day at 09:00 and marks it DNA.
func (d *diary) markMissed(t *testing.T, p patients.Patient, day string) (schedule.Appointment, StatusResult) {
	t.Helper()
	a := d.book(t, d.req(p, d.evans, day, "09:00"))
	res, err := d.c.SetStatus(a.ID, schedule.StatusDNA, "")
	if err != nil || res.DNA == nil {
		t.Fatalf("%s: %+v %v", day, res, err)
	}
	return a, res
}

func TestMissedAppointmentWordsFollowTheAgeOnTheDay(t *testing.T) {
	d := newDiary(t)
	// Sixteen on Sunday 22 November 2026: the Friday before she is
	// fifteen, the Monday after sixteen.
	teen, err := d.c.CreatePatient(patients.Patient{Forenames: "Maya", Surname: "Kaur", DOB: ukcal.MustParseDate("2010-11-22"),
		ParentCarer: patients.ParentCarer{Forenames: "Jas", Surname: "Kaur", Relationship: "Father"}}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before, res := d.markMissed(t, teen, "2026-11-20")
	if !res.DNA.NotBrought || res.DNA.Step != schedule.WNBFirst || res.DNA.Safeguarding == nil {
		t.Fatalf("the day before her 16th birthday: %+v", res.DNA)
	}
	after := d.book(t, d.req(teen, d.evans, "2026-11-23", "09:00"))
	res, err = d.c.SetStatus(after.ID, schedule.StatusDNA, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.DNA.NotBrought || res.DNA.Safeguarding != nil || res.DNA.Step != schedule.DNASecond {
		t.Fatalf("the day after her 16th birthday: %+v", res.DNA)
	}
	// The same words wherever the desk sees the appointment.
	for _, day := range []string{"2026-11-20", "2026-11-23"} {
		list, err := d.c.TodayList(ukcal.MustParseDate(day))
		if err != nil || len(list) != 1 {
			t.Fatalf("%s: %v %v", day, list, err)
		}
		want := map[string]string{"2026-11-20": "Was not brought", "2026-11-23": "Did not attend"}[day]
		if got := d.c.StatusLabelFor(list[0]); got != want {
			t.Errorf("%s: %q, want %q", day, got, want)
		}
		if got := dayListRow(list[0], d.c.clock(), 16).Status; got != want {
			t.Errorf("%s on the printed day list: %q, want %q", day, got, want)
		}
	}
	tl, err := d.c.Timeline(teen.ID)
	if err != nil {
		t.Fatal(err)
	}
	titles := timelineTitles(tl)
	for _, want := range []string{"Was not brought: appointment of Friday 20 November 2026, 09:00",
		"Did not attend: appointment of Monday 23 November 2026, 09:00",
		"Safeguarding prompt: not brought to the appointment of Friday 20 November 2026, 09:00"} {
		if !strings.Contains(titles, want) {
			t.Errorf("timeline lacks %q:\n%s", want, titles)
		}
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "appointment.status"})
	details := map[string]string{}
	for _, r := range rows {
		details[r.EntityID] = r.Detail
	}
	if details[before.ID] != "dna; was not brought" || details[after.ID] != "dna" {
		t.Fatalf("audit details: %q", details)
	}
	if got := ActionWords("safeguarding.prompt"); !strings.Contains(got, "safeguarding") {
		t.Fatalf("audit words: %q", got)
	}

	// The age is the clinic's: at 18, the Monday's appointment was one
	// she was not brought to as well. An age over 18 is refused.
	cs, _ := d.c.CalendarSettings()
	cs.ChildUnderAge = 18
	if err := d.c.SaveCalendarSettings(cs); err != nil {
		t.Fatal(err)
	}
	list, _ := d.c.TodayList(ukcal.MustParseDate("2026-11-23"))
	if got := d.c.StatusLabelFor(list[0]); got != "Was not brought" {
		t.Fatalf("under 18: %q", got)
	}
	cs.ChildUnderAge = 19
	if err := d.c.SaveCalendarSettings(cs); err == nil || !strings.Contains(err.Error(), "1 to 18") {
		t.Fatalf("age 19: %v", err)
	}
}

func timelineTitles(tl []TimelineEntry) string {
	var b strings.Builder
	for _, e := range tl {
		b.WriteString(e.Title + "\n")
	}
	return b.String()
}

func TestWasNotBroughtLetterGoesToTheParentOrCarer(t *testing.T) {
	d := newDiary(t)
	child, err := d.c.CreatePatient(ruby(true), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if child.ParentCarer.Phone != "+447700900456" || child.ParentCarer.Address[2] != "LS21 1BQ" {
		t.Fatalf("the parent or carer was not tidied: %+v", child.ParentCarer)
	}
	a, res := d.markMissed(t, child, "2026-11-23")
	if res.DNA.Step != schedule.WNBFirst {
		t.Fatalf("step %q", res.DNA.Step)
	}
	if step, err := d.c.DNALetterFor(a.ID); err != nil || step != "wnb_first" {
		t.Fatalf("DNALetterFor: %q %v", step, err)
	}
	l, err := d.c.RenderLetter(LetterRequest{Template: "wnb_first", PatientID: child.ID, AppointmentID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, l.PDF)
	for _, want := range []string{"Mrs Hannah Shaw Flat 2, 19 Bridge Street OTLEY LS21 1BQ", "Dear Mrs Shaw,",
		"Child: Ruby Shaw", "Born: 14 March 2021",
		"Ruby Shaw was not brought to the appointment on Monday 23 November 2026",
		"Ruby was not brought to it, and we did not hear from you", "To book a new appointment for Ruby"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"You did not come", "Dear Ruby", "8 Canal Wharf"} {
		if strings.Contains(text, never) {
			t.Errorf("the letter says %q:\n%s", never, text)
		}
	}
	// The adults' DNA letter is refused for her, naming the right one.
	_, err = d.c.RenderLetter(LetterRequest{Template: "dna_first", PatientID: child.ID, AppointmentID: a.ID})
	if err == nil || !strings.Contains(err.Error(), "Ruby Shaw was not brought") || !strings.Contains(err.Error(), "parent or carer") {
		t.Fatalf("dna_first for a child: %v", err)
	}

	// With no address of their own, the parent or carer is written to at
	// the child's.
	child.ParentCarer.Address = nil
	if child, err = d.c.UpdatePatient(child, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	l, err = d.c.RenderLetter(LetterRequest{Template: "wnb_first", PatientID: child.ID, AppointmentID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, l.PDF); !strings.Contains(text, "Mrs Hannah Shaw 8 Canal Wharf LEEDS LS11 5PZ") {
		t.Fatalf("at the child's address:\n%s", text)
	}
}

func TestWasNotBroughtLetterIsRefusedWithoutAParentOrCarer(t *testing.T) {
	d := newDiary(t)
	child, err := d.c.CreatePatient(ruby(false), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, res := d.markMissed(t, child, "2026-11-23")
	if !res.DNA.NoParentCarer || !res.DNA.NotBrought {
		t.Fatalf("the prompt does not say the record lacks a parent or carer: %+v", res.DNA)
	}
	_, err = d.c.RenderLetter(LetterRequest{Template: "wnb_first", PatientID: child.ID, AppointmentID: a.ID})
	if !errors.Is(err, ErrNoParentCarer) || !strings.Contains(err.Error(), "Add the parent or carer on the record") ||
		!strings.Contains(err.Error(), "not to the child") {
		t.Fatalf("no parent or carer: %v", err)
	}
	if letters, _ := d.c.PatientLetters(child.ID); len(letters) != 0 {
		t.Fatalf("a refused letter was logged: %+v", letters)
	}
	// Details of a parent or carer without a name are refused on the form.
	p := ruby(false)
	p.ParentCarer = patients.ParentCarer{Relationship: "Mother", Phone: "07700 900456"}
	if _, err := d.c.CreatePatient(p, PatientOptions{}); err == nil || !strings.Contains(err.Error(), "parent or carer's name") {
		t.Fatalf("a nameless parent or carer: %v", err)
	}
}

func TestSafeguardingPromptIsShownUntilAcknowledgedAndAudited(t *testing.T) {
	d := newDiary(t)
	child, _ := d.c.CreatePatient(ruby(true), PatientOptions{})
	a, res := d.markMissed(t, child, "2026-11-23")
	sp := res.DNA.Safeguarding
	if sp == nil || sp.AppointmentID != a.ID || sp.ClinicianID != d.evans.ID || sp.MissedCount != 1 {
		t.Fatalf("prompt: %+v", sp)
	}
	open, err := d.c.SafeguardingPrompts()
	if err != nil || len(open) != 1 || open[0].PatientName != "Ruby Shaw" || open[0].AppointmentDate != ukcal.MustParseDate("2026-11-23") {
		t.Fatalf("open prompts: %+v %v", open, err)
	}
	// An adult's DNA raises none.
	d.markMissed(t, d.john, "2026-11-20")
	if open, _ := d.c.SafeguardingPrompts(); len(open) != 1 {
		t.Fatalf("an adult's DNA raised a prompt: %+v", open)
	}

	if err := d.c.AcknowledgeSafeguarding(sp.ID, "  "); err == nil || !strings.Contains(err.Error(), "say what you decided") {
		t.Fatalf("acknowledged without a note: %v", err)
	}
	if err := d.c.AcknowledgeSafeguarding(sp.ID, "Spoke to mum: the car broke down. No concerns."); err != nil {
		t.Fatal(err)
	}
	if open, _ := d.c.SafeguardingPrompts(); len(open) != 0 {
		t.Fatalf("still open: %+v", open)
	}
	if err := d.c.AcknowledgeSafeguarding(sp.ID, "again"); err == nil || !strings.Contains(err.Error(), "already acknowledged by amanager") {
		t.Fatalf("acknowledged twice: %v", err)
	}
	got, ok, err := d.c.SafeguardingPromptFor(a.ID)
	if err != nil || !ok || got.Open() || got.AcknowledgedBy != "amanager" || !strings.HasPrefix(got.Note, "Spoke to mum") {
		t.Fatalf("after acknowledging: %+v %v %v", got, ok, err)
	}
	var actions []string
	for _, r := range mustAudit(t, d.c) {
		if r.Patient == child.ID && strings.HasPrefix(r.Action, "safeguarding.") {
			actions = append(actions, r.Action+" "+r.Detail)
		}
	}
	want := []string{"safeguarding.acknowledge note: Spoke to mum: the car broke down. No concerns.",
		"safeguarding.prompt was not brought; 1 missed appointment in the months the DNA policy counts"}
	if strings.Join(actions, "|") != strings.Join(want, "|") {
		t.Fatalf("audit:\n%q\nwant\n%q", actions, want)
	}

	// A receptionist neither sees nor acknowledges prompts.
	addUser(t, d.c, "reception", Receptionist)
	d.c.SignOut()
	if err := d.c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	var pe *PermissionError
	if _, err := d.c.SafeguardingPrompts(); !errors.As(err, &pe) {
		t.Fatalf("a receptionist saw the prompts: %v", err)
	}
}

func TestSecondWasNotBroughtProposesTheGPNotAWarning(t *testing.T) {
	d := newDiary(t)
	child, _ := d.c.CreatePatient(ruby(true), PatientOptions{})
	d.markMissed(t, child, "2026-10-19")
	a, res := d.markMissed(t, child, "2026-11-23")
	if res.DNA.Count != 2 || res.DNA.Step != schedule.WNBGP || res.DNA.Safeguarding == nil || res.DNA.Safeguarding.MissedCount != 2 {
		t.Fatalf("second time: %+v %+v", res.DNA, res.DNA.Safeguarding)
	}
	if step, _ := d.c.DNALetterFor(a.ID); step != "wnb_gp" {
		t.Fatalf("DNALetterFor: %q", step)
	}
	gp, err := d.c.RenderLetter(LetterRequest{Template: "wnb_gp", PatientID: child.ID, AppointmentID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, gp.PDF)
	for _, want := range []string{"Dr Amara Okafor Hyde Park Surgery 7 Mayfield Row LEEDS LS6 9ZZ", "Dear Dr Okafor,",
		"Child not brought to appointments: Ruby Shaw", "Parent or carer: Mrs Hannah Shaw (Mother)",
		"has not been brought to 2 appointments", "Monday 19 October 2026 at 09:00", "Monday 23 November 2026 at 09:00",
		"safeguarding lead", "We have not discharged the child"} {
		if !strings.Contains(text, want) {
			t.Errorf("the GP letter lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "discharged them") {
		t.Errorf("the GP letter discharges the child:\n%s", text)
	}
	if open, _ := d.c.SafeguardingPrompts(); len(open) != 2 {
		t.Fatalf("open prompts: %d", len(open))
	}
}

func mustAudit(t *testing.T, c *Clinic) []audit.Entry {
	t.Helper()
	rows, err := c.AuditLog(audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

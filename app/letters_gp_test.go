package app

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
)

// gpLetterPatient gives Zoë a GP and one missed appointment, so the DNA
// policy's letter to the GP has something to say.
func gpLetterPatient(t *testing.T, d *diary, gp patients.GP) patients.Patient {
	t.Helper()
	z := d.zoe
	z.GP = gp
	z, err := d.c.UpdatePatient(z, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	missed := d.book(t, d.req(z, d.evans, "2026-11-23", "09:00"))
	if _, err := d.c.SetStatus(missed.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	return z
}

func TestGPLetterIsAddressedToThePracticeWithThePostcodeLast(t *testing.T) {
	d := newDiary(t)
	z := gpLetterPatient(t, d, patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery",
		Address: []string{"Unit 2, Tŷ Gwyn", "", " 7 Mayfield Row ", "Leeds", "ls6 9zz"}})
	if want := []string{"Unit 2, Tŷ Gwyn", "7 Mayfield Row", "Leeds", "LS6 9ZZ"}; !reflect.DeepEqual(z.GP.Address, want) {
		t.Fatalf("saved address %q, want %q", z.GP.Address, want)
	}

	res, err := d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: z.ID})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := d.c.store.LetterRecord(res.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	var kept printedLetter
	if err := json.Unmarshal([]byte(rec.Content), &kept); err != nil {
		t.Fatal(err)
	}
	want := letters.Recipient{Name: "Dr Amara Okafor",
		Address: []string{"Hyde Park Surgery", "Unit 2, Tŷ Gwyn", "7 Mayfield Row", "LEEDS", "LS6 9ZZ"}} // post town in capitals
	if !reflect.DeepEqual(kept.Letter.Recipient, want) {
		t.Fatalf("recipient %+v, want %+v", kept.Letter.Recipient, want)
	}

	// The fullest address the form allows still fits the envelope window.
	z.GP.Address = []string{"The Old Mill Medical Centre, Kirkstall Road", "Burley Business Park", "Burley",
		"Leeds", "LS4 2QA"}
	if _, err := d.c.UpdatePatient(z, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: z.ID}); err != nil {
		t.Fatalf("five address lines: %v", err)
	}

	// The merge field prints the address as lines too.
	src, err := readLetterSource(d.c.store, z.ID, "", d.c.today())
	if err != nil {
		t.Fatal(err)
	}
	tp, err := letters.ParseTemplate("t", "S", "{{patient.gp_address}}")
	if err != nil {
		t.Fatal(err)
	}
	merged, err := tp.Render(src.fields())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(merged.Paragraphs, "|"); got != strings.Join(z.GP.Address, "\n") {
		t.Fatalf("patient.gp_address printed %q", got)
	}
}

func TestGPLetterWithoutThePracticeAddressIsRefusedAndNotLogged(t *testing.T) {
	d := newDiary(t)
	z := gpLetterPatient(t, d, patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery"})
	before := len(auditActions(t, d.c))

	_, err := d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: z.ID})
	if !errors.Is(err, ErrNoGPAddress) ||
		err.Error() != "add the GP practice's address to the patient's record before writing to the GP" {
		t.Fatalf("a GP letter with no practice address: %v", err)
	}
	if recs, err := d.c.store.LetterRecords(z.ID); err != nil || len(recs) != 0 {
		t.Fatalf("letters logged: %v %v", recs, err)
	}
	if after := auditActions(t, d.c); len(after) != before {
		t.Fatalf("the refusal was audited: %q", after[before:])
	}
	tl, err := d.c.Timeline(z.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tl {
		if e.Kind == "letter" {
			t.Fatalf("a refused letter is on the timeline: %+v", e)
		}
	}

	// The template editor's preview for this patient says the same; the
	// example patient has an address.
	gp, _ := d.c.LetterTemplateNamed("gp_letter")
	if _, err := d.c.PreviewLetterTemplate(letters.ToGP, gp.Subject, gp.Body, z.ID); !errors.Is(err, ErrNoGPAddress) {
		t.Fatalf("preview for the patient: %v", err)
	}
	if _, err := d.c.PreviewLetterTemplate(letters.ToGP, gp.Subject, gp.Body, ""); err != nil {
		t.Fatalf("preview for the example patient: %v", err)
	}
}

func TestGPAddressValidationRefusesAndChangesNothing(t *testing.T) {
	c, _, _ := newClinic(t)
	p := zoe()
	p.GP = patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery",
		Address: []string{"Unit 4", "Riverside Business Park", "Kirkstall Road", "Kirkstall", "Leeds", "LS4 2AB"}}
	_, err := c.CreatePatient(p, PatientOptions{})
	var fe patients.FieldErrors
	if !errors.As(err, &fe) || !strings.Contains(fe.For(patients.FieldGPAddress), "the GP practice's address has 6 lines: it can have at most 5") {
		t.Fatalf("six lines: %v", err)
	}
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatalf("%d patients saved despite the bad address", n)
	}

	p.GP.Address = []string{"Hyde Park Surgery", "Lots of words " + strings.Repeat("and more ", 5), "LS6 9ZZ"}
	saved, err := c.CreatePatient(zoe(), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p.ID = saved.ID
	_, err = c.UpdatePatient(p, PatientOptions{})
	if !errors.As(err, &fe) || fe.For(patients.FieldGPAddress) !=
		"line 2 of the GP practice's address is longer than 50 characters: split it over two lines" {
		t.Fatalf("a long line: %v", err)
	}
	if got, _ := c.Patient(saved.ID); got.GP.Address != nil || got.GP.Name != "" {
		t.Fatalf("a refused change was saved: %+v", got.GP)
	}
}

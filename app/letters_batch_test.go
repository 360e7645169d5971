package app

import (
	"context"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// A letter whose address cannot go in the envelope window is left out of
// the batch and named; the others are printed together and logged, each
// with the hash of the PDF it was printed in.
func TestLetterBatchLeavesOutAnAddressTooWideForTheWindow(t *testing.T) {
	d := newDiary(t)
	john := d.john
	john.Address = patients.Address{Line1: "The Very Long Named Residential Care Home for the Retired Gentlefolk of Montgomeryshire",
		Town: "Welshpool", Postcode: "SY21 7AB"}
	if _, err := d.c.UpdatePatient(john, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	ahmed, err := d.c.CreatePatient(patients.Patient{Title: "Mr", Forenames: "Ахмед", Surname: "Петров", DOB: ukcal.MustParseDate("1991-06-30"),
		Address: patients.Address{Line1: "22 Church Street", Town: "Leeds", Postcode: "LS1 4BR"}}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zoeAt := d.book(t, d.req(d.zoe, d.evans, "2026-11-25", "10:00"))
	johnAt := d.book(t, d.req(d.john, d.patel, "2026-11-25", "09:00"))
	ahmedAt := d.book(t, d.req(ahmed, d.patel, "2026-11-25", "11:00"))
	var progress []int
	res, err := d.c.LetterBatch(context.Background(), []LetterRequest{
		{Template: "appointment_reminder", PatientID: d.john.ID, AppointmentID: johnAt.ID},
		{Template: "appointment_reminder", PatientID: d.zoe.ID, AppointmentID: zoeAt.ID},
		{Template: "appointment_reminder", PatientID: ahmed.ID, AppointmentID: ahmedAt.ID},
	}, func(done, total int) { progress = append(progress, done*10+total) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Letters != 2 || len(res.Skipped) != 1 || !strings.HasPrefix(res.Skipped[0], "John Smith, Jr: ") ||
		!strings.Contains(res.Skipped[0], "Gentlefolk") {
		t.Fatalf("letters %d, skipped %q", res.Letters, res.Skipped)
	}
	if len(progress) == 0 || progress[len(progress)-1] != 22 {
		t.Errorf("progress (done×10+total) %v, want it to end at 2 of 2", progress)
	}
	text := pdfTextOf(t, res.PDF)
	if !strings.Contains(text, "Dear Ms Łukasiewicz-O'Brien") || !strings.Contains(text, "Dear Mr Петров") ||
		strings.Contains(text, "Gentlefolk") || pdfPages(t, res.PDF) != 2 {
		t.Fatalf("batch text:\n%s", text)
	}
	if ls, _ := d.c.PatientLetters(d.john.ID); len(ls) != 0 {
		t.Fatalf("the letter left out was logged: %+v", ls)
	}
	ls, _ := d.c.PatientLetters(d.zoe.ID)
	if len(ls) != 1 || ls[0].SHA256 != sha256Hex(res.PDF) {
		t.Fatalf("Zoë's log %+v, want one letter with the batch's hash", ls)
	}
	// Printed again alone, the letter says the same but is not the batch file.
	again, err := d.c.PrintAgain(ls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Identical || !strings.Contains(pdfTextOf(t, again.PDF), "Dear Ms Łukasiewicz-O'Brien") {
		t.Errorf("reprint identical=%v", again.Identical)
	}
}

func TestLetterBatchOfLettersThatCannotBeWrittenFails(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.john, d.patel, "2026-11-25", "09:00"))
	// John has no address: nothing can be written, and nothing is logged.
	_, err := d.c.LetterBatch(context.Background(), []LetterRequest{
		{Template: "appointment_reminder", PatientID: d.john.ID, AppointmentID: a.ID}}, nil)
	if err == nil || !strings.Contains(err.Error(), "none of the letters could be written") || !strings.Contains(err.Error(), "John Smith, Jr") {
		t.Fatalf("err %v", err)
	}
	if _, err := d.c.LetterBatch(context.Background(), []LetterRequest{{Template: "no_such_letter", PatientID: d.john.ID}}, nil); err == nil ||
		!strings.Contains(err.Error(), "no_such_letter") {
		t.Fatalf("unknown template: %v", err)
	}
	if ls, _ := d.c.PatientLetters(d.john.ID); len(ls) != 0 {
		t.Fatalf("logged %+v", ls)
	}
}

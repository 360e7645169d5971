package screens

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

func TestPatientSubjectAccessWritesPDFAndJSONAndShowsTheDueDate(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1961-04-03", withAlertsAndNeeds)
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	if !tpHasButton(w, "Subject access copy…") {
		t.Fatalf("no Subject access copy button on the Record tab: %q", tpTexts(w))
	}

	dir := t.TempDir()
	received := ukcal.Today(wallClock()).AddDays(-3)
	r.subjectAccessTo(filepath.Join(dir, "copy.pdf"), received, "patient")
	tpIdle(t)

	pdf, err := os.ReadFile(filepath.Join(dir, "copy.pdf"))
	if err != nil {
		t.Fatalf("no PDF: %v (%q)", err, tpTexts(w))
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("the PDF starts %q", pdf[:min(len(pdf), 8)])
	}
	js, err := os.ReadFile(filepath.Join(dir, "copy.json"))
	if err != nil {
		t.Fatalf("no JSON beside the PDF: %v", err)
	}
	var v any
	if err := json.Unmarshal(js, &v); err != nil {
		t.Errorf("the JSON does not parse: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %q, want only the PDF and the JSON", names)
	}
	day := received.Short()
	if !tpShows(w, "received on "+day+" is on the subject access register, answered today") || !tpShows(w, filepath.Join(dir, "copy.json")) {
		t.Errorf("the request %s and where the files went are not shown: %q", day, tpTexts(w))
	}
}

func TestPatientSubjectAccessFailureLeavesNothingBehind(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	_, r, w := tpOpen(t, c, p)
	dir := t.TempDir()
	// The request cannot have been received tomorrow: SubjectAccess refuses.
	r.subjectAccessTo(filepath.Join(dir, "copy"), ukcal.Today(wallClock()).AddDays(1), "patient")
	tpIdle(t)
	if !tpShows(w, "The subject access copy was not made") {
		t.Errorf("the refusal is not shown: %q", tpTexts(w))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left behind after a failure", len(entries))
	}
}

func TestPatientSubjectAccessAsksWhenAndWho(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	if !tpHasButton(w, "Subject access copy…") {
		t.Fatal("a receptionist has no Subject access copy button")
	}
	r.askSubjectAccess()
	if r.dialog == nil || !tpShows(w, "Date the request was received") {
		t.Fatalf("the dialog did not open: %q", tpTexts(w))
	}
	if !strings.Contains(strings.Join(tpTexts(w), "|"), "Who asked") {
		t.Errorf("the dialog does not ask who asked: %q", tpTexts(w))
	}
}

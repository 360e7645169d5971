package screens

import (
	"fmt"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Helpers shared by the patient screen tests (tp: "test patients").

// tpScreen builds the Patients module for c, as the shell would, and
// waits for its first page.
func tpScreen(t *testing.T, c *app.Clinic) (*patientsScreen, fyne.Window) {
	t.Helper()
	tpHoldResults(t)
	obj, w, _ := tcBuild(t, c, patientsModuleID)
	s, ok := obj.(*patientsScreen)
	if !ok {
		t.Fatalf("patients built %T", obj)
	}
	tpIdle(t)
	return s, w
}

// tpAdd adds a patient through the facade; change fills in more.
func tpAdd(t *testing.T, c *app.Clinic, forenames, surname, dob string, change ...func(*patients.Patient)) patients.Patient {
	t.Helper()
	p := patients.Patient{Forenames: forenames, Surname: surname, DOB: ukcal.MustParseDate(dob)}
	for _, f := range change {
		f(&p)
	}
	got, err := c.CreatePatient(p, app.PatientOptions{AllowPseudoPostcode: true})
	if err != nil {
		t.Fatalf("add %s %s: %v", forenames, surname, err)
	}
	return got
}

// tpType types into a field that has the focus, as a person would, and
// waits for what it started off the UI goroutine.
func tpType(t *testing.T, w fyne.Window, e fyne.Focusable, text string) {
	t.Helper()
	w.Canvas().Focus(e)
	test.Type(e, text)
	tpIdle(t)
}

// tpKey presses a key in a widget and waits for what it started.
func tpKey(t *testing.T, o fyne.Focusable, key fyne.KeyName) {
	t.Helper()
	o.TypedKey(&fyne.KeyEvent{Name: key})
	tpIdle(t)
}

// tpTexts is the text of every visible label and rich text.
func tpTexts(w fyne.Window) []string {
	var out []string
	for _, o := range tcVisible(w) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Text != "" {
				out = append(out, x.Text)
			}
		case *widget.RichText:
			out = append(out, x.String())
		}
	}
	return out
}

// tpShows reports whether some visible label or rich text contains s.
func tpShows(w fyne.Window, s string) bool {
	for _, text := range tpTexts(w) {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// tpHasButton reports whether a visible button reads label.
func tpHasButton(w fyne.Window, label string) bool {
	for _, o := range tcVisible(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return true
		}
	}
	return false
}

// tpListed is the names in the results, in order.
func tpListed(s *patientsScreen) []string {
	var out []string
	for _, p := range s.results {
		out = append(out, p.Forenames+" "+p.Surname)
	}
	return out
}

// tpSearch clears the box, types text and waits for the results.
func tpSearch(t *testing.T, s *patientsScreen, w fyne.Window, text string) {
	t.Helper()
	s.search.SetText("")
	tpIdle(t)
	tpType(t, w, s.search, text)
}

func TestPatientsSearchAsYouType(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	zoe := tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1961-04-03", func(p *patients.Patient) {
		p.NHSNumber = nhs.TestNHSNumber(11)
		p.Address.Postcode = "LS1 4AP"
		p.Phones.Mobile = "07700 900123"
	})
	tpAdd(t, c, "John", "Smith", "1980-03-12", func(p *patients.Patient) { p.Address.Postcode = "LS6 2AB"; p.NHSNumber = nhs.TestNHSNumber(12) })
	tpAdd(t, c, "John", "Smith", "1955-07-30", func(p *patients.Patient) { p.Address.Postcode = "YO1 7AB"; p.NHSNumber = nhs.TestNHSNumber(13) })
	s, w := tpScreen(t, c)

	// The empty box lists everyone by surname.
	if got := tpListed(s); strings.Join(got, ",") != "John Smith,John Smith,Zoë Łukasiewicz-O'Brien" {
		t.Fatalf("first page by name = %q", got)
	}
	if !tpShows(w, "All patients by surname") {
		t.Fatalf("the list does not say what it shows: %q", tpTexts(w))
	}

	// "zoe" finds Zoë: accents do not matter.
	tpSearch(t, s, w, "zoe")
	if got := tpListed(s); len(got) != 1 || got[0] != "Zoë Łukasiewicz-O'Brien" {
		t.Fatalf("zoe found %q", got)
	}
	for _, want := range []string{"Łukasiewicz-O'Brien, Zoë", "03/04/1961 (", "LS1 4AP", nhs.FormatNHSNumber(zoe.NHSNumber), "1 patient matching “zoe”"} {
		if !tpShows(w, want) {
			t.Errorf("the result does not show %q: %q", want, tpTexts(w))
		}
	}

	// An NHS number typed with spaces, and without.
	spaced := nhs.FormatNHSNumber(zoe.NHSNumber)
	if !strings.Contains(spaced, " ") {
		t.Fatalf("formatted NHS number %q has no spaces", spaced)
	}
	for _, q := range []string{spaced, zoe.NHSNumber} {
		tpSearch(t, s, w, q)
		if got := tpListed(s); len(got) != 1 || got[0] != "Zoë Łukasiewicz-O'Brien" {
			t.Fatalf("NHS number %q found %q", q, got)
		}
	}

	// A date of birth as dd/mm/yyyy tells the two John Smiths apart.
	tpSearch(t, s, w, "12/03/1980")
	if len(s.results) != 1 || s.results[0].DOB != ukcal.MustParseDate("1980-03-12") {
		t.Fatalf("DOB 12/03/1980 found %q", tpListed(s))
	}
	tpSearch(t, s, w, "smith")
	if len(s.results) != 2 || !tpShows(w, "12/03/1980") || !tpShows(w, "30/07/1955") || !tpShows(w, "LS6 2AB") || !tpShows(w, "YO1 7AB") {
		t.Fatalf("the two John Smiths are not told apart: %q", tpTexts(w))
	}

	// Postcode and phone.
	tpSearch(t, s, w, "ls1 4ap")
	if got := tpListed(s); len(got) != 1 || got[0] != "Zoë Łukasiewicz-O'Brien" {
		t.Fatalf("postcode found %q", got)
	}
	tpSearch(t, s, w, "07700 900123")
	if got := tpListed(s); len(got) != 1 || got[0] != "Zoë Łukasiewicz-O'Brien" {
		t.Fatalf("phone found %q", got)
	}

	// Nothing found says what to try.
	tpSearch(t, s, w, "nobody")
	if len(s.results) != 0 || !tpShows(w, "No patient matches “nobody”") {
		t.Fatalf("no match: %q", tpTexts(w))
	}
	// Escape clears the box and the list comes back.
	tpKey(t, s.search, fyne.KeyEscape)
	if s.search.Text != "" || len(s.results) != 3 {
		t.Fatalf("Escape left %q and %d results", s.search.Text, len(s.results))
	}
}

func TestPatientsStaleResultsAreDropped(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Zoë", "Adams", "1961-04-03")
	tpAdd(t, c, "Zachary", "Adams", "1962-05-04")
	s, w := tpScreen(t, c)

	// Each keystroke starts a search; their answers come back in the
	// opposite order. Only the answer to the last keystroke may show.
	w.Canvas().Focus(s.search)
	for i, r := range "zoe" {
		test.Type(s.search, string(r))
		tcPoll(t, "the search to finish", func() bool { return tpRun.held() == i+1 })
	}
	fns := tpRun.takeHeld()
	for i := len(fns) - 1; i >= 0; i-- {
		fns[i]()
	}
	tpIdle(t)
	if got := tpListed(s); len(got) != 1 || got[0] != "Zoë Adams" || s.shown != "zoe" {
		t.Fatalf("after answers out of order: %q for %q", got, s.shown)
	}
}

func TestPatientsKeyboardEnterOpensTheRecord(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	tpAdd(t, c, "Oliver", "Taylor", "1991-02-02")
	s, w := tpScreen(t, c)

	tpType(t, w, s.search, "taylor")
	tpKey(t, s.search, fyne.KeyReturn) // Enter moves to the results
	if w.Canvas().Focused() != s.list {
		t.Fatalf("Enter in the search box left the focus on %T", w.Canvas().Focused())
	}
	tpKey(t, s.list, fyne.KeyDown)
	tpKey(t, s.list, fyne.KeyReturn) // and Enter opens
	if s.record == nil || s.record.data.p.Forenames != "Oliver" {
		t.Fatalf("Down then Enter did not open Oliver's record: %+v", s.record)
	}
	if !tpShows(w, "Oliver Taylor") {
		t.Fatalf("the record is not shown: %q", tpTexts(w))
	}

	// Back to the list, and ↓ from the box works too; ↑ from the top goes back.
	tcTap(t, w, "Back to the list")
	tpIdle(t)
	if s.record != nil || s.search.Text != "taylor" || len(s.results) != 2 {
		t.Fatalf("back: record %v, box %q, %d results", s.record, s.search.Text, len(s.results))
	}
	tpKey(t, s.search, fyne.KeyDown)
	if w.Canvas().Focused() != s.list {
		t.Fatal("↓ in the search box did not move to the results")
	}
	tpKey(t, s.list, fyne.KeyUp)
	if w.Canvas().Focused() != s.search {
		t.Fatal("↑ from the first result did not go back to the search box")
	}
}

func TestPatientsEmptyClinicGuidance(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	for _, want := range []string{"No patients yet", "New patient", "clinicdesk import patients"} {
		if !tpShows(w, want) {
			t.Errorf("an empty clinic does not say %q: %q", want, tpTexts(w))
		}
	}
	if tpShows(w, "Settings → Import") {
		t.Error("the guidance points to an import screen that does not exist yet")
	}
	if !s.newButton.Visible() {
		t.Fatal("no New patient button for a manager")
	}
}

func TestPatientsShowMoreAndArchived(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	var last patients.Patient
	for i := 0; i < patientsPageSize+5; i++ {
		last = tpAdd(t, c, "Pat", fmt.Sprintf("Surname%03d", i), "1970-01-01")
	}
	if err := c.ArchivePatient(last.ID); err != nil {
		t.Fatal(err)
	}
	s, w := tpScreen(t, c)
	if len(s.results) != patientsPageSize || !s.more.Visible() {
		t.Fatalf("first page: %d results, Show more visible %v", len(s.results), s.more.Visible())
	}
	if !tpShows(w, "50 of 54 shown") {
		t.Fatalf("the list does not say how many in all: %q", tpTexts(w))
	}
	tcTap(t, w, "Show more")
	tpIdle(t)
	if len(s.results) != patientsPageSize+4 || s.more.Visible() {
		t.Fatalf("after Show more: %d results, Show more visible %v", len(s.results), s.more.Visible())
	}
	for i := 1; i < len(s.results); i++ {
		if s.results[i-1].Surname >= s.results[i].Surname {
			t.Fatalf("not in name order at %d: %s, %s", i, s.results[i-1].Surname, s.results[i].Surname)
		}
	}

	// The archived record is found only with "Show archived records".
	tpSearch(t, s, w, last.Surname)
	if len(s.results) != 0 {
		t.Fatalf("an archived record was found without asking: %q", tpListed(s))
	}
	s.archived.SetChecked(true)
	tpIdle(t)
	if len(s.results) != 1 || !tpShows(w, "Archived") {
		t.Fatalf("with archived: %q / %q", tpListed(s), tpTexts(w))
	}
}

func TestPatientsCtrlFAndTopBarFromAnywhere(t *testing.T) {
	c := tcClinic(t)
	tpAdd(t, c, "Zoë", "Łukasiewicz-O'Brien", "1961-04-03")
	a := test.NewTempApp(t)
	tpHoldResults(t)
	tpHoldResults(t)
	u := New(a, Options{Clinic: c, Screen: "today", idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	w := u.Window()
	tpIdle(t)
	if u.shell.currentID() != "today" {
		t.Fatalf("opened on %q", u.shell.currentID())
	}

	fdPressShortcut(t, w, doorFindShortcut)
	tpIdle(t)
	s, ok := u.shell.shownContent().(*patientsScreen)
	if u.shell.currentID() != patientsModuleID || !ok {
		t.Fatalf("Ctrl+F opened %q", u.shell.currentID())
	}
	if w.Canvas().Focused() != s.search {
		t.Fatalf("Ctrl+F left the focus on %T", w.Canvas().Focused())
	}

	// The top bar's box: the first key opens Patients, the rest follow it
	// into the Patients search box.
	u.shell.openID("today")
	test.Type(u.shell.findEntry, "z")
	tpIdle(t)
	s, ok = u.shell.shownContent().(*patientsScreen)
	if !ok || w.Canvas().Focused() != s.search || s.search.Text != "z" || u.shell.findEntry.Text != "" {
		t.Fatalf("typing in the top bar: module %q, box %q", u.shell.currentID(), u.shell.findEntry.Text)
	}
	test.Type(w.Canvas().Focused(), "oe")
	tpIdle(t)
	if s.search.Text != "zoe" || len(s.results) != 1 {
		t.Fatalf("search %q found %q", s.search.Text, tpListed(s))
	}

	// Ctrl+F on a record goes back to the search, ready to type over it.
	s.openRecord(s.results[0].ID)
	tpIdle(t)
	fdPressShortcut(t, w, doorFindShortcut)
	tpIdle(t)
	if s.record != nil || w.Canvas().Focused() != s.search {
		t.Fatal("Ctrl+F on a record did not go back to the search box")
	}
}

func TestPatientsClinicianReadsOnly(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	if _, err := c.AddUser(app.NewUser{Username: "cdoc", FullName: "Cal Doc", Role: app.Clinician, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("cdoc", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w := tpScreen(t, c)
	if s.newButton.Visible() {
		t.Fatal("a clinician has a New patient button")
	}
	s.openRecord(s.results[0].ID)
	tpIdle(t)
	if s.record.editButton.Visible() {
		t.Fatal("a clinician can edit a patient's details")
	}
	if tpHasButton(w, "Archive this record…") {
		t.Fatal("a clinician can archive")
	}
	if s.record.noteEntry.Disabled() {
		t.Fatal("a clinician cannot add a note")
	}
}

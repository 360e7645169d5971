package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patientcsv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// tiShot saves what w shows as dir/name.png when CLINICDESK_SHOTS names a
// folder (for looking at the screens; the tests do not need it).
func tiShot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("CLINICDESK_SHOTS")
	if dir == "" {
		return
	}
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	w.Resize(fyne.NewSize(1100, 760))
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// tiQuietProgress drops the import's progress-bar updates: they come from
// the import's own goroutine, and the tests look at the report instead.
func tiQuietProgress(t *testing.T) {
	t.Helper()
	saved := importProgressOnUI
	importProgressOnUI = func(func()) {}
	t.Cleanup(func() { importProgressOnUI = saved })
}

// tiFile writes a CSV file for the test to import.
func tiFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "patients.csv")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// tiOpen starts the wizard on content and waits for the columns step.
func tiOpen(t *testing.T, s *patientsScreen, content string) *patientImport {
	t.Helper()
	imp := s.importFile(tiFile(t, content))
	tpIdle(t)
	if imp.table == nil || imp.selects == nil {
		t.Fatalf("the columns step did not open")
	}
	return imp
}

// A BOM, CRLF line ends, a quoted comma, non-Latin names, a column
// ClinicDesk does not know, and one impossible date on line 3.
const tiMessy = "\ufeffFirst name,Surname,DOB,Post code,Favourite colour\r\n" +
	"Zoë,O'Brien-Łukasiewicz,03/04/1961,YO1 7AB,\"green, mostly\"\r\n" +
	"Bad,Date,31/02/1980,YO1 7AB,red\r\n" +
	"伟,王,01/01/1990,LS1 4AP,blue\r\n"

func TestPatientImportReportsBadLineAndImportsTheGoodRows(t *testing.T) {
	test.NewTempApp(t)
	tiQuietProgress(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	if !s.importButton.Visible() || !tpHasButton(w, "Import a spreadsheet…") {
		t.Fatal("a manager has no Import a spreadsheet button")
	}
	imp := tiOpen(t, s, tiMessy)

	// Columns step: the headings were matched, the unknown one is ignored.
	for key, want := range map[string]string{
		patientcsv.KeyForenames: "First name", patientcsv.KeySurname: "Surname",
		patientcsv.KeyDOB: "DOB", patientcsv.KeyPostcode: "Post code", patientcsv.KeyEmail: notInFile,
	} {
		if got := imp.selects[key].Selected; got != want {
			t.Errorf("%s is mapped to %q, want %q", key, got, want)
		}
	}
	if !tpShows(w, `These columns will be ignored: "Favourite colour"`) {
		t.Errorf("the ignored column is not named: %q", tpTexts(w))
	}
	if !tpShows(w, "Surname (required)") {
		t.Errorf("required fields are not marked: %q", tpTexts(w))
	}

	tiShot(t, w, "import-columns")

	// The check: line 3 is reported, nothing is imported yet.
	test.Tap(imp.checkButton)
	tpIdle(t)
	var found bool
	for _, l := range imp.lines {
		if strings.HasPrefix(l.text, "line 3: ") {
			found = true
		}
		if strings.HasPrefix(l.text, "line 2:") || strings.HasPrefix(l.text, "line 4:") {
			t.Errorf("a good row is reported: %q", l.text)
		}
	}
	if !found {
		t.Fatalf("line 3 is not in the report: %+v", imp.lines)
	}
	if !tpShows(w, "line 3: ") {
		t.Errorf("line 3 is not on screen: %q", tpTexts(w))
	}
	if n := tpCount(t, c); n != 0 {
		t.Fatalf("the check imported %d patients", n)
	}
	if !tpShows(w, "3 rows checked: 2 ready to import, 1 with problems") {
		t.Errorf("the counts are not shown: %q", tpTexts(w))
	}
	if imp.importAll.Visible() || tpHasButton(w, "Import all 2 patients") {
		t.Error("Import all is offered although a row has a problem")
	}
	if !tpHasButton(w, "Import the 2 good rows and skip the rest") {
		t.Fatalf("no button to import the good rows: %q", tpTexts(w))
	}

	tiShot(t, w, "import-report")

	// Import the good rows.
	test.Tap(imp.importGood)
	tpIdle(t)
	if n := tpCount(t, c); n != 2 {
		t.Fatalf("%d patients after importing the good rows, want 2", n)
	}
	if s.page != s.searchPage || !tpShows(w, "Imported 2 patients from patients.csv") {
		t.Errorf("no message back on the list: %q", tpTexts(w))
	}
	tiShot(t, w, "import-done")
	names := strings.Join(tpListed(s), "|")
	if !strings.Contains(names, "Zoë O'Brien-Łukasiewicz") || !strings.Contains(names, "伟 王") {
		t.Errorf("the list was not refreshed: %q", names)
	}
}

func TestPatientImportMappingChangeChangesWhatIsImported(t *testing.T) {
	test.NewTempApp(t)
	tiQuietProgress(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	imp := tiOpen(t, s, "First name,Surname,Maiden name,DOB\n"+
		"Ada,Lovelace,Byron,10/12/1985\n")

	// Taking a required field away stops the check.
	imp.selects[patientcsv.KeySurname].SetSelected(notInFile)
	if !imp.checkButton.Disabled() || !tpShows(w, "The file has no column for surname") {
		t.Errorf("a missing surname column is not refused: %q", tpTexts(w))
	}
	imp.selects[patientcsv.KeySurname].SetSelected("Maiden name")
	if imp.checkButton.Disabled() {
		t.Fatalf("the check is still refused: %q", tpTexts(w))
	}
	if !tpShows(w, `"Surname"`) {
		t.Errorf("the Surname column is not said to be ignored now: %q", tpTexts(w))
	}
	test.Tap(imp.checkButton)
	tpIdle(t)
	if imp.importGood.Visible() || !tpHasButton(w, "Import all 1 patients") {
		t.Fatalf("the buttons for a clean file are wrong: %q", tpTexts(w))
	}
	test.Tap(imp.importAll)
	tpIdle(t)
	pg, err := loadPatients(c, "", false, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.patients) != 1 || pg.patients[0].Surname != "Byron" {
		t.Fatalf("imported %+v, want Ada Byron", pg.patients)
	}
}

func TestPatientImportNotReadableFileSaysSo(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	s.importFile(filepath.Join(t.TempDir(), "missing.csv"))
	tpIdle(t)
	if !tpShows(w, "The file missing.csv could not be read") || !tpHasButton(w, "Choose another file…") {
		t.Errorf("a missing file is not reported: %q", tpTexts(w))
	}
}

func TestPatientImportNotForReceptionists(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	s, w := tpScreen(t, c)
	if s.importButton.Visible() || tpHasButton(w, "Import a spreadsheet…") {
		t.Error("a receptionist is offered Import a spreadsheet")
	}
}

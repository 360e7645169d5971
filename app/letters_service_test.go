package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
)

// pdfTextOf reads a PDF back with poppler's pdftotext, white space squashed.
func pdfTextOf(t *testing.T, pdf []byte) string {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (poppler-utils)", tool)
		}
	}
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// pdfPages counts a PDF's pages with pdfinfo.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "count.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo: %s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestReminderFromTheRecordsInLargePrintWithAFormatWarning(t *testing.T) {
	d := newDiary(t)
	z := d.zoe
	z.AIS.Needs = []string{"large_print", "braille"}
	z.GP = patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery", Address: []string{"7 Mayfield Row", "Leeds", "ls6 9zz"}}
	if _, err := d.c.UpdatePatient(z, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	r := d.req(d.zoe, d.evans, "2026-11-24", "09:30")
	r.RoomID = d.room.ID
	a := d.book(t, r)

	res, err := d.c.RenderLetter(LetterRequest{Template: "appointment_reminder", PatientID: d.zoe.ID, AppointmentID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, res.PDF)
	for _, want := range []string{"Ms Zoë Łukasiewicz-O'Brien", "3 Heol y Frenhines", "CF10 1AA", "23 November 2026",
		"Tuesday 24 November 2026", "09:30", "Dr Siân Evans", "Room 1", "NHS number: 943 476 5919", "Dear Ms Łukasiewicz-O'Brien,",
		"Yours sincerely", "Ann Manager"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter lacks %q:\n%s", want, text)
		}
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "Braille") {
		t.Errorf("warnings: %q", res.Warnings)
	}
	rec, err := d.c.store.LetterRecord(res.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	var kept printedLetter
	if err := json.Unmarshal([]byte(rec.Content), &kept); err != nil || !kept.Letter.LargePrint {
		t.Fatalf("not large print: %v %+v", err, kept.Letter)
	}
	if rec.SHA256 != res.SHA256 || rec.AppointmentID != a.ID || rec.CreatedBy != "amanager" {
		t.Fatalf("log: %+v", rec)
	}

	// The GP letter, after missed appointments, goes to the GP by name, at
	// the practice's address, in ordinary print.
	missed := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "09:00"))
	if _, err := d.c.SetStatus(missed.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	gp, err := d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: d.zoe.ID})
	if err != nil {
		t.Fatal(err)
	}
	gpText := pdfTextOf(t, gp.PDF)
	if !strings.Contains(gpText, "Dr Amara Okafor Hyde Park Surgery 7 Mayfield Row LEEDS LS6 9ZZ") || !strings.Contains(gpText, "Dear Dr Okafor,") {
		t.Fatalf("GP letter:\n%s", gpText)
	}
	gpRec, _ := d.c.store.LetterRecord(gp.RecordID)
	json.Unmarshal([]byte(gpRec.Content), &kept)
	if kept.Letter.LargePrint {
		t.Fatal("the GP's letter was set in large print")
	}
	if _, err := d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: d.john.ID}); err == nil || !strings.Contains(err.Error(), "no GP") {
		t.Fatalf("a letter to nobody's GP: %v", err)
	}
	if _, err := d.c.RenderLetter(LetterRequest{Template: "complaint_ack", PatientID: d.zoe.ID}); !errors.Is(err, ErrComplaintLetterNeedsComplaint) {
		t.Fatalf("complaint letter: %v", err)
	}
	if _, err := d.c.RenderLetter(LetterRequest{Template: "general", PatientID: d.zoe.ID}); err == nil {
		t.Fatal("a general letter with no text was written")
	}
}

func TestLettersAreOnTheTimelineAndPrintAgainIdentically(t *testing.T) {
	d := newDiary(t)
	res, err := d.c.RenderLetter(LetterRequest{Template: "general", PatientID: d.zoe.ID,
		Text: LetterText{Subject: "Your exercise plan", Body: "Please find your plan enclosed.\n\nCroeso, Siân."}})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, res.PDF); !strings.Contains(text, "Your exercise plan") || !strings.Contains(text, "Croeso, Siân.") {
		t.Fatalf("general letter:\n%s", text)
	}
	tl, err := d.c.Timeline(d.zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	var entry TimelineEntry
	for _, e := range tl {
		if e.Kind == "letter" {
			entry = e
		}
	}
	if entry.Title != "Letter printed: General letter" || entry.LetterID != res.RecordID || entry.By != "amanager" {
		t.Fatalf("timeline: %+v", tl)
	}
	again, err := d.c.PrintAgain(entry.LetterID)
	if err != nil || !again.Identical || string(again.PDF) != string(res.PDF) {
		t.Fatalf("print again: identical=%v %v", again.Identical, err)
	}
	acts := strings.Join(auditActions(t, d.c), ",")
	if !strings.Contains(acts, "letter.generate") || !strings.Contains(acts, "letter.reprint") {
		t.Fatalf("audit: %s", acts)
	}
}

func TestTemplateEditsAreCheckedAuditedAndResettable(t *testing.T) {
	d := newDiary(t)
	list, err := d.c.LetterTemplates()
	n := len(letters.DefaultTemplateNames()) // the SPEC's twelve and any added since (wnb_first, wnb_gp)
	if err != nil || len(list) != n || list[0].Name != "appointment_confirmation" || list[n-1].Name != "general" {
		t.Fatalf("templates: %d %v", len(list), err)
	}
	orig, _ := d.c.LetterTemplateNamed("dna_first")
	body := "We missed you.\n\nPlease ring {{clinic.phone}}.\n{{patient.surnmae}}\n"
	_, err = d.c.SaveLetterTemplate("dna_first", orig.Title, orig.Subject, body)
	var errs letters.TemplateErrors
	if !errors.As(err, &errs) || errs[0].Line != 4 || !strings.Contains(err.Error(), "line 4") {
		t.Fatalf("unknown field: %v", err)
	}
	if now, _ := d.c.LetterTemplateNamed("dna_first"); now.Body != orig.Body || now.Edited {
		t.Fatal("a template with a mistake was saved")
	}
	saved, err := d.c.SaveLetterTemplate("dna_first", orig.Title, orig.Subject, "We missed you, {{patient.forenames}}.\n")
	if err != nil || !saved.Edited {
		t.Fatalf("save: %+v %v", saved, err)
	}
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "09:00"))
	st, err := d.c.SetStatus(a.ID, schedule.StatusDNA, "")
	if err != nil || st.DNA == nil || st.DNA.Step != schedule.DNAFirst {
		t.Fatalf("DNA prompt: %+v %v", st.DNA, err)
	}
	res, err := d.c.RenderLetter(LetterRequest{Template: string(st.DNA.Step), PatientID: d.zoe.ID, AppointmentID: a.ID})
	if err != nil || !strings.Contains(pdfTextOf(t, res.PDF), "We missed you, Zoë.") {
		t.Fatalf("edited DNA letter: %v", err)
	}
	if _, err := d.c.ResetLetterTemplate("dna_first"); err != nil {
		t.Fatal(err)
	}
	if back, _ := d.c.LetterTemplateNamed("dna_first"); back.Body != orig.Body || back.Edited {
		t.Fatal("reset did not bring the default back")
	}
	acts := strings.Join(auditActions(t, d.c), ",")
	if strings.Count(acts, "letter_template.update") != 1 || !strings.Contains(acts, "letter_template.reset") {
		t.Fatalf("audit: %s", acts)
	}
	addUser(t, d.c, "desk", Receptionist)
	if err := d.c.SignIn("desk", "staff-password-desk"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.SaveLetterTemplate("general", "General", "{{letter.subject}}", "Hello\n"); err == nil {
		t.Fatal("a receptionist edited a template")
	}
	if _, err := d.c.LetterTemplates(); err != nil {
		t.Fatalf("a receptionist cannot list templates: %v", err)
	}
}

func TestPreviewUsesTheExampleOrAChosenPatient(t *testing.T) {
	d := newDiary(t)
	p, err := d.c.PreviewLetterTemplate(letters.ToPatient, "Hello {{patient.forenames}}", "Your NHS number is {{patient.nhs_number}}.\n", "")
	if err != nil || p.Subject != "Hello Zoë" || len(p.PDF) == 0 {
		t.Fatalf("example preview: %+v %v", p.Subject, err)
	}
	p, err = d.c.PreviewLetterTemplate(letters.ToPatient, "Hello {{patient.forenames}}", "Hi\n", d.zoe.ID)
	if err != nil || p.Subject != "Hello Zoë" {
		t.Fatalf("patient preview: %q %v", p.Subject, err)
	}
	if _, err := d.c.PreviewLetterTemplate(letters.ToPatient, "Hi", "{{#if patient.title}}\nno end\n", ""); err == nil || !strings.Contains(err.Error(), "line") {
		t.Fatalf("unclosed section: %v", err)
	}
}

func TestReminderBatchIsOnePDFAndCancelLogsNothing(t *testing.T) {
	d := newDiary(t)
	z := d.zoe
	z.AIS.Needs = nil
	d.c.UpdatePatient(z, PatientOptions{})
	john := d.john
	john.Address = patients.Address{Line1: "9 Mill Lane", Town: "Leeds", Postcode: "LS6 3BW"}
	if _, err := d.c.UpdatePatient(john, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	d.book(t, d.req(d.zoe, d.evans, "2026-11-25", "10:00"))
	d.book(t, d.req(d.john, d.patel, "2026-11-25", "09:00"))
	second := d.req(d.john, d.evans, "2026-11-25", "14:00")
	second.OverrideReason = "two appointments that day"
	cancelled := d.book(t, second)
	if _, err := d.c.SetStatus(cancelled.ID, schedule.StatusCancelledPatient, "rang in"); err != nil {
		t.Fatal(err)
	}
	day := d.req(d.zoe, d.evans, "2026-11-25", "10:00").Date

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.c.ReminderLetters(ctx, day, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled batch: %v", err)
	}
	if ls, _ := d.c.PatientLetters(d.zoe.ID); len(ls) != 0 {
		t.Fatal("a cancelled batch logged letters")
	}

	var seen []int
	res, err := d.c.ReminderLetters(context.Background(), day, func(done, total int) {
		if total != 2 {
			t.Errorf("total %d", total)
		}
		seen = append(seen, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Letters != 2 || len(seen) != 2 || seen[1] != 2 || pdfPages(t, res.PDF) != 2 {
		t.Fatalf("batch: %d letters, progress %v", res.Letters, seen)
	}
	text := pdfTextOf(t, res.PDF)
	// In time order: John's 09:00 first.
	if i, j := strings.Index(text, "Dear Mr Smith, Jr"), strings.Index(text, "Dear Ms Łukasiewicz-O'Brien"); i < 0 || j < 0 || i > j {
		if i < 0 {
			i = strings.Index(text, "Dear John Smith, Jr")
		}
		if i < 0 || j < 0 || i > j {
			t.Fatalf("letters missing or out of order:\n%s", text)
		}
	}
	for _, p := range []patients.Patient{d.zoe, d.john} {
		if ls, _ := d.c.PatientLetters(p.ID); len(ls) != 1 || ls[0].Template != "appointment_reminder" {
			t.Fatalf("%s's log: %+v", p.Forenames, ls)
		}
	}
}

func TestSlipsAndDayListsAreLogged(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-26", "11:15"))
	d.book(t, d.req(d.john, d.patel, "2026-11-26", "09:00"))
	one, err := d.c.AppointmentSlip(a.ID)
	if err != nil || one.Slips != 1 {
		t.Fatal(err)
	}
	if text := pdfTextOf(t, one.PDF); !strings.Contains(text, "Zoë Łukasiewicz-O'Brien") || !strings.Contains(text, "11:15") {
		t.Fatalf("slip:\n%s", text)
	}
	sheet, err := d.c.DaySlips(d.req(d.zoe, d.evans, "2026-11-26", "09:00").Date)
	if err != nil || sheet.Slips != 2 || pdfPages(t, sheet.PDF) != 1 {
		t.Fatalf("sheet: %+v %v", sheet.Slips, err)
	}
	ls, _ := d.c.PatientLetters(d.zoe.ID)
	if len(ls) != 2 || ls[0].Kind != "slip" {
		t.Fatalf("slips not logged: %+v", ls)
	}
	if again, err := d.c.PrintAgain(ls[1].ID); err != nil || !again.Identical {
		t.Fatalf("the single slip did not print again identically: %v", err)
	}
	lists, err := d.c.DayLists(d.req(d.zoe, d.evans, "2026-11-26", "09:00").Date)
	if err != nil || lists.Slips != 2 || pdfPages(t, lists.PDF) != 2 {
		t.Fatalf("day lists: %v", err)
	}
	text := pdfTextOf(t, lists.PDF)
	if !strings.Contains(text, "Dr Siân Evans") || !strings.Contains(text, "Ms Priya Patel") || !strings.Contains(text, "Safeguarding") {
		t.Fatalf("day lists:\n%s", text)
	}
}

func TestPrintFolderIsPrivateAndEmptiedOnLockExitAndStart(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache) // os.UserCacheDir on Linux
	t.Setenv("HOME", cache)           // and on macOS
	t.Setenv("LocalAppData", cache)   // and on Windows
	d := newDiary(t)
	res, err := d.c.RenderLetter(LetterRequest{Template: "general", PatientID: d.zoe.ID, Text: LetterText{Subject: "Hello", Body: "Hi"}})
	if err != nil {
		t.Fatal(err)
	}
	path, err := WriteForViewer(res.FileName, res.PDF)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := PrintFolder()
	if filepath.Dir(path) != dir || !strings.HasPrefix(dir, cache) {
		t.Fatalf("written to %s, folder %s", path, dir)
	}
	// Windows has no modes: its access list is checked in
	// printfolder_windows_test.go.
	if st, _ := os.Stat(dir); runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode %v", st.Mode().Perm())
	}
	if err := ClearPrintFolder(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("left after clearing: %v", left)
	}
	// A crash leaves a letter behind; the next start clears it.
	os.WriteFile(filepath.Join(dir, "left over.pdf"), res.PDF, 0o644)
	os.Chmod(dir, 0o755)
	if err := ClearPrintFolder(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("left after start-up clean: %v", left)
	}
	if st, _ := os.Stat(dir); runtime.GOOS != "windows" && st.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode after start %v", st.Mode().Perm())
	}
}

func TestLetterWindowSettingIsCheckedByLayingOutALetter(t *testing.T) {
	d := newDiary(t)
	if err := d.c.SetLetterWindow(letters.Window{Left: 110, Top: 45, Width: 90, Height: 35}); err != nil {
		t.Fatal(err)
	}
	w, _ := d.c.LetterWindow()
	if w.Left != 110 || w.Top != 45 {
		t.Fatalf("window %+v", w)
	}
	if err := d.c.SetLetterWindow(letters.Window{Left: 20, Top: 50, Width: 20, Height: 10}); err == nil {
		t.Fatal("a window too small for an address was saved")
	}
	if w, _ := d.c.LetterWindow(); w.Width != 90 {
		t.Fatalf("refused window changed the setting: %+v", w)
	}
}

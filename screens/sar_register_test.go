package screens

import (
	"slices"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/testclock"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tsRegister builds the Subject access screen for c (ts: "test subject access").
func tsRegister(t *testing.T, c *app.Clinic) (*sarScreen, fyne.Window, *tcShell) {
	t.Helper()
	tpHoldResults(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 768))
	sh := &tcShell{}
	ctx := &Context{Window: w, Clinic: c, Runner: tpRun, ShowError: func(err error) { sh.errors = append(sh.errors, err) },
		Open: func(id string) { sh.opened = append(sh.opened, id) }}
	s := newSARScreen(ctx)
	w.SetContent(s.build())
	tpIdle(t)
	return s, w, sh
}

// tsBox finds the visible text box whose placeholder starts with prefix.
func tsBox(t *testing.T, w fyne.Window, prefix string) *textBox {
	t.Helper()
	for _, o := range tcVisible(w) {
		if b, ok := o.(*textBox); ok && strings.HasPrefix(b.PlaceHolder, prefix) {
			return b
		}
	}
	t.Fatalf("no text box %q on screen", prefix)
	return nil
}

// tsRadio chooses option in the visible radio group that offers it.
func tsRadio(t *testing.T, w fyne.Window, option string) {
	t.Helper()
	for _, o := range tcVisible(w) {
		if g, ok := o.(*widget.RadioGroup); ok && slices.Contains(g.Options, option) {
			g.SetSelected(option)
			return
		}
	}
	t.Fatalf("no choice %q on screen", option)
}

func TestSARRegisterScreenShowsOverdueAndRunsTheClock(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	bea := tpAdd(t, c, "Beatrix", "Potter", "1966-07-28", func(p *patients.Patient) {
		p.Address = patients.Address{Line1: "Hill Top", Town: "Ambleside", Postcode: "LA22 0LF"}
	})
	today := testclock.Today()
	late, err := c.LogSAR(app.SARLog{PatientID: ada.ID, Received: today.AddDays(-50), IdentityCheck: "known to reception"})
	if err != nil {
		t.Fatal(err)
	}
	waiting, err := c.LogSAR(app.SARLog{PatientID: bea.ID, Received: today.AddDays(-3), AwaitingIdentity: true,
		RequestedBy: "Potter & Co Solicitors"})
	if err != nil {
		t.Fatal(err)
	}

	s, w, _ := tsRegister(t, c)
	if len(s.items) != 2 || s.items[0].Request.ID != late.ID || !s.items[0].Overdue || s.items[1].Request.ID != waiting.ID {
		t.Fatalf("listed %+v", s.items)
	}
	if !tpShows(w, "2 open, 1 overdue, 1 paused") || s.summary.Importance != widget.DangerImportance {
		t.Errorf("the summary does not warn of the overdue request: %q", tpTexts(w))
	}
	// The overdue row is red, the paused one quiet.
	s.list.Select(0)
	tpIdle(t)
	if !tpShows(w, "overdue by") || s.pause.Disabled() || !s.resume.Disabled() {
		t.Errorf("overdue row chosen: pause %v resume %v, %q", s.pause.Disabled(), s.resume.Disabled(), tpTexts(w))
	}
	s.list.Select(1)
	tpIdle(t)
	if !s.pause.Disabled() || s.resume.Disabled() || !tpShows(w, "Waiting for proof of identity since") {
		t.Fatalf("paused row chosen: pause %v resume %v", s.pause.Disabled(), s.resume.Disabled())
	}

	// Restart the clock: identity is asked for, then the request runs.
	tcTap(t, w, "Restart the clock…")
	tcTap(t, w, "Restart")
	tpIdle(t) // the facade's refusal comes back from the background
	if !tpShows(w, "Say how identity was checked") {
		t.Fatalf("restarted without the identity check: %q", tpTexts(w))
	}
	tsBox(t, w, "How identity was checked").SetText("solicitor's signed authority seen")
	tcTap(t, w, "Restart")
	tpIdle(t)
	got, err := c.SARRequest(waiting.ID)
	if err != nil || got.Status() != sar.Open || got.IdentityCheck != "solicitor's signed authority seen" {
		t.Fatalf("after restart: %+v %v", got, err)
	}
	if !tpShows(w, "Clock restarted.") || s.chosen < 0 || s.items[s.chosen].Request.ID != waiting.ID {
		t.Errorf("the register did not come back on the request: %q", tpTexts(w))
	}

	// Extend it, with the notice.
	tcTap(t, w, "Extend…")
	tsBox(t, w, "Why more time is needed").SetText("her records run to twenty years")
	tcTap(t, w, "Extend and write the notice")
	tpIdle(t)
	if got, _ := c.SARRequest(waiting.ID); got.Status() != sar.Extended || got.ExtensionWhy != "Her records run to twenty years." {
		t.Fatalf("after extending: %+v\n%q", got, tpTexts(w))
	}
	if !tpHasButton(w, "Open to print") || !tpShows(w, "Subject access extension notice is ready") {
		t.Errorf("the notice is not offered: %q", tpTexts(w))
	}
	tcTap(t, w, "Close")

	// Making the copy closes the request and takes it off the list.
	dir := t.TempDir()
	done := make(chan string, 1)
	produceSARTo(s.ctx, late.ID, dir+"/copy.pdf", func(_ sar.Request, msg string, err error) {
		if err != nil {
			msg = err.Error()
		}
		done <- msg
	})
	tpIdle(t)
	if msg := <-done; !strings.Contains(msg, "request closed") {
		t.Fatalf("copy: %s", msg)
	}
	s.reload()
	tpIdle(t)
	if len(s.items) != 1 || s.items[0].Request.ID != waiting.ID {
		t.Errorf("after the copy: %+v", s.items)
	}
}

func TestTodayShowsSubjectAccessDueAndOverdue(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	if _, err := c.LogSAR(app.SARLog{PatientID: ada.ID, Received: testclock.Today().AddDays(-50), IdentityCheck: "known"}); err != nil {
		t.Fatal(err)
	}
	tpHoldResults(t)
	_, w, sh := tcBuild(t, c, "today")
	tpIdle(t)
	if !tpShows(w, "Copy overdue by") || !tpHasButton(w, "Ada Lovelace") {
		t.Fatalf("Today does not show the overdue request: %q", tpTexts(w))
	}
	tcTap(t, w, "Ada Lovelace")
	if len(sh.opened) != 1 || sh.opened[0] != sarModuleID || pendingSAR == "" {
		t.Errorf("opened %v, pending %q", sh.opened, pendingSAR)
	}
	pendingSAR = ""
}

func TestPatientRecordLogsARequestAndShowsItsClock(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	tpHoldResults(t)
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	tpIdle(t)
	tcTap(t, w, "Log a request…")
	tsRadio(t, w, sarIdentityAwaited)
	tsBox(t, w, "The whole record").SetText("her physiotherapy notes")
	tcTap(t, w, "Log the request")
	tpIdle(t)
	open, err := c.OpenSARs()
	if err != nil || len(open) != 1 || open[0].Request.PatientID != p.ID || open[0].Request.Scope != "her physiotherapy notes" ||
		open[0].Request.Status() != sar.StatusAwaitingIdentity {
		t.Fatalf("logged %+v %v (%q)", open, err, tpTexts(w))
	}
	if pendingSAR != open[0].Request.ID {
		t.Errorf("the register was not opened on the new request: %q", pendingSAR)
	}
	pendingSAR = ""
	// Opened again, the record shows the request and its state.
	_, r, w = tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	tpIdle(t)
	if !tpShows(w, "Open request received") || !tpShows(w, "awaiting identity") {
		t.Errorf("the record does not show the open request: %q", tpTexts(w))
	}
}

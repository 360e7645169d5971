package screens

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// trScreen builds the Referrals module for c, loaded (tr: "test referrals").
func trScreen(t *testing.T, c *app.Clinic) (*referralsScreen, fyne.Window, *tcShell) {
	t.Helper()
	tpHoldResults(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 768))
	sh := &tcShell{}
	ctx := &Context{Window: w, Clinic: c, Runner: tpRun, ShowError: func(err error) { sh.errors = append(sh.errors, err) },
		Open: func(id string) { sh.opened = append(sh.opened, id) }}
	ctx.enterScreen()
	s := newReferralsScreen(ctx)
	w.SetContent(s.build())
	tpIdle(t)
	return s, w, sh
}

// trReferral is a routine consultant-led referral in for p, received
// days ago, to the clinician.
func trReferral(t *testing.T, c *app.Clinic, patientID, clinicianID string, daysAgo int) pathways.Referral {
	t.Helper()
	r, err := c.AddReferral(pathways.Referral{PatientID: patientID, Direction: pathways.In, ClinicianID: clinicianID,
		Date: testclock.Today().AddDays(-daysAgo), Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"},
		Urgency: pathways.Routine, Kind: pathways.RTT, Reason: "knee pain"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAddAReferralBookItsFirstAppointmentAndSeeADNANullifyTheClock(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	t.Cleanup(func() { pendingBooking = nil })

	s, w, sh := trScreen(t, c)
	if !tpShows(w, "No referrals yet. Add one with New referral (Ctrl+N)") {
		t.Errorf("the empty register does not say what to do: %q", tpTexts(w))
	}

	// Ctrl+N opens the dialog; a referral without a reason is refused
	// with the facade's words under the field, and nothing typed is lost.
	test.Tap(s.newButton)
	f := s.form
	if f == nil {
		t.Fatal("New referral opened no dialog")
	}
	tpType(t, w, f.pick.search, "O'Neill")
	if len(f.pick.found) == 0 {
		t.Fatal("the patient search found nobody")
	}
	f.pick.list.Select(0)
	tpIdle(t)
	tpType(t, w, f.name, "Dr A Khan")
	tpType(t, w, f.org, "Harbour Medical Practice")
	test.Tap(f.ok)
	tpIdle(t)
	if !f.problems["reason"].Visible() || !strings.Contains(f.problems["reason"].Text, "Say why the patient is referred") {
		t.Fatalf("the refusal is not under the reason: %q; %q", f.problems["reason"].Text, tpTexts(w))
	}
	if f.name.Text != "Dr A Khan" || f.pick.id() != p.ID {
		t.Error("the refused save lost what was typed")
	}
	if recs, _ := c.Referrals(app.ReferralQuery{}); len(recs) != 0 {
		t.Fatalf("a refused referral was saved: %d", len(recs))
	}
	tpType(t, w, f.reason, "Knee pain for six months")
	f.clinician.SetSelected(d.patel.Name)
	test.Tap(f.ok)
	tpIdle(t)
	recs, err := c.Referrals(app.ReferralQuery{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("referrals after saving: %d %v", len(recs), err)
	}
	r := recs[0].Referral
	if r.PatientID != p.ID || r.ClinicianID != d.patel.ID || r.Reason != "Knee pain for six months" || r.Date != testclock.Today() {
		t.Errorf("saved %+v", r)
	}
	if s.file == nil || s.file.id != r.ID || !tpShows(w, "Jane O'Neill: referred by Dr A Khan, Harbour Medical Practice") {
		t.Fatalf("the new referral did not open: %q", tpTexts(w))
	}
	if !tpShows(w, "Running since "+testclock.Today().Short()) {
		t.Errorf("the clock is not shown running: %q", tpTexts(w))
	}

	// Book first appointment: the Calendar opens with Jane held, and the
	// booking is linked to the referral.
	test.Tap(s.file.bookButton)
	if len(sh.opened) != 1 || sh.opened[0] != calendarModuleID || pendingBooking == nil || pendingBooking.ReferralID != r.ID {
		t.Fatalf("Book first appointment opened %v with %+v", sh.opened, pendingBooking)
	}
	saved := calendarNowTick
	calendarNowTick = 0
	t.Cleanup(func() { calendarNowTick = saved })
	obj, _, _ := tcBuild(t, c, calendarModuleID)
	cal := obj.(*calendarScreen)
	tpIdle(t)
	b := cal.booking
	if b == nil || b.patient.id() != p.ID {
		t.Fatal("the Calendar did not open the booking for Jane")
	}
	if b.book.Disabled() {
		t.Fatalf("Book is disabled: %q", b.warnings.Text)
	}
	test.Tap(b.book)
	tpIdle(t)
	appts, err := c.PatientAppointments(p.ID)
	if err != nil || len(appts) != 1 {
		t.Fatalf("Jane's appointments %+v %v", appts, err)
	}
	rec, err := c.Referral(r.ID)
	if err != nil || len(rec.Events) != 2 || rec.Events[1].Kind != pathways.FirstAppointmentBooked || rec.Events[1].AppointmentID != appts[0].ID {
		t.Fatalf("the booking did not go on the referral: %+v %v", rec.Events, err)
	}

	// The day comes, Jane does not: marked DNA, the clock is nullified,
	// and the register and the referral say so.
	a := appts[0]
	ctClinicClockOn(c, a.Date, 17, 30)
	if _, err := c.SetStatus(a.ID, schedule.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	s, w, _ = trScreen(t, c)
	if len(s.shown) != 1 || s.shown[0].texts[registerClockColumn] != "Nullified: did not attend the first appointment" {
		t.Fatalf("the register shows %+v", s.shown)
	}
	if !tpShows(w, "Nullified: did not attend the first appointment") {
		t.Errorf("the row does not say the clock is nullified: %q", tpTexts(w))
	}
	s.list.Select(0)
	tpIdle(t)
	if s.file == nil || !tpShows(w, "Did not attend the first appointment · "+a.Date.LongWithDay()) ||
		!tpShows(w, "Nullified: the patient did not attend the first appointment on "+a.Date.LongWithDay()) {
		t.Errorf("the referral does not show the DNA and the nullified clock: %q", tpTexts(w))
	}
}

func TestAClinicianSeesOnlyTheirOwnReferralsAndCannotClose(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	tom := tpAdd(t, c, "Tom", "Baker", "1975-01-20")
	mine := trReferral(t, c, jane.ID, d.patel.ID, 20)
	trReferral(t, c, tom.ID, d.carter.ID, 30)
	u, err := c.AddUser(app.NewUser{Username: "drpatel", FullName: "Dr Asha Patel", Role: app.Clinician, Password: tcStaffPassword})
	if err != nil {
		t.Fatal(err)
	}
	d.patel.UserID = u.ID
	if _, err := c.SaveClinician(d.patel); err != nil {
		t.Fatal(err)
	}

	// The manager sees both, and may close a pathway.
	s, w, _ := trScreen(t, c)
	if len(s.shown) != 2 || !tpShows(w, "2 referrals") {
		t.Fatalf("the manager sees %d: %q", len(s.shown), tpTexts(w))
	}
	s.openFile(mine.ID)
	tpIdle(t)
	if !tpHasButton(w, "Close pathway…") {
		t.Error("the manager is not offered Close pathway")
	}

	if err := c.SignIn("drpatel", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w, _ = trScreen(t, c)
	if len(s.shown) != 1 || s.shown[0].id != mine.ID || tpShows(w, "Tom Baker") {
		t.Fatalf("the clinician sees %d referrals: %q", len(s.shown), tpTexts(w))
	}
	if s.newButton.Visible() {
		t.Error("a clinician is offered New referral")
	}
	s.list.Select(0)
	tpIdle(t)
	if s.file == nil || tpHasButton(w, "Close pathway…") || tpHasButton(w, "Book first appointment") || !tpHasButton(w, "Record an event…") {
		t.Errorf("the clinician's referral page offers the wrong actions: %q", tpTexts(w))
	}
}

func TestTheTrackingListTabCountsAsTheFacadeDoes(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	for i, days := range []int{3, 20, 50, 100, 130, 200, 400} {
		p := tpAdd(t, c, "Pat", []string{"Ash", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gorse"}[i], "1970-01-01")
		trReferral(t, c, p.ID, d.patel.ID, days)
	}
	s, w, _ := trScreen(t, c)
	s.tabs.SelectIndex(1)
	tpIdle(t)
	want, err := c.PTL(pathways.PTLFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := s.ptl.list
	if got.Buckets != want.Buckets || len(got.Rows) != len(want.Rows) || want.Buckets.Over18 != 3 || want.Buckets.Over52 != 1 {
		t.Fatalf("the tab counts %+v, the facade %+v", got.Buckets, want.Buckets)
	}
	b := want.Buckets
	words := "0–6: " + itoa(b.UpTo6) + "   ·   6–12: " + itoa(b.UpTo12) + "   ·   12–18: " + itoa(b.UpTo18) + "   ·   over 18: " + itoa(b.Over18) +
		" (of which over 52: " + itoa(b.Over52) + ")"
	if !strings.Contains(s.ptl.buckets.Text, words) {
		t.Errorf("the counts read %q, want %q", s.ptl.buckets.Text, words)
	}
	for i := range got.Rows {
		if got.Rows[i].Referral.ID != want.Rows[i].Referral.ID {
			t.Fatalf("row %d is not in the facade's order (by breach date)", i)
		}
	}

	// At risk within 30 days: the same rows as the facade gives.
	s.ptl.riskDays.SetText("30")
	s.ptl.atRisk.SetChecked(true)
	tpIdle(t)
	risk, _ := c.PTL(pathways.PTLFilter{AtRisk: true, AtRiskDays: 30})
	if len(s.ptl.list.Rows) != len(risk.Rows) || len(risk.Rows) == 0 || len(risk.Rows) == len(want.Rows) {
		t.Errorf("at risk: the tab lists %d, the facade %d of %d", len(s.ptl.list.Rows), len(risk.Rows), len(want.Rows))
	}
	// A number that does not read says so and changes nothing.
	s.ptl.riskDays.SetText("soon")
	s.ptl.reload()
	tpIdle(t)
	if !tpShows(w, "Write the days as a number") || len(s.ptl.list.Rows) != len(risk.Rows) {
		t.Errorf("a bad number of days: %q", tpTexts(w))
	}

	// A row opens its referral.
	s.ptl.table.Select(0)
	tpIdle(t)
	if s.file == nil || s.file.id != want.Rows[0].Referral.ID {
		t.Error("choosing a row did not open its referral")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestTheNewReferralKeepsItsTypingThroughAChangeOfScreen(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	t.Cleanup(func() { typingDrafts.dropUser(c, sessionUserID(c)) })
	s, w, _ := trScreen(t, c)
	s.newReferral()
	tpType(t, w, s.form.pick.search, "O'Neill")
	s.form.pick.list.Select(0)
	tpIdle(t)
	s.form.direction.SetSelected(referralGoesOut)
	tpType(t, w, s.form.org, "York Hospital Radiology")
	tpType(t, w, s.form.replyDue, "31/12/2026")

	// Away to another screen and back: the dialog opens again as it was.
	s, w, _ = trScreen(t, c)
	f := s.form
	if f == nil {
		t.Fatal("the typing did not bring the dialog back")
	}
	if f.org.Text != "York Hospital Radiology" || f.replyDue.Text != "31/12/2026" || f.direction.Selected != referralGoesOut || f.pick.id() == "" {
		t.Errorf("came back as %q %q %q %q", f.org.Text, f.replyDue.Text, f.direction.Selected, f.pick.id())
	}
	if !tpShows(w, "Restored the referral you were adding") {
		t.Errorf("no note says the typing came back: %q", tpTexts(w))
	}
}

func TestTheTrackingListSavesAsCSVAndPDF(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Pat", "Ash", "1970-01-01")
	trReferral(t, c, p.ID, d.patel.ID, 130)
	s, w, _ := trScreen(t, c)
	s.tabs.SelectIndex(1)
	tpIdle(t)
	for _, format := range []string{"csv", "pdf"} {
		path := filepath.Join(t.TempDir(), "list."+format)
		out, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		s.ptl.write(out, format, pathways.PTLFilter{})
		tpIdle(t)
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := "\ufeff" + strings.Join(app.PTLCSVHeader, ",")
		if format == "pdf" {
			want = "%PDF"
		}
		if !strings.HasPrefix(string(got), want) {
			t.Errorf("the %s starts %q", format, string(got[:min(len(got), 40)]))
		}
		if !tpShows(w, "Saved 1 pathway as list."+format) {
			t.Errorf("no message says the %s was saved: %q", format, tpTexts(w))
		}
	}
}

// The referral's first appointment cancelled by the patient: its page
// shows the cancellation among its events and offers to book the first
// appointment again.
func TestACancelledFirstAppointmentShowsOnTheReferralAndAsksForABooking(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	p := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	r, err := c.AddReferral(pathways.Referral{PatientID: p.ID, Direction: pathways.In, Date: testclock.Today(),
		Party: pathways.Party{Name: "Dr A Khan"}, Urgency: pathways.Routine, Kind: pathways.RTT, Reason: "knee pain"})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
		Date: ctDay, Start: schedule.Clock(11 * 60), ReferralID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	s, w, _ := trScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	if s.file == nil || s.file.bookButton.Text != "Book an appointment" {
		t.Fatalf("booked: the page offers %q", s.file.bookButton.Text)
	}
	if _, err := c.SetStatus(a.ID, schedule.StatusCancelledPatient, "Away that week"); err != nil {
		t.Fatal(err)
	}
	s.file.reload()
	tpIdle(t)
	if s.file.bookButton.Text != "Book first appointment" || !tpShows(w, "First appointment cancelled · "+testclock.Today().LongWithDay()) {
		t.Errorf("after the cancel the page offers %q and shows %q", s.file.bookButton.Text, tpTexts(w))
	}
}

// A clock a week old says "1 week waited" on the referral's page.
func TestAReferralsClockSaysOneWeekInWords(t *testing.T) {
	start := ukcal.MustParseDate("2026-11-16")
	rec := app.ReferralRecord{Referral: pathways.Referral{Direction: pathways.In, Kind: pathways.RTT, Urgency: pathways.Routine},
		HasClock: true, Clock: pathways.Clock{Status: pathways.ClockRunning, Start: start, DaysWaited: 8, Breach: start.AddDays(126)}}
	if got := clockSentences(rec); len(got) == 0 || !strings.Contains(got[0], ": 1 week waited. Treat by") {
		t.Errorf("the clock says %q", got)
	}
}

// The urgency filter narrows the register and, set back to any urgency,
// gives the whole register again, newest first, as read.
func TestTheRegisterNarrowsToOneUrgencyAndBack(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	jane := tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	tom := tpAdd(t, c, "Tom", "Baker", "1975-01-20")
	trReferral(t, c, jane.ID, d.patel.ID, 20)
	if _, err := c.AddReferral(pathways.Referral{PatientID: tom.ID, Direction: pathways.In, ClinicianID: d.carter.ID,
		Date: testclock.Today().AddDays(-30), Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"},
		Urgency: pathways.Urgent, Kind: pathways.RTT, Reason: "knee locking"}); err != nil {
		t.Fatal(err)
	}
	s, w, _ := trScreen(t, c)
	names := func() []string {
		var out []string
		for _, line := range s.shown {
			out = append(out, line.texts[0])
		}
		return out
	}
	if got := names(); !slices.Equal(got, []string{"Jane O'Neill", "Tom Baker"}) {
		t.Fatalf("the register shows %q", got)
	}
	s.urgency.SetSelected(pathways.Urgent.Label())
	tpIdle(t)
	if got := names(); !slices.Equal(got, []string{"Tom Baker"}) || !tpShows(w, "1 referral.") {
		t.Fatalf("urgent only shows %q: %q", got, tpTexts(w))
	}
	s.urgency.SetSelected(referralsAnyUrg)
	tpIdle(t)
	if got := names(); !slices.Equal(got, []string{"Jane O'Neill", "Tom Baker"}) || !tpShows(w, "2 referrals.") {
		t.Fatalf("any urgency again shows %q: %q", got, tpTexts(w))
	}
}

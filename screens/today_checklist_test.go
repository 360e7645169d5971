package screens

import (
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tlCard is the subtitle of the checklist's card ("2 of 4 done"), or ""
// when it is not shown.
func tlCard(w fyne.Window) string {
	for _, o := range tcVisible(w) {
		if c, ok := o.(*widget.Card); ok && c.Title == "Getting started" {
			return c.Subtitle
		}
	}
	return ""
}

// Issue 13 item 10: a new clinic's Today lists what is still to set up,
// each line done or to do, with the way there; it goes once all is done,
// read from the clinic itself.
func TestTodayChecklistShowsWhatIsLeftAndGoesWhenAllIsDone(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	complete := d
	d.Phone = ""
	if err := c.SaveDetails(d); err != nil {
		t.Fatal(err)
	}

	_, w, sh := tcToday(t, c)
	if got := tlCard(w); got != "0 of 4 done" {
		t.Fatalf("the checklist's card says %q", got)
	}
	for _, want := range []string{
		"Clinicians and hours: to do", "Appointment types: to do", "Clinic phone and address: to do", "Backup folder: to do",
		"Letters and appointment slips need the clinic's phone number."} {
		if !tcShows(w, want) {
			t.Fatalf("a new clinic's Today does not say %q: %q", want, tcTexts(w))
		}
	}
	if tcShows(w, "ask ") {
		t.Fatal("a manager, who can do it all, is told to ask someone")
	}
	tcTap(t, w, "Appointment types")
	if len(sh.opened) != 1 || sh.opened[0] != "settings" {
		t.Fatalf("the button opened %v", sh.opened)
	}
	settings, _, _ := tcSettings(t, c)
	if settings.tabs.Selected().Text != settingsTabCalendar || settings.calendar.tabs.Selected().Text != setupTabTypes {
		t.Fatalf("Settings opened on %q, %q", settings.tabs.Selected().Text, settings.calendar.tabs.Selected().Text)
	}

	// A clinician with no hours has no diary to book into: still to do.
	if _, err := c.SaveClinician(schedule.Clinician{Name: "Ms Jo Hale", Active: true}); err != nil {
		t.Fatal(err)
	}
	_, w, _ = tcToday(t, c)
	if !tcShows(w, "Clinicians and hours: to do") {
		t.Fatal("a clinician without working hours counts as set up")
	}

	ctSetUp(t, c) // clinicians with hours, and a type
	_, w, _ = tcToday(t, c)
	if got := tlCard(w); got != "2 of 4 done" {
		t.Fatalf("half set up, the checklist's card says %q", got)
	}
	for _, want := range []string{"Done: Clinicians and hours, Appointment types.", "Backup folder: to do"} {
		if !tcShows(w, want) {
			t.Fatalf("half set up, Today does not say %q: %q", want, tcTexts(w))
		}
	}

	if err := c.SaveDetails(complete); err != nil {
		t.Fatal(err)
	}
	if err := c.SetBackupSettings(t.TempDir(), 10); err != nil {
		t.Fatal(err)
	}
	_, w, _ = tcToday(t, c)
	if tlCard(w) != "" || tcShows(w, "Letters and appointment slips need") || tcShows(w, ": to do") {
		t.Fatalf("the checklist stays when everything is done: %q", tcTexts(w))
	}

	// Undone again (the backup folder cleared), it comes back.
	if err := c.SetBackupSettings("", 10); err != nil {
		t.Fatal(err)
	}
	_, w, _ = tcToday(t, c)
	if !tcShows(w, "Backup folder: to do") || tlCard(w) != "3 of 4 done" {
		t.Fatalf("with the backup folder cleared, the checklist does not come back: %q", tcTexts(w))
	}
}

// A receptionist cannot change the set-up: the checklist names the
// practice manager to ask, and offers no buttons into Settings.
func TestTodayChecklistTellsAReceptionistWhomToAsk(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	_, w, _ := tcToday(t, c)
	if got := tlCard(w); got != "1 of 3 done" { // the backups are the manager's, not on the desk's list
		t.Fatalf("a receptionist's checklist says %q", got)
	}
	if !tcShows(w, "Only a practice manager can set these up: ask Priya Manager (practice manager).") {
		t.Fatalf("a receptionist is not told whom to ask: %q", tcTexts(w))
	}
	for _, o := range tcVisible(w) {
		if b, ok := o.(*widget.Button); ok {
			switch b.Text {
			case "Clinicians", "Appointment types", "Clinic details", "Backups":
				t.Fatalf("a receptionist is offered %q", b.Text)
			}
		}
	}
}

func TestAskWhomNamesThePracticeManagers(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{nil, "a practice manager"},
		{[]string{"Priya Shah"}, "Priya Shah (practice manager)"},
		{[]string{"Priya Shah", "Tom Reed", "Ann Bell"}, "Priya Shah, Tom Reed or Ann Bell (practice managers)"},
	} {
		if got := askWhom(tc.names); got != tc.want {
			t.Errorf("askWhom(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
}

// The card arrives after Today is drawn (its state is read off the UI
// goroutine): the screen must make room for it, not draw it over the
// day's list and under the side column, as a real window once did.
func TestTodayChecklistPushesTheDaysListDown(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcToday(t, c)
	var card, holidays fyne.CanvasObject
	for _, o := range tcVisible(w) {
		if k, ok := o.(*widget.Card); ok {
			switch k.Title {
			case "Getting started":
				card = k
			case "Bank holidays":
				holidays = k
			}
		}
	}
	if card == nil || holidays == nil || s.listArea == nil {
		t.Fatalf("Today lacks the checklist, the holidays or the list: %q", tcTexts(w))
	}
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(card).Y + card.Size().Height
	if card.Size().Height < card.MinSize().Height {
		t.Errorf("the checklist is %v tall, less than the %v it needs", card.Size().Height, card.MinSize().Height)
	}
	for name, o := range map[string]fyne.CanvasObject{"the day's list": s.listArea, "the side column": holidays} {
		if top := d.AbsolutePositionForObject(o).Y; top < bottom {
			t.Errorf("%s starts at y=%v, above the checklist's foot at %v", name, top, bottom)
		}
	}
}

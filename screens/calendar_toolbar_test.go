package screens

import (
	"testing"

	"clinicdesk/app/ukcal"

	"clinicdesk/app"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"strings"
)

func TestShortClinicianNames(t *testing.T) {
	for name, want := range map[string]string{
		"Dr Aisha Rahman":           "Dr Rahman",
		"Dr. Siobhán Ní Dhomhnaill": "Dr. Dhomhnaill",
		"Grace Mensah":              "G Mensah",
		"Mei Lin Chen":              "M L Chen",
		"Éamon Walsh":               "É Walsh",
		"Cher":                      "Cher",
		"Dr Who":                    "Dr Who",
	} {
		if got := shortName(name); got != want {
			t.Errorf("shortName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestWeekText(t *testing.T) {
	for mon, want := range map[string]string{
		"2026-11-23": "23–29 November 2026",
		"2026-11-30": "30 November – 6 December 2026",
		"2026-12-28": "28 December 2026 – 3 January 2027",
	} {
		d, err := ukcal.ParseDate(mon)
		if err != nil {
			t.Fatal(err)
		}
		if got := weekText(d); got != want {
			t.Errorf("weekText(%s) = %q, want %q", mon, got, want)
		}
	}
}

func TestToolbarWrapsRatherThanWidening(t *testing.T) {
	test.NewTempApp(t)
	left := container.NewHBox(widget.NewButton("Today", nil), widget.NewButton("Monday 23 November 2026", nil))
	right := container.NewHBox(widget.NewButton("Next free slot…", nil), widget.NewButton("Waiting list", nil))
	wraps := 0
	l := &calendarToolbarLayout{onWrap: func() { wraps++ }}
	bar := container.New(l, left, right)

	wide := left.MinSize().Width + right.MinSize().Width + 40
	bar.Resize(fyne.NewSize(wide, 100))
	if l.wrapped || left.Position().Y != right.Position().Y || right.Position().X+right.Size().Width != wide {
		t.Errorf("with room: one row, right group at the right end; got %v and %v", left.Position(), right.Position())
	}
	oneRow := bar.MinSize().Height

	narrow := max(left.MinSize().Width, right.MinSize().Width)
	bar.Resize(fyne.NewSize(narrow, 100))
	if !l.wrapped || wraps != 1 || right.Position().Y < left.Size().Height {
		t.Errorf("without room: the right group under the left; wrapped %v, right at %v", l.wrapped, right.Position())
	}
	if bar.MinSize().Width > narrow || bar.MinSize().Height <= oneRow {
		t.Errorf("wrapped toolbar asks for %v", bar.MinSize())
	}
	if right.Position().X+right.Size().Width > narrow {
		t.Error("the right group runs off the edge")
	}
}

// fgPrintMenu is the Calendar's print button and the items its menu offers.
func fgPrintMenu(s *calendarScreen) []string {
	if s.printButton == nil {
		return nil
	}
	var items []string
	for _, it := range calendarPrintMenu(s.ctx, func() ukcal.Date { return s.date }).Items {
		items = append(items, it.Label)
	}
	return items
}

func TestCalendarPrintMenuIsForThoseWhoPrintLetters(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ctSetUp(t, c)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	s, w := ctScreen(t, c)
	want := []string{printDayListsItem, printDaySlipsItem, printRemindersItem}
	if got := fgPrintMenu(s); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("receptionist's print menu %q, want %q", got, want)
	}
	if s.printButton.Text != "" {
		t.Errorf("the print button has text %q: it should be an icon, to keep the toolbar narrow", s.printButton.Text)
	}

	// At 1120 px the button is on the window, not pushed off its edge.
	w.Resize(fyne.NewSize(1120, 800))
	s.content.Refresh()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.printButton)
	if !s.printButton.Visible() || pos.X+s.printButton.Size().Width > 1120 {
		t.Errorf("print button at %v, %v wide, in a 1120 px window", pos, s.printButton.Size().Width)
	}

	overlays := len(w.Canvas().Overlays().List())
	test.Tap(s.printButton)
	top := w.Canvas().Overlays().Top()
	if len(w.Canvas().Overlays().List()) != overlays+1 {
		t.Fatal("tapping Print showed no menu")
	}
	top.Hide()

	if err := c.SignIn("pmanager", tcManagerPassword); err != nil {
		t.Fatal(err)
	}
	tpSignInAs(t, c, "drlee", app.Clinician)
	s, _ = ctScreen(t, c)
	if got := fgPrintMenu(s); got != nil {
		t.Fatalf("a clinician is offered printing: %q", got)
	}
}

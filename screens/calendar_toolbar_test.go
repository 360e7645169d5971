package screens

import (
	"testing"

	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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

package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/letters"

	"fyne.io/fyne/v2/test"
)

func TestManagerSavesTheEnvelopeWindow(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tab, _ := ltTab(t, c)
	wc := tab.window
	if wc == nil {
		t.Fatal("a manager is not offered the envelope window")
	}
	if wc.left.Text != "20" || wc.top.Text != "50" || wc.width.Text != "90" || wc.height.Text != "35" {
		t.Fatalf("the fields do not start at the DL window: %q %q %q %q", wc.left.Text, wc.top.Text, wc.width.Text, wc.height.Text)
	}

	wc.left.SetText("25")
	wc.top.SetText("55")
	test.Tap(wc.saveButton)
	want := letters.Window{Left: 25, Top: 55, Width: 90, Height: 35}
	if got, err := c.LetterWindow(); err != nil || got != want {
		t.Fatalf("saved window %+v (%v), want %+v; problem %q", got, err, want, wc.problem.Text)
	}

	wc.left.SetText("abc")
	wc.height.SetText("35.25")
	wc.top.SetText("60.5")
	test.Tap(wc.saveButton)
	if !wc.problem.Visible() || !strings.Contains(wc.problem.Text, "From the left edge: write a number of millimetres") ||
		!strings.Contains(wc.problem.Text, "Height:") || strings.Contains(wc.problem.Text, "From the top edge") {
		t.Fatalf("bad input is not named in plain words: %v %q", wc.problem.Visible(), wc.problem.Text)
	}
	if got, _ := c.LetterWindow(); got != want {
		t.Fatalf("bad input changed the window to %+v", got)
	}

	test.Tap(wc.resetButton)
	if got, _ := c.LetterWindow(); got != letters.DefaultWindow || wc.left.Text != "20" || wc.problem.Visible() {
		t.Fatalf("reset gave %+v, left field %q, problem %q", got, wc.left.Text, wc.problem.Text)
	}
}

func TestReceptionistDoesNotSeeTheEnvelopeWindow(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	tpSignInAs(t, c, "rjones", app.Receptionist)
	tab, _ := ltTab(t, c)
	if tab.window != nil {
		t.Fatal("a receptionist who only prints letters is offered the envelope window")
	}
	if tab.day == nil {
		t.Fatal("the receptionist lost the day's printing")
	}
}

package screens

import (
	"testing"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// tsButton finds the visible button labelled label.
func tsButton(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	for _, o := range tcVisible(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q on screen", label)
	return nil
}

// Logging a request writes off the UI goroutine with the button off
// meanwhile: a double click logs it once.
func TestADoubleClickLogsASubjectAccessRequestOnce(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	tpHoldResults(t)
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	tpIdle(t)
	tcTap(t, w, "Log a request…")
	tsRadio(t, w, sarIdentityAwaited)
	logIt := tsButton(t, w, "Log the request")
	test.Tap(logIt)
	if !logIt.Disabled() {
		t.Fatal("the button is still on while the request is written")
	}
	test.Tap(logIt) // the second click of a double click
	tpIdle(t)
	open, err := c.OpenSARs()
	if err != nil || len(open) != 1 {
		t.Fatalf("a double click logged %d requests (%v)", len(open), err)
	}
	pendingSAR = ""
}

// A refusal made by the facade in the background reaches the dialog, and
// the button comes back for another try.
func TestASubjectAccessRefusalFromTheBackgroundIsShown(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ada := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10")
	req, err := c.LogSAR(app.SARLog{PatientID: ada.ID, Received: tkDaysAgo(3), AwaitingIdentity: true})
	if err != nil {
		t.Fatal(err)
	}
	s, w, _ := tsRegister(t, c)
	for i, d := range s.items {
		if d.Request.ID == req.ID {
			s.list.Select(i)
		}
	}
	tpIdle(t)
	tcTap(t, w, "Restart the clock…")
	tcTap(t, w, "Restart") // no identity check written: the facade refuses
	tpIdle(t)
	if !tpShows(w, "Say how identity was checked") {
		t.Fatalf("the facade's refusal is lost: %q", tpTexts(w))
	}
	tcTap(t, w, "Restart") // enabled again, or tcTap fails the test
	tpIdle(t)
}

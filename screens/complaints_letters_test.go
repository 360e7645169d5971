package screens

import (
	"bytes"
	"strings"
	"testing"

	"clinicdesk/app/patients"

	"fyne.io/fyne/v2/test"
)

func TestComplaintLetterPrintedFromTheFileIsListedAndPrintsAgain(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Ada", "Lovelace", "1985-12-10", func(p *patients.Patient) {
		p.Title, p.Address.Line1, p.Address.Town, p.Address.Postcode = "Ms", "2 Mill Lane", "York", "YO1 7AB"
	})
	r := tkLog(t, c, p, tkDaysAgo(1))
	s, w, _ := tkScreen(t, c)
	s.openFile(r.ID)
	tpIdle(t)
	if !tpShows(w, "No letters printed for this complaint yet.") || tpHasButton(w, "Print again") || tpShows(w, "Letters printed") {
		t.Fatalf("before any letter: %q", tpTexts(w))
	}

	tcTap(t, w, "Acknowledgement letter")
	tcTap(t, w, "Make the letter")
	tpIdle(t)
	made := s.file.lastLetter
	if made == nil || !bytes.HasPrefix(made.PDF, []byte("%PDF")) {
		t.Fatalf("no letter made: %q", tpTexts(w))
	}
	tcTap(t, w, "Close") // the letter's open-or-save dialog
	if len(s.file.printed) != 1 || !tpShows(w, "Acknowledgement letter · ") || !tpShows(w, " · Priya Manager") {
		t.Fatalf("the letter is not listed: %+v %q", s.file.printed, tpTexts(w))
	}
	if tpShows(w, "No letters printed") {
		t.Errorf("the empty note is still shown: %q", tpTexts(w))
	}

	s.file.lastLetter = nil
	tcTap(t, w, "Print again")
	tpIdle(t)
	again := s.file.lastLetter
	if again == nil || !bytes.Equal(again.PDF, made.PDF) || again.FileName != made.FileName {
		t.Fatalf("print again did not make the same PDF: %q", tpTexts(w))
	}
	if !tpShows(w, "A copy of the acknowledgement letter is ready") || tpShows(w, "not byte for byte") {
		t.Errorf("the copy is not offered as identical: %q", tpTexts(w))
	}
	tcTap(t, w, "Close")

	// A new logo since: the copy says so.
	details, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	details.Logo = fdPNG(t)
	if err := c.SaveDetails(details); err != nil {
		t.Fatal(err)
	}
	tcTap(t, w, "Print again")
	tpIdle(t)
	if s.file.lastLetter == nil || bytes.Equal(s.file.lastLetter.PDF, made.PDF) || !tpShows(w, "not byte for byte the one first printed") {
		t.Errorf("a copy with a new logo: %q", tpTexts(w))
	}
	for _, warning := range s.file.lastLetter.Warnings {
		if strings.Contains(warning, "slips") {
			t.Errorf("a complaint letter's copy talks of slips: %q", warning)
		}
	}
}

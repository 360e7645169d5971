package screens

import (
	"errors"

	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A date field takes dates as people say them ("tomorrow", "tuesday",
// "+2w", "25/12/26"); the line beside it says, as they type, which day
// that is, so the date booked is never a surprise.

// newSpokenHint is the line that says what a date field was understood
// as. It is always one line, so the form does not move as the words
// change. The day is written in full by longDay: "Tuesday 8 December 2026".
func newSpokenHint() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// showSpoken reads text as a date counted from today and says in hint
// which day it is, or why it is not one yet; an empty field shows what
// the field accepts. What was typed stays in the field either way.
func showSpoken(hint *widget.Label, prefix, text string, today ukcal.Date, lean ukcal.Lean) (ukcal.Date, error) {
	d, err := ukcal.ParseSpoken(text, today, lean)
	switch {
	case errors.Is(err, ukcal.ErrNoSpokenDate):
		hint.Importance = widget.LowImportance
		hint.SetText("Type " + ukcal.SpokenHelp(lean))
	case err != nil:
		hint.Importance = widget.WarningImportance
		hint.SetText(sentence(err.Error()))
	default:
		hint.Importance = widget.MediumImportance
		hint.SetText(prefix + d.LongWithDay())
	}
	hint.Refresh()
	return d, err
}

package screens

import "fyne.io/fyne/v2/widget"

// A success message ("Note added.", "Saved.") answers the action just
// done. Left up, it reads as the answer to whatever the receptionist does
// next, so it goes when she moves on: to another screen, another page or
// tab of the screen, or a new search. Warnings and errors stay until they
// are dealt with.

// successShown are the labels showing a success message now. Only the UI
// goroutine touches it.
var successShown = map[*widget.Label]bool{}

// noteSuccess keeps track of l when say puts a success message in it.
func noteSuccess(l *widget.Label, imp widget.Importance, text string) {
	if imp == widget.SuccessImportance && text != "" {
		successShown[l] = true
	} else {
		delete(successShown, l)
	}
}

// clearSuccess hides every success message still showing: the user has
// moved on.
func clearSuccess() {
	for l := range successShown {
		if l.Importance == widget.SuccessImportance {
			setMessage(l, "")
		}
	}
	clear(successShown)
}

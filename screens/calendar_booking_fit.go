package screens

import (
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// bookingWidth is the booking dialog's width, less on a narrow window.
const bookingWidth = 640

// bookingWarningsHeight is the room kept for the "Before you book" box:
// its heading, three lines of warnings and the reason row.
const bookingWarningsHeight = 170

// reservedHeight is always height tall, whatever it holds: the space is
// there before anything fills it, so nothing around it moves.
type reservedHeight struct{ height float32 }

func (l *reservedHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, l.height)
}

func (l *reservedHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fit makes the booking dialog as tall as its body needs, never taller
// than the window less a margin (past that the body scrolls, the buttons
// in view below it). Unlike the appointment dialog it keeps its top where
// it is while it fits: the search box must not jump while the list of
// patients found opens under it. Only a dialog that would run off the
// window is centred again.
func (b *calendarBooking) fit() {
	sd, win := b.frame, b.s.ctx.Window
	window := win.Canvas().Size()
	width := float32(bookingWidth)
	if !window.IsZero() {
		width = min(width, window.Width-2*dialogMargin)
	}
	inner := width - dialogSidePadding
	sd.body.Resize(fyne.NewSize(inner, sd.body.MinSize().Height))
	sd.body.Resize(fyne.NewSize(inner, sd.body.MinSize().Height))
	chrome := b.dialog.MinSize().Height - sd.frame.MinSize().Height
	height := chrome + sd.frame.MinSize().Height - sd.scroll.MinSize().Height + sd.body.MinSize().Height
	if !window.IsZero() {
		height = min(height, window.Height-2*dialogMargin)
	}
	b.dialog.Resize(fyne.NewSize(width, height))
	if pop := b.popUp(); pop != nil && !window.IsZero() {
		top := pop.Position().Y
		if top < dialogMargin/2 || top+pop.Size().Height > window.Height-dialogMargin/2 {
			sd.recentre(win)
		}
	}
}

// popUp is the booking dialog's pop-up on the window, when it is shown.
func (b *calendarBooking) popUp() *widget.PopUp {
	for _, o := range b.s.ctx.Window.Canvas().Overlays().List() {
		if pop, ok := overlayContent(o).(*widget.PopUp); ok && isDialog(pop) &&
			pop.Content.(*fyne.Container).Objects[2] == b.frame.frame {
			return pop
		}
	}
	return nil
}

// registerNew opens the small dialog that registers a new patient from
// what was typed in the search; once registered (or one already on file
// chosen instead) they are the booking's patient, and everything else
// typed in the booking stays as it was.
func (b *calendarBooking) registerNew(typed string) {
	b.newPatient = openNewPatient(b.s.ctx, typed, b.patient.search, func(p patients.PatientSummary) {
		b.patient.choose(p)
		b.s.ctx.Window.Canvas().Focus(b.notes)
	})
	b.newPatient.onChange = func() {
		if b.draft != nil {
			b.draft.note()
		}
	}
}

// waitingBooked shows the waiting list again after a booking took someone
// off it.
func (s *calendarScreen) waitingBooked() {
	if s.waiting != nil && s.waiting.view != nil {
		s.waiting.reload()
	}
}

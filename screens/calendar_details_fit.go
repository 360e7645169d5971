package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogMargin is what a fitted dialog leaves clear of the window's edge
// on every side, so it reads as a dialog and its edges are never cut.
const dialogMargin = 24

// dialogSidePadding is what Fyne's dialog takes off its width for its edges.
const dialogSidePadding = 32

// scrollingDialog is a dialog's content in two parts: a body that scrolls
// when the window is too short for it, and a foot (the Close button) that
// is always in view below it. A dialog that only grows would push Close
// off a 1366×768 screen once a cancellation, offers and notes are shown.
type scrollingDialog struct {
	body   *fyne.Container
	scroll *container.Scroll
	frame  *fyne.Container // the dialog's content: the scroll above the foot
}

func newScrollingDialog(body *fyne.Container, foot fyne.CanvasObject) *scrollingDialog {
	sd := &scrollingDialog{body: body, scroll: container.NewVScroll(body)}
	sd.frame = container.NewBorder(nil, foot, nil, nil, sd.scroll)
	return sd
}

// fit makes d width wide and as tall as its body needs, but never wider or
// taller than the window less a margin: past that the body scrolls.
// Wrapped text only knows its height once it knows its width, so the body
// is laid out at that width first.
func (sd *scrollingDialog) fit(d dialog.Dialog, win fyne.Window, width float32) {
	window := win.Canvas().Size()
	if !window.IsZero() {
		width = min(width, window.Width-2*dialogMargin)
	}
	inner := width - dialogSidePadding
	sd.body.Resize(fyne.NewSize(inner, sd.body.MinSize().Height))
	sd.body.Resize(fyne.NewSize(inner, sd.body.MinSize().Height))
	// The dialog's title and padding: what it needs beyond its content.
	chrome := d.MinSize().Height - sd.frame.MinSize().Height
	height := chrome + sd.frame.MinSize().Height - sd.scroll.MinSize().Height + sd.body.MinSize().Height
	if !window.IsZero() {
		height = min(height, window.Height-2*dialogMargin)
	}
	d.Resize(fyne.NewSize(width, height))
	sd.recentre(win)
}

// recentre lays the dialog's overlay out again: Fyne centres a dialog
// when it is shown, not when it is resized, so one that grew downwards
// would run off the bottom of the window.
func (sd *scrollingDialog) recentre(win fyne.Window) {
	for _, o := range win.Canvas().Overlays().List() {
		if pop, ok := overlayContent(o).(*widget.PopUp); ok && isDialog(pop) &&
			pop.Content.(*fyne.Container).Objects[2] == sd.frame {
			o.Refresh()
		}
	}
}

// reveal scrolls the body so that o, one of its rows, is in view.
func (sd *scrollingDialog) reveal(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	sd.scroll.Refresh() // lays the body out with the rows now shown
	view := sd.scroll.Size().Height
	top, bottom := o.Position().Y, o.Position().Y+o.Size().Height
	offset := sd.scroll.Offset
	switch {
	case bottom-top > view || top < offset.Y:
		offset.Y = top
	case bottom > offset.Y+view:
		offset.Y = bottom - view
	default:
		return
	}
	sd.scroll.ScrollToOffset(offset)
}

package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fsTab presses Tab (or Shift+Tab) as the window does, then lets it draw
// the frame that follows every key.
func fsTab(w fyne.Window, back bool) fyne.Focusable {
	c := w.Canvas()
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
	c.Capture()
	return c.Focused()
}

// fsPlace is where o sits in the scroll's content, and its height.
func fsPlace(s *focusScroll, o fyne.CanvasObject) (y, h float32) {
	d := fyne.CurrentApp().Driver()
	return d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y, o.Size().Height
}

// fsTabThrough presses Tab from first round the whole window and back to
// first, checking that every field of the scroll Tab lands on is in view
// whole; it returns how many were below the fold (out of sight had the
// form not scrolled).
func fsTabThrough(t *testing.T, w fyne.Window, s *focusScroll, first fyne.Focusable) (belowFold int) {
	t.Helper()
	w.Canvas().Focus(first)
	w.Canvas().Capture()
	view := s.Size().Height
	if view <= 0 || s.Content.MinSize().Height < 1.5*view {
		t.Fatalf("the form should be taller than the window: view %v, form %v", view, s.Content.MinSize().Height)
	}
	for i := 0; i < 200; i++ {
		f := fsTab(w, false)
		if f == first {
			return belowFold
		}
		o, _ := f.(fyne.CanvasObject)
		if o == nil || !s.holds(o) {
			continue
		}
		y, h := fsPlace(s, o)
		top := s.Offset.Y
		if y < top || (y+h > top+view && h <= view) {
			t.Fatalf("Tab %d moved to a %T at %v-%v, out of view (%v-%v)", i+1, f, y, y+h, top, top+view)
		}
		if y+h > view {
			belowFold++
		}
	}
	t.Fatal("Tab never came back to the first field")
	return belowFold
}

// Issue 13 item 8: pressing Tab down the patient form in a small window
// brings every field into view, the tick boxes and choices as well as
// the text boxes, and Shift+Tab brings the top back.
func TestLongFormScrollsToTheFieldTabMovesTo(t *testing.T) {
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	w.Resize(fyne.NewSize(1000, 520)) // a small window: most of the form is below the fold
	f := tpNewForm(t, s)
	if n := fsTabThrough(t, w, f.scroll, f.title); n < 10 {
		t.Fatalf("only %d fields below the fold were reached", n)
	}

	// And back up: Shift+Tab to the first field shows it again.
	for i := 0; i < 80 && w.Canvas().Focused() != fyne.Focusable(f.surname); i++ {
		fsTab(w, false)
	}
	if f.scroll.Offset.Y <= 0 {
		t.Fatal("the form should have scrolled down")
	}
	for i := 0; i < 5 && w.Canvas().Focused() != fyne.Focusable(f.title); i++ {
		fsTab(w, true) // Forenames, then Title (and its list button)
	}
	if w.Canvas().Focused() != fyne.Focusable(f.title) {
		t.Fatalf("Shift+Tab went to %T", w.Canvas().Focused())
	}
	y, h := fsPlace(f.scroll, f.title)
	if top, view := f.scroll.Offset.Y, f.scroll.Size().Height; y < top || y+h > top+view {
		t.Fatalf("Shift+Tab back to Title left it out of view: %v-%v, view %v-%v", y, y+h, top, top+view)
	}
}

// The new complaint form, long with its tick lists, follows Tab too.
func TestComplaintFormScrollsToTheFieldTabMovesTo(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tkScreen(t, c)
	w.Resize(fyne.NewSize(1000, 520))
	tcTap(t, w, "New complaint ("+doorShortcutText("N")+")")
	var scroll *focusScroll
	fdWalk(w.Canvas().Content(), false, func(o fyne.CanvasObject) {
		if fs, ok := o.(*focusScroll); ok && scroll == nil {
			scroll = fs
		}
	})
	if s.form == nil || scroll == nil {
		t.Fatal("the new complaint form has no focus-following scroll")
	}
	var first fyne.Focusable
	fdWalk(scroll.Content, false, func(o fyne.CanvasObject) {
		if f, ok := o.(fyne.Focusable); ok && first == nil {
			first = f
		}
	})
	if n := fsTabThrough(t, w, scroll, first); n < 5 {
		t.Fatalf("only %d fields below the fold were reached", n)
	}
}

// A field already in view stays where it is: the form does not jump
// under the pointer when the next field is on screen.
func TestLongFormDoesNotScrollForAFieldInView(t *testing.T) {
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	w.Resize(fyne.NewSize(1000, 520))
	f := tpNewForm(t, s)
	w.Canvas().Focus(f.title)
	w.Canvas().Capture()
	for i := 0; i < 5 && w.Canvas().Focused() != fyne.Focusable(f.forenames); i++ {
		fsTab(w, false)
	}
	if got := w.Canvas().Focused(); got != fyne.Focusable(f.forenames) {
		t.Fatalf("Tab from Title went to %T, not Forenames", got)
	}
	if f.scroll.Offset.Y != 0 {
		t.Fatalf("Tab to Forenames, in view, scrolled the form to %v", f.scroll.Offset.Y)
	}
}

// A field of a dialog over the form is not the form's: the form behind
// stays put.
func TestFocusScrollIgnoresFieldsOutsideIt(t *testing.T) {
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	w.Resize(fyne.NewSize(1000, 520))
	f := tpNewForm(t, s)
	other := widget.NewEntry()
	pop := widget.NewModalPopUp(other, w.Canvas())
	pop.Show()
	w.Canvas().Focus(other)
	w.Canvas().Capture()
	if f.scroll.Offset.Y != 0 {
		t.Fatalf("focus in a pop-up scrolled the form to %v", f.scroll.Offset.Y)
	}
	pop.Hide()
	w.Canvas().Capture() // the focus goes back to the form's field, in view

	// Save sits under the form, not in it, where the form's hidden part
	// would be: the form stays where the receptionist left it.
	f.scroll.ScrollToOffset(fyne.NewPos(0, 150))
	w.Canvas().Focus(f.save)
	w.Canvas().Capture()
	if f.scroll.Offset.Y != 150 {
		t.Fatalf("focus on Save scrolled the form to %v", f.scroll.Offset.Y)
	}
}

// Issue 13 item 8: a notch of the mouse wheel (Fyne sends 25 pixels)
// moves the form 100 pixels, about two and a half rows; a touchpad's
// small movements are left as they are.
func TestMouseWheelScrollsAUsefulDistance(t *testing.T) {
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	w.Resize(fyne.NewSize(1000, 520))
	f := tpNewForm(t, s)
	w.Canvas().Capture()
	f.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	if got := f.scroll.Offset.Y; got < 100 {
		t.Fatalf("one notch of the wheel scrolled %v pixels, want at least 100", got)
	}
	before := f.scroll.Offset.Y
	f.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3)})
	if got := f.scroll.Offset.Y - before; got != 3 {
		t.Fatalf("a touchpad's 3 pixels scrolled %v", got)
	}
}

package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// focusScroll is the scroll container for long forms: when Tab (or
// Shift+Tab, or a click) moves the focus to a field of its content that is
// off-screen or cut by its edge, it scrolls just enough to show the field
// whole, with its label; and a turn of the mouse wheel moves a useful
// distance rather than Fyne's 25 pixels, half a field.
//
// Fyne tells no container when the focus moves: Tab moves it inside the
// window's key handler. But the window walks the widget tree to draw every
// frame, and the focused field redraws itself when it gains the focus, so
// a walk follows every move. focusScroll's renderer notices the walk and
// compares the window's focused widget with the last one it saw; a change
// is handled once the walk is over. Nothing runs while nothing changes: no
// ticker, no goroutine.
type focusScroll struct {
	container.Scroll

	canvas  fyne.Canvas    // the window it is drawn in, once known
	focused fyne.Focusable // the focused widget the last walk saw
	pending bool           // a look at the focus is queued

	// Whether a widget is inside the content, whatever custom widgets
	// hold it: a walk of the window's tree to the widget (Fyne's, depth
	// first, stopping at the widget) that enters the scroll and does not
	// get past the mark after its content found it inside.
	mark                     *walkMark
	probing, entered, passed bool
}

// wheelStep multiplies a turn of the mouse wheel. Fyne moves 25 pixels a
// notch on Windows and Linux, half a form row (an entry is about 37
// pixels, 41 with its gap): a long form took two dozen notches. Four
// times is 100 pixels a notch, the distance a web browser scrolls, about
// two and a half rows: the receptionist's hand already knows it.
const wheelStep = 4

// wheelNotch is the smallest movement taken for a notch of a wheel;
// smaller ones come from a touchpad, which already moves with the finger
// and is left alone.
const wheelNotch = 20

// focusMargin is the room kept above and below a field brought into view:
// its label above it and its message below.
const focusMargin = 48

// newFocusScroll is a vertical scroll of content, like
// container.NewVScroll, that follows the focus and scrolls a useful
// distance a notch.
func newFocusScroll(content fyne.CanvasObject) *focusScroll {
	s := &focusScroll{}
	s.Direction = container.ScrollVerticalOnly
	s.Content = content
	s.mark = newWalkMark(func() { s.passed = s.passed || s.probing })
	s.ExtendBaseWidget(s)
	return s
}

func (s *focusScroll) CreateRenderer() fyne.WidgetRenderer {
	return &focusScrollRenderer{WidgetRenderer: s.Scroll.CreateRenderer(), scroll: s}
}

// Scrolled makes a notch of the wheel go further.
func (s *focusScroll) Scrolled(ev *fyne.ScrollEvent) {
	e := *ev
	e.Scrolled = fyne.NewDelta(wheelDistance(ev.Scrolled.DX), wheelDistance(ev.Scrolled.DY))
	s.Scroll.Scrolled(&e)
}

// wheelDistance is how far a wheel movement of d pixels scrolls.
func wheelDistance(d float32) float32 {
	if d >= wheelNotch || d <= -wheelNotch {
		return d * wheelStep
	}
	return d
}

// walked is called each time the window walks the tree through the
// scroll: it looks at the focus again once the walk is over.
func (s *focusScroll) walked() {
	if s.probing {
		s.entered = true
		return
	}
	if s.canvas == nil {
		if s.canvas = fyne.CurrentApp().Driver().CanvasForObject(s); s.canvas == nil {
			return
		}
	}
	if s.pending || s.canvas.Focused() == s.focused {
		return
	}
	s.pending = true
	fyne.Do(s.followFocus) // not in the walk: scrolling moves what it walks
}

// followFocus brings the focused widget into view when it is one of the
// scroll's fields and has just been given the focus.
func (s *focusScroll) followFocus() {
	s.pending = false
	if s.canvas == nil {
		return
	}
	f := s.canvas.Focused()
	if f == s.focused {
		return
	}
	s.focused = f
	o, ok := f.(fyne.CanvasObject)
	if !ok || o == nil || !s.holds(o) {
		return // nothing, or a field elsewhere: in a dialog over the form, a list beside it
	}
	s.showWhole(o)
}

// holds reports whether o is shown inside the scroll's content: not a
// field in a dialog over it, nor in a list or button row beside it.
func (s *focusScroll) holds(o fyne.CanvasObject) bool {
	if o == fyne.CanvasObject(s) {
		return false
	}
	s.probing, s.entered, s.passed = true, false, false
	fyne.CurrentApp().Driver().AbsolutePositionForObject(o) // walks to o
	s.probing = false
	return s.entered && !s.passed
}

// showWhole scrolls just enough for o to be seen whole with its label,
// or, when it is taller than the view, its top.
func (s *focusScroll) showWhole(o fyne.CanvasObject) {
	view := s.Size().Height
	if view <= 0 {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	h := o.Size().Height
	top := s.Offset.Y
	switch {
	case h+2*focusMargin > view: // taller than the view: its top, with its label
		if y-focusMargin >= top && y+h <= top+view {
			return
		}
		top = y - focusMargin
	case y-focusMargin < top:
		top = y - focusMargin
	case y+h+focusMargin > top+view:
		top = y + h + focusMargin - view
	default:
		return // in view already
	}
	top = max(0, min(top, s.Content.MinSize().Height-view))
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, top))
}

// focusScrollRenderer is Fyne's scroll renderer, told when the window
// walks through it.
type focusScrollRenderer struct {
	fyne.WidgetRenderer
	scroll *focusScroll
}

// Objects are Fyne's, then the mark, walked after everything inside.
func (r *focusScrollRenderer) Objects() []fyne.CanvasObject {
	r.scroll.walked()
	return append(r.WidgetRenderer.Objects(), r.scroll.mark)
}

// walkMark is an empty, sizeless widget that says when a walk reaches it.
type walkMark struct {
	widget.BaseWidget
	reached func()
}

func newWalkMark(reached func()) *walkMark {
	m := &walkMark{reached: reached}
	m.ExtendBaseWidget(m)
	return m
}

func (m *walkMark) CreateRenderer() fyne.WidgetRenderer { return walkMarkRenderer{m} }

type walkMarkRenderer struct{ mark *walkMark }

func (walkMarkRenderer) Destroy()           {}
func (walkMarkRenderer) Layout(fyne.Size)   {}
func (walkMarkRenderer) MinSize() fyne.Size { return fyne.Size{} }
func (walkMarkRenderer) Refresh()           {}
func (r walkMarkRenderer) Objects() []fyne.CanvasObject {
	r.mark.reached()
	return nil
}

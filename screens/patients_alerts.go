package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The patient list's "Alerts and needs" column says each alert as it was
// written ("Uses a wheelchair: needs the ground-floor room"), not "Other".
// A narrow column cuts it short, so the whole of it shows in a tip when
// the mouse is over it or the keyboard's cursor is on its row.

// alertsTipWidth is as wide as the tip grows before it wraps.
const alertsTipWidth float32 = 420

// hoverCell is a list cell that says when the mouse is over it, so its
// whole text can be shown when the column cut it short. It takes no taps:
// a click still opens the row.
type hoverCell struct {
	widget.BaseWidget
	label   *widget.Label
	onHover func(c *hoverCell, in bool)
}

func newHoverCell(onHover func(*hoverCell, bool)) *hoverCell {
	c := &hoverCell{label: cell(), onHover: onHover}
	c.ExtendBaseWidget(c)
	return c
}

func (c *hoverCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.label) }

func (c *hoverCell) MouseIn(*desktop.MouseEvent) {
	if c.onHover != nil {
		c.onHover(c, true)
	}
}

func (c *hoverCell) MouseMoved(*desktop.MouseEvent) {}

func (c *hoverCell) MouseOut() {
	if c.onHover != nil {
		c.onHover(c, false)
	}
}

// cutShort reports whether the cell's text is wider than the cell.
func (c *hoverCell) cutShort() bool {
	return cutShort(c.label.Text, c.label.TextStyle, c.Size().Width)
}

// cutShort reports whether text is too wide for a label width wide.
func cutShort(text string, style fyne.TextStyle, width float32) bool {
	if text == "" {
		return false
	}
	return fyne.MeasureText(text, theme.TextSize(), style).Width+2*theme.InnerPadding() > width
}

// hoverTip is a box drawn over the list, not a pop-up, so it never takes
// the mouse or a click from the row under it.
type hoverTip struct {
	layer *fyne.Container // stacked over the list, the size of the page
	bg    *canvas.Rectangle
	text  *widget.Label
}

func newHoverTip() *hoverTip {
	t := &hoverTip{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), text: widget.NewLabel("")}
	t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.text.Wrapping = fyne.TextWrapWord
	t.layer = container.NewWithoutLayout(t.bg, t.text)
	t.hide()
	return t
}

// showUnder shows text in the tip just below the object under, kept
// inside the layer.
func (t *hoverTip) showUnder(text string, under fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(under).Subtract(d.AbsolutePositionForObject(t.layer))
	t.showAt(text, pos.Add(fyne.NewPos(0, under.Size().Height)), under.Size().Height)
}

// showAt shows text in the tip at pos (in the layer), or above pos by
// above when there is no room below.
func (t *hoverTip) showAt(text string, pos fyne.Position, above float32) {
	t.text.SetText(text)
	width := min(alertsTipWidth, fyne.MeasureText(text, theme.TextSize(), t.text.TextStyle).Width+2*theme.InnerPadding()+2)
	t.text.Resize(fyne.NewSize(width, t.text.MinSize().Height))
	size := fyne.NewSize(width, t.text.MinSize().Height)
	t.text.Resize(size)
	room := t.layer.Size()
	if room.Width > 0 {
		if pos.X+size.Width > room.Width {
			pos.X = max(0, room.Width-size.Width)
		}
		if pos.Y+size.Height > room.Height {
			pos.Y = max(0, pos.Y-above-size.Height)
		}
	}
	t.text.Move(pos)
	t.bg.Move(pos)
	t.bg.Resize(size)
	t.bg.Show()
	t.text.Show()
	t.layer.Refresh()
}

func (t *hoverTip) hide() {
	t.bg.Hide()
	t.text.Hide()
	t.text.SetText("")
}

// shown is the tip's text while it is showing, "" otherwise.
func (t *hoverTip) shown() string {
	if !t.text.Visible() {
		return ""
	}
	return t.text.Text
}

// showCursorAlerts shows the whole of the alerts and needs of the row the
// keyboard's cursor is on, when the column cut them short (-1: hide).
func (s *patientsScreen) showCursorAlerts(row int) {
	if row < 0 || row >= len(s.results) || s.list.cols == nil {
		s.alertsTip.hide()
		return
	}
	text := patientFlags(s.results[row])
	var x float32
	for _, w := range s.list.cols.widths {
		x += w
	}
	if !cutShort(text, fyne.TextStyle{}, s.list.Size().Width-x) {
		s.alertsTip.hide()
		return
	}
	// Rows are one height apart, with a separator between them.
	rowHeight := newPatientRow(s.list.cols, nil).MinSize().Height
	step := rowHeight + theme.SeparatorThicknessSize()
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(s.list).Subtract(d.AbsolutePositionForObject(s.alertsTip.layer))
	at = at.Add(fyne.NewPos(x, float32(row)*step-s.list.GetScrollOffset()+rowHeight))
	s.alertsTip.showAt(text, at, rowHeight)
}

package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// tipPad is the room inside the tip around its text.
const tipPad float32 = 6

// tipLines is the most a tip shows; a card with more says how many more.
const tipLines = 10

// gridTip is the hover box: in full what the grid had to cut short over a
// narrow column's title, and over any block (or under the keyboard's
// cursor) the appointment's card: who, born when, what, when, its status
// and the alerts. It is drawn over the grid, not in a pop-up, so it never
// takes the mouse from what is under it.
type gridTip struct {
	bg      *canvas.Rectangle
	lines   []*canvas.Text
	objects []fyne.CanvasObject
	key     string // what is shown, so moving the mouse within it redraws nothing
}

func newGridTip() *gridTip {
	t := &gridTip{bg: canvas.NewRectangle(nil)}
	t.bg.CornerRadius = 4
	t.bg.StrokeWidth = 1
	t.objects = append(t.objects, t.bg)
	for i := 0; i < tipLines; i++ {
		l := canvas.NewText("", nil)
		l.TextStyle.Bold = i == 0
		t.lines = append(t.lines, l)
		t.objects = append(t.objects, l)
	}
	t.hide()
	return t
}

// show puts lines in the tip under the rectangle at, over (in the grid's
// coordinates), or above it when there is no room below, and keeps it
// inside the grid. Empty lines are left out; lines from warnFrom on (an
// index into lines; -1 for none) are the alerts, drawn in the alert colour.
func (t *gridTip) show(g *AppointmentGrid, key string, lines []string, warnFrom int, at fyne.Position, over fyne.Size) {
	if key == t.key && t.bg.Visible() {
		return
	}
	t.key = key
	p := paletteFor(g)
	var w, h float32
	n := 0
	for i, text := range lines {
		if text == "" || n == len(t.lines) {
			continue
		}
		if n == len(t.lines)-1 && i < len(lines)-1 {
			text = fmt.Sprintf("and %d more", len(lines)-i)
		}
		l := t.lines[n]
		l.Text, l.Color = text, p.foreground
		if warnFrom >= 0 && i >= warnFrom {
			l.Color = p.danger
		}
		l.TextSize = p.detailSize
		if n == 0 {
			l.TextSize = p.nameSize
		}
		size := fyne.MeasureText(text, l.TextSize, l.TextStyle)
		l.Move(fyne.NewPos(0, h))
		l.Resize(size)
		w, h = max(w, size.Width), h+size.Height
		n++
	}
	if n == 0 {
		t.hide()
		return
	}
	box := fyne.NewSize(w+2*tipPad, h+2*tipPad)
	gs := g.Size()
	x := max(0, min(at.X, gs.Width-box.Width))
	y := at.Y + over.Height + 2
	if y+box.Height > gs.Height {
		y = max(0, at.Y-box.Height-2)
	}
	t.bg.FillColor, t.bg.StrokeColor = p.overlay, p.separator
	place(t.bg, fyne.NewPos(x, y), box)
	for i, l := range t.lines {
		if i >= n {
			l.Hide()
			continue
		}
		place(l, l.Position().AddXY(x+tipPad, y+tipPad), l.Size())
	}
}

// shown is the key of what the tip shows; "" when hidden.
func (t *gridTip) shown() string {
	if !t.bg.Visible() {
		return ""
	}
	return t.key
}

// hide takes the tip away.
func (t *gridTip) hide() {
	t.key = ""
	for _, o := range t.objects {
		if o.Visible() {
			o.Hide()
			canvas.Refresh(o)
		}
	}
}

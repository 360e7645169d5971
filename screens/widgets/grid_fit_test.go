package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// gtTenClinicians is the demo practice's size: ten clinicians with long
// names, working 08:00–18:00.
func gtTenClinicians() []Column {
	var cols []Column
	for i := 0; i < 10; i++ {
		cols = append(cols, Column{
			Title: fmt.Sprintf("Dr Siobhán Fitzgerald-Hughes %d", i), ShortTitle: fmt.Sprintf("Dr S Fitzgerald-Hughes %d", i),
			Subtitle: "Healthcare assistant", Working: []Span{{Start: 480, End: 1080}}, Today: true,
		})
	}
	return cols
}

// gtGridIn is a grid in an unpadded window of the width given.
func gtGridIn(t *testing.T, width float32, cols []Column, blocks ...Block) (*AppointmentGrid, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	g := NewAppointmentGrid()
	g.SetColumns(cols)
	g.SetBlocks(blocks)
	w := test.NewTempWindow(t, g)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(width, 600))
	return g, w
}

func absX(o fyne.CanvasObject) float32 {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).X
}

func TestTenCliniciansNeverWidenTheWindow(t *testing.T) {
	// The main window is 1120 wide with about 200 of navigation beside
	// the Calendar: the grid must ask for less than what is left, however
	// many clinicians there are.
	g, _ := gtGridIn(t, 900, gtTenClinicians())
	if got := g.MinSize().Width; got > 1120-200-100 {
		t.Errorf("grid of ten columns asks for %v wide", got)
	}
	g.SetColumns(append(gtTenClinicians(), gtTenClinicians()...))
	if got := g.MinSize().Width; got > 1120-200-100 {
		t.Errorf("grid of twenty columns asks for %v wide", got)
	}

	// At 900 wide ten columns share the room: no sideways scroll.
	g.SetColumns(gtTenClinicians())
	if cw := g.geom().columnWidth(); cw < minColumnWidth || cw*10 > 900-gutterWidth+0.5 {
		t.Errorf("columns %v wide in 900", cw)
	}
	if g.body.Size().Width > g.scroll.Size().Width {
		t.Errorf("body %v wide in a view of %v: it scrolls sideways when it need not", g.body.Size().Width, g.scroll.Size().Width)
	}

	// The titles are cut to the column, the short form first.
	hr := test.WidgetRenderer(g.header).(*gridHeaderRenderer)
	title := hr.columns[3].title
	if !strings.HasPrefix(title.Text.Text, "Dr S") || !strings.HasSuffix(title.Text.Text, ellipsis) {
		t.Errorf("title in a narrow column %q, want the short form cut with an ellipsis", title.Text.Text)
	}
	if w := fyne.MeasureText(title.Text.Text, title.TextSize, title.TextStyle).Width; w > g.geom().columnWidth() {
		t.Errorf("title %v wide in a column of %v", w, g.geom().columnWidth())
	}
}

func TestNarrowWindowScrollsSidewaysInStep(t *testing.T) {
	g, w := gtGridIn(t, 500, gtTenClinicians())
	if got, want := g.body.Size().Width, 10*minColumnWidth; got != want {
		t.Fatalf("body %v wide, want ten columns at the minimum (%v)", got, want)
	}
	hr := test.WidgetRenderer(g.header).(*gridHeaderRenderer)
	gr := test.WidgetRenderer(g.gutter).(*gridGutterRenderer)
	hourX := absX(gr.hourLabels[2])

	test.Scroll(w.Canvas(), fyne.NewPos(300, 300), -10000, 0) // as far right as it goes
	off := g.ScrollOffset()
	if want := g.body.Size().Width - g.scroll.Size().Width; off.X != want {
		t.Fatalf("scrolled to %v, want the end (%v)", off.X, want)
	}
	if absX(gr.hourLabels[2]) != hourX {
		t.Error("the hour labels moved sideways with the columns")
	}

	// Every column wholly in view: its title sits over it, and a tap
	// under the title books in that column.
	y := g.scroll.Position().Y + g.MinuteY(10*60) - off.Y + 1
	checked := 0
	for col := range g.columns {
		titleX := absX(hr.columns[col].title.Text) - headerPad
		if titleX < gutterWidth || titleX+minColumnWidth > 500 {
			continue
		}
		checked++
		if bodyX := absX(g.body) + g.geom().columnX(col); bodyX != titleX {
			t.Errorf("column %d: title at %v, column at %v", col, titleX, bodyX)
		}
		got := -1
		g.OnEmptySlot = func(c, m int) {
			got = c
			if m != 10*60 {
				t.Errorf("tap at 10:00 booked at %s", ClockText(m))
			}
		}
		test.TapCanvas(w.Canvas(), fyne.NewPos(titleX+10, y))
		if got != col {
			t.Errorf("tap under column %d's title booked in column %d", col, got)
		}
	}
	if checked < 4 {
		t.Errorf("only %d columns in view to check", checked)
	}
	if absX(hr.columns[9].title.Text) > 500 {
		t.Error("the last column's title is still off the right edge")
	}
}

func TestKeyboardCursorScrollsSideways(t *testing.T) {
	g, w := gtGridIn(t, 500, gtTenClinicians())
	g.Focus()
	for i := 0; i < 9; i++ {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if c, _ := g.Cursor(); c != 9 {
		t.Fatalf("cursor in column %d", c)
	}
	right := g.geom().columnX(10) - g.ScrollOffset().X
	if right > g.scroll.Size().Width+0.5 {
		t.Errorf("the cursor's column ends at %v in a view %v wide", right, g.scroll.Size().Width)
	}
	g.SetCursor(0, 9*60)
	if g.ScrollOffset().X != 0 {
		t.Errorf("back in the first column, scrolled to %v", g.ScrollOffset().X)
	}
}

func TestHoverShowsWhatWasCut(t *testing.T) {
	long := "Mrs Bernadette Fitzgerald-Hughes-Montgomery"
	blocks := []Block{
		{ID: "short", Column: 1, Start: 600, End: 610, Patient: long, Type: "Telephone call"},
	}
	g, w := gtGridIn(t, 900, gtTenClinicians(), blocks...)
	tip := g.tip

	// A title cut short: in full under it.
	test.MoveMouse(w.Canvas(), fyne.NewPos(gutterWidth+g.geom().columnX(3)+20, 10))
	if !tip.bg.Visible() || tip.lines[0].Text != "Dr Siobhán Fitzgerald-Hughes 3" || tip.lines[1].Text != "Healthcare assistant" {
		t.Errorf("hovering a cut title shows %v %q", tip.bg.Visible(), tip.lines[0].Text)
	}
	if tip.bg.Position().Y < g.header.Size().Height {
		t.Errorf("tip at %v covers the titles (%v tall)", tip.bg.Position().Y, g.header.Size().Height)
	}

	// A block with its name cut: the patient and appointment in full.
	top := g.scroll.Position().Y - g.ScrollOffset().Y
	test.MoveMouse(w.Canvas(), fyne.NewPos(gutterWidth+g.geom().columnX(1)+20, top+g.MinuteY(600)+5))
	if !tip.bg.Visible() || tip.lines[0].Text != long || tip.lines[1].Text != "Telephone call · 10:00–10:10" {
		t.Errorf("hovering a cut block shows %v %q / %q", tip.bg.Visible(), tip.lines[0].Text, tip.lines[1].Text)
	}

	test.MoveMouse(w.Canvas(), fyne.NewPos(gutterWidth+g.geom().columnX(5)+20, top+g.MinuteY(900)))
	if tip.bg.Visible() {
		t.Error("tip over an empty cell")
	}
}

func TestHoverShowsEveryBlocksCard(t *testing.T) {
	// A roomy block that shows all its text still has a card: the date of
	// birth and the alerts are never on the block itself.
	b := Block{ID: "roomy", Column: 1, Start: 600, End: 660, Patient: "Haigh, Luke", FullName: "Luke Haigh",
		Born: "03/04/1961 (65)", Type: "Review", Detail: "Room 2", Alert: true,
		Alerts: "Alert: Violent warning: shouted at staff\nNeeds: Large print"}
	g, w := gtGrid(t, gtClinicians(false), b)
	top := g.scroll.Position().Y - g.ScrollOffset().Y
	test.MoveMouse(w.Canvas(), fyne.NewPos(gutterWidth+g.geom().columnX(1)+20, top+g.MinuteY(620)))
	want := []string{"Luke Haigh", "Born 03/04/1961 (65)", "Review · 10:00–11:00", "Booked · Room 2",
		"Alert: Violent warning: shouted at staff", "Needs: Large print"}
	if got := gtTipText(g); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("hovering a block shows %q, want %q", got, want)
	}
	if g.tip.lines[4].Color != paletteFor(g).danger {
		t.Error("the alert is not in the alert colour")
	}
	if g.tip.lines[0].Color == paletteFor(g).danger {
		t.Error("the name is in the alert colour")
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(gutterWidth+g.geom().columnX(0)+20, 10))
	if g.tip.bg.Visible() {
		t.Errorf("tip %q over a title that fits", g.tip.lines[0].Text)
	}
}

func TestKeyboardCursorOnABlockShowsItsCard(t *testing.T) {
	blocks := []Block{
		{ID: "a", Column: 0, Start: 600, End: 630, Patient: "Haigh, Luke", FullName: "Luke Haigh", Born: "03/04/1961 (65)", Type: "Review"},
		{ID: "b", Column: 0, Start: 660, End: 690, Patient: "Lister, Luke", FullName: "Luke Lister", Born: "17/09/1998 (28)", Type: "Review"},
	}
	g, w := gtGrid(t, gtClinicians(false), blocks...)
	g.SetCursor(0, 600)
	if g.tip.bg.Visible() {
		t.Error("a card shows while the grid does not have the keyboard")
	}
	g.Focus()
	if got := gtTipText(g); len(got) < 2 || got[0] != "Luke Haigh" || got[1] != "Born 03/04/1961 (65)" {
		t.Fatalf("with the cursor on the first Luke the card says %q", got)
	}
	key := func(k fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	for i := 0; i < 4; i++ {
		key(fyne.KeyDown)
	}
	if got := gtTipText(g); len(got) < 2 || got[0] != "Luke Lister" || got[1] != "Born 17/09/1998 (28)" {
		t.Errorf("with the cursor on the second Luke the card says %q", got)
	}
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if g.tip.bg.Visible() {
		t.Errorf("the card stayed on an empty cell: %q", gtTipText(g))
	}
}

// gtTipText is the lines the tip shows now.
func gtTipText(g *AppointmentGrid) []string {
	var out []string
	if !g.tip.bg.Visible() {
		return nil
	}
	for _, l := range g.tip.lines {
		if l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

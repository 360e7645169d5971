package widgets

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

var physio = color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff}

// gtClinicians are three clinicians working 09:00–17:00 with lunch.
func gtClinicians(today bool) []Column {
	var cols []Column
	for _, name := range []string{"Dr Asha Patel", "Mr Ben Carter", "Ms Claire Dunn"} {
		cols = append(cols, Column{
			Title: name, Subtitle: "Physiotherapist",
			Working: []Span{{Start: 9 * 60, End: 17 * 60}},
			Breaks:  []Span{{Start: 13 * 60, End: 13*60 + 45, Label: "Lunch"}},
			Today:   today,
		})
	}
	return cols
}

// gtGrid is a grid over 08:00–18:00 at 2 units a minute in a window
// wide enough for its columns to be 250 wide.
func gtGrid(t *testing.T, cols []Column, blocks ...Block) (*AppointmentGrid, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	g := NewAppointmentGrid()
	g.SetColumns(cols)
	g.SetBlocks(blocks)
	w := test.NewTempWindow(t, g)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(gutterWidth+float32(len(cols))*250, 700))
	return g, w
}

func gtBodyRenderer(g *AppointmentGrid) *gridBodyRenderer {
	return test.WidgetRenderer(g.body).(*gridBodyRenderer)
}

func TestBlockSitsAtItsTimeAndColumn(t *testing.T) {
	b := Block{ID: "a1", Column: 1, Start: 9 * 60, End: 9*60 + 30, Colour: physio, Patient: "Jane O'Neill", Type: "Review"}
	g, _ := gtGrid(t, gtClinicians(false), b)
	r := gtBodyRenderer(g)
	v := r.views[0]

	// 09:00 is an hour after the 08:00 start: 60 minutes of 2 units, under
	// the top padding; the block keeps a unit clear of the lines.
	wantY := bodyPadding + 60*DefaultMinuteHeight + 1
	if got := v.bg.Position().Y; got != wantY {
		t.Errorf("09:00 block top = %v, want %v", got, wantY)
	}
	if got, want := v.bg.Size().Height, 30*DefaultMinuteHeight-2; got != want {
		t.Errorf("30-minute block height = %v, want %v", got, want)
	}
	colW := g.geom().columnWidth()
	if colW != 250 {
		t.Fatalf("column width = %v, want 250", colW)
	}
	if got, want := v.bg.Position().X, colW+blockInset; got != want {
		t.Errorf("second column block left = %v, want %v", got, want)
	}
	if got := g.MinuteY(9 * 60); got != bodyPadding+120 {
		t.Errorf("MinuteY(09:00) = %v", got)
	}
}

func TestTappingAnEmptyCellSnapsToTheGrid(t *testing.T) {
	for _, tc := range []struct {
		step, tapped, want int
	}{
		{15, 10*60 + 7, 10 * 60},
		{15, 10*60 + 14, 10 * 60},
		{15, 10*60 + 16, 10*60 + 15},
		{10, 10*60 + 19, 10*60 + 10},
		{5, 10*60 + 7, 10*60 + 5},
		{5, 17*60 + 59, 17*60 + 55}, // the last cell of the day, not past it
	} {
		t.Run(fmt.Sprintf("%d-minute grid at %s", tc.step, ClockText(tc.tapped)), func(t *testing.T) {
			g, _ := gtGrid(t, gtClinicians(false))
			g.SetStep(tc.step)
			var col, minute = -1, -1
			g.OnEmptySlot = func(c, m int) { col, minute = c, m }
			g.OnBlock = func(id string) { t.Errorf("tapped a block %q on an empty day", id) }

			geo := g.geom()
			pos := fyne.NewPos(geo.columnX(2)+20, geo.minuteY(tc.tapped)+0.5)
			test.TapAt(g.body, pos)
			if col != 2 || minute != tc.want {
				t.Errorf("OnEmptySlot(%d, %s), want (2, %s)", col, ClockText(minute), ClockText(tc.want))
			}
			if c, m := g.Cursor(); c != 2 || m != tc.want {
				t.Errorf("cursor at (%d, %s) after the tap", c, ClockText(m))
			}
		})
	}
}

func TestTappingTheHourLabelsDoesNothing(t *testing.T) {
	g, w := gtGrid(t, gtClinicians(false))
	g.OnEmptySlot = func(c, m int) { t.Errorf("OnEmptySlot(%d, %d) from the hour labels", c, m) }
	test.TapCanvas(w.Canvas(), fyne.NewPos(10, g.header.Size().Height+g.MinuteY(600)))
}

func TestTappingABlockReportsItsID(t *testing.T) {
	blocks := []Block{
		{ID: "first", Column: 0, Start: 9 * 60, End: 9*60 + 30, Colour: physio, Patient: "Jane O'Neill", Type: "Review"},
		{ID: "second", Column: 2, Start: 11 * 60, End: 11*60 + 45, Colour: physio, Patient: "Aarav Shah", Type: "Initial assessment"},
	}
	g, _ := gtGrid(t, gtClinicians(false), blocks...)
	var opened []string
	g.OnBlock = func(id string) { opened = append(opened, id) }
	g.OnEmptySlot = func(c, m int) { t.Errorf("OnEmptySlot(%d, %d) on a block", c, m) }

	test.TapAt(g.body, g.SlotPosition(2, 11*60+30))
	test.TapAt(g.body, g.SlotPosition(0, 9*60))
	if strings.Join(opened, ",") != "second,first" {
		t.Errorf("opened %v, want [second first]", opened)
	}
	if c, m := g.Cursor(); c != 0 || m != 9*60 {
		t.Errorf("cursor at (%d, %s), want on the block tapped", c, ClockText(m))
	}
}

func TestSecondaryTapIsForAMenu(t *testing.T) {
	b := Block{ID: "a1", Column: 1, Start: 10 * 60, End: 10*60 + 30, Colour: physio, Patient: "Jane O'Neill", Type: "Review"}
	g, _ := gtGrid(t, gtClinicians(false), b)
	var blockMenu string
	slotCol, slotMin := -1, -1
	g.OnBlockMenu = func(id string, _ fyne.Position) { blockMenu = id }
	g.OnSlotMenu = func(c, m int, _ fyne.Position) { slotCol, slotMin = c, m }
	g.OnBlock = func(id string) { t.Errorf("a right click opened %q", id) }

	test.TapSecondaryAt(g.body, g.SlotPosition(1, 10*60+15))
	test.TapSecondaryAt(g.body, g.SlotPosition(0, 14*60))
	if blockMenu != "a1" || slotCol != 0 || slotMin != 14*60 {
		t.Errorf("menus for block %q and cell (%d, %d)", blockMenu, slotCol, slotMin)
	}
}

func TestKeyboardMovesTheCursorAndActs(t *testing.T) {
	b := Block{ID: "a1", Column: 1, Start: 9*60 + 15, End: 9*60 + 45, Colour: physio, Patient: "Jane O'Neill", Type: "Review"}
	g, w := gtGrid(t, gtClinicians(false), b)
	var slots []string
	var opened []string
	pages := ""
	g.OnEmptySlot = func(c, m int) { slots = append(slots, fmt.Sprintf("%d %s", c, ClockText(m))) }
	g.OnBlock = func(id string) { opened = append(opened, id) }
	g.OnPageUp = func() { pages += "up " }
	g.OnPageDown = func() { pages += "down " }

	g.Focus()
	if w.Canvas().Focused() != g.body {
		t.Fatal("the grid did not take the keyboard")
	}
	g.SetCursor(0, 9*60)
	key := func(names ...fyne.KeyName) {
		for _, n := range names {
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: n})
		}
	}
	at := func() string { c, m := g.Cursor(); return fmt.Sprintf("%d %s", c, ClockText(m)) }

	key(fyne.KeyDown)
	if at() != "0 09:15" {
		t.Errorf("down a step: cursor at %s", at())
	}
	key(fyne.KeyRight)
	if at() != "1 09:15" {
		t.Errorf("right a column: cursor at %s", at())
	}
	key(fyne.KeyReturn) // on the block
	key(fyne.KeyRight, fyne.KeyRight, fyne.KeyRight)
	if at() != "2 09:15" {
		t.Errorf("right past the last column: cursor at %s", at())
	}
	key(fyne.KeyUp, fyne.KeyEnter) // an empty cell
	key(fyne.KeyHome)
	if at() != "2 08:00" {
		t.Errorf("Home: cursor at %s", at())
	}
	key(fyne.KeyUp)
	if at() != "2 08:00" {
		t.Errorf("up past the start of the day: cursor at %s", at())
	}
	key(fyne.KeyEnd)
	if at() != "2 17:45" {
		t.Errorf("End: cursor at %s", at())
	}
	key(fyne.KeyPageUp, fyne.KeyPageDown)

	if strings.Join(opened, ",") != "a1" {
		t.Errorf("Enter on the block opened %v", opened)
	}
	if strings.Join(slots, ",") != "2 09:00" {
		t.Errorf("Enter on empty cells booked %v", slots)
	}
	if pages != "up down " {
		t.Errorf("page keys: %q", pages)
	}

	// The cursor shows only while the grid has the keyboard, and sits on
	// its cell.
	r := gtBodyRenderer(g)
	if !r.cursor.Visible() {
		t.Error("no cursor while focused")
	}
	g.SetStep(15)
	g.SetCursor(1, 11*60)
	if got, want := r.cursor.Position().Y, g.MinuteY(11*60); got != want {
		t.Errorf("cursor drawn at y %v, want %v", got, want)
	}
	w.Canvas().Unfocus()
	if r.cursor.Visible() {
		t.Error("cursor still shown after the grid lost the keyboard")
	}
}

func TestKeyboardCursorScrollsIntoView(t *testing.T) {
	g, _ := gtGrid(t, gtClinicians(false))
	g.SetStep(5)
	g.SetCursor(0, 17*60+30)
	bottom := g.MinuteY(17*60+35) + bodyPadding
	if off, view := g.scroll.Offset.Y, g.scroll.Size().Height; bottom > off+view+0.5 {
		t.Errorf("cursor at 17:30 is below the view: offset %v, view %v, cell bottom %v", off, view, bottom)
	}
}

func TestTodayLineOnlyOnToday(t *testing.T) {
	g, _ := gtGrid(t, gtClinicians(false))
	r := gtBodyRenderer(g)
	g.SetNow(14*60 + 20)
	if r.nowLine.Visible() {
		t.Error("today line shown on a day that is not today")
	}

	g.SetColumns(gtClinicians(true))
	if !r.nowLine.Visible() {
		t.Fatal("no today line on today")
	}
	if got, want := r.nowLine.Position().Y+1, g.MinuteY(14*60+20); got != want {
		t.Errorf("today line at %v, want %v", got, want)
	}
	if got, want := r.nowLine.Size().Width, 3*g.geom().columnWidth(); got != want {
		t.Errorf("today line %v wide, want across all three columns (%v)", got, want)
	}

	// The week view: only today's column has the line.
	week := gtClinicians(false)
	week[1].Today = true
	g.SetColumns(week)
	if got, want := r.nowLine.Position().X, g.geom().columnX(1); got != want {
		t.Errorf("week view today line starts at %v, want today's column at %v", got, want)
	}
	if got, want := r.nowLine.Size().Width, g.geom().columnWidth(); got != want {
		t.Errorf("week view today line %v wide, want one column (%v)", got, want)
	}

	g.SetNow(19 * 60) // after the range shown
	if r.nowLine.Visible() {
		t.Error("today line drawn outside the hours shown")
	}
}

func TestOverlappingBlocksShareTheColumn(t *testing.T) {
	blocks := []Block{
		{ID: "a", Column: 0, Start: 600, End: 630, Patient: "A", Type: "Review"},
		{ID: "b", Column: 0, Start: 615, End: 645, Patient: "B", Type: "Review"},
		{ID: "c", Column: 0, Start: 630, End: 660, Patient: "C", Type: "Review"}, // after a: a's lane again
		{ID: "d", Column: 0, Start: 700, End: 730, Patient: "D", Type: "Review"}, // alone
		{ID: "e", Column: 1, Start: 600, End: 630, Patient: "E", Type: "Review"}, // another column
	}
	lanes := assignLanes(blocks)
	want := []lane{{0, 2}, {1, 2}, {0, 2}, {0, 1}, {0, 1}}
	for i := range want {
		if lanes[i] != want[i] {
			t.Errorf("block %s in lane %+v, want %+v", blocks[i].ID, lanes[i], want[i])
		}
	}

	g, _ := gtGrid(t, gtClinicians(false), blocks...)
	r := gtBodyRenderer(g)
	a, b := r.views[0].bg, r.views[1].bg
	if a.Position().X+a.Size().Width > b.Position().X {
		t.Errorf("double-booked blocks overlap: a ends at %v, b starts at %v", a.Position().X+a.Size().Width, b.Position().X)
	}
	test.TapAt(g.body, fyne.NewPos(b.Position().X+5, b.Position().Y+5))
	got := ""
	g.OnBlock = func(id string) { got = id }
	test.TapAt(g.body, fyne.NewPos(b.Position().X+5, b.Position().Y+5))
	if got != "b" {
		t.Errorf("tapping the right-hand block opened %q", got)
	}
}

func TestShortBlocksEllipsizeTallBlocksSayMore(t *testing.T) {
	long := "Mrs Bernadette Fitzgerald-Hughes-Montgomery"
	blocks := []Block{
		{ID: "short", Column: 0, Start: 600, End: 610, Patient: long, Type: "Telephone call", Alert: true},
		{ID: "tall", Column: 1, Start: 600, End: 660, Patient: "Aarav Shah", Type: "Initial assessment",
			Status: StatusArrived, Detail: "Room 2", AIS: true},
	}
	g, _ := gtGrid(t, gtClinicians(false), blocks...)
	r := gtBodyRenderer(g)

	short := r.views[0]
	if !strings.HasSuffix(short.name.Text.Text, ellipsis) || short.name.Text.Text == long {
		t.Errorf("long name in a short block shows %q, want it cut with an ellipsis", short.name.Text.Text)
	}
	if w := fyne.MeasureText(short.name.Text.Text, short.name.TextSize, short.name.TextStyle).Width; w > short.name.Size().Width {
		t.Errorf("name %v wide in %v of room", w, short.name.Size().Width)
	}
	if short.line2.Visible() {
		t.Error("a 10-minute block has room for one line only")
	}
	if !short.alertBg.Visible() {
		t.Error("no alert badge")
	}

	tall := r.views[1]
	if tall.name.Text.Text != "Aarav Shah" {
		t.Errorf("tall block name %q", tall.name.Text.Text)
	}
	if !tall.line2.Visible() || tall.line2.Text.Text != "Initial assessment · 10:00–11:00" {
		t.Errorf("tall block second line %q (shown %v)", tall.line2.Text.Text, tall.line2.Visible())
	}
	if !tall.line3.Visible() || tall.line3.Text.Text != "Arrived · Room 2" {
		t.Errorf("tall block third line %q (shown %v)", tall.line3.Text.Text, tall.line3.Visible())
	}
	if !tall.aisBg.Visible() || tall.alertBg.Visible() {
		t.Errorf("badges: AIS %v, alert %v; want AIS only", tall.aisBg.Visible(), tall.alertBg.Visible())
	}
	if tall.icon.Resource == nil || !tall.icon.Visible() {
		t.Error("no status icon for an arrived patient")
	}
}

func TestBlockViewsAreReusedFromDayToDay(t *testing.T) {
	day := func(status Status) []Block {
		var out []Block
		for i := 0; i < 30; i++ {
			out = append(out, Block{ID: fmt.Sprint(i), Column: i % 3, Start: 540 + (i/3)*30, End: 540 + (i/3)*30 + 30,
				Patient: "Patient", Type: "Review", Status: status})
		}
		return out
	}
	g, _ := gtGrid(t, gtClinicians(false), day(StatusBooked)...)
	r := gtBodyRenderer(g)
	views := append([]*blockView(nil), r.views...)
	objects := len(r.objects)

	next := day(StatusBooked)
	next[4].Status = StatusArrived
	g.SetBlocks(next)
	if len(r.views) != len(views) || len(r.objects) != objects {
		t.Fatalf("pool grew from %d to %d views for the same number of blocks", len(views), len(r.views))
	}
	for i := range views {
		if r.views[i] != views[i] {
			t.Fatalf("view %d was made afresh", i)
		}
	}
	if r.views[4].shown.Status != StatusArrived {
		t.Error("the changed block was not redrawn")
	}

	// Fewer blocks: the spare views hide rather than go.
	g.SetBlocks(next[:10])
	if len(r.views) != 30 || r.views[20].bg.Visible() {
		t.Errorf("%d views; spare one shown %v", len(r.views), r.views[20].bg.Visible())
	}
	if len(g.body.placed) != 10 {
		t.Errorf("%d blocks placed for hit tests, want 10", len(g.body.placed))
	}
}

func TestScrollsToTheWorkingDay(t *testing.T) {
	g, _ := gtGrid(t, gtClinicians(false))
	g.ScrollToWorkingStart()
	off := g.scroll.Offset.Y
	nine := g.MinuteY(9 * 60)
	if off <= 0 || off > nine {
		t.Errorf("scrolled to %v; 09:00 is at %v and should be near the top", off, nine)
	}
	if _, m := g.Cursor(); m != 9*60 {
		t.Errorf("cursor at %s, want 09:00", ClockText(m))
	}
}

func TestScrollBeforeLayoutWaitsForIt(t *testing.T) {
	test.NewTempApp(t)
	g := NewAppointmentGrid()
	g.SetColumns(gtClinicians(false))
	g.ScrollTo(12 * 60)
	w := test.NewTempWindow(t, g)
	w.Resize(fyne.NewSize(800, 500))
	if g.scroll.Offset.Y <= 0 {
		t.Error("a scroll asked for before the grid had a size was lost")
	}
}

func TestShadingAndBanners(t *testing.T) {
	cols := gtClinicians(false)
	cols[2].Banner = "Bank holiday: Christmas Day"
	g, _ := gtGrid(t, cols)
	r := gtBodyRenderer(g)

	// Column 0: 08:00–09:00 and 17:00–18:00 outside hours, and lunch.
	var spans []string
	for _, s := range r.shades {
		if s.Visible() && s.Position().X == g.geom().columnX(0) {
			spans = append(spans, fmt.Sprintf("%v+%v", s.Position().Y, s.Size().Height))
		}
	}
	want := []string{
		fmt.Sprintf("%v+%v", g.MinuteY(480), 120.0),
		fmt.Sprintf("%v+%v", g.MinuteY(1020), 120.0),
		fmt.Sprintf("%v+%v", g.MinuteY(780), 90.0),
	}
	if strings.Join(spans, " ") != strings.Join(want, " ") {
		t.Errorf("shading in column 0: %v, want %v", spans, want)
	}
	var whole bool
	for _, s := range r.shades {
		if s.Visible() && s.Position().X == g.geom().columnX(2) && s.Size().Height == g.MinuteY(1080)-g.MinuteY(480) {
			whole = true
		}
	}
	if !whole {
		t.Error("the bank holiday column is not shaded throughout")
	}

	hr := test.WidgetRenderer(g.header).(*gridHeaderRenderer)
	banner := hr.columns[2].banner
	if !banner.Visible() || !strings.HasPrefix(banner.Text.Text, "Bank holiday") {
		t.Errorf("header banner %q (shown %v)", banner.Text.Text, banner.Visible())
	}
	if hr.columns[0].banner.Visible() {
		t.Error("banner shown on a working column")
	}
	if g.scroll.Position().Y != g.header.Size().Height {
		t.Errorf("hours start at %v under a header %v tall", g.scroll.Position().Y, g.header.Size().Height)
	}
}

func TestHourLabelsAre24Hour(t *testing.T) {
	g, _ := gtGrid(t, gtClinicians(false))
	g.SetDayRange(7*60+30, 20*60)
	r := test.WidgetRenderer(g.gutter).(*gridGutterRenderer)
	var labels []string
	for _, l := range r.hourLabels {
		if l.Visible() {
			labels = append(labels, l.Text)
		}
	}
	if got := strings.Join(labels, " "); got != "08:00 09:00 10:00 11:00 12:00 13:00 14:00 15:00 16:00 17:00 18:00 19:00 20:00" {
		t.Errorf("hour labels: %s", got)
	}
}

func TestEllipsize(t *testing.T) {
	test.NewTempApp(t)
	style := fyne.TextStyle{}
	if got := ellipsize("Jo", 12, style, 500); got != "Jo" {
		t.Errorf("fitting text changed to %q", got)
	}
	if got := ellipsize("Christopher", 12, style, 1); got != "" {
		t.Errorf("no room at all gives %q", got)
	}
	got := ellipsize("Zoë Brontë-Smith", 12, style, fyne.MeasureText("Zoë Br…", 12, style).Width)
	if got != "Zoë Br…" {
		t.Errorf("cut to %q, want %q", got, "Zoë Br…")
	}
}

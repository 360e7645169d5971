package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// gtDrag drags on the body as the desktop driver does: each event is
// where the mouse is now and how far it came since the last.
func gtDrag(g *AppointmentGrid, from fyne.Position, to ...fyne.Position) {
	at := from
	for _, p := range to {
		g.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-at.X, p.Y-at.Y)})
		at = p
	}
}

type gtMoved struct {
	id          string
	col, minute int
}

func gtMovable(t *testing.T, blocks ...Block) (*AppointmentGrid, fyne.Window, *[]gtMoved) {
	g, w := gtGrid(t, gtClinicians(false), blocks...)
	var moved []gtMoved
	g.OnMoveBlock = func(id string, col, minute int) { moved = append(moved, gtMoved{id, col, minute}) }
	return g, w, &moved
}

func TestDraggingABlockProposesTheMoveAndShowsWhereItLands(t *testing.T) {
	b := Block{ID: "a1", Column: 0, Start: 600, End: 630, Patient: "Haigh, Luke", Type: "Review"}
	g, _, moved := gtMovable(t, b)
	// Taken by its middle (10:15), carried to Mr Carter's column at 11:15:
	// it lands starting 11:00.
	from := g.SlotPosition(0, 615)
	mid := g.SlotPosition(1, 700)
	to := g.SlotPosition(1, 675)
	gtDrag(g, from, mid, to)
	id, col, minute, ok := g.MovingTo()
	if !ok || id != "a1" || col != 1 || minute != 660 {
		t.Fatalf("while dragging it would land at %v %d %d (%v)", id, col, minute, ok)
	}
	r := gtBodyRenderer(g)
	if !r.ghost.Visible() || r.ghost.Position().X < g.geom().columnX(1) {
		t.Error("the grid does not show where it would land")
	}
	if got := gtTipText(g); len(got) != 3 || got[0] != "Move Haigh, Luke" || got[1] != "Mr Ben Carter, 11:00–11:30" {
		t.Errorf("the tip under where it would land says %q", got)
	}
	if len(*moved) != 0 {
		t.Fatal("proposed before the mouse let go")
	}
	g.body.DragEnd()
	if want := []gtMoved{{"a1", 1, 660}}; len(*moved) != 1 || (*moved)[0] != want[0] {
		t.Errorf("dropping proposed %v, want %v", *moved, want)
	}
	if _, _, _, ok := g.MovingTo(); ok || r.ghost.Visible() || g.tip.bg.Visible() {
		t.Error("the landing place or its tip stayed after the drop")
	}
	if g.Blocks()[0].Column != 0 || g.Blocks()[0].Start != 600 {
		t.Error("the grid moved the block itself: the screen must ask first")
	}
	if col, minute := g.Cursor(); g.BlockAt(col, minute) != "a1" {
		t.Errorf("after the drop the cursor is at %d %d, not on the appointment", col, minute)
	}
}

func TestADragBackInPlaceOrEscapedProposesNothing(t *testing.T) {
	b := Block{ID: "a1", Column: 0, Start: 600, End: 630, Patient: "Haigh, Luke", Type: "Review"}
	g, w, moved := gtMovable(t, b)
	from := g.SlotPosition(0, 615)
	gtDrag(g, from, g.SlotPosition(2, 700), from)
	g.body.DragEnd()
	if len(*moved) != 0 {
		t.Errorf("dropped back where it was, proposed %v", *moved)
	}

	gtDrag(g, from, g.SlotPosition(2, 700))
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	gtDrag(g, g.SlotPosition(2, 700), g.SlotPosition(1, 720))
	g.body.DragEnd()
	if len(*moved) != 0 {
		t.Errorf("after Escape, proposed %v", *moved)
	}

	// A drag from an empty cell carries nothing, even over a block.
	gtDrag(g, g.SlotPosition(1, 600), g.SlotPosition(0, 615), g.SlotPosition(2, 615))
	g.body.DragEnd()
	if len(*moved) != 0 {
		t.Errorf("a drag from an empty cell proposed %v", *moved)
	}
}

func TestOnlyBookedBlocksMove(t *testing.T) {
	b := Block{ID: "seen", Column: 0, Start: 600, End: 630, Patient: "Haigh, Luke", Type: "Review", Status: StatusSeen}
	g, _, moved := gtMovable(t, b)
	gtDrag(g, g.SlotPosition(0, 615), g.SlotPosition(1, 700))
	g.body.DragEnd()
	if len(*moved) != 0 {
		t.Errorf("an appointment already seen was proposed to move: %v", *moved)
	}
}

func TestCtrlArrowsMoveTheBlockUnderTheCursorAndEnterProposesIt(t *testing.T) {
	b := Block{ID: "a1", Column: 0, Start: 600, End: 630, Patient: "Haigh, Luke", Type: "Review"}
	g, w, moved := gtMovable(t, b)
	g.Focus()
	g.SetCursor(0, 600)
	ctrl := func(k fyne.KeyName) {
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierControl})
	}
	key := func(k fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	ctrl(fyne.KeyDown)
	ctrl(fyne.KeyDown)
	ctrl(fyne.KeyRight)
	if _, col, minute, ok := g.MovingTo(); !ok || col != 1 || minute != 630 {
		t.Fatalf("after Ctrl+Down twice and Ctrl+Right it would land at %d %d (%v)", col, minute, ok)
	}
	key(fyne.KeyDown) // the arrows carry on the move once it has begun
	if len(*moved) != 0 {
		t.Fatal("proposed before Enter")
	}
	key(fyne.KeyReturn)
	if len(*moved) != 1 || (*moved)[0] != (gtMoved{"a1", 1, 645}) {
		t.Errorf("Enter proposed %v", *moved)
	}

	// Escape leaves it; Ctrl+arrows on an empty cell move nothing.
	*moved = nil
	g.SetCursor(0, 600)
	ctrl(fyne.KeyUp)
	key(fyne.KeyEscape)
	key(fyne.KeyReturn) // now opens the block, as Enter always did
	g.SetCursor(2, 900)
	ctrl(fyne.KeyDown)
	if _, _, _, ok := g.MovingTo(); ok || len(*moved) != 0 {
		t.Errorf("Escape or an empty cell still moved: %v", *moved)
	}
}

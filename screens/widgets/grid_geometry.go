package widgets

import (
	"sort"

	"fyne.io/fyne/v2"
)

// Sizes of the grid's fixed parts, in Fyne units.
const (
	gutterWidth float32 = 56 // the hour labels on the left
	bodyPadding float32 = 10 // above the first hour and below the last, so their labels are not cut
	// minColumnWidth is the narrowest a column gets: a short name and a
	// patient's first name still read. Columns share the view's width down
	// to it; past that the body scrolls sideways.
	minColumnWidth float32 = 80
	// minVisibleColumns is how many columns the grid asks room for: the
	// rest of the day scrolls, so the grid never widens the window.
	minVisibleColumns         = 2
	laneGap           float32 = 2 // between side-by-side blocks that overlap
	blockInset        float32 = 3 // between a block and its column's edges
)

// geometry maps minutes and columns to positions on the grid body and back.
// It is a plain value so the renderer, the hit tests and the header agree.
// The body holds the columns only: the hour labels are in the gutter
// beside it, so they stay put while the columns scroll sideways.
type geometry struct {
	width        float32 // the body's, all columns
	columns      int
	start, end   int // the day's range, minutes after midnight
	step         int // the grid, minutes
	minuteHeight float32
}

func (g geometry) columnWidth() float32 {
	if g.columns == 0 {
		return 0
	}
	w := g.width / float32(g.columns)
	if w < 0 {
		return 0
	}
	return w
}

func (g geometry) columnX(col int) float32 { return float32(col) * g.columnWidth() }

// minuteY is where a minute of the day sits, clamped to the range.
func (g geometry) minuteY(minute int) float32 {
	minute = max(g.start, min(g.end, minute))
	return bodyPadding + float32(minute-g.start)*g.minuteHeight
}

// height is the body's full height for the day's range.
func (g geometry) height() float32 { return g.minuteY(g.end) + bodyPadding }

// minWidth is the narrowest the body can be and still read the names:
// wider than the view, it scrolls.
func (g geometry) minWidth() float32 { return float32(max(g.columns, 1)) * minColumnWidth }

// cellAt is the grid cell under a position: its column and its start
// minute snapped down to the grid. ok is false off the columns.
func (g geometry) cellAt(pos fyne.Position) (col, minute int, ok bool) {
	cw := g.columnWidth()
	if g.columns == 0 || cw <= 0 || pos.X < 0 || pos.X >= g.columnX(g.columns) {
		return 0, 0, false
	}
	col = min(int(pos.X/cw), g.columns-1)
	minute = g.start + int((pos.Y-bodyPadding)/g.minuteHeight)
	return col, g.snap(minute), true
}

// snap rounds a minute down to the grid, kept inside the day's range.
func (g geometry) snap(minute int) int {
	step := max(g.step, 1)
	last := g.end - step
	if last < g.start {
		last = g.start
	}
	minute = max(g.start, min(last, minute))
	return g.start + (minute-g.start)/step*step
}

// cellRect is the rectangle of the grid cell starting at minute.
func (g geometry) cellRect(col, minute int) (fyne.Position, fyne.Size) {
	y := g.minuteY(minute)
	return fyne.NewPos(g.columnX(col), y), fyne.NewSize(g.columnWidth(), g.minuteY(minute+g.step)-y)
}

// lane places a block side by side with the blocks it overlaps in its
// column: it is lane index of lanes.
type lane struct{ index, lanes int }

// assignLanes gives each block a lane: blocks in one column that overlap
// in time (a double booking someone chose to keep) share the column's
// width instead of hiding each other. Blocks are taken in start order; a
// cluster of overlapping blocks all get the cluster's lane count.
func assignLanes(blocks []Block) []lane {
	out := make([]lane, len(blocks))
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := blocks[order[a]], blocks[order[b]]
		if x.Column != y.Column {
			return x.Column < y.Column
		}
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.End > y.End
	})
	var cluster []int  // block indexes in the current cluster
	var laneEnds []int // when each lane of the cluster is free again
	clusterEnd, col := -1, -1
	flush := func() {
		for _, i := range cluster {
			out[i].lanes = len(laneEnds)
		}
		cluster, laneEnds = cluster[:0], laneEnds[:0]
	}
	for _, i := range order {
		b := blocks[i]
		if b.Column != col || b.Start >= clusterEnd {
			flush()
			col, clusterEnd = b.Column, b.End
		}
		placed := false
		for l, end := range laneEnds {
			if end <= b.Start {
				laneEnds[l], out[i].index, placed = b.End, l, true
				break
			}
		}
		if !placed {
			out[i].index = len(laneEnds)
			laneEnds = append(laneEnds, b.End)
		}
		cluster = append(cluster, i)
		clusterEnd = max(clusterEnd, b.End)
	}
	flush()
	return out
}

// blockRect is where a block is drawn, within its column and lane.
func (g geometry) blockRect(b Block, l lane) (fyne.Position, fyne.Size) {
	lanes := max(l.lanes, 1)
	inner := g.columnWidth() - 2*blockInset
	w := (inner - laneGap*float32(lanes-1)) / float32(lanes)
	x := g.columnX(b.Column) + blockInset + float32(l.index)*(w+laneGap)
	y := g.minuteY(b.Start) + 1
	h := g.minuteY(b.End) - y - 1
	return fyne.NewPos(x, y), fyne.NewSize(max(w, 0), max(h, 0))
}

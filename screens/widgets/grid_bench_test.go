package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// gtFullDay is ten clinicians booked solid 08:00–18:00 in 25-minute
// appointments: 240 blocks.
func gtFullDay() ([]Column, []Block) {
	var cols []Column
	var blocks []Block
	for c := 0; c < 10; c++ {
		cols = append(cols, Column{Title: fmt.Sprintf("Clinician %d", c), Working: []Span{{Start: 480, End: 1080}}, Today: true})
		for m := 480; m+25 <= 1080; m += 25 {
			blocks = append(blocks, Block{ID: fmt.Sprintf("%d-%d", c, m), Column: c, Start: m, End: m + 25,
				Colour: physio, Patient: "Mrs Bernadette Fitzgerald-Hughes", Type: "Initial assessment"})
		}
	}
	return cols, blocks
}

// BenchmarkGridOneStatusChange is the common refresh: the day is shown
// and one patient arrives.
func BenchmarkGridOneStatusChange(b *testing.B) {
	test.NewTempApp(b)
	cols, blocks := gtFullDay()
	g := NewAppointmentGrid()
	g.SetColumns(cols)
	g.SetBlocks(blocks)
	w := test.NewTempWindow(b, g)
	w.Resize(fyne.NewSize(1366, 768))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		blk := blocks[i%len(blocks)]
		blk.Status = Status(i % 2)
		g.UpdateBlock(blk)
	}
}

// BenchmarkGridNextDay is moving to another day: every block is new.
func BenchmarkGridNextDay(b *testing.B) {
	test.NewTempApp(b)
	cols, blocks := gtFullDay()
	other := append([]Block(nil), blocks...)
	for i := range other {
		other[i].Patient = "Mr Aarav Shah"
		other[i].ID += "x"
	}
	g := NewAppointmentGrid()
	g.SetColumns(cols)
	w := test.NewTempWindow(b, g)
	w.Resize(fyne.NewSize(1366, 768))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			g.SetBlocks(blocks)
		} else {
			g.SetBlocks(other)
		}
	}
}

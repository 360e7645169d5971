package screens

import (
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// todayRow lays out a line of the day's list: the time, the markers and
// the status keep their widths; patient, type and clinician share what is
// left, so the list fits beside the side column on a small screen and
// uses the room on a large one. They share it by what they hold: a column
// whose longest entry is short gives its spare room to the others, so on
// a usual day nothing is cut.
type todayRow struct {
	// natural is the width the patient, type and clinician columns need
	// for the day's longest entry in each; zero before the day is read.
	natural *[3]float32
}

// The fixed columns' widths, and each flexible column's share when there
// is not room for all.
var (
	todayFixed = map[int]float32{0: 52, 1: 44, 5: 180} // the status has room to clear the list's scroll bar
	todayShare = [3]float32{0.36, 0.34, 0.30}
)

// todayFlexFirst is the index of the first flexible column (the patient).
const todayFlexFirst = 2

func todayFixedWidth() float32 {
	var w float32
	for _, fw := range todayFixed {
		w += fw
	}
	return w
}

func (todayRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(todayFixedWidth()+240, h)
}

func (r todayRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var natural [3]float32
	if r.natural != nil {
		natural = *r.natural
	}
	flex := shareWidth(max(size.Width-todayFixedWidth(), 0), natural, todayShare)
	var x float32
	for i, o := range objects {
		w, ok := todayFixed[i]
		if !ok && i-todayFlexFirst < len(flex) {
			w = flex[i-todayFlexFirst]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// shareWidth splits width between columns that need natural each: every
// column gets what it needs when all fit, with the room over shared out;
// otherwise the columns needing less than an even share get what they
// need and the rest share what is left by share. With nothing known
// (natural all zero) it is the shares alone.
func shareWidth(width float32, natural, share [3]float32) [3]float32 {
	var out [3]float32
	var need float32
	for _, n := range natural {
		need += n
	}
	if need <= 0 {
		for i := range out {
			out[i] = width * share[i]
		}
		return out
	}
	if need <= width {
		for i := range out {
			out[i] = natural[i] + (width-need)*share[i]
		}
		return out
	}
	// Give the modest columns what they need, smallest first, while each
	// needs less than its share of what is left; the others share the rest.
	left, open := width, [3]bool{true, true, true}
	for changed := true; changed; {
		changed = false
		var shares float32
		for i := range out {
			if open[i] {
				shares += share[i]
			}
		}
		for i := range out {
			if open[i] && shares > 0 && natural[i] <= left*share[i]/shares {
				out[i], open[i] = natural[i], false
				left -= natural[i]
				changed = true
				break
			}
		}
	}
	var shares float32
	for i := range out {
		if open[i] {
			shares += share[i]
		}
	}
	for i := range out {
		if open[i] && shares > 0 {
			out[i] = left * share[i] / shares
		}
	}
	return out
}

// todayNaturalWidths is what the patient, type and clinician columns need
// for the longest of the day's entries, label padding included.
func todayNaturalWidths(appts []schedule.DiaryEntry) [3]float32 {
	var out [3]float32
	size, pad := theme.TextSize(), 2*theme.InnerPadding()+2
	for _, a := range appts {
		out[0] = max(out[0], fyne.MeasureText(a.PatientName, size, fyne.TextStyle{Bold: true}).Width+pad)
		out[1] = max(out[1], fyne.MeasureText(a.TypeName, size, fyne.TextStyle{}).Width+pad)
		out[2] = max(out[2], fyne.MeasureText(shortName(a.ClinicianName), size, fyne.TextStyle{}).Width+pad)
	}
	return out
}

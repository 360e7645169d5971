package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// ellipsis ends text that has been cut short.
const ellipsis = "…"

// ellipsize cuts text to fit width, ending it with "…" when anything was
// cut. canvas.Text cannot truncate itself, and a clipped name ("Mrs Jane
// O'Ne") reads as a different person, so the cut is visible.
func ellipsize(text string, size float32, style fyne.TextStyle, width float32) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	// The longest prefix that fits with the ellipsis, by halving.
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+ellipsis, size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(runes[:lo]) + ellipsis
}

// fittedText is a canvas.Text that shows as much of its text as fits its
// width, remembering the last cut so a redraw with nothing changed
// measures nothing.
type fittedText struct {
	*canvas.Text
	full  string
	width float32
}

func newFittedText(size float32, style fyne.TextStyle) *fittedText {
	t := canvas.NewText("", nil)
	t.TextSize, t.TextStyle = size, style
	return &fittedText{Text: t}
}

// set shows text within width; it reports whether anything changed.
func (f *fittedText) set(text string, width float32) bool {
	if text == f.full && width == f.width {
		return false
	}
	f.full, f.width = text, width
	cut := ellipsize(text, f.TextSize, f.TextStyle, width)
	if cut == f.Text.Text {
		return false
	}
	f.Text.Text = cut
	return true
}

// forget makes the next set measure again (the size or style changed).
func (f *fittedText) forget() { f.full, f.width = "\x00", -1 }

package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// field is a labelled field with its message underneath.
func (f *patientForm) field(name, label string, w fyne.CanvasObject) fyne.CanvasObject {
	p := errorText()
	cell := labelledField(label, w, p)
	if name != "" {
		f.problems[name] = p
		f.cellFor[name] = cell
		if fo, ok := w.(fyne.Focusable); ok {
			f.focusFor[name] = fo
		}
	}
	return cell
}

func entry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

// formEntry is an entry of the patient form: when the keyboard moves to
// it (Tab), the form scrolls to show it.
type formEntry struct {
	widget.Entry
	onFocus func(fyne.CanvasObject)
}

// AcceptsTab is false even for the notes box: Tab moves on to the next
// field rather than typing a tab, so the keyboard is never trapped.
func (e *formEntry) AcceptsTab() bool { return false }

func (e *formEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus(e)
	}
}

// entry makes one of the form's entries.
func (f *patientForm) entry(placeholder string) *formEntry {
	e := &formEntry{onFocus: f.fieldFocused}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	return e
}

// multiLineEntry is a box for a few lines of text that wrap, which Tab
// leaves like any other field.
func multiLineEntry(rows int, placeholder string) *formEntry {
	e := &formEntry{}
	e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(rows)
	e.SetPlaceHolder(placeholder)
	return e
}

// ensureVisible scrolls the form just enough to show o, with its label.
func (f *patientForm) ensureVisible(o fyne.CanvasObject) {
	if f.scroll == nil || f.scroll.Size().IsZero() {
		return
	}
	const margin = 48 // the field's label above it, its message below
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.scroll.Content).Y
	top, height := f.scroll.Offset.Y, f.scroll.Size().Height
	switch {
	case y-margin < top:
		f.scroll.ScrollToOffset(fyne.NewPos(0, max(y-margin, 0)))
	case y+o.Size().Height+margin > top+height:
		f.scroll.ScrollToOffset(fyne.NewPos(0, y+o.Size().Height+margin-height))
	}
}

// formRow puts fields side by side, each row as tall as its own fields.
func formRow(cells ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWithColumns(len(cells), cells...)
}

func formSection(title string, rows ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(append([]fyne.CanvasObject{widget.NewSeparator(), heading(title)}, rows...)...)
}

// scrollToObject scrolls so that o, somewhere inside the scroll's
// content, is near the top.
func scrollToObject(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y - theme.Padding()*4
	s.ScrollToOffset(fyne.NewPos(0, max(y, 0)))
}

package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The labels and messages every screen builds from, front door included:
// one set, so a message looks and behaves the same wherever it appears.

// wrapped is a label whose text wraps to the space it is given.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// heading is a bold label for the top of a section.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// pageTitle is a large bold heading, for the top of a page.
func pageTitle(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// fieldHint is advice under a field: full contrast, set apart by italics.
func fieldHint(s string) *widget.Label {
	l := wrapped(s)
	l.TextStyle = fyne.TextStyle{Italic: true}
	return l
}

// labelledField is a label above its field, with any messages underneath.
func labelledField(label string, field fyne.CanvasObject, notes ...fyne.CanvasObject) *fyne.Container {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box := container.NewVBox(l, field)
	for _, n := range notes {
		box.Add(n)
	}
	return box
}

// errorText is a label for a message in red that wraps.
func errorText() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// setMessage shows text in l, or hides l when text is empty.
func setMessage(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// say shows text in l with the importance given (green for done, red for
// refused…), or hides l when text is empty.
func say(l *widget.Label, imp widget.Importance, text string) {
	l.Importance = imp
	setMessage(l, text)
	noteSuccess(l, imp, text) // a success goes when the user moves on
	l.Refresh()
}

// plainError turns an error from the app into a sentence: a capital
// letter at the start and a full stop at the end.
func plainError(err error) string {
	if err == nil {
		return ""
	}
	return sentence(err.Error())
}

// sentence capitalises s and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	s = strings.ToUpper(string(r[0])) + string(r[1:])
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textBox is the text entry for dialogs and forms. Fyne sends a key to the focused
// widget only, so in a plain entry Escape stops there and the dialog stays
// open; a textBox passes Escape on to close the dialog on top (asking first
// when it holds typing), as Escape does when no field has the focus.
type textBox struct {
	widget.Entry
}

// newTextBox is a one-line text box.
func newTextBox() *textBox {
	e := &textBox{}
	e.ExtendBaseWidget(e)
	return e
}

// newTextArea is a text box for several lines (set its Wrapping as for
// widget.NewMultiLineEntry).
func newTextArea() *textBox {
	e := &textBox{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// newSecretBox is a password box; Fyne adds its show/hide eye when it draws
// it.
func newSecretBox() *textBox {
	e := &textBox{}
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false even for several lines: Tab moves on to the next
// field, as everywhere else, rather than typing a tab the letters cannot
// print; a multi-line box that kept Tab trapped the keyboard in the form.
func (e *textBox) AcceptsTab() bool { return false }

// TypedKey hands Escape to the dialog on top; every other key is typing.
func (e *textBox) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && escapeFrom(e) {
		return
	}
	e.Entry.TypedKey(ev)
}

// escapeFrom closes the dialog or pop-up over the window that shows o, as
// Escape does from the window itself, and reports whether there was one.
func escapeFrom(o fyne.CanvasObject) bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil || !overlayOpen(c) {
		return false
	}
	for _, w := range app.Driver().AllWindows() {
		if w.Canvas() == c {
			escapeTopOverlay(w)
			return true
		}
	}
	return false
}

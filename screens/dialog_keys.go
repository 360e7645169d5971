package screens

import (
	"fmt"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The keyboard and the dialogs: Escape closes the dialog or pop-up on
// top, as its Close or Cancel button would, and the shortcuts that act on
// the screen (Ctrl+F, Ctrl+1…9) do nothing while one is open over it.

// overlayOpen reports whether a dialog, pop-up or menu is over the window.
func overlayOpen(c fyne.Canvas) bool { return c.Overlays().Top() != nil }

// behindOverlay wraps a shortcut's action so it does nothing while a
// dialog or pop-up is open: the screen behind it must not change under
// the receptionist's eyes (Ctrl+2 used to switch it under a dialog).
func behindOverlay(c fyne.Canvas, action func()) func() {
	return func() {
		if !overlayOpen(c) {
			action()
		}
	}
}

// guardMenuShortcuts makes the menu items with a shortcut do nothing while
// a dialog is open, except Lock: locking must work whatever is on show (it
// clears the dialogs, and the patient form's typing waits for the unlock).
// The menu cannot be clicked while a dialog covers the window, so only
// the keyboard is affected.
func guardMenuShortcuts(c fyne.Canvas, m *fyne.MainMenu) *fyne.MainMenu {
	if m == nil {
		return nil
	}
	for _, menu := range m.Items {
		for _, it := range menu.Items {
			if it.Shortcut == nil || it.Action == nil || it.IsQuit ||
				it.Shortcut.ShortcutName() == doorLockShortcut.ShortcutName() {
				continue
			}
			it.Action = behindOverlay(c, it.Action)
		}
	}
	return m
}

// onWindowKey gets the keys typed while no field has the focus (Fyne
// sends a key to the focused widget only, so Escape in a text box stays
// there and the typing is safe).
func (u *UI) onWindowKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		escapeTopOverlay(u.win)
	}
}

// escapeTopOverlay closes what is on top: a pop-up or menu as a click
// outside it would; a dialog as its Close or Cancel button would, asking
// first when it holds typing. A dialog with no such button (Please wait,
// a notice to acknowledge) stays.
func escapeTopOverlay(w fyne.Window) {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	pop, ok := overlayContent(top).(*widget.PopUp)
	if ok && !isDialog(pop) {
		// A file or folder chooser has a Cancel of its own (and ignores a
		// tap outside, being modal). The file name it may hold is not
		// worth a question.
		if cancel := buttonLabelled(pop.Content, "Cancel"); cancel != nil {
			cancel.OnTapped()
			return
		}
	}
	if !ok || !isDialog(pop) {
		if t, ok := top.(fyne.Tappable); ok {
			t.Tapped(&fyne.PointEvent{}) // non-modal: dismissed like a click outside
		}
		return
	}
	dismiss := dialogDismissButton(pop)
	if dismiss == nil {
		return
	}
	if !dialogHoldsTyping(pop) {
		dismiss.OnTapped()
		return
	}
	// A careful manager would rather be asked than lose a typed reason or
	// letter: the safe answer is the default one.
	ask := dialog.NewConfirm("Discard what you typed?",
		"What you typed in this window has not been saved. Closing it now loses it.",
		func(discard bool) {
			if discard && w.Canvas().Overlays().Top() == top {
				dismiss.OnTapped()
			}
		}, w)
	ask.SetConfirmText("Discard and close")
	ask.SetConfirmImportance(widget.DangerImportance)
	ask.SetDismissText("Keep editing")
	ask.Show()
}

// overlayContent is the pop-up inside Fyne's overlay container (whose
// type is internal to Fyne, but whose Content field is exported).
func overlayContent(top fyne.CanvasObject) fyne.CanvasObject {
	v := reflect.ValueOf(top)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return top
	}
	f := v.Elem().FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return top
	}
	if o, ok := f.Interface().(fyne.CanvasObject); ok && o != nil {
		return o
	}
	return top
}

// isDialog tells Fyne's dialogs (a modal pop-up laid out as title,
// content and a row of buttons) from other pop-ups.
func isDialog(p *widget.PopUp) bool {
	c, ok := p.Content.(*fyne.Container)
	return ok && len(c.Objects) == 5 && fmt.Sprintf("%T", c.Objects[1]) == "*dialog.themedBackground"
}

// dialogDismissButton is the button that closes the dialog without doing
// anything: the one with the cancel icon in the dialog's own button row
// (No, Not now, Keep it…), else one labelled Close, Cancel or OK.
func dialogDismissButton(p *widget.PopUp) *widget.Button {
	c := p.Content.(*fyne.Container)
	content, buttons := c.Objects[2], c.Objects[3]
	cancelIcon := theme.CancelIcon().Name()
	var found *widget.Button
	walkShown(buttons, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && usable(b) && b.Icon != nil && b.Icon.Name() == cancelIcon {
			found = b
		}
	})
	for _, text := range []string{"Close", "Cancel", "OK"} {
		for _, part := range []fyne.CanvasObject{buttons, content} {
			walkShown(part, func(o fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && found == nil && usable(b) && b.Text == text {
					found = b
				}
			})
		}
	}
	return found
}

// buttonLabelled is the usable button on show in o with that label.
func buttonLabelled(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walkShown(o, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && found == nil && usable(b) && b.Text == text {
			found = b
		}
	})
	return found
}

func usable(b *widget.Button) bool { return !b.Disabled() && b.OnTapped != nil }

// dialogHoldsTyping reports whether someone has typed into a text box on
// show in the dialog (text the dialog filled in itself, such as the
// booking's date, does not count).
func dialogHoldsTyping(p *widget.PopUp) bool {
	typed := false
	walkShown(p.Content.(*fyne.Container).Objects[2], func(o fyne.CanvasObject) {
		if e := textBoxOf(o); e != nil && !e.Disabled() && typedInto(e) {
			typed = true
		}
	})
	return typed
}

// typedInto reports whether e holds typing: Fyne keeps an undo history of
// what is typed and clears it when the program sets the text. Fyne has no
// public way to ask, so this reads its unexported field (never writes);
// should a later Fyne move it, any text counts as typing.
func typedInto(e *widget.Entry) bool {
	if e.Text == "" {
		return false
	}
	history := reflect.ValueOf(e).Elem().FieldByName("undoStack")
	if history.IsValid() && history.Kind() == reflect.Struct {
		history = history.FieldByName("items")
	}
	if !history.IsValid() || history.Kind() != reflect.Slice {
		return true
	}
	return history.Len() > 0
}

// textBoxOf is the text box in o: an entry, or one of ours built on it.
func textBoxOf(o fyne.CanvasObject) *widget.Entry {
	switch e := o.(type) {
	case *widget.Entry:
		return e
	case *widget.SelectEntry:
		return &e.Entry
	}
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Entry")
	if f.IsValid() && f.Type() == reflect.TypeOf(widget.Entry{}) && f.CanAddr() && f.Addr().CanInterface() {
		return f.Addr().Interface().(*widget.Entry)
	}
	return nil
}

// walkShown visits o and what it holds, skipping hidden parts, through
// the containers dialogs are built from.
func walkShown(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkShown(c, visit)
		}
	case *container.Scroll:
		walkShown(x.Content, visit)
	case *focusScroll:
		walkShown(x.Content, visit)
	case *widget.Form:
		for _, it := range x.Items {
			walkShown(it.Widget, visit)
		}
	case *widget.Card:
		walkShown(x.Content, visit)
	case *container.Split:
		walkShown(x.Leading, visit)
		walkShown(x.Trailing, visit)
	case *container.AppTabs:
		if sel := x.Selected(); sel != nil {
			walkShown(sel.Content, visit)
		}
	case *widget.Accordion:
		for _, it := range x.Items {
			if it.Open {
				walkShown(it.Detail, visit)
			}
		}
	}
}

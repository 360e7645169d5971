package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

var doorLockShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}

// doorFindShortcut (Ctrl+F) finds a patient from anywhere.
var doorFindShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}

// doorNewTaskShortcut (Ctrl+T) adds a task from anywhere, about the
// patient whose record is open.
var doorNewTaskShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}

var doorModuleKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9, fyne.Key0}

func doorModuleShortcut(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: doorModuleKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
}

// addShortcuts registers Ctrl+L, Ctrl+F, Ctrl+T and Ctrl+1..9, 0 on the canvas (used when no
// field has the focus; the main menu carries the same shortcuts, which the
// desktop driver honours whatever has the focus). Only Ctrl+L acts while
// a dialog is open: the others would change the screen behind it.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(doorLockShortcut, func(fyne.Shortcut) { u.lock() })
	c.AddShortcut(doorFindShortcut, func(fyne.Shortcut) {
		behindOverlay(c, func() {
			if u.shell != nil {
				u.shell.findPatient("")
			}
		})()
	})
	c.AddShortcut(doorNewTaskShortcut, func(fyne.Shortcut) {
		behindOverlay(c, func() {
			if u.shell != nil {
				u.shell.newTaskAnywhere()
			}
		})()
	})
	for i := range doorModuleKeys {
		c.AddShortcut(doorModuleShortcut(i), func(fyne.Shortcut) {
			behindOverlay(c, func() {
				if u.shell != nil {
					u.shell.openKey(i)
				}
			})()
		})
	}
}

func (u *UI) removeShortcuts() {
	c := u.win.Canvas()
	c.RemoveShortcut(doorLockShortcut)
	c.RemoveShortcut(doorFindShortcut)
	c.RemoveShortcut(doorNewTaskShortcut)
	for i := range doorModuleKeys {
		c.RemoveShortcut(doorModuleShortcut(i))
	}
}

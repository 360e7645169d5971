package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2/dialog"
)

// A recovery key whose Emergency recovery sheet was never saved or printed
// is a key nobody has: the manager is told once per sign-in and offered a
// new key (the old one then stops working). There is no "I wrote it down"
// way out on purpose: a key copied by hand may be copied wrong, and a new
// key with a printed sheet takes a minute.

// showMainAfterSignIn shows the main window after a sign-in, an unlock or
// a recovery; only a sign-in at the login screen (not an unlock, which is
// the same session) tells a manager about the sheet.
func showMainAfterSignIn(u *UI, moduleID string) {
	fromLogin := u.state == uiLogin
	u.showMain(moduleID)
	if fromLogin && u.state == uiMain {
		tellAboutRecoverySheet(u)
	}
}

// tellAboutRecoverySheet looks (off the UI goroutine) at whether the
// current key's sheet was saved, and if not tells a manager so.
func tellAboutRecoverySheet(u *UI) {
	sh := u.shell
	s, ok := u.clinic.Session()
	if !ok || s.Locked || sh == nil || u.opts.DemoNote != "" {
		return // a demo clinic's key is of no matter
	}
	if !s.Role.Can(app.PermSecurity) {
		return // only a manager can make a new key
	}
	if sh.hasDraft() {
		return // back to a form half filled in: not now, the next sign-in tells
	}
	// The window's own background work (not offUI): a test that never
	// waits for it leaves nothing pending for the next.
	c := u.clinic
	var st app.RecoverySheetStatus
	u.async(func() (err error) {
		st, err = c.RecoverySheet()
		return err
	}, func(err error) {
		// A failure to look is not worth a dialog of its own; Settings →
		// Security says it too. Locked or signed out meanwhile: not now.
		if now, ok := c.Session(); err != nil || st.Saved || u.shell != sh || !ok || now.Locked {
			return
		}
		showRecoveryNotice(sh, st)
	})
}

// showRecoveryNotice asks the manager to make a new key and save its sheet.
func showRecoveryNotice(sh *shellScreen, st app.RecoverySheetStatus) {
	which := "the clinic's recovery key"
	if !st.KeyMade.IsZero() {
		which = "the recovery key made " + whenSaid(st.KeyMade, wallClock())
		if st.KeyMadeBy != "" {
			which += " by " + st.KeyMadeBy
		}
	}
	content := wrapped("ClinicDesk has no record that the Emergency recovery sheet for " + which +
		" was ever saved or printed. If every manager's password is forgotten, that sheet is the only way back into the clinic's records.\n\n" +
		"Make a new recovery key now and save its sheet, then print it and lock it away. The old key stops working.")
	d := dialog.NewCustomConfirm("Save an Emergency recovery sheet", "Make a new recovery key…", "Not now", content,
		func(ok bool) {
			if ok {
				openNewRecoveryKey(sh)
			}
		}, sh.ctx.Window)
	fitDialog(d, content, 560)
	d.Show()
}

// openNewRecoveryKey opens Settings → Security and asks there, as the
// button on that tab does, so the manager sees where it lives.
func openNewRecoveryKey(sh *shellScreen) {
	if sh.ui.shell != sh || !sh.hasModule("settings") {
		return
	}
	openSettingsTab(sh.ctx, settingsTabSecurity)
	if s, ok := sh.shownContent().(*settingsScreen); ok && s.security != nil {
		s.security.confirmRecoveryKey()
	}
}

package screens

import (
	"fmt"
	"runtime"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shellScreen is the main window after sign-in: a top bar, the module
// navigation on the left and the chosen module on the right.
type shellScreen struct {
	ui      *UI
	session app.Session
	modules []Module
	ctx     *Context

	nav       *widget.List
	content   *fyne.Container
	current   int // index into modules; -1 when none is open
	selecting bool

	lockBtn    *widget.Button
	switchBtn  *widget.Button
	accountBtn *widget.Button
	findEntry  *widget.Entry // the top bar's patient search (nil without the Patients module)
	pwDialog   *passwordDialog
	// notice says under every screen what was done over it (a task added
	// with Ctrl+T on a screen that does not list tasks); it goes when the
	// user moves to another screen.
	notice *widget.Label
}

func newShellScreen(u *UI, s app.Session) *shellScreen {
	sh := &shellScreen{ui: u, session: s, current: -1}
	sh.modules = Modules(u.clinic)
	sh.ctx = &Context{
		Window:    u.win,
		Clinic:    u.clinic,
		ShowError: sh.showError,
		Reload:    u.reloadMain,
		Open:      sh.openID,
		Runner:    u.runner(),
	}
	return sh
}

// doorShortcutText writes Ctrl+L as this computer's keyboard says it.
func doorShortcutText(key string) string {
	if runtime.GOOS == "darwin" {
		return "⌘" + key
	}
	return "Ctrl+" + key
}

func (sh *shellScreen) build() fyne.CanvasObject {
	clinicName := widget.NewLabelWithStyle(sh.ui.clinicName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	clinicName.SizeName = theme.SizeNameSubHeadingText
	clinicName.Truncation = fyne.TextTruncateEllipsis

	// Who is signed in is the account button itself, so the clinic's name
	// keeps the width at 1120 pixels; the lock shortcut is in the File menu
	// and on the lock screen.
	sh.lockBtn = widget.NewButtonWithIcon("Lock", theme.VisibilityOffIcon(), sh.onLock)
	sh.switchBtn = widget.NewButtonWithIcon("Switch user", theme.LoginIcon(), sh.onSwitchUser)
	sh.accountBtn = widget.NewButtonWithIcon(fmt.Sprintf("%s (%s)", sh.session.User.FullName, sh.session.Role.Label()),
		theme.AccountIcon(), sh.onAccountMenu)

	right := container.NewHBox(sh.accountBtn, sh.lockBtn, sh.switchBtn)
	if sh.hasModule(patientsModuleID) {
		// Typing here carries on in the Patients screen's search box.
		sh.findEntry = widget.NewEntry()
		sh.findEntry.SetPlaceHolder("Find a patient (" + doorShortcutText("F") + ")")
		sh.findEntry.OnChanged = func(text string) {
			if text != "" {
				sh.findEntry.SetText("")
				sh.findPatient(text)
			}
		}
		right.Objects = append([]fyne.CanvasObject{sized(sh.findEntry, 190)}, right.Objects...)
	}
	top := container.NewBorder(nil, nil, container.NewHBox(doorLogo(28)), right, clinicName)
	header := container.NewVBox(container.NewPadded(top))
	if note := sh.ui.opts.DemoNote; note != "" {
		demo := widget.NewLabel(note)
		demo.Importance = widget.WarningImportance
		demo.Wrapping = fyne.TextWrapWord
		header.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, demo))
	}
	for _, w := range sh.warnings() {
		header.Add(w)
	}
	header.Add(widget.NewSeparator())

	sh.content = container.NewStack()
	sh.notice = errorText()
	if len(sh.modules) == 0 {
		sh.content.Add(sh.emptyState())
		return container.NewBorder(header, nil, nil, nil, sh.content)
	}
	sh.nav = widget.NewList(
		func() int { return len(sh.modules) },
		func() fyne.CanvasObject {
			key := widget.NewLabel("Ctrl+9")
			key.Importance = widget.LowImportance
			title := widget.NewLabel("Module title")
			title.Truncation = fyne.TextTruncateEllipsis // "Complaints (unsaved)" never runs into its shortcut
			return container.NewBorder(nil, nil, widget.NewIcon(theme.HomeIcon()), key, title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m := sh.modules[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(sh.navTitle(m))
			icon := c.Objects[1].(*widget.Icon)
			if m.Icon != nil {
				icon.SetResource(m.Icon)
			} else {
				icon.SetResource(theme.DocumentIcon())
			}
			key := c.Objects[2].(*widget.Label)
			if k := moduleKey(m.ID); k >= 0 {
				key.SetText(doorShortcutText(string(doorModuleKeys[k]))) // the tenth is Ctrl+0
			} else {
				key.SetText("")
			}
		},
	)
	sh.nav.OnSelected = sh.onNavSelected
	patientDrafts.watch(sh.ui.clinic, sh.onDraftsChanged)
	// The notice sits under the list of screens, where there is room on
	// every screen at 1366×768 (under the screen it was cut off).
	navBox := container.New(&navWidth{sh: sh}, container.NewBorder(nil, nil, nil, widget.NewSeparator(),
		container.NewBorder(nil, sh.notice, nil, nil, sh.nav)))
	// The list keeps one width on every screen (a split gave the screen
	// beside it the room it asked for, so the list narrowed on Settings).
	return container.NewBorder(header, nil, navBox, nil, sh.content)
}

// emptyState is what shows when the user has no modules at all, so the
// window is never a blank area.
func (sh *shellScreen) emptyState() fyne.CanvasObject {
	return doorCentred(container.NewVBox(
		pageTitle(fmt.Sprintf("Welcome, %s", sh.session.User.FullName)),
		wrapped(fmt.Sprintf("You are signed in to %s as a %s.", sh.ui.clinicName, doorLowerRole(sh.session.Role))),
		wrapped("There are no screens for you to use yet. If you expected to see appointments or patient records here, ask your practice manager."),
		wrapped("You can still change your password from “My account”, and lock ClinicDesk with "+doorShortcutText("L")+" when you leave the desk."),
	), 620)
}

func doorLowerRole(r app.Role) string { return strings.ToLower(r.Label()) }

// doorQuitShortcut (Ctrl+Q) quits, asking first about unsaved typing.
var doorQuitShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}

// mainMenu carries the shortcuts so they work whatever field has focus.
func (sh *shellScreen) mainMenu() *fyne.MainMenu {
	file := fyne.NewMenu("File",
		&fyne.MenuItem{Label: "Lock", Icon: theme.VisibilityOffIcon(), Shortcut: doorLockShortcut, Action: sh.onLock},
		&fyne.MenuItem{Label: "Switch user…", Icon: theme.LoginIcon(), Action: sh.onSwitchUser},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Change password…", Action: sh.onChangePassword},
		&fyne.MenuItem{Label: "Sign out", Icon: theme.LogoutIcon(), Action: sh.onSignOut},
		fyne.NewMenuItemSeparator(),
		&fyne.MenuItem{Label: "Quit", IsQuit: true, Shortcut: doorQuitShortcut, Action: sh.onQuit},
	)
	if len(sh.modules) == 0 {
		return fyne.NewMainMenu(file)
	}
	var items []*fyne.MenuItem
	if sh.hasModule(patientsModuleID) {
		items = append(items, &fyne.MenuItem{Label: "Find a patient", Icon: theme.SearchIcon(), Shortcut: doorFindShortcut,
			Action: func() { sh.findPatient("") }}, fyne.NewMenuItemSeparator())
	}
	if sh.ui.clinic.Can(app.PermNotePatients) && sh.ui.clinic.Can(app.PermViewPatients) {
		items = append(items, &fyne.MenuItem{Label: "New task…", Icon: theme.ContentAddIcon(), Shortcut: doorNewTaskShortcut,
			Action: sh.newTaskAnywhere}, fyne.NewMenuItemSeparator())
	}
	for i, m := range sh.modules {
		item := &fyne.MenuItem{Label: m.Title, Icon: m.Icon, Action: func() { sh.openIndex(i) }}
		if k := moduleKey(m.ID); k >= 0 {
			item.Shortcut = doorModuleShortcut(k)
		}
		items = append(items, item)
	}
	return fyne.NewMainMenu(file, fyne.NewMenu("Go to", items...))
}

// openID opens the module with this ID, or the first one; with no ID,
// the Patients form when the user has one unsaved (back after switching
// user), so it is in front of her.
func (sh *shellScreen) openID(id string) {
	if id == "" && sh.hasDraft() && sh.hasModule(patientsModuleID) {
		id = patientsModuleID
	} else if held := typingDrafts.held(sh.ui.clinic, sh.session.User.ID, ""); id == "" && len(held) > 0 {
		id = held[0].module // back to what she was typing
	}
	for i, m := range sh.modules {
		if m.ID == id {
			sh.openIndex(i)
			return
		}
	}
	sh.openIndex(0)
}

// openKey opens the module whose shortcut number is key+1, when the user
// has it; a number whose screen she may not open does nothing.
func (sh *shellScreen) openKey(key int) {
	for i, m := range sh.modules {
		if moduleKey(m.ID) == key {
			sh.openIndex(i)
			return
		}
	}
}

// openIndex shows module i, building its content afresh, with anything
// the user had typed there and not saved put back.
func (sh *shellScreen) openIndex(i int) {
	if i < 0 || i >= len(sh.modules) || sh.ui.shell != sh {
		return
	}
	sh.current = i
	clearSuccess() // what was done on the last screen is not news on this one
	if sh.notice != nil {
		setMessage(sh.notice, "")
	}
	content := sh.modules[i].Build(sh.ctx)
	sh.content.Objects = []fyne.CanvasObject{content}
	sh.content.Refresh()
	sh.ui.sweep.changed()
	restored := false
	if r, ok := content.(draftRestorer); ok {
		restored = r.restoreDraft()
	}
	if !restored {
		reopenTaskDraft(sh.ctx, sh.taskSaved) // a new task the lock closed comes back over any screen
	}
	sh.ui.lastModule = sh.modules[i].ID
	if sh.nav != nil {
		sh.selecting = true
		sh.nav.Select(i)
		sh.selecting = false
	}
}

// hasModule reports whether the signed-in user has the module id.
func (sh *shellScreen) hasModule(id string) bool {
	for _, m := range sh.modules {
		if m.ID == id {
			return true
		}
	}
	return false
}

// findPatient (Ctrl+F, the top bar) opens the Patients screen if it is
// not showing and hands it the search, with the cursor in its search box.
func (sh *shellScreen) findPatient(text string) {
	if sh.ui.shell != sh || !sh.hasModule(patientsModuleID) {
		return
	}
	if _, ok := sh.shownContent().(patientFinder); !ok {
		sh.openID(patientsModuleID)
	}
	if f, ok := sh.shownContent().(patientFinder); ok {
		f.findPatient(text)
	}
}

// shownContent is the module content on show now.
func (sh *shellScreen) shownContent() fyne.CanvasObject {
	if sh.content == nil || len(sh.content.Objects) == 0 {
		return nil
	}
	return sh.content.Objects[0]
}

func (sh *shellScreen) currentID() string {
	if sh.current < 0 || sh.current >= len(sh.modules) {
		return ""
	}
	return sh.modules[sh.current].ID
}

func (sh *shellScreen) onNavSelected(i widget.ListItemID) {
	if sh.selecting || i == sh.current {
		return
	}
	sh.openIndex(i)
}

func (sh *shellScreen) onLock() { sh.ui.lock() }

// onSwitchUser locks: the user's drafts wait for her to sign in again.
func (sh *shellScreen) onSwitchUser() {
	typingDrafts.markLocked(sh.ui.clinic, sh.session.User.ID)
	sh.ui.switchUser()
}

// onSignOut ends the session, asking first if anything typed is unsaved.
func (sh *shellScreen) onSignOut() {
	sh.askBeforeDiscardingDraft("Sign out anyway?", "Sign out anyway", sh.ui.signOut)
}

// onQuit closes ClinicDesk (File › Quit, Ctrl+Q, the window's close
// button), asking first if anything typed is unsaved: drafts are only in
// memory, so they do not outlive the app. The letters left for printing
// are dealt with after, by requestClose.
func (sh *shellScreen) onQuit() {
	sh.askBeforeDiscardingDraft("Quit anyway?", "Quit anyway", sh.ui.requestClose)
}

// askBeforeDiscardingDraft does then, unless the user has typing unsaved
// anywhere: then it asks, naming where. "Keep working" (the default, and
// Escape) goes back; going on forgets all her drafts. Locking never asks.
func (sh *shellScreen) askBeforeDiscardingDraft(question, confirm string, then func()) {
	c, user := sh.ui.clinic, sh.session.User.ID
	where := whereUnsaved(c, user)
	if where == "" || sh.ui.shell != sh {
		then()
		return
	}
	dlg := dialog.NewConfirm("Unsaved typing",
		"You have typing that is not saved: "+where+". "+question,
		func(discard bool) {
			if sh.ui.shell != sh {
				return
			}
			if !discard {
				sh.openDraftModule()
				return
			}
			typingDrafts.dropUser(c, user)
			then()
		}, sh.ui.win)
	dlg.SetConfirmText(confirm)
	dlg.SetConfirmImportance(widget.DangerImportance) // the safe choice is not the bright one
	dlg.SetDismissText("Keep working")
	dlg.Show()
}

// openDraftModule goes back to where the oldest unsaved typing is, if
// that is not on show already.
func (sh *shellScreen) openDraftModule() {
	held := typingDrafts.held(sh.ui.clinic, sh.session.User.ID, "")
	if len(held) == 0 || sh.currentID() == held[0].module || !sh.hasModule(held[0].module) {
		return
	}
	sh.openID(held[0].module)
}

// hasDraft reports whether the signed-in user has a patient form unsaved.
func (sh *shellScreen) hasDraft() bool {
	return patientDrafts.has(sh.ui.clinic, sh.session.User.ID)
}

// navTitle is a module's name in the navigation, marked when typing in
// it is unsaved so it is not forgotten.
func (sh *shellScreen) navTitle(m Module) string {
	if len(typingDrafts.held(sh.ui.clinic, sh.session.User.ID, m.ID)) > 0 {
		return m.Title + " (unsaved)"
	}
	return m.Title
}

// onDraftsChanged refreshes the navigation's marker.
func (sh *shellScreen) onDraftsChanged() {
	if sh.ui.shell == sh && sh.nav != nil {
		sh.nav.Refresh()
	}
}

func (sh *shellScreen) onChangePassword() {
	if sh.ui.shell != sh {
		return
	}
	sh.pwDialog = newPasswordDialog(sh.ui, sh.session)
	sh.pwDialog.show()
}

// onAccountMenu drops down "Change password…" and "Sign out" under the button.
func (sh *shellScreen) onAccountMenu() {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Change password…", sh.onChangePassword),
		fyne.NewMenuItem("Sign out", sh.onSignOut),
	)
	c := sh.ui.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(sh.accountBtn)
	pm := widget.NewPopUpMenu(menu, c)
	pm.ShowAtPosition(pos.Add(fyne.NewPos(0, sh.accountBtn.Size().Height)))
}

// showError reports a module's error in plain words, unless the session
// has been locked meanwhile (then nothing may appear over the lock screen).
func (sh *shellScreen) showError(err error) {
	if err == nil || sh.ui.shell != sh {
		return
	}
	d := dialog.NewInformation("That did not work", sentence(err.Error()), sh.ui.win)
	d.Show()
}

// navWidth makes the list of screens as wide as its widest title with its
// shortcut: a list inside a split had been squeezed by a wide screen
// (Settings, with its rows of tabs) to "Compla…" and "Audit tr…".
type navWidth struct {
	sh    *shellScreen
	width float32 // measured once: labels made at every layout would fill Fyne's renderer cache
}

func (l *navWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[0].MinSize()
	if l.width == 0 {
		key := widget.NewLabel(doorShortcutText("9")).MinSize().Width
		widest := float32(0)
		for _, mod := range l.sh.modules {
			widest = max(widest, widget.NewLabel(mod.Title).MinSize().Width)
		}
		// The row: icon, title, shortcut, with the list's and the
		// border's padding, and the separator.
		l.width = theme.IconInlineSize() + widest + key + 6*theme.Padding() + 1
	}
	return fyne.NewSize(max(m.Width, l.width), m.Height)
}

func (l *navWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

// taskWatcher is module content that shows tasks, told when one is
// added over it (Ctrl+T) so it can show it.
type taskWatcher interface {
	taskSaved(k tasks.Task)
}

// newTaskAnywhere (Ctrl+T) opens the new-task dialog over the screen on
// show, about the patient whose record is open, if one is.
func (sh *shellScreen) newTaskAnywhere() {
	c := sh.ui.clinic
	if sh.ui.shell != sh || !c.Can(app.PermNotePatients) || !c.Can(app.PermViewPatients) {
		return
	}
	id, name := "", ""
	if p, ok := sh.shownContent().(*patientsScreen); ok && p.record != nil && p.record.data.p.ID != "" {
		id, name = p.record.id, patientFullName(p.record.data.p)
	}
	openNewTask(sh.ctx, id, name, sh.taskSaved)
}

// taskSaved hands a task added over the screen to it, when it shows tasks;
// any other screen gets a line under it, so the task is never added unseen.
func (sh *shellScreen) taskSaved(k tasks.Task) {
	if w, ok := sh.shownContent().(taskWatcher); ok {
		w.taskSaved(k)
		return
	}
	if sh.notice != nil {
		// Not say(): a screen clears its own successes when it reloads
		// (the calendar on every tick of its clock), and this line is the
		// shell's, gone only when the user moves to another screen.
		sh.notice.Importance = widget.SuccessImportance
		setMessage(sh.notice, taskAddedNotice(k, patientToday()))
	}
}

// taskAddedNotice is the line that confirms a task added over a screen
// that does not list tasks: what, when it is due, and where to find it.
func taskAddedNotice(k tasks.Task, today ukcal.Date) string {
	due := "on " + k.Due.LongWithDay()
	switch k.Due {
	case today:
		due = "today"
	case today.AddDays(1):
		due = "tomorrow"
	}
	return fmt.Sprintf("Task added: %s, due %s. It is in Tasks (%s).", k.Title, due, doorShortcutText("9"))
}

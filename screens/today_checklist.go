package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Today's first-run checklist: what a new clinic must set up before its
// first day at the desk, each line saying whether it is done and, for
// someone who may do it, a button to the place. It is read from the
// clinic file each time Today is shown and goes when everything is done.
// A manager cannot hide it: each line stops a day's work (no diary to
// book into, letters without the clinic's address, no backups), so the
// way to make it go is to do the work, which takes minutes.

// checklistItem is one line of the checklist.
type checklistItem struct {
	title  string // "Clinicians and hours"
	done   bool
	todo   string         // what to do, and why, when not done
	button string         // the way there, for someone allowed
	perm   app.Permission // who may do it
	open   func(*Context) // goes there
	// onlyToThem: shown only to those who may do it. Backups are the
	// manager's; the desk is not shown their state (nor asked to chase it).
	onlyToThem bool
}

// checklistItems are the checklist's lines for the clinic's state.
func checklistItems(f app.FirstRun) []checklistItem {
	var missing []string
	if !f.Address {
		missing = append(missing, "address")
	}
	if !f.Phone {
		missing = append(missing, "phone number")
	}
	return []checklistItem{
		{title: "Clinicians and hours", done: f.CliniciansWithHours,
			todo:   "Add the clinicians and their working hours: the diary books into them.",
			button: "Clinicians", perm: app.PermCalendarSetup,
			open: func(ctx *Context) { openCalendarSetupTab(ctx, setupTabClinicians) }},
		{title: "Appointment types", done: f.AppointmentTypes,
			todo:   "Add the appointments you offer, with their lengths: every booking needs one.",
			button: "Appointment types", perm: app.PermCalendarSetup,
			open: func(ctx *Context) { openCalendarSetupTab(ctx, setupTabTypes) }},
		{title: "Clinic phone and address", done: f.Phone && f.Address,
			todo:   "Letters and appointment slips need the clinic's " + strings.Join(missing, " and ") + ".",
			button: "Clinic details", perm: app.PermEditClinic,
			open: func(ctx *Context) { openSettingsTab(ctx, settingsTabDetails) }},
		{title: "Backup folder", done: f.BackupFolder,
			todo:   "Choose a folder on a USB stick or another disk: a backup is made there each time ClinicDesk closes.",
			button: "Backups", perm: app.PermBackup, onlyToThem: true,
			open: func(ctx *Context) { openSettingsTab(ctx, settingsTabBackups) }},
	}
}

// todayChecklist is the checklist's card on Today.
type todayChecklist struct {
	ctx  *Context
	card *widget.Card
	body *fyne.Container
}

// newTodayChecklist is the checklist's card, for the top of Today, above
// the day's list: a new clinic has no appointments, and the list's room
// is the checklist's. It stays hidden until the clinic's state is read,
// off the UI goroutine, and for good once everything is done; done lines
// shrink to one, so a clinic nearly set up loses little of its list.
//
// relayout is called once the card has its lines: the screen around it
// must lay itself out again, or the card keeps the height it had while
// hidden and is drawn over the day's list and under the side column
// (seen in a real window; Fyne lays out only what is refreshed).
func newTodayChecklist(ctx *Context, relayout func()) fyne.CanvasObject {
	l := &todayChecklist{ctx: ctx, body: container.NewVBox()}
	l.card = widget.NewCard("Getting started", "", l.body)
	l.card.Hide()
	c := ctx.Clinic
	offUI(ctx, c.FirstRun, func(f app.FirstRun, err error) {
		if err != nil {
			// Said on the card: the rest of Today still works.
			l.body.RemoveAll()
			l.body.Add(wrapped("What is left to set up could not be read: " + plainError(err)))
			l.card.Show()
		} else {
			l.show(f)
		}
		relayout()
	})
	return l.card
}

// show fills the card for the clinic's state, or hides it when all is done.
func (l *todayChecklist) show(f app.FirstRun) {
	var items []checklistItem
	var done []string
	mustAsk := false
	for _, it := range checklistItems(f) {
		if it.onlyToThem && !l.ctx.Clinic.Can(it.perm) {
			continue
		}
		items = append(items, it)
		if it.done {
			done = append(done, it.title)
		}
	}
	if len(done) == len(items) {
		l.card.Hide()
		return
	}
	l.body.RemoveAll()
	for _, it := range items {
		if it.done {
			continue
		}
		allowed := l.ctx.Clinic.Can(it.perm)
		mustAsk = mustAsk || !allowed
		l.body.Add(l.line(it, allowed))
	}
	if len(done) > 0 {
		tick := widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		l.body.Add(container.NewBorder(nil, nil, tick, nil, wrapped("Done: "+strings.Join(done, ", ")+".")))
	}
	if mustAsk {
		ask := wrapped("Only a practice manager can set these up: ask " + askWhom(f.Managers) + ".")
		ask.Importance = widget.WarningImportance
		l.body.Add(ask)
	}
	l.card.SetSubTitle(fmt.Sprintf("%d of %d done", len(done), len(items)))
	l.card.Show()
}

// line is a thing still to do: an empty circle, its title with "to do" in
// words (not colour alone), what to do and why, and the button there.
func (l *todayChecklist) line(it checklistItem, allowed bool) fyne.CanvasObject {
	icon := widget.NewIcon(theme.RadioButtonIcon())
	title := widget.NewLabelWithStyle(it.title+": to do", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	words := container.New(layout.NewCustomPaddedVBoxLayout(0), title, wrapped(it.todo))
	var button fyne.CanvasObject // a nil interface, not a nil *Button
	if allowed {
		ctx := l.ctx
		b := widget.NewButtonWithIcon(it.button, theme.SettingsIcon(), func() { it.open(ctx) })
		b.Importance = widget.HighImportance
		button = container.NewVBox(layout.NewSpacer(), b, layout.NewSpacer())
	}
	return container.NewBorder(nil, nil, container.NewVBox(icon), button, words)
}

// askWhom names the practice managers to ask, or says "a practice
// manager" when none can be named.
func askWhom(managers []string) string {
	switch len(managers) {
	case 0:
		return "a practice manager"
	case 1:
		return managers[0] + " (practice manager)"
	}
	return strings.Join(managers[:len(managers)-1], ", ") + " or " + managers[len(managers)-1] + " (practice managers)"
}

// pendingCalendarSetupTab is the Calendar set-up tab Settings opens on
// next time (set by openCalendarSetupTab; used once).
var pendingCalendarSetupTab string

// openCalendarSetupTab switches to Settings → Calendar on its tab sub.
func openCalendarSetupTab(ctx *Context, sub string) {
	pendingCalendarSetupTab = sub
	openSettingsTab(ctx, settingsTabCalendar)
}

package screens

import (
	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The calendar set-up's own tabs, as their titles read.
const (
	setupTabClinicians = "Clinicians"
	setupTabRooms      = "Rooms"
	setupTabTypes      = "Appointment types"
	setupTabOpening    = "Opening hours"
	setupTabClosures   = "Closures"
	setupTabRules      = "Bank holidays and diary"
)

// calendarSetupTab is Settings → Calendar: who patients are booked with,
// where, for what, and when the clinic is open. Only a practice manager
// may change it (the app checks every save again).
type calendarSetupTab struct {
	ctx  *Context
	tabs *container.AppTabs

	clinicians *setupCliniciansPane
	rooms      *setupRoomsPane
	types      *setupTypesPane
	opening    *setupOpeningPane
	closures   *setupClosuresPane
	rules      *setupRulesPane
}

func newCalendarSetupTab(ctx *Context) *calendarSetupTab {
	return &calendarSetupTab{ctx: ctx}
}

func (t *calendarSetupTab) build() fyne.CanvasObject {
	if !t.ctx.Clinic.Can(app.PermCalendarSetup) {
		notice := container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil,
			wrapped("Only a practice manager can set up the calendar: clinicians and their hours, rooms, appointment types, "+
				"opening hours, closures and bank holidays. If something in the diary is wrong, tell your practice manager."))
		return container.NewPadded(limitWidth(notice, 720))
	}
	t.clinicians = newSetupCliniciansPane(t.ctx)
	t.rooms = newSetupRoomsPane(t.ctx)
	t.types = newSetupTypesPane(t.ctx)
	t.opening = newSetupOpeningPane(t.ctx)
	t.closures = newSetupClosuresPane(t.ctx)
	t.rules = newSetupRulesPane(t.ctx)
	t.tabs = container.NewAppTabs(
		container.NewTabItem(setupTabClinicians, t.clinicians.build()),
		container.NewTabItem(setupTabRooms, t.rooms.build()),
		container.NewTabItem(setupTabTypes, t.types.build()),
		container.NewTabItem(setupTabOpening, t.opening.build()),
		container.NewTabItem(setupTabClosures, t.closures.build()),
		container.NewTabItem(setupTabRules, t.rules.build()),
	)
	return t.tabs
}

// selectTab shows the set-up tab with the title.
func (t *calendarSetupTab) selectTab(title string) {
	if t.tabs == nil {
		return
	}
	for i, item := range t.tabs.Items {
		if item.Text == title {
			t.tabs.SelectIndex(i)
			return
		}
	}
}

// setupDialog is an add or edit dialog of the set-up: its fields, a line
// saying why the last save was refused, Cancel and the action button.
type setupDialog struct {
	dialog  *dialog.CustomDialog
	content fyne.CanvasObject
	problem *widget.Label
	submit  *widget.Button
	width   float32
	onClose func()
}

// openSetupDialog shows body in a dialog width wide; onSubmit runs on the
// action button, onClose once it has gone (either way).
func openSetupDialog(ctx *Context, title, action string, width float32, body fyne.CanvasObject, onSubmit, onClose func()) *setupDialog {
	d := &setupDialog{problem: errorText(), width: width, onClose: onClose}
	d.submit = widget.NewButtonWithIcon(action, theme.ConfirmIcon(), onSubmit)
	d.submit.Importance = widget.HighImportance
	fitWindow := &setupMaxHeight{body: body, max: func() float32 {
		// The dialog's title and buttons take about this much of the window.
		const dialogFrame = 150
		if h := ctx.Window.Canvas().Size().Height; h > dialogFrame+200 {
			return h - dialogFrame
		}
		return 0
	}}
	d.content = container.NewVBox(container.New(fitWindow, container.NewVScroll(body)), d.problem)
	d.dialog = dialog.NewCustomWithoutButtons(title, d.content, ctx.Window)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), d.close)
	d.dialog.SetButtons([]fyne.CanvasObject{cancel, d.submit})
	d.fit()
	d.dialog.Show()
	return d
}

// fit sizes the dialog to its content, which grows as messages appear.
func (d *setupDialog) fit() {
	if d != nil && d.dialog != nil {
		fitDialog(d.dialog, d.content, d.width)
	}
}

// refuse says why nothing was saved ("" clears it).
func (d *setupDialog) refuse(msg string) {
	setMessage(d.problem, msg)
	d.fit()
}

// busy stops a second save while one is under way.
func (d *setupDialog) busy(on bool) {
	if on {
		d.submit.Disable()
	} else {
		d.submit.Enable()
	}
}

func (d *setupDialog) close() {
	d.dialog.Hide()
	if d.onClose != nil {
		d.onClose()
	}
}

// setupFixMarked is what a refused save says when the fields show why.
const setupFixMarked = "Nothing has been saved: put right what is marked in red."

// setupField puts a message line under a field; the line takes no room
// until there is something to say.
func setupField(field fyne.CanvasObject, problem *widget.Label) fyne.CanvasObject {
	return container.NewVBox(field, problem)
}

// setupActiveText is a list's status column.
func setupActiveText(l *widget.Label, active bool) {
	if active {
		l.Importance = widget.MediumImportance
		l.SetText("Active")
	} else {
		l.Importance = widget.LowImportance
		l.SetText("Inactive")
	}
}

// setupEnable enables or disables buttons together.
func setupEnable(on bool, buttons ...*widget.Button) {
	for _, b := range buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// setupMaxHeight lays out a scroll around body as tall as body needs, but
// no taller than max allows (0: no limit), so a long dialog scrolls
// inside the window instead of pushing its buttons off it.
type setupMaxHeight struct {
	body fyne.CanvasObject
	max  func() float32
}

func (l *setupMaxHeight) MinSize([]fyne.CanvasObject) fyne.Size {
	s := l.body.MinSize()
	if m := l.max(); m > 0 && s.Height > m {
		s.Height = m
	}
	return s
}

func (l *setupMaxHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// setupListWithNote shows note over the list while the list is empty.
func setupListWithNote(list *widget.List, note *widget.Label) fyne.CanvasObject {
	return container.NewStack(list, container.NewVBox(note))
}

// setupShowEmpty shows the empty-list note when n is 0.
func setupShowEmpty(note *widget.Label, n int) {
	if n == 0 {
		note.Show()
	} else {
		note.Hide()
	}
}

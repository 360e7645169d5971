package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupRoomsPane lists the treatment rooms. A room is never deleted, only
// made inactive, so past appointments still say where they were.
type setupRoomsPane struct {
	ctx  *Context
	rows *setupList[schedule.Room]

	addButton     *widget.Button
	renameButton  *widget.Button
	activeButton  *widget.Button
	form          *setupRoomForm // the dialog open now, if any
	pendingActive bool           // a change of active is being saved
}

// setupRoomForm is the add or rename dialog.
type setupRoomForm struct {
	*setupDialog
	room        schedule.Room
	name        *textBox
	nameProblem *widget.Label
}

func newSetupRoomsPane(ctx *Context) *setupRoomsPane {
	return &setupRoomsPane{ctx: ctx}
}

func (p *setupRoomsPane) build() fyne.CanvasObject {
	p.rows = newSetupList(setupListSpec[schedule.Room]{
		widths: []float32{300},
		cells:  func() []fyne.CanvasObject { return labels(2) },
		fill: func(r schedule.Room, cells []fyne.CanvasObject) {
			cells[0].(*widget.Label).SetText(r.Name)
			setupActiveText(cells[1].(*widget.Label), r.Active)
		},
		empty:   "No rooms yet. Add the rooms appointments are held in.",
		read:    func() ([]schedule.Room, error) { return p.ctx.Clinic.Rooms(true) },
		id:      func(r schedule.Room) string { return r.ID },
		unread:  "The rooms could not be read",
		changed: p.updateButtons,
	})
	p.addButton = widget.NewButtonWithIcon("Add room…", theme.ContentAddIcon(), p.showAdd)
	p.addButton.Importance = widget.HighImportance
	p.renameButton = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), p.showRename)
	p.activeButton = widget.NewButtonWithIcon("Make inactive", theme.CancelIcon(), p.toggleActive)
	return p.rows.pane("The rooms appointments are held in; two appointments cannot share a room at the same time. "+
		"Rooms are never deleted: make one inactive when it is no longer used, and its past appointments keep it.",
		[]fyne.CanvasObject{p.addButton, p.renameButton, p.activeButton}, "Room", "Status")
}

func (p *setupRoomsPane) updateButtons() {
	r, ok := p.rows.current()
	setupEnable(ok && !p.pendingActive, p.renameButton, p.activeButton)
	if ok && !r.Active {
		p.activeButton.SetText("Make active")
		p.activeButton.SetIcon(theme.ConfirmIcon())
	} else {
		p.activeButton.SetText("Make inactive")
		p.activeButton.SetIcon(theme.CancelIcon())
	}
}

func (p *setupRoomsPane) showAdd() {
	order := 0
	for _, r := range p.rows.items {
		order = max(order, r.SortOrder+1)
	}
	p.openForm(schedule.Room{Active: true, SortOrder: order}, "Add a room", "Add room")
}

func (p *setupRoomsPane) showRename() {
	r, ok := p.rows.current()
	if !ok {
		return
	}
	p.openForm(r, "Rename "+r.Name, "Rename")
}

func (p *setupRoomsPane) openForm(r schedule.Room, title, action string) {
	f := &setupRoomForm{room: r, name: newTextBox(), nameProblem: errorText()}
	f.name.SetText(r.Name)
	f.name.SetPlaceHolder("e.g. Room 2 or Gym")
	f.name.OnSubmitted = func(string) { p.save() }
	form := widget.NewForm(widget.NewFormItem("Name", setupField(f.name, f.nameProblem)))
	f.setupDialog = openSetupDialog(p.ctx, title, action, 480, form, p.save, func() { p.form = nil })
	p.form = f
	p.ctx.Window.Canvas().Focus(f.name)
}

// save adds or renames the room in the dialog.
func (p *setupRoomsPane) save() {
	f := p.form
	if f == nil {
		return
	}
	r := f.room
	r.Name = strings.TrimSpace(f.name.Text)
	if r.Name == "" {
		setMessage(f.nameProblem, "Give the room a name that staff will recognise.")
		f.refuse(setupFixMarked)
		return
	}
	setMessage(f.nameProblem, "")
	c := p.ctx.Clinic
	p.rows.saveFrom(p.ctx, f.setupDialog, func() (schedule.Room, error) { return c.SaveRoom(r) }, func(saved schedule.Room) string {
		return fmt.Sprintf("Saved the room %s.", saved.Name)
	})
}

// toggleActive makes the selected room inactive, or active again.
func (p *setupRoomsPane) toggleActive() {
	r, ok := p.rows.current()
	if !ok {
		return
	}
	r.Active = !r.Active
	p.pendingActive = true
	p.updateButtons()
	c := p.ctx.Clinic
	offUI(p.ctx, func() (schedule.Room, error) { return c.SaveRoom(r) }, func(saved schedule.Room, err error) {
		p.pendingActive = false
		if err != nil {
			p.updateButtons()
			say(p.rows.status, widget.DangerImportance, plainError(err))
			return
		}
		p.rows.reload(saved.ID)
		if saved.Active {
			say(p.rows.status, widget.SuccessImportance, fmt.Sprintf("%s is active again and can be booked.", saved.Name))
		} else {
			say(p.rows.status, widget.SuccessImportance, fmt.Sprintf("%s is inactive: it is not offered for new bookings. Its past appointments keep it.", saved.Name))
		}
	})
}

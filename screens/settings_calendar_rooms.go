package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupRoomsPane lists the treatment rooms. A room is never deleted, only
// made inactive, so past appointments still say where they were.
type setupRoomsPane struct {
	ctx      *Context
	rooms    []app.Room
	selected int // index into rooms, or -1

	cols          *columns
	list          *widget.List
	empty         *widget.Label // says so when there is nothing to list
	addButton     *widget.Button
	renameButton  *widget.Button
	activeButton  *widget.Button
	status        *widget.Label
	form          *setupRoomForm // the dialog open now, if any
	pendingActive bool           // a change of active is being saved
}

// setupRoomForm is the add or rename dialog.
type setupRoomForm struct {
	*setupDialog
	room        app.Room
	name        *widget.Entry
	nameProblem *widget.Label
}

func newSetupRoomsPane(ctx *Context) *setupRoomsPane {
	return &setupRoomsPane{ctx: ctx, selected: -1}
}

func (p *setupRoomsPane) build() fyne.CanvasObject {
	p.cols = &columns{widths: []float32{300}}
	p.list = widget.NewList(
		func() int { return len(p.rooms) },
		func() fyne.CanvasObject { return row(p.cols, cell(), cell()) },
		p.updateRow,
	)
	p.empty = wrapped("No rooms yet. Add the rooms appointments are held in.")
	p.list.OnSelected = func(id widget.ListItemID) { p.selectRoom(id) }
	p.list.OnUnselected = func(widget.ListItemID) { p.selectRoom(-1) }
	p.addButton = widget.NewButtonWithIcon("Add room…", theme.ContentAddIcon(), p.showAdd)
	p.addButton.Importance = widget.HighImportance
	p.renameButton = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), p.showRename)
	p.activeButton = widget.NewButtonWithIcon("Make inactive", theme.CancelIcon(), p.toggleActive)
	p.status = note()

	intro := wrapped("The rooms appointments are held in; two appointments cannot share a room at the same time. " +
		"Rooms are never deleted: make one inactive when it is no longer used, and its past appointments keep it.")
	header := headerRow(p.cols, "Room", "Status")
	top := container.NewVBox(intro, container.NewHBox(p.addButton, p.renameButton, p.activeButton), p.status, header)
	p.reload("")
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, setupListWithNote(p.list, p.empty)))
}

func (p *setupRoomsPane) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(p.rooms) {
		return
	}
	r := p.rooms[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(r.Name)
	setupActiveText(cells[1].(*widget.Label), r.Active)
}

// reload reads the rooms again and selects the one with keepID.
func (p *setupRoomsPane) reload(keepID string) {
	c := p.ctx.Clinic
	list, err := c.Rooms(true)
	if err != nil {
		say(p.status, widget.DangerImportance, "The rooms could not be read: "+plainError(err))
		return
	}
	p.rooms = list
	p.list.UnselectAll()
	p.selected = -1
	p.list.Refresh()
	setupShowEmpty(p.empty, len(list))
	for i, r := range list {
		if r.ID == keepID {
			p.list.Select(i)
		}
	}
	p.updateButtons()
}

func (p *setupRoomsPane) selectRoom(id widget.ListItemID) {
	if id < 0 || id >= len(p.rooms) {
		id = -1
	}
	p.selected = id
	p.updateButtons()
}

func (p *setupRoomsPane) updateButtons() {
	setupEnable(p.selected >= 0 && !p.pendingActive, p.renameButton, p.activeButton)
	if p.selected >= 0 && !p.rooms[p.selected].Active {
		p.activeButton.SetText("Make active")
		p.activeButton.SetIcon(theme.ConfirmIcon())
	} else {
		p.activeButton.SetText("Make inactive")
		p.activeButton.SetIcon(theme.CancelIcon())
	}
}

func (p *setupRoomsPane) showAdd() {
	order := 0
	for _, r := range p.rooms {
		order = max(order, r.SortOrder+1)
	}
	p.openForm(app.Room{Active: true, SortOrder: order}, "Add a room", "Add room")
}

func (p *setupRoomsPane) showRename() {
	if p.selected < 0 {
		return
	}
	r := p.rooms[p.selected]
	p.openForm(r, "Rename "+r.Name, "Rename")
}

func (p *setupRoomsPane) openForm(r app.Room, title, action string) {
	f := &setupRoomForm{room: r, name: widget.NewEntry(), nameProblem: errorText()}
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
	f.refuse("")
	f.busy(true)
	c := p.ctx.Clinic
	offUI(p.ctx, func() (app.Room, error) { return c.SaveRoom(r) }, func(saved app.Room, err error) {
		f.busy(false)
		if err != nil {
			f.refuse(plainError(err))
			return
		}
		f.close()
		p.reload(saved.ID)
		say(p.status, widget.SuccessImportance, fmt.Sprintf("Saved the room %s.", saved.Name))
	})
}

// toggleActive makes the selected room inactive, or active again.
func (p *setupRoomsPane) toggleActive() {
	if p.selected < 0 {
		return
	}
	r := p.rooms[p.selected]
	r.Active = !r.Active
	p.pendingActive = true
	p.updateButtons()
	c := p.ctx.Clinic
	offUI(p.ctx, func() (app.Room, error) { return c.SaveRoom(r) }, func(saved app.Room, err error) {
		p.pendingActive = false
		if err != nil {
			p.updateButtons()
			say(p.status, widget.DangerImportance, plainError(err))
			return
		}
		p.reload(saved.ID)
		if saved.Active {
			say(p.status, widget.SuccessImportance, fmt.Sprintf("%s is active again and can be booked.", saved.Name))
		} else {
			say(p.status, widget.SuccessImportance, fmt.Sprintf("%s is inactive: it is not offered for new bookings. Its past appointments keep it.", saved.Name))
		}
	})
}

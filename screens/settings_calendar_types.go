package screens

import (
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupLengthSuggestions are the usual appointment lengths, in minutes.
var setupLengthSuggestions = []string{"10", "15", "20", "30", "45", "60", "90"}

// setupTypesPane lists what appointments are for: each sets the length
// booked, the colour in the diary and whether a room is needed.
type setupTypesPane struct {
	ctx  *Context
	rows *setupList[schedule.AppointmentType]
	team []schedule.Clinician // every clinician, read with the rows, to say who delivers each type

	addButton  *widget.Button
	editButton *widget.Button
	form       *setupTypeForm // the dialog open now, if any
}

// setupTypeForm is the add or edit dialog.
type setupTypeForm struct {
	*setupDialog
	apptType      schedule.AppointmentType
	name          *textBox
	nameProblem   *widget.Label
	length        *widget.SelectEntry
	lengthProblem *widget.Label
	colour        *setupColourChooser
	needsRoom     *widget.Check
	active        *widget.Check
	deliverers    *setupDeliverersChooser
}

func newSetupTypesPane(ctx *Context) *setupTypesPane {
	return &setupTypesPane{ctx: ctx}
}

func (p *setupTypesPane) build() fyne.CanvasObject {
	p.rows = newSetupList(setupListSpec[schedule.AppointmentType]{
		widths: []float32{36, 260, 110, 140, 360},
		cells:  func() []fyne.CanvasObject { return append([]fyne.CanvasObject{setupSwatchCell()}, labels(5)...) },
		fill: func(t schedule.AppointmentType, cells []fyne.CanvasObject) {
			setSetupSwatchCell(cells[0], t.Colour)
			cells[1].(*widget.Label).SetText(t.Name)
			cells[2].(*widget.Label).SetText(setupLength(t.Minutes))
			room := "No room needed"
			if t.NeedsRoom {
				room = "Needs a room"
			}
			cells[3].(*widget.Label).SetText(room)
			cells[4].(*widget.Label).SetText(setupWhoDelivers(t, p.team))
			setupActiveText(cells[5].(*widget.Label), t.Active)
		},
		empty: "No appointment types yet. Add what appointments are for, such as a new patient assessment or a follow-up.",
		read: func() ([]schedule.AppointmentType, error) {
			team, err := p.ctx.Clinic.Clinicians(true)
			if err != nil {
				return nil, err
			}
			p.team = team
			return p.ctx.Clinic.AppointmentTypes(true)
		},
		id:      func(t schedule.AppointmentType) string { return t.ID },
		unread:  "The appointment types could not be read",
		changed: p.updateButtons,
	})
	p.addButton = widget.NewButtonWithIcon("Add appointment type…", theme.ContentAddIcon(), p.showAdd)
	p.addButton.Importance = widget.HighImportance
	p.editButton = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), p.showEdit)
	return p.rows.pane("What appointments are for. The type sets how long is booked (it can still be changed when booking), "+
		"the colour of the appointment in the diary, and who can deliver it.",
		[]fyne.CanvasObject{p.addButton, p.editButton}, "", "Appointment type", "Length", "Room", "Who can deliver it", "Status")
}

// setupWhoDelivers says who can deliver a type, for its row (no full stop:
// it is a cell, not a sentence): "Anyone",
// "Physiotherapists", "Priya Raman and Callum MacLeod".
func setupWhoDelivers(t schedule.AppointmentType, team []schedule.Clinician) string {
	who := app.WhoDelivers(t, team)
	if who == "" {
		return "Anyone"
	}
	return capitalise(who)
}

// setupLength says a length as people do: "30 minutes", "1 hour 30 minutes".
func setupLength(minutes int) string {
	h, m := minutes/60, minutes%60
	var parts []string
	if h > 0 {
		parts = append(parts, plural(int64(h), "hour", "hours"))
	}
	if m > 0 || h == 0 {
		parts = append(parts, plural(int64(m), "minute", "minutes"))
	}
	return strings.Join(parts, " ")
}

func (p *setupTypesPane) updateButtons() {
	_, ok := p.rows.current()
	setupEnable(ok, p.editButton)
}

func (p *setupTypesPane) showAdd() {
	var used []string
	for _, t := range p.rows.items {
		if t.Active {
			used = append(used, t.Colour)
		}
	}
	p.openForm(schedule.AppointmentType{Minutes: 30, Active: true, Colour: setupUnusedColour(used)}, "Add an appointment type", "Add type")
}

func (p *setupTypesPane) showEdit() {
	t, ok := p.rows.current()
	if !ok {
		return
	}
	p.openForm(t, "Edit "+t.Name, "Save")
}

func (p *setupTypesPane) openForm(t schedule.AppointmentType, title, action string) {
	f := &setupTypeForm{apptType: t, name: newTextBox(), nameProblem: errorText(), lengthProblem: errorText()}
	f.name.SetText(t.Name)
	f.name.SetPlaceHolder("e.g. New patient assessment")
	f.name.OnChanged = func(string) {
		if strings.TrimSpace(f.name.Text) != "" && f.nameProblem.Visible() {
			setMessage(f.nameProblem, "")
			f.putRight()
		}
	}
	f.length = widget.NewSelectEntry(setupLengthSuggestions)
	f.length.SetText(strconv.Itoa(t.Minutes))
	f.length.OnChanged = func(string) { p.checkLength(f, false) }
	f.colour = newSetupColourChooser(t.Colour)
	f.needsRoom = widget.NewCheck("Needs a room", nil)
	f.needsRoom.SetChecked(t.NeedsRoom)
	f.active = widget.NewCheck("Active: can be booked", nil)
	f.active.SetChecked(t.Active)
	// The team afresh: a clinician added on the Clinicians tab since the
	// list was read can be chosen at once.
	if team, err := p.ctx.Clinic.Clinicians(true); err == nil {
		p.team = team
	}
	f.deliverers = newSetupDeliverersChooser(t.Deliverers, p.team, f.putRight)
	form := widget.NewForm(
		widget.NewFormItem("Name", setupField(f.name, f.nameProblem)),
		&widget.FormItem{Text: "Length (minutes)", Widget: setupField(f.length, f.lengthProblem), HintText: "5 to 480, in steps of 5"},
		widget.NewFormItem("Colour", f.colour),
		widget.NewFormItem("", f.needsRoom),
		widget.NewFormItem("", f.active),
		widget.NewFormItem("Who can deliver it", f.deliverers.box),
	)
	f.setupDialog = openSetupDialog(p.ctx, title, action, 700, form, p.save, func() { p.form = nil })
	p.form = f
	p.ctx.Window.Canvas().Focus(f.name)
}

// putRight refits the dialog as marks come and go, and drops the "nothing
// has been saved" line once nothing is marked.
func (f *setupTypeForm) putRight() {
	if f.setupDialog == nil {
		return // still being built
	}
	if f.problem.Text == setupFixMarked && !f.nameProblem.Visible() && !f.lengthProblem.Visible() && f.deliverers.problem.Text == "" {
		setMessage(f.problem, "")
	}
	f.fit()
}

// checkLength reads the length box, saying what is wrong with it. While
// typing (insist false) an empty box is not yet wrong.
func (p *setupTypesPane) checkLength(f *setupTypeForm, insist bool) (int, bool) {
	text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.length.Text), "minutes"))
	msg := ""
	n, err := strconv.Atoi(strings.TrimSpace(text))
	switch {
	case text == "" && !insist:
	case text == "":
		msg = "Type the length in minutes, e.g. 30."
	case err != nil:
		msg = fmt.Sprintf("%q is not a number of minutes: type the length in minutes, e.g. 30.", f.length.Text)
	case n < 5 || n > 480:
		msg = "An appointment lasts from 5 minutes to 480 minutes (8 hours)."
	case n%5 != 0:
		msg = fmt.Sprintf("Lengths go in steps of 5 minutes: try %d or %d.", n/5*5, n/5*5+5)
	}
	if f.lengthProblem.Text != msg {
		setMessage(f.lengthProblem, msg)
		f.putRight()
	}
	return n, msg == "" && err == nil
}

// save checks the dialog and saves the type; nothing is saved while
// anything is marked wrong.
func (p *setupTypesPane) save() {
	f := p.form
	if f == nil {
		return
	}
	t := f.apptType
	t.Name = strings.TrimSpace(f.name.Text)
	t.Colour = f.colour.Selected()
	t.NeedsRoom = f.needsRoom.Checked
	t.Active = f.active.Checked
	ok := true
	if t.Name == "" {
		setMessage(f.nameProblem, "Give the appointment type a name, as it should read in the diary.")
		ok = false
	} else {
		setMessage(f.nameProblem, "")
	}
	minutes, lengthOK := p.checkLength(f, true)
	t.Minutes = minutes
	deliverers, whoOK := f.deliverers.check()
	t.Deliverers = deliverers
	if !ok || !lengthOK || !whoOK {
		f.refuse(setupFixMarked)
		return
	}
	c := p.ctx.Clinic
	p.rows.saveFrom(p.ctx, f.setupDialog, func() (schedule.AppointmentType, error) { return c.SaveAppointmentType(t) }, func(saved schedule.AppointmentType) string {
		return fmt.Sprintf("Saved %s (%s).", saved.Name, setupLength(saved.Minutes))
	})
}

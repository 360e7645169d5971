package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupRoleSuggestions are offered in the role box; any other role can be
// typed.
var setupRoleSuggestions = []string{"Physiotherapist", "Osteopath", "Chiropractor", "Podiatrist",
	"Sports therapist", "GP", "Practice nurse", "Counsellor"}

// setupCliniciansPane lists the clinicians patients are booked with, in
// the day view's column order, with their colour and hours.
type setupCliniciansPane struct {
	ctx  *Context
	rows *setupList[schedule.Clinician]

	addButton  *widget.Button
	editButton *widget.Button
	form       *setupClinicianForm // the dialog open now, if any
}

// setupClinicianForm is the add or edit dialog.
type setupClinicianForm struct {
	*setupDialog
	clinician   schedule.Clinician
	name        *textBox
	nameProblem *widget.Label
	role        *widget.SelectEntry
	colour      *setupColourChooser
	active      *widget.Check
	hours       *setupHoursEditor
}

const setupClinicianFormWidth = 760

func newSetupCliniciansPane(ctx *Context) *setupCliniciansPane {
	return &setupCliniciansPane{ctx: ctx}
}

func (p *setupCliniciansPane) build() fyne.CanvasObject {
	p.rows = newSetupList(setupListSpec[schedule.Clinician]{
		widths: []float32{36, 210, 150, 80},
		cells:  func() []fyne.CanvasObject { return append([]fyne.CanvasObject{setupSwatchCell()}, labels(4)...) },
		fill: func(cl schedule.Clinician, cells []fyne.CanvasObject) {
			setSetupSwatchCell(cells[0], cl.Colour)
			cells[1].(*widget.Label).SetText(cl.Name)
			cells[2].(*widget.Label).SetText(cl.Role)
			setupActiveText(cells[3].(*widget.Label), cl.Active)
			cells[4].(*widget.Label).SetText(setupDescribeWeek(cl.Hours))
		},
		empty:   "No clinicians yet. Add each person patients are booked with, with the days and hours they work.",
		read:    func() ([]schedule.Clinician, error) { return p.ctx.Clinic.Clinicians(true) },
		id:      func(cl schedule.Clinician) string { return cl.ID },
		unread:  "The clinicians could not be read",
		changed: p.updateButtons,
	})
	p.addButton = widget.NewButtonWithIcon("Add clinician…", theme.ContentAddIcon(), p.showAdd)
	p.addButton.Importance = widget.HighImportance
	p.editButton = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), p.showEdit)
	return p.rows.pane("The people patients are booked with, one column each in the day view. "+
		"Clinicians are never deleted: when someone leaves, edit them and untick Active, and their past appointments keep their name.",
		[]fyne.CanvasObject{p.addButton, p.editButton}, "", "Name", "Role", "Status", "Working hours")
}

func (p *setupCliniciansPane) updateButtons() {
	_, ok := p.rows.current()
	setupEnable(ok, p.editButton)
}

// showAdd opens the dialog for a new clinician, in a colour nobody has.
func (p *setupCliniciansPane) showAdd() {
	var used []string
	order := 0
	for _, cl := range p.rows.items {
		if cl.Active {
			used = append(used, cl.Colour)
		}
		order = max(order, cl.SortOrder+1)
	}
	p.openForm(schedule.Clinician{Active: true, Colour: setupUnusedColour(used), SortOrder: order}, "Add a clinician", "Add clinician")
}

// showEdit opens the dialog for the selected clinician.
func (p *setupCliniciansPane) showEdit() {
	cl, ok := p.rows.current()
	if !ok {
		return
	}
	p.openForm(cl, "Edit "+cl.Name, "Save")
}

func (p *setupCliniciansPane) openForm(cl schedule.Clinician, title, action string) {
	f := &setupClinicianForm{clinician: cl, name: newTextBox(), nameProblem: errorText()}
	f.name.SetText(cl.Name)
	f.name.SetPlaceHolder("As patients know them, e.g. Dr Asha Patel")
	f.name.OnChanged = func(string) {
		if strings.TrimSpace(f.name.Text) != "" && f.nameProblem.Visible() {
			setMessage(f.nameProblem, "")
			f.putRight()
		}
	}
	f.role = widget.NewSelectEntry(setupRoleSuggestions)
	f.role.SetText(cl.Role)
	f.role.SetPlaceHolder("e.g. Physiotherapist")
	f.colour = newSetupColourChooser(cl.Colour)
	f.active = widget.NewCheck("Active: can be booked", nil)
	f.active.SetChecked(cl.Active)
	f.hours = newSetupHoursEditor("Works", "Break", func() { f.putRight() })
	f.hours.set(cl.Hours)

	hoursNote := widget.NewLabel("Tick the days they work. Leave the break empty if they take none.")
	hoursNote.Wrapping = fyne.TextWrapWord
	body := widget.NewForm(
		widget.NewFormItem("Name", setupField(f.name, f.nameProblem)),
		widget.NewFormItem("Role", f.role),
		widget.NewFormItem("Colour", f.colour),
		widget.NewFormItem("", f.active),
		widget.NewFormItem("Working hours", container.NewVBox(hoursNote, f.hours.content)),
	)
	f.setupDialog = openSetupDialog(p.ctx, title, action, setupClinicianFormWidth, body, p.save, func() { p.form = nil })
	p.form = f
	p.ctx.Window.Canvas().Focus(f.name)
}

// putRight refits the dialog as marks come and go, and drops the "nothing
// has been saved" line once nothing is marked.
func (f *setupClinicianForm) putRight() {
	if f.setupDialog == nil {
		return // still being built
	}
	if f.problem.Text == setupFixMarked && !f.nameProblem.Visible() && f.hours.fine() {
		setMessage(f.problem, "")
	}
	f.fit()
}

// read gathers the dialog into a clinician, marking what is wrong.
func (f *setupClinicianForm) read() (schedule.Clinician, bool) {
	cl := f.clinician
	cl.Name = strings.TrimSpace(f.name.Text)
	cl.Role = strings.TrimSpace(f.role.Text)
	cl.Colour = f.colour.Selected()
	cl.Active = f.active.Checked
	ok := true
	if cl.Name == "" {
		setMessage(f.nameProblem, "Give the clinician's name, as patients know them.")
		ok = false
	}
	hours, hoursOK := f.hours.hours()
	cl.Hours = hours
	return cl, ok && hoursOK
}

// save checks the dialog and saves the clinician; nothing is saved while
// anything is marked wrong.
func (p *setupCliniciansPane) save() {
	f := p.form
	if f == nil {
		return
	}
	cl, ok := f.read()
	if !ok {
		f.refuse(setupFixMarked)
		return
	}
	c := p.ctx.Clinic
	p.rows.saveFrom(p.ctx, f.setupDialog, func() (schedule.Clinician, error) { return c.SaveClinician(cl) }, func(saved schedule.Clinician) string {
		if !saved.Active {
			return fmt.Sprintf("Saved %s, who is inactive: they are not offered for new bookings.", saved.Name)
		}
		return fmt.Sprintf("Saved %s: %s.", saved.Name, setupDescribeWeek(saved.Hours))
	})
}

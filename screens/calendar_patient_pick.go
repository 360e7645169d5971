package screens

import (
	"image/color"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarPickLimit is how many patients the picker lists at once: typing
// more narrows it.
const calendarPickLimit = 8

// calendarPatientPick finds a patient inside a dialog (booking, adding to
// the waiting list) with the same search as the Patients screen, run off
// the UI goroutine as the user types.
type calendarPatientPick struct {
	ctx      *Context
	search   *patientSearchEntry
	list     *widget.List
	listArea *fyne.Container // the list, shown while there is something to choose from
	none     *widget.Label   // said in the list's place when nothing matches
	chosen   *widget.Label
	found    []patients.PatientSummary
	picked   *patients.PatientSummary
	seq      int
	onPicked func(p patients.PatientSummary)
	// onLayout is called when the list shows or hides, so the dialog
	// holding it can fit its new height.
	onLayout func()
	// onRegister, when set, offers to register a new patient from what was
	// typed (the last row under the list, and Enter when nobody matches);
	// the dialog holding the picker sets it only for those who may.
	onRegister func(typed string)
	register   *widget.Button
	view       fyne.CanvasObject
}

func newCalendarPatientPick(ctx *Context, onPicked func(patients.PatientSummary)) *calendarPatientPick {
	p := &calendarPatientPick{ctx: ctx, onPicked: onPicked}
	p.search = newPatientSearchEntry()
	p.search.SetPlaceHolder("Find the patient: name, NHS no., DOB, postcode or phone")
	p.search.OnChanged = func(string) { p.run() }
	p.search.onDown = func() {
		if len(p.found) > 0 {
			p.list.Select(0)
		}
	}
	p.search.OnSubmitted = func(text string) {
		switch {
		case len(p.found) > 0:
			p.list.Select(0)
		case p.onRegister != nil && strings.TrimSpace(text) != "" && p.listArea.Visible():
			p.onRegister(strings.TrimSpace(text)) // nobody found: Enter registers them
		}
	}
	// Escape clears the search (as on the Patients screen); in an empty
	// box it closes the dialog, as Escape does outside a text box.
	p.search.onEscape = func() {
		if p.search.Text != "" {
			p.search.SetText("")
			return
		}
		escapeTopOverlay(ctx.Window)
	}
	p.list = widget.NewList(func() int { return len(p.found) },
		func() fyne.CanvasObject { return cell() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.found) {
				o.(*widget.Label).SetText(pickLine(ctx.Clinic, p.found[id]))
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.found) {
			p.pick(p.found[id])
		}
	}
	p.chosen = widget.NewLabelWithStyle("No patient chosen yet.", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.chosen.Truncation = fyne.TextTruncateEllipsis
	// The list takes the dialog's width and a few rows' height; it shows
	// only while there is something typed, so a chosen patient leaves the
	// room to the form and the warnings.
	rows := canvas.NewRectangle(color.Transparent)
	rows.SetMinSize(fyne.NewSize(0, 150))
	p.none = wrapped("")
	p.register = widget.NewButtonWithIcon("Register a new patient…", theme.ContentAddIcon(), func() {
		if p.onRegister != nil {
			p.onRegister(strings.TrimSpace(p.search.Text))
		}
	})
	p.register.Alignment = widget.ButtonAlignLeading
	p.register.Importance = widget.LowImportance
	p.register.Hide()
	p.listArea = container.NewBorder(nil, p.register, nil, nil, container.NewStack(rows, p.list, p.none))
	p.listArea.Hide()
	p.view = container.NewVBox(p.search, p.listArea, p.chosen)
	return p
}

// pickLine is one patient in the picker: name, date of birth and alerts.
func pickLine(c *app.Clinic, p patients.PatientSummary) string {
	s := listName(p)
	if dob := dobAge(c, p); dob != "" {
		s += " · " + dob
	}
	if p.Postcode != "" {
		s += " · " + p.Postcode
	}
	if len(p.Alerts) > 0 {
		s += " · ALERT"
	}
	return s
}

// set chooses a patient already known (from the waiting list, the
// patient's record).
func (p *calendarPatientPick) set(id, name string) {
	p.picked = &patients.PatientSummary{ID: id, Forenames: name}
	p.chosen.SetText("Patient: " + name)
	p.search.Hide()
}

func (p *calendarPatientPick) pick(found patients.PatientSummary) {
	p.picked = &found
	p.chosen.SetText("Patient: " + pickLine(p.ctx.Clinic, found))
	p.showList(false) // typing again brings it back
	if p.onPicked != nil {
		p.onPicked(found)
	}
}

// choose makes a patient found another way (just registered) the chosen
// one: the search is cleared, as a pick from the list leaves it closed.
func (p *calendarPatientPick) choose(found patients.PatientSummary) {
	p.search.SetText("")
	p.pick(found)
}

// id is the chosen patient's, or "".
func (p *calendarPatientPick) id() string {
	if p.picked == nil {
		return ""
	}
	return p.picked.ID
}

// name is the chosen patient's name as said aloud, "Jane O'Neill".
func (p *calendarPatientPick) name() string {
	if p.picked == nil {
		return ""
	}
	return fullName(*p.picked)
}

// run searches for what is typed; a slower, older answer is dropped.
func (p *calendarPatientPick) run() {
	p.seq++
	seq := p.seq
	text := strings.TrimSpace(p.search.Text)
	if text == "" {
		p.found = nil
		p.list.Refresh()
		p.showList(false)
		return
	}
	c := p.ctx.Clinic
	offUI(p.ctx, func() ([]patients.PatientSummary, error) {
		return c.SearchPatients(text, false, calendarPickLimit)
	}, func(found []patients.PatientSummary, err error) {
		if seq != p.seq {
			return
		}
		if err != nil {
			p.chosen.SetText("The search failed: " + plainError(err))
			return
		}
		p.found = found
		p.list.UnselectAll()
		p.list.Refresh()
		if len(found) == 0 {
			msg := "No patient matches “" + text + "”. Check the spelling, or try the date of birth (dd/mm/yyyy), NHS number or postcode."
			if p.onRegister != nil {
				msg += " New to the clinic? Register them below (Enter)."
			}
			p.none.SetText(msg)
			p.none.Show()
		} else {
			p.none.Hide()
		}
		// Always the last row, not only when nobody matches: a new
		// patient can share a name with one on file.
		p.register.Hidden = p.onRegister == nil
		p.listArea.Refresh()
		p.showList(true)
	})
}

// showList shows or hides the list of patients found.
func (p *calendarPatientPick) showList(show bool) {
	if show == p.listArea.Visible() {
		return
	}
	if show {
		p.listArea.Show()
	} else {
		p.listArea.Hide()
	}
	if p.onLayout != nil {
		p.onLayout()
	}
}

package screens

import (
	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// patientSearchEntry is the search box: ↓ moves to the results, Escape
// clears it.
type patientSearchEntry struct {
	widget.Entry
	onDown   func()
	onEscape func()
}

func newPatientSearchEntry() *patientSearchEntry {
	e := &patientSearchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *patientSearchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	case ev.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	default:
		e.Entry.TypedKey(ev)
	}
}

// patientResults is the list of patients found: ↑ and ↓ move, Enter (or
// a click) opens, ↑ from the first row goes back to the search box.
type patientResults struct {
	widget.List
	cols    *columns
	cursor  int
	onOpen  func(int)
	onUpOut func()
	// onAlertsHover is told when the mouse enters or leaves a row's
	// alerts; onCursor when the keyboard's cursor moves to a row.
	onAlertsHover func(c *hoverCell, in bool)
	onCursor      func(row int)
}

func newPatientResults(c *app.Clinic, cols *columns, items func() []patients.PatientSummary) *patientResults {
	l := &patientResults{cols: cols}
	l.Length = func() int { return len(items()) }
	l.CreateItem = func() fyne.CanvasObject {
		return newPatientRow(cols, func(c *hoverCell, in bool) {
			if l.onAlertsHover != nil {
				l.onAlertsHover(c, in)
			}
		})
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		ps := items()
		if id >= 0 && id < len(ps) {
			fillPatientRow(c, o, ps[id])
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.cursor = id
		l.UnselectAll()
		if l.onOpen != nil {
			l.onOpen(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// reset shows new results from the top.
func (l *patientResults) reset() {
	l.cursor = 0
	l.UnselectAll()
	l.Refresh()
	l.ScrollToTop()
}

func (l *patientResults) TypedKey(ev *fyne.KeyEvent) {
	n := 0
	if l.Length != nil {
		n = l.Length()
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.cursor >= 0 && l.cursor < n && l.onOpen != nil {
			l.onOpen(l.cursor)
		}
		return
	case fyne.KeyUp:
		if l.cursor <= 0 {
			if l.onUpOut != nil {
				l.onUpOut()
			}
			return
		}
		l.cursor--
	case fyne.KeyDown:
		if l.cursor < n-1 {
			l.cursor++
		}
	}
	l.List.TypedKey(ev)
	if (ev.Name == fyne.KeyUp || ev.Name == fyne.KeyDown) && l.onCursor != nil {
		l.onCursor(l.cursor)
	}
}

// FocusLost hides what the cursor showed.
func (l *patientResults) FocusLost() {
	l.List.FocusLost()
	if l.onCursor != nil {
		l.onCursor(-1)
	}
}

// newPatientRow is one line of the results: alert and needs icons, name,
// date of birth and age, postcode, NHS number, and the alerts and needs
// in words, so two John Smiths are told apart at a glance.
func newPatientRow(cols *columns, onAlertsHover func(*hoverCell, bool)) fyne.CanvasObject {
	alert := widget.NewIcon(nil)
	needs := widget.NewIcon(nil)
	icons := container.NewGridWithColumns(2, alert, needs)
	return row(cols, icons, cell(), cell(), cell(), cell(), newHoverCell(onAlertsHover))
}

func fillPatientRow(c *app.Clinic, o fyne.CanvasObject, p patients.PatientSummary) {
	cells := o.(*fyne.Container).Objects
	icons := cells[0].(*fyne.Container).Objects
	if len(p.Alerts) > 0 {
		icons[0].(*widget.Icon).SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
	} else {
		icons[0].(*widget.Icon).SetResource(nil)
	}
	if len(p.AISNeeds) > 0 || p.Interpreter {
		icons[1].(*widget.Icon).SetResource(theme.NewPrimaryThemedResource(theme.InfoIcon()))
	} else {
		icons[1].(*widget.Icon).SetResource(nil)
	}
	name := cells[1].(*widget.Label)
	name.TextStyle.Bold = true
	name.SetText(listName(p))
	cells[2].(*widget.Label).SetText(dobAge(c, p))
	cells[3].(*widget.Label).SetText(p.Postcode)
	cells[4].(*widget.Label).SetText(nhs.FormatNHSNumber(p.NHSNumber))
	flags := cells[5].(*hoverCell).label
	text := patientFlags(p)
	switch {
	case len(p.Alerts) > 0:
		flags.Importance = widget.DangerImportance
	case p.Status == patients.Archived:
		flags.Importance = widget.LowImportance
	default:
		flags.Importance = widget.MediumImportance
	}
	flags.SetText(text)
}

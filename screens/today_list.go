package screens

import (
	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todayList is the day's appointments: ↑ and ↓ move, Enter (or a click)
// opens the patient, A marks arrived (or undoes it).
type todayList struct {
	widget.List
	cursor     int
	canMark    bool
	childUnder int // a child's missed appointment "was not brought"
	onOpen     func(int)
	onArrive   func(int)
}

func newTodayList(cols fyne.Layout, items func() []schedule.DiaryEntry, canMark bool) *todayList {
	l := &todayList{canMark: canMark}
	l.Length = func() int { return len(items()) }
	l.CreateItem = func() fyne.CanvasObject { return newTodayRow(cols) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		es := items()
		if id >= 0 && id < len(es) {
			l.fillRow(o, es[id], id)
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

func (l *todayList) TypedKey(ev *fyne.KeyEvent) {
	n := l.Length()
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.cursor >= 0 && l.cursor < n && l.onOpen != nil {
			l.onOpen(l.cursor)
		}
		return
	case fyne.KeyUp:
		if l.cursor > 0 {
			l.cursor--
		}
	case fyne.KeyDown:
		if l.cursor < n-1 {
			l.cursor++
		}
	}
	l.List.TypedKey(ev)
}

func (l *todayList) TypedRune(r rune) {
	if (r == 'a' || r == 'A') && l.cursor >= 0 && l.cursor < l.Length() && l.onArrive != nil {
		l.onArrive(l.cursor)
	}
}

// newTodayRow is one appointment: time, alert and needs icons, patient,
// type, clinician, and the status with the arrival button beside it.
func newTodayRow(cols fyne.Layout) fyne.CanvasObject {
	icons := container.NewGridWithColumns(2, widget.NewIcon(nil), widget.NewIcon(nil))
	name := cell()
	name.TextStyle.Bold = true
	arrive := widget.NewButton("Arrived", nil)
	// Kept clear of the list's scroll bar on the right.
	status := container.NewBorder(nil, nil, nil,
		container.New(layout.NewCustomPaddedLayout(0, 0, 0, 10), container.NewCenter(arrive)), cell())
	return container.New(cols, widget.NewLabel("00:00"), icons, name, cell(), cell(), status)
}

// todayRowStatus is a row's status label and arrival button.
func todayRowStatus(row fyne.CanvasObject) (*widget.Label, *widget.Button) {
	cell := row.(*fyne.Container).Objects[5].(*fyne.Container)
	button := cell.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0]
	return cell.Objects[0].(*widget.Label), button.(*widget.Button)
}

func (l *todayList) fillRow(o fyne.CanvasObject, e schedule.DiaryEntry, id int) {
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(schedule.Clock(e.StartMin).String())
	icons := cells[1].(*fyne.Container).Objects
	if len(e.Alerts) > 0 {
		icons[0].(*widget.Icon).SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
	} else {
		icons[0].(*widget.Icon).SetResource(nil)
	}
	if len(e.AISNeeds) > 0 {
		icons[1].(*widget.Icon).SetResource(theme.NewPrimaryThemedResource(theme.InfoIcon()))
	} else {
		icons[1].(*widget.Icon).SetResource(nil)
	}
	cells[2].(*widget.Label).SetText(e.PatientName)
	cells[3].(*widget.Label).SetText(e.TypeName)
	cells[4].(*widget.Label).SetText(shortName(e.ClinicianName)) // "G Mensah", as the day view heads its columns
	status, arrive := todayRowStatus(o)
	status.Importance = todayStatusImportance(e.Status)
	status.TextStyle.Bold = e.Status == schedule.StatusArrived
	status.SetText(app.EntryStatusLabel(e, l.childUnder))
	// The widths follow the day's entries: lay the row out again.
	row := o.(*fyne.Container)
	row.Layout.Layout(row.Objects, row.Size())
	to, label, ok := arrivalChange(e.Status)
	if !ok || !l.canMark {
		arrive.Hide()
		return
	}
	arrive.SetText(label)
	arrive.SetIcon(nil)
	if to == schedule.StatusArrived {
		arrive.Importance = widget.HighImportance
		arrive.SetIcon(theme.ConfirmIcon())
	} else {
		arrive.Importance = widget.LowImportance
		arrive.SetIcon(theme.ContentUndoIcon())
	}
	arrive.OnTapped = func() {
		l.cursor = id
		if l.onArrive != nil {
			l.onArrive(id)
		}
	}
	arrive.Show()
	arrive.Refresh()
}

// todayStatusImportance colours a status: arrived stands out, DNA is red,
// what is done is quiet.
func todayStatusImportance(st schedule.Status) widget.Importance {
	switch st {
	case schedule.StatusArrived:
		return widget.SuccessImportance
	case schedule.StatusInProgress:
		return widget.HighImportance
	case schedule.StatusSeen:
		return widget.LowImportance
	case schedule.StatusDNA:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarWaitingWidth is the waiting-list panel's width beside the grid.
const calendarWaitingWidth = 340

// calendarWaiting is the waiting-list panel: who is waiting, urgent first
// then longest waiting, with adding and taking people off.
type calendarWaiting struct {
	s       *calendarScreen
	list    *fyne.Container
	message *widget.Label
	view    fyne.CanvasObject
	entries []schedule.WaitingEntry
	finder  *calendarNextFree // the free times offered for the entry being booked
}

func newCalendarWaiting(s *calendarScreen) *calendarWaiting { return &calendarWaiting{s: s} }

func (w *calendarWaiting) build() fyne.CanvasObject {
	if w.view != nil {
		return w.view
	}
	w.list = container.NewVBox()
	w.message = note()
	add := widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), w.openAdd)
	if !w.s.ctx.Clinic.Can(app.PermWaitingList) {
		add.Hide()
	}
	top := container.NewBorder(nil, w.message, nil, add, heading("Waiting list"))
	body := container.NewBorder(top, nil, nil, nil, container.NewVScroll(w.list))
	w.view = container.NewBorder(nil, nil, widget.NewSeparator(), nil,
		container.New(&fixedWidth{width: calendarWaitingWidth}, body))
	return w.view
}

// reload reads the list off the UI goroutine.
func (w *calendarWaiting) reload() {
	c := w.s.ctx.Clinic
	offUI(w.s.ctx, func() ([]schedule.WaitingEntry, error) { return c.WaitingList() }, func(list []schedule.WaitingEntry, err error) {
		if err != nil {
			say(w.message, widget.DangerImportance, "The waiting list could not be read: "+plainError(err))
			return
		}
		w.entries = list
		w.list.Objects = nil
		if len(list) == 0 {
			w.list.Add(wrapped("Nobody is waiting. Add a patient who wants an earlier or a particular appointment: " +
				"when a slot frees up, the Calendar suggests them."))
		}
		for _, e := range list {
			w.list.Add(w.row(e))
		}
		w.list.Refresh()
	})
}

// waitingLine is an entry in one line: "Urgent · Jane O'Neill · since
// 02/11/2026 · Dr Patel · mornings".
func waitingLine(e schedule.WaitingEntry) string {
	return capitalise(e.Priority) + " · " + e.PatientName + " · " + waitingDetail(e)
}

// waitingDetail is what an entry asks for: "since 02/11/2026 · Dr Patel ·
// mornings".
func waitingDetail(e schedule.WaitingEntry) string {
	parts := []string{"since " + e.Added.Short()}
	if e.ClinicianName != "" {
		parts = append(parts, e.ClinicianName)
	}
	switch e.PartOfDay {
	case "morning":
		parts = append(parts, "mornings")
	case "afternoon":
		parts = append(parts, "afternoons")
	}
	return strings.Join(parts, " · ")
}

// row is one waiting patient: priority, name, since when, notes, and
// buttons to book them or take them off the list.
//
// The name leads in bold; the priority colours only the line under it,
// so an urgent entry stands out without the whole row shouting; the notes
// are plain text, easy to read.
func (w *calendarWaiting) row(e schedule.WaitingEntry) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(e.PatientName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	meta := wrapped(capitalise(e.Priority) + " · " + waitingDetail(e))
	switch e.Priority {
	case "urgent":
		meta.Importance = widget.DangerImportance
		meta.TextStyle.Bold = true
	case "soon":
		meta.Importance = widget.WarningImportance
	}
	parts := []fyne.CanvasObject{name, meta}
	if e.Notes != "" {
		parts = append(parts, wrapped(e.Notes))
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { w.askRemove(e) })
	remove.Importance = widget.LowImportance
	if !w.s.ctx.Clinic.Can(app.PermWaitingList) {
		remove.Hide()
	}
	book := widget.NewButtonWithIcon("Book…", theme.CalendarIcon(), func() { w.book(e) })
	if !w.s.ctx.Clinic.Can(app.PermBookAppointments) {
		book.Hide()
	}
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewVBox(container.NewHBox(book, remove)),
		container.New(layout.NewCustomPaddedVBoxLayout(0), parts...))
}

// askRemove takes someone off the list, with a reason for the audit.
func (w *calendarWaiting) askRemove(e schedule.WaitingEntry) {
	reason := newTextBox()
	reason.SetPlaceHolder("Why? e.g. booked elsewhere, no longer needed")
	dialog.ShowForm("Take "+e.PatientName+" off the waiting list?", "Take off", "Keep",
		[]*widget.FormItem{widget.NewFormItem("Reason", reason)}, func(ok bool) {
			if !ok {
				return
			}
			c := w.s.ctx.Clinic
			offUI(w.s.ctx, func() (struct{}, error) { return struct{}{}, c.RemoveFromWaitingList(e.ID, reason.Text) },
				func(_ struct{}, err error) {
					if err != nil {
						say(w.message, widget.DangerImportance, plainError(err))
						return
					}
					say(w.message, widget.SuccessImportance, e.PatientName+" is off the waiting list.")
					w.reload()
				})
		}, w.s.ctx.Window)
}

// openAdd puts a patient on the list.
func (w *calendarWaiting) openAdd() {
	pick := newCalendarPatientPick(w.s.ctx, nil)
	priority := widget.NewRadioGroup([]string{"Urgent", "Soon", "Routine"}, nil)
	priority.Horizontal, priority.Required = true, true
	priority.SetSelected("Routine")
	whoNames := []string{"Anyone"}
	for _, cl := range w.s.clinicians {
		whoNames = append(whoNames, cl.Name)
	}
	who := widget.NewSelect(whoNames, nil)
	who.SetSelectedIndex(0)
	part := widget.NewRadioGroup(calendarParts, nil)
	part.Horizontal, part.Required = true, true
	part.SetSelected(calendarParts[0])
	notes := newTextBox()
	notes.SetPlaceHolder("Optional: e.g. can come at short notice")
	problem := errorText()
	form := widget.NewForm(
		widget.NewFormItem("Priority", priority),
		widget.NewFormItem("Clinician", who),
		widget.NewFormItem("When", part),
		widget.NewFormItem("Notes", notes),
	)
	content := container.NewVBox(pick.view, form, problem)
	d := dialog.NewCustomConfirm("Add to the waiting list", "Add", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		e := schedule.WaitingEntry{PatientID: pick.id(), Priority: strings.ToLower(priority.Selected), Notes: notes.Text}
		if i := who.SelectedIndex(); i > 0 && i <= len(w.s.clinicians) {
			e.ClinicianID = w.s.clinicians[i-1].ID
		}
		if p := chosenPart(part.Selected); p != schedule.AnyTime {
			e.PartOfDay = p.String()
		}
		if e.PatientID == "" {
			say(w.message, widget.DangerImportance, "Nobody was added: no patient was chosen.")
			return
		}
		c := w.s.ctx.Clinic
		offUI(w.s.ctx, func() (schedule.WaitingEntry, error) { return c.AddToWaitingList(e) }, func(added schedule.WaitingEntry, err error) {
			if err != nil {
				say(w.message, widget.DangerImportance, plainError(err))
				return
			}
			say(w.message, widget.SuccessImportance, "Added to the waiting list.")
			w.reload()
		})
	}, w.s.ctx.Window)
	fitDialog(d, content, 620)
	d.Show()
	w.s.ctx.Window.Canvas().Focus(pick.search)
}

// fixedWidth lays its objects out at one width, however wide the window.
type fixedWidth struct{ width float32 }

func (l *fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l *fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(l.width, size.Height))
	}
}

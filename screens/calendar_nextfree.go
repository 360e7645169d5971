package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarNextFreeShown is how many free times the finder lists.
const calendarNextFreeShown = 6

// Parts of the day as the finder offers them.
var calendarParts = []string{"Any time", "Morning", "Afternoon"}

// chosenPart is the part of the day a radio of calendarParts says.
func chosenPart(selected string) schedule.PartOfDay {
	switch selected {
	case calendarParts[1]:
		return schedule.Morning
	case calendarParts[2]:
		return schedule.Afternoon
	}
	return schedule.AnyTime
}

// calendarNextFree is the "Next free slot" dialog: a clinician (or anyone),
// a type, the earliest date and the part of the day; it lists the first
// free times, and choosing one opens the booking dialog there.
type calendarNextFree struct {
	s       *calendarScreen
	dialog  dialog.Dialog
	content *fyne.Container

	types       []schedule.AppointmentType
	who         *widget.Select
	kind        *widget.Select
	from        *textBox
	part        *widget.RadioGroup
	results     *fyne.Container
	message     *widget.Label
	whoDelivers *widget.Label // who delivers the type chosen, when not anyone
}

func (s *calendarScreen) openNextFree() {
	n := &calendarNextFree{s: s}
	n.build()
}

func (n *calendarNextFree) build() {
	// The types are a short list, read on the UI goroutine as the dialog
	// opens; the search for a slot runs off it.
	var err error
	if n.types, err = n.s.ctx.Clinic.AppointmentTypes(false); err != nil {
		say(n.s.message, widget.DangerImportance, "The next free slot cannot be looked for: "+plainError(err))
		return
	}
	whoNames := []string{"Any clinician"}
	for _, cl := range n.s.clinicians {
		whoNames = append(whoNames, cl.Name)
	}
	n.who = widget.NewSelect(whoNames, nil)
	n.who.SetSelectedIndex(0)
	var typeNames []string
	for _, t := range n.types {
		typeNames = append(typeNames, typeLabel(t))
	}
	n.whoDelivers = note()
	n.kind = widget.NewSelect(typeNames, func(string) { n.sayWhoDelivers() })
	if len(typeNames) > 0 {
		n.kind.SetSelectedIndex(0)
	}
	n.from = newTextBox()
	n.from.SetText(n.s.date.Short())
	n.part = widget.NewRadioGroup(calendarParts, nil)
	n.part.Horizontal = true
	n.part.Required = true
	n.part.SetSelected(calendarParts[0])
	n.results = container.NewVBox()
	n.message = note()
	n.message.SetText("Choose who and what, then Find: the first free times are listed here, each ready to book.")
	n.message.Show()
	find := widget.NewButtonWithIcon("Find", theme.SearchIcon(), n.find)
	find.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem("Clinician", n.who),
		widget.NewFormItem("Type", container.NewVBox(n.kind, n.whoDelivers)),
		widget.NewFormItem("From", n.from),
		widget.NewFormItem("When", n.part),
	)
	n.content = container.NewVBox(form, container.NewHBox(find), n.message, n.results)
	n.dialog = dialog.NewCustom("Next free slot", "Close", n.content, n.s.ctx.Window)
	fitDialog(n.dialog, n.content, 560)
	n.dialog.Show()
}

// sayWhoDelivers says, under the type, who delivers it when that is not
// anyone: only they are offered.
func (n *calendarNextFree) sayWhoDelivers() {
	i := n.kind.SelectedIndex()
	text := ""
	if i >= 0 && i < len(n.types) {
		t := n.types[i]
		switch who := app.WhoDelivers(t, n.s.clinicians); who {
		case "":
		case app.NobodyDelivers:
			text = fmt.Sprintf("Nobody in the diary delivers %s at present: a manager can choose who does in Settings, Calendar, Appointment types.", t.Name)
		default:
			text = fmt.Sprintf("Only %s, who deliver %s, are offered.", who, t.Name)
		}
	}
	n.whoDelivers.SetText(text)
	if text == "" {
		n.whoDelivers.Hide()
	} else {
		n.whoDelivers.Show()
	}
	if n.dialog != nil {
		fitDialog(n.dialog, n.content, 560)
	}
}

// find asks the app for the first free times and lists them.
func (n *calendarNextFree) find() {
	q := app.FreeSlotQuery{Max: calendarNextFreeShown, Part: chosenPart(n.part.Selected)}
	if i := n.who.SelectedIndex(); i > 0 && i <= len(n.s.clinicians) {
		q.ClinicianID = n.s.clinicians[i-1].ID
	}
	i := n.kind.SelectedIndex()
	if i < 0 || i >= len(n.types) {
		say(n.message, widget.DangerImportance, "Choose the type of appointment.")
		return
	}
	q.TypeID = n.types[i].ID
	when, err := parseUKDate(n.from.Text)
	if err != nil {
		say(n.message, widget.DangerImportance, plainError(err))
		return
	}
	if !when.IsZero() {
		q.From = when
	}
	c := n.s.ctx.Clinic
	offUI(n.s.ctx, func() ([]app.FreeSlot, error) { return c.NextFreeSlots(q) }, func(found []app.FreeSlot, err error) {
		n.results.Objects = nil
		switch {
		case err != nil:
			say(n.message, widget.DangerImportance, plainError(err))
		case len(found) == 0:
			say(n.message, widget.WarningImportance, "No free time in the weeks searched. Try another clinician, or a later date.")
		default:
			say(n.message, widget.MediumImportance, "")
			for _, f := range found {
				n.results.Add(n.slotRow(f, q.TypeID))
			}
		}
		n.results.Refresh()
		fitDialog(n.dialog, n.content, 560)
	})
}

// slotRow is one free time with a button to book it.
func (n *calendarNextFree) slotRow(f app.FreeSlot, typeID string) fyne.CanvasObject {
	text := fmt.Sprintf("%s at %s · %s", f.Date.LongWithDay(), f.Start, f.ClinicianName)
	if f.RoomName != "" {
		text += " · " + f.RoomName
	}
	line := cell()
	line.SetText(text)
	book := widget.NewButtonWithIcon("Book", theme.ContentAddIcon(), func() {
		n.dialog.Hide()
		n.s.goTo(f.Date)
		n.s.openBooking(calendarSlot{ClinicianID: f.ClinicianID, Date: f.Date, Start: f.Start, TypeID: typeID})
	})
	return container.NewBorder(nil, nil, nil, book, line)
}

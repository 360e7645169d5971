package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todaySafeguarding is the Today screen's "Consider safeguarding" panel:
// every child not brought whose prompt nobody has acknowledged yet, for
// clinicians and managers. It stays until each is acknowledged with a
// note (audited by the app); with none open it is not shown.
type todaySafeguarding struct {
	ctx  *Context
	card *widget.Card
	list *fyne.Container
}

// addTodaySafeguarding puts the panel at the top of the side column.
func addTodaySafeguarding(ctx *Context, cards *fyne.Container) {
	if !ctx.Clinic.Can(app.PermSafeguarding) {
		return
	}
	p := &todaySafeguarding{ctx: ctx, list: container.NewVBox()}
	p.card = widget.NewCard("Safeguarding", "", p.list)
	p.card.Hide()
	cards.Objects = append([]fyne.CanvasObject{p.card}, cards.Objects...)
	cards.Refresh()
	p.reload()
}

func (p *todaySafeguarding) reload() {
	offUI(p.ctx, p.ctx.Clinic.SafeguardingPrompts, p.show)
}

func (p *todaySafeguarding) show(open []patients.SafeguardingPrompt, err error) {
	p.list.Objects = nil
	switch {
	case err != nil:
		l := wrapped("The safeguarding prompts could not be read: " + plainError(err))
		l.Importance = widget.DangerImportance
		p.list.Add(l)
		p.card.Show()
	case len(open) == 0:
		p.card.Hide()
	default:
		p.card.SetSubTitle(fmt.Sprintf("%s not brought", plural(int64(len(open)), "child", "children")))
		p.list.Add(lowNote("Consider whether there is a safeguarding concern, then acknowledge it with what you decided."))
		for _, sp := range open {
			p.list.Add(p.item(sp))
		}
		p.card.Show()
	}
	p.list.Refresh()
}

// item is one prompt: the child, which opens the record, when she was
// not brought, and the button to acknowledge it.
func (p *todaySafeguarding) item(sp patients.SafeguardingPrompt) fyne.CanvasObject {
	patientID := sp.PatientID
	open := widget.NewButton(sp.PatientName, func() { openPatientRecord(p.ctx, patientID) })
	open.Importance = widget.LowImportance
	open.Alignment = widget.ButtonAlignLeading
	when := sp.AppointmentDate.Format(ukcal.LayoutBrief) + " " + schedule.Clock(sp.AppointmentMin).String()
	words := wrapped(fmt.Sprintf("Not brought %s; %s", when, missedLately(sp.MissedCount)))
	words.Importance = widget.WarningImportance
	ack := widget.NewButtonWithIcon("Acknowledge…", theme.ConfirmIcon(), func() { p.acknowledge(sp) })
	return container.New(layout.NewCustomPaddedVBoxLayout(0), container.NewHBox(open), words, container.NewHBox(ack))
}

// acknowledge asks what was decided and closes the prompt with it.
func (p *todaySafeguarding) acknowledge(sp patients.SafeguardingPrompt) {
	note := widget.NewEntry()
	note.SetPlaceHolder("e.g. No concerns: mum says the car broke down")
	problem := errorText()
	var d dialog.Dialog
	submit := func() {
		id, text := sp.ID, note.Text
		offUI(p.ctx, func() (struct{}, error) { return struct{}{}, p.ctx.Clinic.AcknowledgeSafeguarding(id, text) },
			func(_ struct{}, err error) {
				if err != nil {
					say(problem, widget.DangerImportance, plainError(err))
					return
				}
				d.Hide()
				p.reload()
			})
	}
	note.OnSubmitted = func(string) { submit() }
	ok := widget.NewButtonWithIcon("Acknowledge", theme.ConfirmIcon(), submit)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	body := container.NewVBox(wrapped(sp.PatientName+" was not brought. Say what you decided; it is kept with the appointment and in the audit trail."),
		note, problem, container.NewHBox(layout.NewSpacer(), cancel, ok))
	// The dialog stays open until the app accepts the note, so a refusal
	// is read where the note is typed.
	d = dialog.NewCustomWithoutButtons("Acknowledge the safeguarding prompt", sized(body, 460), p.ctx.Window)
	d.Show()
	p.ctx.Window.Canvas().Focus(note)
	p.ctx.Window.Canvas().Focus(note)
}

// missedLately says how many appointments the child has missed in the
// months the clinic's DNA policy counts (Settings, Calendar rules), in
// words a receptionist would use rather than the setting's name.
func missedLately(n int) string {
	if n <= 1 {
		return "the first missed appointment"
	}
	return fmt.Sprintf("%d missed appointments recently", n)
}

package screens

import (
	"fmt"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// todaySARWithin is how far ahead, in calendar days, the Today panel
// looks for subject access requests falling due.
const todaySARWithin = 7

// todaySAR is the Today screen's "Subject access" panel: overdue requests
// in red, then those due within a week, each opening the register on it.
// Only those who handle requests get it.
type todaySAR struct {
	ctx  *Context
	card *widget.Card
	list *fyne.Container
}

// addTodaySAR puts the panel in the Today screen's side column, after the
// complaints and before the bank holidays (the last card so far): both
// panels are deadlines the law sets.
func addTodaySAR(ctx *Context, cards *fyne.Container) {
	if !ctx.Clinic.Can(app.PermSubjectAccess) {
		return
	}
	p := &todaySAR{ctx: ctx, list: container.NewVBox(lowNote("Reading the register…"))}
	p.card = widget.NewCard("Subject access", "Due or overdue", p.list)
	at := len(cards.Objects) - 1
	if at < 0 {
		at = 0
	}
	cards.Objects = append(cards.Objects[:at], append([]fyne.CanvasObject{p.card}, cards.Objects[at:]...)...)
	cards.Refresh()
	c := ctx.Clinic
	offUI(ctx, func() ([]app.SARDue, error) { return c.OpenSARs() }, p.show)
}

func (p *todaySAR) show(all []app.SARDue, err error) {
	p.list.Objects = nil
	if err != nil {
		l := wrapped("The register could not be read: " + plainError(err))
		l.Importance = widget.DangerImportance
		p.list.Add(l)
		p.list.Refresh()
		return
	}
	today := nowInClinic()
	var overdue, soon []app.SARDue
	for _, d := range all {
		switch {
		case d.Overdue:
			overdue = append(overdue, d)
		case d.Due.Time().Before(today.AddDate(0, 0, todaySARWithin+1)):
			if _, paused := d.Request.OpenPause(); !paused {
				soon = append(soon, d)
			}
		}
	}
	open := widget.NewButton("Open the register", func() { openSARRegister(p.ctx, "") })
	open.Importance = widget.LowImportance
	switch {
	case len(overdue) == 0 && len(soon) == 0:
		p.card.SetSubTitle(fmt.Sprintf("%d open", len(all)))
		p.list.Add(lowNote(fmt.Sprintf("Nothing overdue or due in the next %d days.", todaySARWithin)))
	default:
		p.card.SetSubTitle(fmt.Sprintf("%d overdue · %d due soon", len(overdue), len(soon)))
		for _, d := range overdue {
			p.list.Add(p.item(d, widget.DangerImportance))
		}
		for _, d := range soon {
			p.list.Add(p.item(d, widget.MediumImportance))
		}
	}
	p.list.Add(container.NewHBox(open))
	p.list.Refresh()
}

// item is one request: the patient, which opens the register on it, and
// when it is due in words.
func (p *todaySAR) item(d app.SARDue, imp widget.Importance) fyne.CanvasObject {
	id := d.Request.ID
	open := widget.NewButton(d.Patient, func() { openSARRegister(p.ctx, id) })
	open.Importance = widget.LowImportance
	open.Alignment = widget.ButtonAlignLeading
	words := wrapped(fmt.Sprintf("Copy %s (%s)", d.Words, d.Due.Short()))
	words.Importance = imp
	words.TextStyle.Bold = imp == widget.DangerImportance
	return container.New(layout.NewCustomPaddedVBoxLayout(0), container.NewHBox(open), words)
}

package screens

import (
	"fmt"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// todayComplaintsWithin is how far ahead, in working days, the Today
// panel looks for complaint deadlines.
const todayComplaintsWithin = 3

// todayComplaints is the Today screen's compact "Complaints" panel: the
// overdue ones in red, then those due within three working days, each
// opening the complaint. Clinicians do not get it: complaint files are
// kept apart from the clinical record.
type todayComplaints struct {
	ctx  *Context
	card *widget.Card
	list *fyne.Container
}

// addTodayComplaints puts the panel at the top of the Today screen's side
// column, for those who may see the register.
func addTodayComplaints(ctx *Context, cards *fyne.Container) {
	if !ctx.Clinic.Can(app.PermViewComplaints) {
		return
	}
	p := &todayComplaints{ctx: ctx, list: container.NewVBox(lowNote("Reading the register…"))}
	p.card = widget.NewCard("Complaints", "Due or overdue", p.list)
	cards.Objects = append([]fyne.CanvasObject{p.card}, cards.Objects...)
	cards.Refresh()
	p.reload()
}

// todayComplaintsRead is what the panel shows.
type todayComplaintsRead struct {
	overdue, soon []app.ComplaintRecord
}

// reload reads the overdue and due-soon lists off the UI goroutine.
func (p *todayComplaints) reload() {
	c := p.ctx.Clinic
	offUI(p.ctx, func() (todayComplaintsRead, error) {
		var r todayComplaintsRead
		var err error
		if r.overdue, err = c.OverdueComplaints(); err != nil {
			return r, err
		}
		r.soon, err = c.ComplaintsDueSoon(todayComplaintsWithin)
		return r, err
	}, p.show)
}

func (p *todayComplaints) show(r todayComplaintsRead, err error) {
	p.list.Objects = nil
	switch {
	case err != nil:
		l := wrapped("The register could not be read: " + plainError(err))
		l.Importance = widget.DangerImportance
		p.list.Add(l)
	case len(r.overdue) == 0 && len(r.soon) == 0:
		p.card.SetSubTitle("Up to date")
		p.list.Add(lowNote(fmt.Sprintf("Nothing overdue or due in the next %d working days.", todayComplaintsWithin)))
	default:
		p.card.SetSubTitle(fmt.Sprintf("%d overdue · %d due soon", len(r.overdue), len(r.soon)))
		for _, rec := range r.overdue {
			p.list.Add(p.item(rec, widget.DangerImportance))
		}
		for _, rec := range r.soon {
			p.list.Add(p.item(rec, widget.MediumImportance))
		}
	}
	p.list.Refresh()
}

// item is one complaint: its reference, which opens it, and the deadline
// in words.
func (p *todayComplaints) item(rec app.ComplaintRecord, imp widget.Importance) fyne.CanvasObject {
	id := rec.ID
	open := widget.NewButton(rec.Reference, func() { openComplaint(p.ctx, id) })
	open.Importance = widget.LowImportance
	open.Alignment = widget.ButtonAlignLeading
	words := wrapped(rec.Next.Label + ": " + rec.NextText)
	words.Importance = imp
	words.TextStyle.Bold = imp == widget.DangerImportance
	// Two lines close together, so a few fit above the bank holidays.
	return container.New(layout.NewCustomPaddedVBoxLayout(0), container.NewHBox(open), words)
}

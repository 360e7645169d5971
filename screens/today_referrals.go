package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// todayReferralsAtRiskDays is how far ahead Today looks for an 18-week
// date: the clinic's at-risk horizon, the same the rules make tasks by.
const todayReferralsAtRiskDays = app.ReferralAtRiskDays

// todayReferralsShown is how many pathways the card lists by name.
const todayReferralsShown = 5

// todayReferrals is the Today screen's "Referrals" card: the open
// pathways whose clock has passed its 18 weeks (breached) or will within
// four weeks (at risk), the earliest breach first, from the tracking list.
type todayReferrals struct {
	ctx  *Context
	card *widget.Card
	list *fyne.Container
	// What the card counts, kept for the tests.
	breached, atRisk int
}

// addTodayReferrals puts the card after the tasks, for those who may see
// the tracking list.
func addTodayReferrals(ctx *Context, cards *fyne.Container) *todayReferrals {
	if !ctx.Clinic.Can(app.PermViewReferrals) {
		return nil
	}
	p := &todayReferrals{ctx: ctx, list: container.NewVBox(lowNote("Reading the tracking list…"))}
	p.card = widget.NewCard("Referrals", "At risk or breached", p.list)
	at := 0
	if len(cards.Objects) > 0 {
		if _, tasksFirst := cards.Objects[0].(*widget.Card); tasksFirst && cards.Objects[0].(*widget.Card).Title == "My tasks" {
			at = 1
		}
	}
	cards.Objects = append(cards.Objects[:at], append([]fyne.CanvasObject{p.card}, cards.Objects[at:]...)...)
	cards.Refresh()
	c := ctx.Clinic
	offUI(ctx, func() (pathways.PTL, error) {
		return c.ReferralsAtRisk(todayReferralsAtRiskDays)
	}, p.show)
	return p
}

func (p *todayReferrals) show(list pathways.PTL, err error) {
	p.list.Objects = nil
	if err != nil {
		l := wrapped("The tracking list could not be read: " + plainError(err))
		l.Importance = widget.DangerImportance
		p.list.Add(l)
		p.list.Refresh()
		return
	}
	p.breached, p.atRisk = 0, 0
	for _, r := range list.Rows {
		if r.Clock.Breached {
			p.breached++
		} else {
			p.atRisk++
		}
	}
	if len(list.Rows) == 0 {
		p.card.SetSubTitle("None at risk")
		p.list.Add(lowNote(fmt.Sprintf("No 18-week clock has passed, or passes in the next %d days.", todayReferralsAtRiskDays)))
	} else {
		p.card.SetSubTitle(fmt.Sprintf("%d breached · %d at risk", p.breached, p.atRisk))
	}
	for i, r := range list.Rows {
		if i == todayReferralsShown {
			break
		}
		p.list.Add(p.item(r, list.AsOf))
	}
	label := "Open the tracking list"
	if more := len(list.Rows) - todayReferralsShown; more > 0 {
		label = fmt.Sprintf("Open the tracking list (%d more)", more)
	}
	open := widget.NewButton(label, p.openList)
	open.Importance = widget.LowImportance
	p.list.Add(container.NewHBox(open))
	p.list.Refresh()
}

// item is one pathway: the patient, which opens the referral, and its
// breach date in words.
func (p *todayReferrals) item(r pathways.PTLRow, asOf ukcal.Date) fyne.CanvasObject {
	id := r.Referral.ID
	open := widget.NewButton(r.PatientName, func() { openReferral(p.ctx, id) })
	open.Importance = widget.LowImportance
	open.Alignment = widget.ButtonAlignLeading
	var text string
	imp := widget.WarningImportance
	if r.Clock.Breached {
		text = fmt.Sprintf("Past 18 weeks since %s (week %d)", r.Clock.Breach.Short(), r.Clock.WeeksWaited())
		imp = widget.DangerImportance
	} else {
		days := asOf.DaysUntil(r.Clock.Breach)
		text = fmt.Sprintf("Reaches 18 weeks on %s, in %s", r.Clock.Breach.Short(), plural(int64(days), "day", "days"))
		if days <= 0 {
			text = "Reaches 18 weeks today, " + r.Clock.Breach.Short()
		}
	}
	words := wrapped(text)
	words.Importance = imp
	words.TextStyle.Bold = r.Clock.Breached
	return container.New(layout.NewCustomPaddedVBoxLayout(0), container.NewHBox(open), words)
}

// openList opens the Referrals screen on its tracking list.
func (p *todayReferrals) openList() { openTrackingList(p.ctx) }

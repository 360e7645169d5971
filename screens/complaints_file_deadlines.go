package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// deadlinesCard shows each deadline as a date and in words.
func (cf *complaintFile) deadlinesCard() fyne.CanvasObject {
	r := cf.f.ComplaintRecord
	grid := container.New(layout.NewFormLayout())
	add := func(label, text string, imp widget.Importance) {
		l := wrapped(text)
		l.Importance = imp
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(l)
	}
	when := func(d ukcal.Date) (string, widget.Importance) {
		words, past := cf.ctx.Clinic.ComplaintDeadlineWords(r, d)
		if past {
			return words, widget.DangerImportance
		}
		return words, widget.MediumImportance
	}

	add("Procedure", r.Rules.Label(), widget.MediumImportance)
	add("Received", r.Received.LongWithDay()+", "+channelWords(r.Channel), widget.MediumImportance)
	awaiting := r.Status == complaints.Received || r.Status == complaints.Acknowledged || r.Status == complaints.Investigating
	if !r.Due.Stage1By.IsZero() {
		stage1 := fmt.Sprintf("%s — %d working days after receipt", r.Due.Stage1By.LongWithDay(), r.Rules.Stage1WorkingDays())
		switch {
		case r.Due.AtStage1() && awaiting:
			words, imp := when(r.Due.Stage1By)
			add("Stage 1 answer", stage1+": "+words+". If it needs investigating, record the day it went to stage 2 (Edit details).", imp)
		case r.Due.AtStage1():
			add("Stage 1 answer", stage1+".", widget.MediumImportance)
		default:
			add("Stage 1 answer", stage1+". Went to stage 2 on "+r.Due.Stage2.Short()+".", widget.MediumImportance)
		}
	}
	from := "receipt"
	if r.Due.Stage2.After(r.Received) {
		from = "stage 2 began"
	}
	ack := fmt.Sprintf("%s — %d working days after %s", r.Due.AcknowledgeBy.LongWithDay(), r.Rules.AcknowledgeWorkingDays(), from)
	switch {
	case r.Due.AtStage1():
	case !r.Acknowledged.IsZero():
		add("Acknowledge by", ack+". Acknowledged on "+r.Acknowledged.Short()+".", widget.SuccessImportance)
	case r.Status == complaints.Received:
		words, imp := when(r.Due.AcknowledgeBy)
		add("Acknowledge by", ack+": "+words+".", imp)
	default:
		add("Acknowledge by", ack+".", widget.MediumImportance)
	}
	switch {
	case r.Due.AtStage1():
	case r.Due.ResponseDue.IsZero():
		add("Response due", "Not agreed yet: acknowledging the complaint sets the period Settings offer.", widget.MediumImportance)
	case awaiting:
		words, imp := when(r.Due.ResponseDue)
		add("Response due", fmt.Sprintf("%s (%s): %s.", r.Due.ResponseDue.LongWithDay(), cf.responsePeriodWords(r), words), imp)
	default:
		add("Response due", fmt.Sprintf("%s (%s). The response has been sent.", r.Due.ResponseDue.LongWithDay(), cf.responsePeriodWords(r)), widget.MediumImportance)
	}
	six := r.Due.SixMonths.LongWithDay()
	switch {
	case r.Due.SixMonths.IsZero():
		// Not under England's NHS procedure: no six-month delay letter.
	case r.DelayLetterOwed:
		add("Six months", six+": passed with no response. A delay letter is owed.", widget.DangerImportance)
	case !r.DelayLetterSent.IsZero():
		add("Six months", six+". Delay letter sent on "+r.DelayLetterSent.Short()+".", widget.MediumImportance)
	case r.Due.ExtensionAgreed():
		add("Six months", six+". A later response date was agreed.", widget.MediumImportance)
	case awaiting:
		add("Six months", six+": a delay letter is owed if there is no response by then.", widget.MediumImportance)
	default:
		add("Six months", six+".", widget.LowImportance)
	}
	switch {
	case r.Due.TimeLimit.IsZero():
		add("Time limit", "Not known: record the date of the events.", widget.LowImportance)
	case r.Due.OutOfTime:
		add("Time limit", fmt.Sprintf("Received after the 12-month limit (%s). The manager decides whether to investigate: the regulations allow it when there was good reason for the delay.",
			r.Due.TimeLimit.LongWithDay()), widget.WarningImportance)
	default:
		add("Time limit", fmt.Sprintf("In time: the 12-month limit runs to %s.", r.Due.TimeLimit.LongWithDay()), widget.MediumImportance)
	}
	if !r.RetainUntil.IsZero() {
		add("Keep until", fmt.Sprintf("%s: 10 years from closure on %s. The manager then decides on disposal.", r.RetainUntil.Short(), r.ClosedOn.Short()), widget.MediumImportance)
	}
	if r.ResolvedNextDay {
		add("Return", "Oral complaint resolved by the next working day: left out of the KO41(b) return.", widget.LowImportance)
	}
	return widget.NewCard("Deadlines", "", grid)
}

// responsePeriodWords says where the response date comes from: the period
// agreed, or the nation's own period when none longer was agreed.
func (cf *complaintFile) responsePeriodWords(r app.ComplaintRecord) string {
	n, fixed := cf.ctx.Clinic.ComplaintResponseFixed(r)
	switch {
	case n == 0:
		return r.ResponsePeriod.String()
	case fixed:
		return fmt.Sprintf("%d working days, as the procedure in %s sets", n, r.Rules.Nation.Label())
	}
	return r.ResponsePeriod.String() + ", a later date agreed"
}

package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// Funding choices, as the form reads them.
const (
	fundingNHS     = "NHS-funded"
	fundingPrivate = "Private"
)

// complaintFormRules is the complaint form's rule set: the nation whose
// procedure applies, NHS or private, and in Scotland the day it went to
// stage 2. The deadlines shown on the form follow it.
type complaintFormRules struct {
	nation     *widget.Select
	funding    *widget.RadioGroup
	stage2     *textBox
	stage2Box  *fyne.Container
	hint       *widget.Label
	defaultDay int // the response period Settings offer
	onChange   func()
}

func newComplaintFormRules(def complaints.Rules, defaultDays int, onChange func()) *complaintFormRules {
	r := &complaintFormRules{defaultDay: defaultDays, onChange: onChange}
	var nations []string
	for _, n := range complaints.Nations() {
		nations = append(nations, n.Label())
	}
	r.nation = widget.NewSelect(nations, nil)
	r.nation.SetSelected(def.Nation.Label())
	r.funding = widget.NewRadioGroup([]string{fundingNHS, fundingPrivate}, nil)
	r.funding.Horizontal = true
	r.funding.Required = true
	r.funding.Selected = fundingNHS
	if def.Funding == complaints.Private {
		r.funding.Selected = fundingPrivate
	}
	r.stage2 = newTextBox()
	r.stage2.SetPlaceHolder("dd/mm/yyyy")
	r.stage2Box = container.NewHBox(widget.NewLabel("Went to stage 2 (investigation) on"), sized(r.stage2, 130))
	r.hint = wrapped("")
	r.hint.Importance = widget.LowImportance
	r.nation.OnChanged = func(string) { r.changed() }
	r.funding.OnChanged = func(string) { r.changed() }
	r.stage2.OnChanged = func(string) { r.changed() }
	return r
}

// view is the form item's content.
func (r *complaintFormRules) view() fyne.CanvasObject {
	return container.NewVBox(container.NewHBox(sized(r.nation, 200), r.funding), r.stage2Box, r.hint)
}

// rules reads the choices.
func (r *complaintFormRules) rules() complaints.Rules {
	var out complaints.Rules
	for _, n := range complaints.Nations() {
		if n.Label() == r.nation.Selected {
			out.Nation = n
		}
	}
	out.Funding = complaints.NHSFunded
	if r.funding.Selected == fundingPrivate {
		out.Funding = complaints.Private
	}
	return out
}

// changed shows the stage 2 date only where there is one, and says what
// the chosen procedure means.
func (r *complaintFormRules) changed() {
	rules := r.rules()
	if rules.Stage1WorkingDays() > 0 {
		r.stage2Box.Show()
	} else {
		r.stage2Box.Hide()
	}
	text := rules.Label() + ": "
	switch {
	case rules.Stage1WorkingDays() > 0:
		text += fmt.Sprintf("stage 1 answered within %d working days; at stage 2, acknowledged within %d and answered within %d. "+
			"Leave the stage 2 date blank while at stage 1.", rules.Stage1WorkingDays(), rules.AcknowledgeWorkingDays(), rules.FixedResponseWorkingDays())
	case rules.FixedResponseWorkingDays() > 0:
		text += fmt.Sprintf("acknowledged within %d working days, answered within %d.", rules.AcknowledgeWorkingDays(), rules.FixedResponseWorkingDays())
	case rules.NHS():
		text += "acknowledged within 3 working days; the response period is agreed with the complainant, with a delay letter at six months."
	default:
		text += "acknowledged within 3 working days; the response period is agreed with the complainant. The letters name the adjudicator set in Settings."
	}
	text += " Counted in the working days of " + rules.Region().Name() + ", with its bank holidays."
	r.hint.SetText(text)
	if r.onChange != nil {
		r.onChange()
	}
}

// ackText says when the complaint must be acknowledged (or in Scotland at
// stage 1, answered), for the form's received date.
func (r *complaintFormRules) ackText(c *app.Clinic, received ukcal.Date) (ukcal.Date, string) {
	rules := r.rules()
	// An unreadable stage 2 date counts as none here: apply refuses it
	// with its own message when the form is saved.
	stage2, _ := parseUKDate(r.stage2.Text)
	due := c.ComplaintDeadlinesPreview(rules, received, ukcal.Date{}, ukcal.Date{}, stage2)
	if due.AtStage1() {
		return due.Stage1By, fmt.Sprintf("Stage 1 answer by %s — %d working days after receipt", due.Stage1By.LongWithDay(), rules.Stage1WorkingDays())
	}
	from := "receipt"
	if due.Stage2.After(received) {
		from = "stage 2 began"
	}
	return due.AcknowledgeBy, fmt.Sprintf("Acknowledge by %s — %d working days after %s", due.AcknowledgeBy.LongWithDay(),
		rules.AcknowledgeWorkingDays(), from)
}

// apply copies the choices onto the details; an unreadable stage 2 date is refused.
func (r *complaintFormRules) apply(d *complaints.Details) error {
	d.Rules = r.rules()
	d.Stage2 = ukcal.Date{}
	if d.Rules.Stage1WorkingDays() == 0 {
		return nil
	}
	var err error
	if d.Stage2, err = parseUKDate(r.stage2.Text); err != nil {
		return fmt.Errorf("the date it went to stage 2: %w", err)
	}
	return nil
}

// fill shows a complaint's rule set.
func (r *complaintFormRules) fill(rec app.ComplaintRecord) {
	r.nation.SetSelected(rec.Rules.Nation.Label())
	if rec.Rules.Funding == complaints.Private {
		r.funding.SetSelected(fundingPrivate)
	} else {
		r.funding.SetSelected(fundingNHS)
	}
	r.stage2.SetText(rec.Stage2.Short())
}

// keep adds the choices to what is kept through a lock.
func (r *complaintFormRules) keep(d *formDraft) {
	d.field("nation", func() string { return r.nation.Selected }, r.nation.SetSelected)
	d.radio("funding", r.funding)
	d.entry("stage 2", &r.stage2.Entry)
	prev := r.onChange
	r.onChange = func() {
		d.note()
		if prev != nil {
			prev()
		}
	}
}

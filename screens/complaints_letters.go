package screens

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// delayLetterWorkingDays is how far ahead the delay letter's new date is
// offered, in working days; the user changes it to what is realistic.
const delayLetterWorkingDays = 20

// complaintLetterAsk is the dialog that asks for a complaint letter's own
// words before it is made.
type complaintLetterAsk struct {
	cf       *complaintFile
	template string

	summary       *textBox
	delayReason   *textBox
	newDue        *textBox
	investigation *textBox
	conclusions   *textBox
	actions       *textBox
	signedOffBy   *textBox
	outcome       *widget.Select
	problem       *widget.Label
}

func letterEntry(rows int, placeholder string) *textBox {
	e := newTextArea()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetPlaceHolder(placeholder)
	return e
}

// askLetter asks for what the letter needs, then makes it.
func (cf *complaintFile) askLetter(template string) {
	a := &complaintLetterAsk{cf: cf, template: template, problem: errorText()}
	r := cf.f.ComplaintRecord
	form := widget.NewForm()
	if template != app.ComplaintDelayTemplate {
		a.summary = letterEntry(2, "")
		a.summary.SetText(app.SuggestedComplaintSummary(r.Description))
		form.Append("The complaint, as the letter quotes it", a.summary)
	}
	switch template {
	case app.ComplaintDelayTemplate:
		a.delayReason = letterEntry(2, "We are still waiting to speak to a member of staff who has been away.")
		form.Append("Reason for the delay", a.delayReason)
		a.newDue = newTextBox()
		a.newDue.SetText(cf.ctx.Clinic.ComplaintDelayNewDate(r, delayLetterWorkingDays).Short())
		form.Append("New response date", sized(a.newDue, 130))
	case app.ComplaintFinalTemplate:
		a.investigation = letterEntry(3, "Who you spoke to and what you read")
		form.Append("How we looked into it", a.investigation)
		a.conclusions = letterEntry(3, "What was found, and whether the complaint is upheld")
		form.Append("What we found", a.conclusions)
		a.actions = letterEntry(3, "- One change per line, each starting with a dash")
		a.actions.SetText(agreedActions(cf.f.Notes))
		form.Append("What we have done", a.actions)
		// The letter states the decision; it is recorded with the letter.
		var labels []string
		for _, o := range complaints.Outcomes() {
			labels = append(labels, o.Label())
		}
		a.outcome = widget.NewSelect(labels, nil)
		a.outcome.PlaceHolder = "Choose the outcome"
		if r.Outcome.Decided() {
			a.outcome.Selected = r.Outcome.Label()
		}
		form.Append("Outcome", a.outcome)
		a.signedOffBy = newTextBox()
		a.signedOffBy.SetText(r.SignedOffBy)
		if r.SignedOffBy == "" {
			if s, ok := cf.ctx.Clinic.Session(); ok {
				a.signedOffBy.SetText(s.User.FullName)
			}
		}
		form.Append("Signed by", a.signedOffBy)
	}
	intro := map[string]string{
		app.ComplaintAckTemplate:   "The acknowledgement offers to discuss how the complaint will be handled and says when the full response is due.",
		app.ComplaintDelayTemplate: "The delay letter explains why the response is late and gives the new date, which is recorded as the date now agreed.",
		app.ComplaintFinalTemplate: "The final response states the outcome chosen here (it is recorded on the complaint), is signed by the responsible person named here, and ends with how to ask the Ombudsman to review it.",
	}[template]
	title := app.ComplaintLetterTitle(template)
	makeButton := widget.NewButtonWithIcon("Make the letter", theme.DocumentCreateIcon(), nil)
	makeButton.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", nil)
	content := container.NewVBox(wrapped(intro), form, a.problem, container.NewHBox(layout.NewSpacer(), cancel, makeButton))
	d := dialog.NewCustomWithoutButtons(title+" · "+r.Reference, content, cf.ctx.Window)
	cancel.OnTapped = func() { d.Hide(); cf.dialog = nil }
	makeButton.OnTapped = func() { a.make(d, title) }
	cf.dialog = d
	fitDialog(d, content, 720)
	d.Show()
}

// agreedActions offers the actions noted on the complaint as the final
// response's list of what has been done.
func agreedActions(notes []complaints.Note) string {
	var lines []string
	for _, n := range notes {
		if n.Kind == app.ComplaintActionKind {
			lines = append(lines, "- "+strings.ReplaceAll(strings.TrimSpace(n.Body), "\n", " "))
		}
	}
	return strings.Join(lines, "\n")
}

// request collects the dialog; a date that cannot be read is refused here.
func (a *complaintLetterAsk) request() (app.ComplaintLetterRequest, error) {
	req := app.ComplaintLetterRequest{ComplaintID: a.cf.id, Template: a.template}
	text := func(e *textBox) string {
		if e == nil {
			return ""
		}
		return e.Text
	}
	req.Summary, req.DelayReason = text(a.summary), text(a.delayReason)
	req.Investigation, req.Conclusions, req.Actions = text(a.investigation), text(a.conclusions), text(a.actions)
	req.SignedOffBy = text(a.signedOffBy)
	if a.outcome != nil {
		if a.outcome.Selected == "" {
			return req, errors.New("choose the outcome: the final response must say whether the complaint is upheld, partially upheld or not upheld")
		}
		for _, o := range complaints.Outcomes() {
			if o.Label() == a.outcome.Selected {
				req.Outcome = o
			}
		}
	}
	if a.newDue != nil {
		d, err := parseUKDate(a.newDue.Text)
		if err != nil {
			return req, err
		}
		req.NewResponseDue = d
	}
	return req, nil
}

// make writes the letter off the UI goroutine, then offers it to open or
// save; the file shows it on the timeline.
func (a *complaintLetterAsk) make(d dialog.Dialog, title string) {
	req, err := a.request()
	if err != nil {
		setMessage(a.problem, plainError(err))
		return
	}
	c, cf := a.cf.ctx.Clinic, a.cf
	inBackground(cf.ctx, "Writing the "+strings.ToLower(title)+"…", func() (app.LetterResult, error) {
		return c.RenderComplaintLetter(req)
	}, func(res app.LetterResult, err error) {
		if err != nil {
			setMessage(a.problem, plainError(err))
			return
		}
		d.Hide()
		cf.dialog = nil
		cf.reload()
		cf.say(widget.SuccessImportance, title+" written and logged on the timeline.")
		cf.lastLetter = &madePDF{Title: title, PDF: res.PDF, FileName: res.FileName, Warnings: res.Warnings}
		showPDF(cf.ctx, *cf.lastLetter)
	})
}

// printedLetters lists the letters printed for the complaint, newest
// first, with who printed each and when, and "Print again" for those who
// may print.
func (cf *complaintFile) printedLetters() fyne.CanvasObject {
	if cf.printedErr != nil {
		l := errorText()
		setMessage(l, "The letters printed cannot be listed: "+plainError(cf.printedErr))
		return l
	}
	if len(cf.printed) == 0 {
		return lowNote("No letters printed for this complaint yet.")
	}
	mayPrint := cf.ctx.Clinic.Can(app.PermPrintLetters)
	box := container.NewVBox(widget.NewLabelWithStyle("Letters printed", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, l := range cf.printed {
		var row fyne.CanvasObject = wrapped(fmt.Sprintf("%s · %s · %s", l.Title, ukcal.WallDateTime(l.At), cf.who(l.By)))
		if mayPrint {
			again := widget.NewButtonWithIcon("Print again", theme.DocumentPrintIcon(), func() { cf.printAgain(l) })
			again.Importance = widget.LowImportance
			row = container.NewBorder(nil, nil, nil, again, row)
		}
		box.Add(row)
	}
	return box
}

// printAgain makes a printed letter again off the UI goroutine, from what
// was printed, and offers it to open or save as the patient's "Print
// again" does.
func (cf *complaintFile) printAgain(l app.ComplaintLetterEntry) {
	c := cf.ctx.Clinic
	inBackground(cf.ctx, "Making the copy…", func() (app.Reprint, error) {
		return c.PrintComplaintLetterAgain(l.ID)
	}, func(r app.Reprint, err error) {
		if err != nil {
			cf.say(widget.DangerImportance, plainError(err))
			return
		}
		ws := r.Warnings
		if !r.Identical {
			ws = append(ws, "This copy is not byte for byte the one first printed (the clinic's logo has changed since); the wording is the same.")
		}
		cf.lastLetter = &madePDF{Title: "A copy of the " + strings.ToLower(l.Title), PDF: r.PDF, FileName: r.FileName, Warnings: ws}
		showPDF(cf.ctx, *cf.lastLetter)
	})
}

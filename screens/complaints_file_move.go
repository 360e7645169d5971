package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// moveButtonText is what the button for a move says.
func moveButtonText(from, to complaints.Status) string {
	switch to {
	case complaints.Acknowledged:
		return "Acknowledge"
	case complaints.Investigating:
		return "Start investigating"
	case complaints.ResponseSent:
		return "Send final response…"
	case complaints.ReferredPHSO:
		return "Refer to the Ombudsman…"
	case complaints.Closed:
		if from == complaints.Received {
			return "Resolved by the next working day…"
		}
		return "Close…"
	}
	return to.Label()
}

// fillActions puts the moves this user may make now as buttons.
func (cf *complaintFile) fillActions() {
	cf.actions.Objects = nil
	r := cf.f.ComplaintRecord
	for _, to := range cf.ctx.Clinic.ComplaintMoves(r) {
		b := widget.NewButton(moveButtonText(r.Status, to), func() { cf.startMove(to) })
		if to == complaints.Acknowledged || to == complaints.Investigating || to == complaints.ResponseSent {
			b.Importance = widget.HighImportance
		}
		cf.actions.Add(b)
	}
	// Details taken down wrongly can be put right until the file is closed.
	if r.Status.Open() && cf.ctx.Clinic.Can(app.PermLogComplaints) {
		cf.actions.Add(widget.NewButtonWithIcon("Edit details…", theme.DocumentCreateIcon(), cf.editDetails))
	}
	cf.actions.Refresh()
}

// editDetails shows the complaint form, filled in, in the file's place;
// saving or cancelling comes back to the file.
func (cf *complaintFile) editDetails() {
	cf.form = newComplaintEditForm(cf.ctx, cf.f.ComplaintRecord, func(rec *app.ComplaintRecord) {
		cf.form = nil
		cf.reload()
		if rec != nil {
			cf.say(widget.SuccessImportance, rec.Reference+": the details are saved.")
		}
	})
	cf.body.Objects = []fyne.CanvasObject{cf.form.build()}
	cf.body.Refresh()
}

// startMove makes a simple move at once and asks for what the others need.
func (cf *complaintFile) startMove(to complaints.Status) {
	if to == complaints.Acknowledged || to == complaints.Investigating {
		cf.move(to, complaints.NoOutcome, "", "")
		return
	}
	cf.askMove(to)
}

// move asks the app to move the complaint and says what came of it.
func (cf *complaintFile) move(to complaints.Status, outcome complaints.Outcome, signedOffBy, noteText string) error {
	rec, err := cf.ctx.Clinic.MoveComplaint(cf.id, to, outcome, signedOffBy, noteText)
	if err != nil {
		cf.say(widget.DangerImportance, plainError(err))
		return err
	}
	cf.reload()
	cf.say(widget.SuccessImportance, moveDoneText(rec))
	return nil
}

// moveDoneText says what a move did and what comes next.
func moveDoneText(r app.ComplaintRecord) string {
	switch r.Status {
	case complaints.Acknowledged:
		return fmt.Sprintf("%s acknowledged. The full response is due by %s. Send the acknowledgement letter if it has not gone.", r.Reference, r.Due.ResponseDue.LongWithDay())
	case complaints.Investigating:
		return r.Reference + " is being investigated. Record notes and actions below as you go."
	case complaints.ResponseSent:
		return fmt.Sprintf("Final response recorded (%s, signed off by %s).", strings.ToLower(r.Outcome.Label()), r.SignedOffBy)
	case complaints.Closed:
		return fmt.Sprintf("%s closed. Keep the file until %s.", r.Reference, r.RetainUntil.Short())
	case complaints.ReferredPHSO:
		return r.Reference + " referred to the Ombudsman."
	}
	return r.Reference + " is now " + strings.ToLower(r.Status.Label()) + "."
}

// askMove asks for the outcome, the sign-off and a note before a
// manager's move.
func (cf *complaintFile) askMove(to complaints.Status) {
	r := cf.f.ComplaintRecord
	problem := errorText()
	var outcome *widget.Select
	var signed *textBox
	items := []*widget.FormItem{}
	if to == complaints.ResponseSent || to == complaints.Closed {
		var labels []string
		for _, o := range complaints.Outcomes() {
			labels = append(labels, o.Label())
		}
		outcome = widget.NewSelect(labels, nil)
		outcome.PlaceHolder = "Choose the outcome"
		if r.Outcome.Decided() {
			outcome.Selected = r.Outcome.Label()
		}
		items = append(items, widget.NewFormItem("Outcome", outcome))
	}
	if to == complaints.ResponseSent {
		signed = newTextBox()
		if s, ok := cf.ctx.Clinic.Session(); ok {
			signed.SetText(s.User.FullName)
		}
		items = append(items, widget.NewFormItem("Signed off by", signed))
	}
	noteEntry := newTextArea()
	noteEntry.SetMinRowsVisible(2)
	noteEntry.Wrapping = fyne.TextWrapWord
	items = append(items, widget.NewFormItem("Note", noteEntry))
	explain := map[complaints.Status]string{
		complaints.ResponseSent: "The final response goes out signed by the responsible person, with the Ombudsman paragraph. Record the outcome and who signed it.",
		complaints.Closed:       "Close the file once nothing more is to be done. It is then kept for 10 years.",
		complaints.ReferredPHSO: "The complainant has asked " + cf.ctx.Clinic.ComplaintReviewerName(r.Rules) + " to review the complaint.",
	}[to]
	if r.Status == complaints.Received && to == complaints.Closed {
		explain = "An oral complaint resolved to the complainant's satisfaction by the end of the next working day after it was made need not follow the full procedure, and is left out of the KO41(b) return."
	}
	content := container.NewVBox(wrapped(explain), widget.NewForm(items...), problem)
	confirm := widget.NewButtonWithIcon(strings.TrimSuffix(moveButtonText(r.Status, to), "…"), theme.ConfirmIcon(), nil)
	confirm.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", nil)
	content.Add(container.NewHBox(layout.NewSpacer(), cancel, confirm))
	d := dialog.NewCustomWithoutButtons(r.Reference+": "+strings.ToLower(strings.TrimSuffix(moveButtonText(r.Status, to), "…")), content, cf.ctx.Window)
	cancel.OnTapped = d.Hide
	confirm.OnTapped = func() {
		var o complaints.Outcome
		if outcome != nil {
			for _, x := range complaints.Outcomes() {
				if x.Label() == outcome.Selected {
					o = x
				}
			}
		}
		name := ""
		if signed != nil {
			name = signed.Text
		}
		rec, err := cf.ctx.Clinic.MoveComplaint(cf.id, to, o, name, noteEntry.Text)
		if err != nil {
			problem.SetText(plainError(err))
			problem.Show()
			return
		}
		d.Hide()
		cf.dialog = nil
		cf.reload()
		cf.say(widget.SuccessImportance, moveDoneText(rec))
	}
	cf.dialog = d
	fitDialog(d, content, 560)
	d.Show()
}

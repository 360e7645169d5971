package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The appointment dialog for a child: a missed appointment is one she
// "was not brought" to, the letters go to the parent or carer and then
// the GP, and the clinician is asked to consider safeguarding (SPEC §2.5).

// statusWord is a status button's label for this appointment's patient:
// "Was not brought" in place of "Did not attend" for a child.
func (d *calendarDetails) statusWord(to schedule.Status) string {
	e := d.entry
	e.Status = to
	return app.EntryStatusLabel(e, d.childUnderAge)
}

// markedWord is the status as it reads after "marked": "did not attend",
// or for a child "not brought".
func (d *calendarDetails) markedWord(to schedule.Status) string {
	if to == schedule.StatusDNA && d.statusWord(to) == app.LabelNotBrought {
		return "not brought"
	}
	return strings.ToLower(to.Label())
}

// missedMessage is what the dialog says after the appointment is marked
// missed, with the step the policy proposes.
func missedMessage(e schedule.DiaryEntry, to schedule.Status, p *app.DNAPrompt) string {
	if p == nil || !p.NotBrought {
		msg := "Marked " + strings.ToLower(to.Label()) + "."
		if p != nil && p.Step != "" {
			msg += fmt.Sprintf(" That is %s in %d months: send the %s.", plural(int64(p.Count), "missed appointment", "missed appointments"),
				p.WindowMonths, dnaLetterName(p.Step))
		}
		return msg
	}
	first := strings.Fields(e.PatientName + " ")[0]
	msg := fmt.Sprintf("Recorded that %s was not brought. That is %s in %d months: ", first,
		plural(int64(p.Count), "missed appointment", "missed appointments"), p.WindowMonths)
	if p.Step == schedule.WNBGP {
		msg += "send the letter to the child's GP and tell the clinic's safeguarding lead."
	} else {
		msg += "send the letter to the parent or carer."
	}
	if p.NoParentCarer {
		msg += fmt.Sprintf(" %s's record names no parent or carer: add one (Open the record, Edit details) so the letter can go to them, not to the child.", first)
	}
	return msg
}

// safeguardingBox shows the prompt raised for a child's missed
// appointment: open, with a note and an Acknowledge button for a
// clinician or manager; or who acknowledged it and what they decided.
type safeguardingBox struct {
	ctx     *Context
	box     *fyne.Container
	changed func()
	prompt  patients.SafeguardingPrompt
	noteBox *widget.Entry
	problem *widget.Label
}

func newSafeguardingBox(ctx *Context, changed func()) *safeguardingBox {
	return &safeguardingBox{ctx: ctx, box: container.NewVBox(), changed: changed}
}

// load finds the appointment's prompt, off the UI goroutine.
func (b *safeguardingBox) load(appointmentID string) {
	if !b.ctx.Clinic.Can(app.PermSafeguarding) {
		return
	}
	type found struct {
		p  patients.SafeguardingPrompt
		ok bool
	}
	offUI(b.ctx, func() (found, error) {
		p, ok, err := b.ctx.Clinic.SafeguardingPromptFor(appointmentID)
		return found{p, ok}, err
	}, func(f found, err error) {
		switch {
		case err != nil:
			// A prompt that may exist but could not be read must not look
			// like none: the clinician is told to check.
			l := wrapped("Whether this child's missed appointments need a safeguarding check could not be read: " +
				plainError(err) + " Open the appointment again, or check their record.")
			l.Importance = widget.DangerImportance
			b.box.Objects = []fyne.CanvasObject{l}
			b.refresh()
		case f.ok:
			b.show(f.p)
		}
	})
}

func (b *safeguardingBox) show(p patients.SafeguardingPrompt) {
	b.prompt = p
	title := widget.NewLabelWithStyle("Consider safeguarding", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	head := container.NewHBox(icon, title)
	if !p.Open() {
		title.SetText("Safeguarding considered")
		done := wrapped(fmt.Sprintf("Acknowledged by %s, %s: %s", p.AcknowledgedBy, whenSaid(p.AcknowledgedAt, nowInClinic()), p.Note))
		b.box.Objects = []fyne.CanvasObject{head, done}
		b.refresh()
		return
	}
	why := wrapped(fmt.Sprintf("%s was not brought (%s). The clinician should consider whether there is a "+
		"safeguarding concern, check what is known about the child, and speak to the clinic's safeguarding lead if in doubt.",
		p.PatientName, missedLately(p.MissedCount)))
	why.Importance = widget.WarningImportance
	b.noteBox = widget.NewEntry()
	b.noteBox.SetPlaceHolder("What you decided, e.g. \"No concerns: spoke to mum\"")
	b.noteBox.OnSubmitted = func(string) { b.acknowledge() }
	ack := widget.NewButtonWithIcon("Acknowledge", theme.ConfirmIcon(), b.acknowledge)
	b.problem = errorText()
	b.box.Objects = []fyne.CanvasObject{head, why, container.NewBorder(nil, nil, nil, ack, b.noteBox), b.problem}
	b.refresh()
}

func (b *safeguardingBox) refresh() {
	b.box.Refresh()
	if b.changed != nil {
		b.changed()
	}
}

// acknowledge closes the prompt with the note; the app audits it.
func (b *safeguardingBox) acknowledge() {
	id, note := b.prompt.ID, b.noteBox.Text
	appointmentID := b.prompt.AppointmentID
	offUI(b.ctx, func() (patients.SafeguardingPrompt, error) {
		if err := b.ctx.Clinic.AcknowledgeSafeguarding(id, note); err != nil {
			return patients.SafeguardingPrompt{}, err
		}
		p, _, err := b.ctx.Clinic.SafeguardingPromptFor(appointmentID)
		return p, err
	}, func(p patients.SafeguardingPrompt, err error) {
		if err != nil {
			say(b.problem, widget.DangerImportance, plainError(err))
			b.refresh()
			return
		}
		b.show(p)
	})
}

// childUnderAge is the clinic's age under which a missed appointment "was
// not brought" (the default when the setting cannot be read).
func childUnderAge(ctx *Context) int {
	if cs, err := ctx.Clinic.CalendarSettings(); err == nil && cs.ChildUnderAge > 0 {
		return cs.ChildUnderAge
	}
	return 16
}

// offerRecord adds a button to open the patient's record, where the
// missing parent or carer is added.
func (a *appointmentActions) offerRecord() {
	if a.openRecord != nil {
		return
	}
	id := a.entry.PatientID
	a.openRecord = widget.NewButtonWithIcon("Open the record", theme.AccountIcon(), func() { openPatientRecord(a.ctx, id) })
	a.row.Add(a.openRecord)
	if a.changed != nil {
		a.changed()
	}
}

package screens

import (
	"errors"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// referralNewPlace is where the new referral's typing is kept through a
// lock or a change of screen.
const referralNewPlace = "referral new"

// The direction choices, as the dialog says them.
const (
	referralCameIn  = "Came in to the clinic (from a GP, another clinic or the patient)"
	referralGoesOut = "Going out from the clinic (to a hospital, diagnostics or another service)"
	referralNoOne   = "No clinician yet"
)

// newReferralForm is the new referral dialog's fields.
type newReferralForm struct {
	ctx        *Context
	pick       *calendarPatientPick
	direction  *widget.RadioGroup
	partyLabel *widget.Label
	name       *textBox
	org        *textBox
	address    *textBox
	ods        *textBox
	dateLabel  *widget.Label
	date       *textBox
	urgency    *widget.RadioGroup
	kind       *widget.Select
	reason     *textBox
	documents  *textBox
	owner      *widget.Select
	clinician  *widget.Select
	replyBox   *fyne.Container
	replyDue   *textBox
	staff      []users.User
	clinicians []schedule.Clinician
	// problems are the messages under each field, by the words of the
	// facade's refusals that name it.
	problems map[string]*widget.Label
	draft    *formDraft
	restored *widget.Label
	dialog   dialog.Dialog
	ok       *widget.Button
}

// askNewReferral adds a referral for the patient, or for one found in the
// dialog when patientID is empty; done gets the referral as saved.
func askNewReferral(ctx *Context, patientID, patientName string, staff []users.User, done func(pathways.Referral)) *newReferralForm {
	f := &newReferralForm{ctx: ctx, staff: staff, problems: map[string]*widget.Label{}, restored: note()}
	content := container.NewVBox(f.restored)
	if patientID == "" {
		f.pick = newCalendarPatientPick(ctx, func(patients.PatientSummary) { f.draftNote() })
		content.Add(f.field("Patient", "patient", f.pick.view))
	}
	f.buildFields(content)
	title := "New referral"
	if patientName != "" {
		title += " for " + patientName
	}
	var focus fyne.Focusable = f.name
	if f.pick != nil {
		focus = f.pick.search
	}
	f.keepTyping()
	f.dialog, f.ok = referralDialog(ctx, title, "Add the referral", content, focus, func() (func() (func(), error), error) {
		f.clearProblems()
		r, err := f.referral(patientID)
		if err != nil {
			f.showProblem(err)
			return nil, err
		}
		return func() (func(), error) {
			saved, err := ctx.Clinic.AddReferral(r)
			if err != nil {
				return func() {}, err
			}
			return func() {
				f.draft.done()
				done(saved)
			}, nil
		}, nil
	}, f.showProblem)
	return f
}

// field is a labelled field with its message underneath, which key names.
func (f *newReferralForm) field(label, key string, o fyne.CanvasObject) fyne.CanvasObject {
	problem := errorText()
	f.problems[key] = problem
	return labelledField(label, o, problem)
}

func (f *newReferralForm) buildFields(content *fyne.Container) {
	c := f.ctx.Clinic
	f.name, f.org, f.ods, f.date, f.reason, f.documents, f.replyDue = newTextBox(), newTextBox(), newTextBox(), newTextBox(), newTextBox(), newTextBox(), newTextBox()
	f.address = newTextArea()
	f.address.SetMinRowsVisible(3)
	f.name.SetPlaceHolder("Who: Dr A Khan, or the department")
	f.org.SetPlaceHolder("Organisation: Harbour Medical Practice")
	f.address.SetPlaceHolder("Address, one line each")
	f.ods.SetPlaceHolder("ODS code, if known (e.g. B86001)")
	f.date.SetText(ukcal.Today(wallClock()).Short())
	f.reason.SetPlaceHolder("Why: knee pain for six months")
	f.documents.SetPlaceHolder("What came with it: GP letter, X-ray report (optional)")
	f.replyDue.SetPlaceHolder("dd/mm/yyyy (optional)")
	f.partyLabel = widget.NewLabelWithStyle("Referred by", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.dateLabel = widget.NewLabelWithStyle("Date received (dd/mm/yyyy)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.direction = widget.NewRadioGroup([]string{referralCameIn, referralGoesOut}, func(string) { f.directionChanged() })
	f.direction.SetSelected(referralCameIn)
	var urgencies []string
	for _, u := range pathways.Urgencies {
		urgencies = append(urgencies, u.Label())
	}
	f.urgency = widget.NewRadioGroup(urgencies, func(string) { f.urgencyChanged() })
	f.urgency.Horizontal = true
	f.urgency.SetSelected(pathways.Routine.Label())
	var kinds []string
	for _, k := range pathways.Kinds {
		kinds = append(kinds, k.Label())
	}
	f.kind = widget.NewSelect(kinds, nil)
	f.kind.SetSelected(pathways.RTT.Label())
	var owners []string
	me := sessionUserID(c)
	for _, u := range f.staff {
		owners = append(owners, u.FullName)
	}
	f.owner = widget.NewSelect(owners, nil)
	for i, u := range f.staff {
		if u.ID == me {
			f.owner.SetSelectedIndex(i)
		}
	}
	f.clinicians, _ = c.Clinicians(false)
	who := []string{referralNoOne}
	for _, cl := range f.clinicians {
		who = append(who, cl.Name)
	}
	f.clinician = widget.NewSelect(who, nil)
	f.clinician.SetSelectedIndex(0)
	partyProblem := errorText()
	f.problems["party"] = partyProblem
	f.replyBox = container.NewVBox(f.field("Reply expected by", "reply", f.replyDue))
	content.Add(f.field("In or out", "direction", f.direction))
	content.Add(container.NewVBox(f.partyLabel, f.name, f.org, f.address, f.ods, partyProblem))
	content.Add(container.NewVBox(f.dateLabel, f.date, f.problemLabel("date")))
	content.Add(f.field("Urgency", "urgency", f.urgency))
	content.Add(f.field("Pathway", "pathway", f.kind))
	content.Add(f.field("Reason for the referral", "reason", f.reason))
	content.Add(f.field("Documents noted", "documents", f.documents))
	content.Add(container.NewGridWithColumns(2, f.field("Looked after by", "owner", f.owner), f.field("Clinician", "clinician", f.clinician)))
	content.Add(f.replyBox)
	f.directionChanged()
}

// problemLabel is a message under a field laid out by hand.
func (f *newReferralForm) problemLabel(key string) *widget.Label {
	l := errorText()
	f.problems[key] = l
	return l
}

// directionChanged words the form for a referral in or out.
func (f *newReferralForm) directionChanged() {
	if f.replyBox == nil {
		return
	}
	if f.direction.Selected == referralGoesOut {
		f.partyLabel.SetText("Referred to")
		f.dateLabel.SetText("Date sent (dd/mm/yyyy)")
		f.replyBox.Show()
	} else {
		f.partyLabel.SetText("Referred by")
		f.dateLabel.SetText("Date received (dd/mm/yyyy)")
		f.replyBox.Hide()
	}
	f.draftNote()
}

// urgencyChanged puts a suspected cancer referral on the cancer pathway,
// and moves one no longer suspected cancer back to the 18 weeks.
func (f *newReferralForm) urgencyChanged() {
	if f.kind == nil {
		return
	}
	cancer := f.urgency.Selected == pathways.SuspectedCancer.Label()
	if cancer && f.direction.Selected == referralCameIn {
		f.kind.SetSelected(pathways.Cancer.Label())
	} else if !cancer && f.kind.Selected == pathways.Cancer.Label() {
		f.kind.SetSelected(pathways.RTT.Label())
	}
	f.draftNote()
}

// referral reads the form; it says what does not read.
func (f *newReferralForm) referral(patientID string) (pathways.Referral, error) {
	r := pathways.Referral{PatientID: patientID, Direction: pathways.In,
		Party:  pathways.Party{Name: f.name.Text, Organisation: f.org.Text, Address: f.address.Text, ODSCode: f.ods.Text},
		Reason: f.reason.Text, Documents: f.documents.Text}
	if f.pick != nil {
		if r.PatientID = f.pick.id(); r.PatientID == "" {
			return r, errors.New("find and choose the patient the referral is about")
		}
	}
	if f.direction.Selected == referralGoesOut {
		r.Direction = pathways.Out
	}
	var err error
	if r.Date, err = parseUKDate(f.date.Text); err != nil {
		return r, errors.New("the date " + dateWord(r.Direction) + ": " + err.Error())
	}
	for _, u := range pathways.Urgencies {
		if u.Label() == f.urgency.Selected {
			r.Urgency = u
		}
	}
	for _, k := range pathways.Kinds {
		if k.Label() == f.kind.Selected {
			r.Kind = k
		}
	}
	if i := f.owner.SelectedIndex(); i >= 0 && i < len(f.staff) {
		r.OwnerID = f.staff[i].ID
	}
	if i := f.clinician.SelectedIndex(); i > 0 && i-1 < len(f.clinicians) {
		r.ClinicianID = f.clinicians[i-1].ID
	}
	if r.Direction == pathways.Out {
		if r.ReplyDueBy, err = parseUKDate(f.replyDue.Text); err != nil {
			return r, errors.New("the reply expected by: " + err.Error())
		}
	}
	return r, nil
}

// dateWord is what a referral's date is: received (in) or sent (out).
func dateWord(d pathways.Direction) string {
	if d == pathways.Out {
		return "sent"
	}
	return "received"
}

// referralProblemFields are the words of a refusal that name its field,
// most particular first.
var referralProblemFields = []struct{ words, key string }{
	{"why the patient", "reason"}, {"ods code", "party"}, {"referrer", "party"}, {"referred to", "party"},
	{"reply", "reply"}, {"the date", "date"}, {"urgency", "urgency"}, {"pathway", "pathway"},
	{"look after", "owner"}, {"clinician", "clinician"}, {"came in to the clinic", "direction"},
	{"patient", "patient"}, {"merged", "patient"},
}

// showProblem puts the message under the field it is about, when it
// names one (it is said above the buttons too).
func (f *newReferralForm) showProblem(err error) {
	text := strings.ToLower(err.Error())
	for _, p := range referralProblemFields {
		if strings.Contains(text, p.words) {
			if l, ok := f.problems[p.key]; ok {
				setMessage(l, plainError(err))
				return
			}
		}
	}
}

func (f *newReferralForm) clearProblems() {
	for _, l := range f.problems {
		setMessage(l, "")
	}
}

// keepTyping keeps the form through a lock or a change of screen.
func (f *newReferralForm) keepTyping() {
	d := newFormDraft(f.ctx, referralNewPlace, referralsModuleID, func() string { return "the new referral" })
	d.typed = "the referral you were adding"
	f.draft = d
	if f.pick != nil {
		get, set := pickedField(f.pick)
		d.field("patient", get, set)
	}
	d.radio("direction", f.direction)
	for name, b := range map[string]*textBox{"name": f.name, "organisation": f.org, "address": f.address, "ods": f.ods,
		"date": f.date, "reason": f.reason, "documents": f.documents, "reply due": f.replyDue} {
		d.entry(name, &b.Entry)
	}
	d.radio("urgency", f.urgency)
	for name, s := range map[string]*widget.Select{"pathway": f.kind, "owner": f.owner, "clinician": f.clinician} {
		d.field(name, func() string { return s.Selected }, s.SetSelected)
		s.OnChanged = func(string) { d.note() }
	}
	say(f.restored, widget.WarningImportance, d.begin())
}

func (f *newReferralForm) draftNote() {
	if f.draft != nil {
		f.draft.note()
	}
}

// referralDialog is sarDialog with the refusal said above the buttons,
// outside the scrolling form (a long form would hide it), and onRefused
// told of each refusal so the form can mark the field.
func referralDialog(ctx *Context, title, action string, content *fyne.Container, focus fyne.Focusable, act sarAct, onRefused func(error)) (dialog.Dialog, *widget.Button) {
	problem := errorText()
	var d dialog.Dialog
	ok := widget.NewButtonWithIcon(action, theme.ConfirmIcon(), nil)
	refused := func(err error) {
		setMessage(problem, plainError(err))
		if onRefused != nil {
			onRefused(err)
		}
	}
	ok.OnTapped = func() {
		write, err := act()
		if err != nil {
			setMessage(problem, plainError(err))
			return
		}
		ok.Disable()
		offUI(ctx, write, func(shown func(), err error) {
			ok.Enable()
			if err != nil {
				refused(err)
				return
			}
			shown()
			d.Hide()
		})
	}
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	const width = 600
	scroll := container.NewVScroll(content)
	for i := 0; i < 2; i++ {
		content.Resize(fyne.NewSize(width-32, content.MinSize().Height))
	}
	h := content.MinSize().Height
	if limit := ctx.Window.Canvas().Size().Height - 260; limit > 200 && h > limit {
		h = limit
	}
	scroll.SetMinSize(fyne.NewSize(width-32, h))
	bottom := container.NewVBox(problem, container.NewHBox(cancel, ok))
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, bottom, nil, nil, scroll), ctx.Window)
	d.Resize(fyne.NewSize(width, 0))
	d.Show()
	if focus != nil {
		ctx.Window.Canvas().Focus(focus)
	}
	return d, ok
}

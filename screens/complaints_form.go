package screens

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// complaintAppointmentsOffered is how many of the patient's latest
// appointments the form offers to link.
const complaintAppointmentsOffered = 8

// Consent choices, as the form reads them.
const (
	consentYes     = "Yes"
	consentNo      = "No"
	consentNotYet  = "Not recorded yet"
	patientUnknown = "No patient on file"
)

// complaintForm logs a new complaint. Nothing is saved until the app
// accepts it all; what it refuses is said in plain words beside the Log
// button, and the acknowledgement deadline and the time limit show as the
// dates are typed.
type complaintForm struct {
	ctx    *Context
	onDone func(*app.ComplaintRecord) // nil when cancelled
	region ukcal.Region
	today  ukcal.Date

	complainant *widget.RadioGroup
	patient     *calendarPatientPick
	name        *textBox
	address     *textBox
	phone       *textBox
	email       *textBox
	consentBox  *fyne.Container
	consent     *widget.RadioGroup
	consentDate *textBox
	consentNote *textBox

	rules        *complaintFormRules
	channel      *widget.RadioGroup
	received     *textBox
	ackHint      *widget.Label
	events       *textBox
	aware        *textBox
	timeLimit    *widget.Label
	subjects     *checkGrid
	staffGroups  *checkGrid
	description  *textBox
	outcome      *textBox
	appointments *widget.CheckGroup
	apptIDs      map[string]string // the check's text → the appointment's ID
	apptNote     *widget.Label
	owner        *widget.Select
	owners       []users.User
	period       *textBox
	periodHint   *widget.Label

	problem  *widget.Label
	save     *widget.Button
	restored *widget.Label // says the form came back after a lock
	draft    *formDraft    // what is typed, kept through a lock (draft_typing.go)

	// editing is the complaint being corrected; nil when logging a new one.
	// What the form does not show (the delay letter, the learning) is
	// kept from it.
	editing *app.ComplaintRecord
}

func newComplaintForm(ctx *Context, onDone func(*app.ComplaintRecord)) *complaintForm {
	f := &complaintForm{ctx: ctx, onDone: onDone, today: ukcal.Today(wallClock())}
	// The clinic's region is one indexed setting: read here, on the UI
	// goroutine, as the form is made.
	f.region = ctx.Clinic.BankHolidayRegion()
	return f
}

// newComplaintEditForm is the same form filled with rec's details, saving
// corrections to them.
func newComplaintEditForm(ctx *Context, rec app.ComplaintRecord, onDone func(*app.ComplaintRecord)) *complaintForm {
	f := newComplaintForm(ctx, onDone)
	f.editing = &rec
	return f
}

func (f *complaintForm) build() fyne.CanvasObject {
	var statusLabels []string
	for _, s := range complaints.ComplainantStatuses() {
		statusLabels = append(statusLabels, s.Label())
	}
	f.complainant = widget.NewRadioGroup(statusLabels, func(string) { f.complainantChanged() })
	f.complainant.Required = true
	f.complainant.Selected = complaints.ComplainantPatient.Label()
	f.patient = newCalendarPatientPick(f.ctx, f.patientPicked)
	f.patient.chosen.SetText(patientUnknown)
	f.name = newTextBox()
	f.name.SetPlaceHolder("Full name, with title: Mrs Joan O'Neill")
	f.address = newTextArea()
	f.address.SetPlaceHolder("Postal address, one line each (for letters)")
	f.address.SetMinRowsVisible(3)
	f.phone = newTextBox()
	f.phone.SetPlaceHolder("Phone")
	f.email = newTextBox()
	f.email.SetPlaceHolder("Email")

	f.consent = widget.NewRadioGroup([]string{consentYes, consentNo, consentNotYet}, nil)
	f.consent.Horizontal = true
	f.consent.Selected = consentNotYet
	f.consentDate = newTextBox()
	f.consentDate.SetPlaceHolder("dd/mm/yyyy")
	f.consentNote = newTextBox()
	f.consentNote.SetPlaceHolder("How it was given: signed form, by phone…")
	f.consentBox = container.NewVBox(
		widget.NewLabel("Has the patient agreed to this person complaining for them?"), f.consent,
		container.NewBorder(nil, nil, widget.NewLabel("Date"), nil, sized(f.consentDate, 130)), f.consentNote)

	var channelLabels []string
	for _, ch := range complaints.Channels() {
		channelLabels = append(channelLabels, ch.Label())
	}
	f.channel = widget.NewRadioGroup(channelLabels, nil)
	f.channel.Horizontal = true

	f.received = newTextBox()
	f.received.SetText(f.today.Short())
	f.received.OnChanged = func(string) { f.datesChanged() }
	f.ackHint = wrapped("")
	f.events = newTextBox()
	f.events.SetPlaceHolder("dd/mm/yyyy")
	f.events.OnChanged = func(string) { f.datesChanged() }
	f.aware = newTextBox()
	f.aware.SetPlaceHolder("dd/mm/yyyy")
	f.aware.OnChanged = func(string) { f.datesChanged() }
	f.timeLimit = note()

	var subjectLabels, staffLabels []string
	for _, s := range complaints.SubjectAreas() {
		subjectLabels = append(subjectLabels, s.Label())
	}
	for _, g := range complaints.StaffGroups() {
		staffLabels = append(staffLabels, g.Label())
	}
	f.subjects = newCheckGrid(subjectLabels, 3)
	f.staffGroups = newCheckGrid(staffLabels, 2)

	f.description = newTextArea()
	f.description.SetPlaceHolder("What happened, in the complainant's words as far as possible")
	f.description.SetMinRowsVisible(4)
	f.description.Wrapping = fyne.TextWrapWord
	f.outcome = newTextArea()
	f.outcome.SetPlaceHolder("What they would like to happen: an apology, an explanation, a change…")
	f.outcome.SetMinRowsVisible(2)
	f.outcome.Wrapping = fyne.TextWrapWord

	f.appointments = widget.NewCheckGroup(nil, nil)
	f.apptNote = wrapped("Choose the patient first to link their appointments.")
	f.apptNote.Importance = widget.LowImportance

	f.owner = widget.NewSelect(nil, nil)
	f.owner.PlaceHolder = "Choose who handles it"
	// Owners and settings are short reads, done here on the UI goroutine
	// as the form is built; what cannot be read is said by the Save button.
	var unread []string
	if owners, err := f.ctx.Clinic.ComplaintOwners(); err != nil {
		unread = append(unread, "Who may handle complaints could not be read: "+plainError(err))
	} else {
		f.owners = owners
		me, _ := f.ctx.Clinic.Session()
		for _, u := range owners {
			f.owner.Options = append(f.owner.Options, u.FullName)
			if u.ID == me.User.ID {
				f.owner.Selected = u.FullName
			}
		}
	}
	f.period = newTextBox()
	f.periodHint = wrapped("")
	f.periodHint.Importance = widget.LowImportance
	cs, err := f.ctx.Clinic.ComplaintSettings()
	if err != nil {
		unread = append(unread, "The complaint settings could not be read, so no response period is offered: "+plainError(err))
	}
	f.rules = newComplaintFormRules(app.DefaultComplaintRules(cs, f.region), cs.DefaultResponseDays, f.datesChanged)
	if cs.DefaultResponseDays > 0 {
		f.period.SetText(strconv.Itoa(cs.DefaultResponseDays))
		f.periodHint.SetText(fmt.Sprintf("Working days after receipt, as agreed with the complainant (Settings offer %d; the longest allowed is %d). "+
			"Leave blank if not agreed yet: acknowledging the complaint then sets the default.", cs.DefaultResponseDays, cs.MaxResponseDays))
	}

	form := widget.NewForm(
		widget.NewFormItem("Complainant", container.NewVBox(f.complainant, f.consentBox)),
		widget.NewFormItem("Patient", f.patient.view),
		widget.NewFormItem("Name", f.name),
		widget.NewFormItem("Contact", container.NewVBox(f.address, container.NewGridWithColumns(2, f.phone, f.email))),
		widget.NewFormItem("Procedure", f.rules.view()),
		widget.NewFormItem("How it came", f.channel),
		widget.NewFormItem("Received", container.NewVBox(sized(f.received, 130), f.ackHint)),
		widget.NewFormItem("Date of events", container.NewVBox(container.NewHBox(sized(f.events, 130),
			widget.NewLabel("Became aware (if later)"), sized(f.aware, 130)), f.timeLimit)),
		widget.NewFormItem("Subject areas", f.subjects.view),
		widget.NewFormItem("Staff groups", f.staffGroups.view),
		widget.NewFormItem("Description", f.description),
		widget.NewFormItem("Desired outcome", f.outcome),
		widget.NewFormItem("Appointments", container.NewVBox(f.apptNote, f.appointments)),
		widget.NewFormItem("Owner", sized(f.owner, 260)),
		widget.NewFormItem("Response period", container.NewVBox(container.NewHBox(sized(f.period, 80), widget.NewLabel("working days")), f.periodHint)),
	)
	f.problem = errorText()
	if len(unread) > 0 {
		setMessage(f.problem, strings.Join(unread, " "))
	}
	f.save = widget.NewButtonWithIcon("Log complaint", theme.ConfirmIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { f.draft.done(); f.onDone(nil) })
	title := heading("New complaint")
	if f.editing != nil {
		f.fill(*f.editing)
		f.save.SetText("Save changes")
		title = heading("Edit " + f.editing.Reference)
	}
	bottom := container.NewVBox(widget.NewSeparator(), f.problem, container.NewHBox(layout.NewSpacer(), cancel, f.save))
	f.restored = note()
	f.keepTyping()
	f.complainantChanged()
	f.rules.changed()
	return container.NewPadded(container.NewBorder(container.NewVBox(title, f.restored), bottom, nil, nil, newFocusScroll(limitWidth(form, 980))))
}

// complainantChanged shows the consent questions only for a complaint
// made on the patient's behalf.
func (f *complaintForm) complainantChanged() {
	if f.consentBox == nil {
		return
	}
	if f.complainantStatus() == complaints.ComplainantOnBehalf {
		f.consentBox.Show()
	} else {
		f.consentBox.Hide()
	}
	if f.complainantStatus() == complaints.ComplainantPatient {
		f.name.SetPlaceHolder("Taken from the patient's record if left blank")
	} else {
		f.name.SetPlaceHolder("Full name, with title: Mrs Joan O'Neill")
	}
}

func (f *complaintForm) complainantStatus() complaints.ComplainantStatus {
	for _, s := range complaints.ComplainantStatuses() {
		if s.Label() == f.complainant.Selected {
			return s
		}
	}
	return ""
}

// patientPicked offers the patient's latest appointments for linking.
func (f *complaintForm) patientPicked(p patients.PatientSummary) {
	if f.draft != nil {
		f.draft.note()
	}
	c, id := f.ctx.Clinic, p.ID
	f.apptNote.SetText("Reading " + fullName(p) + "'s appointments…")
	offUI(f.ctx, func() ([]schedule.DiaryEntry, error) { return c.PatientAppointments(id) }, func(appts []schedule.DiaryEntry, err error) {
		if f.patient.id() != id {
			return
		}
		f.apptIDs = map[string]string{}
		var opts []string
		for i := len(appts) - 1; i >= 0 && len(opts) < complaintAppointmentsOffered; i-- {
			a := appts[i]
			d := a.Date
			if d.IsZero() || d.After(f.today) {
				continue // a complaint is about what has happened
			}
			text := fmt.Sprintf("%s %s · %s · %s", d.Format(ukcal.LayoutShortWithDay), schedule.Clock(a.StartMin), a.TypeName, a.ClinicianName)
			f.apptIDs[text] = a.ID
			opts = append(opts, text)
		}
		f.appointments.Options = opts
		f.appointments.Selected = nil
		if f.editing != nil && f.editing.PatientID == id {
			for _, text := range opts {
				if slices.Contains(f.editing.AppointmentIDs, f.apptIDs[text]) {
					f.appointments.Selected = append(f.appointments.Selected, text)
				}
			}
		}
		f.appointments.Refresh()
		switch {
		case err != nil:
			f.apptNote.SetText("The patient's appointments could not be read: " + plainError(err))
		case len(opts) == 0:
			f.apptNote.SetText("No past appointments to link.")
		default:
			f.apptNote.SetText("Tick any appointments the complaint is about (optional).")
		}
	})
}

// datesChanged shows the acknowledgement deadline as soon as the received
// date reads, and warns when the events are outside the 12-month limit.
func (f *complaintForm) datesChanged() {
	if f.ackHint == nil || f.rules == nil {
		return
	}
	received, err := parseUKDate(f.received.Text)
	switch {
	case err != nil:
		say(f.ackHint, widget.DangerImportance, plainError(err))
	case received.IsZero():
		say(f.ackHint, widget.LowImportance, "Type the date it was received: dd/mm/yyyy.")
	case received.After(f.today):
		say(f.ackHint, widget.DangerImportance, "The date received cannot be after today ("+f.today.Short()+").")
	default:
		ack, text := f.rules.ackText(f.ctx.Clinic, received)
		imp := widget.MediumImportance
		if ack.Before(f.today) {
			imp, text = widget.DangerImportance, text+" (already past: acknowledge it today)"
		}
		say(f.ackHint, imp, text)
	}
	events, e1 := parseUKDate(f.events.Text)
	aware, e2 := parseUKDate(f.aware.Text)
	switch {
	case e1 != nil:
		say(f.timeLimit, widget.DangerImportance, "Events: "+plainError(e1))
		return
	case e2 != nil:
		say(f.timeLimit, widget.DangerImportance, "Became aware: "+plainError(e2))
		return
	}
	if received.IsZero() || err != nil {
		say(f.timeLimit, widget.MediumImportance, "")
		return
	}
	due := f.ctx.Clinic.ComplaintDeadlinesPreview(f.rules.rules(), received, events, aware, ukcal.Date{})
	if !due.OutOfTime {
		say(f.timeLimit, widget.MediumImportance, "")
		return
	}
	say(f.timeLimit, widget.WarningImportance, fmt.Sprintf("Outside the 12-month time limit: it had to be made by %s. "+
		"Log it all the same: the manager decides whether to investigate (the regulations allow it when there was good reason "+
		"for the delay and a fair investigation is still possible).", due.TimeLimit.LongWithDay()))
}

// details collects the form; a date that cannot be read is refused here,
// the rest by the app.
func (f *complaintForm) details() (complaints.Details, error) {
	var d complaints.Details
	if f.editing != nil {
		d = f.editing.Details
	}
	d.ComplainantName, d.ComplainantAddress, d.ComplainantPhone = f.name.Text, f.address.Text, f.phone.Text
	d.ComplainantEmail, d.Complainant, d.PatientID = f.email.Text, f.complainantStatus(), f.patient.id()
	d.Description, d.DesiredOutcome = f.description.Text, f.outcome.Text
	d.Consent, d.ConsentDate, d.ConsentNote = complaints.ConsentNotRecorded, ukcal.Date{}, ""
	d.Subjects, d.StaffGroups = nil, nil
	// The appointments stay as they were until the patient's list is read.
	if f.apptIDs != nil || (f.editing != nil && d.PatientID != f.editing.PatientID) {
		d.AppointmentIDs = nil
	}
	for _, ch := range complaints.Channels() {
		if ch.Label() == f.channel.Selected {
			d.Channel = ch
		}
	}
	var err error
	if d.Received, err = parseUKDate(f.received.Text); err != nil {
		return d, fmt.Errorf("the date received: %w", err)
	}
	if d.Events, err = parseUKDate(f.events.Text); err != nil {
		return d, fmt.Errorf("the date of the events: %w", err)
	}
	if d.Aware, err = parseUKDate(f.aware.Text); err != nil {
		return d, fmt.Errorf("the date the complainant became aware: %w", err)
	}
	if d.Complainant == complaints.ComplainantOnBehalf {
		switch f.consent.Selected {
		case consentYes:
			d.Consent = complaints.ConsentGiven
		case consentNo:
			d.Consent = complaints.ConsentRefused
		}
		if d.ConsentDate, err = parseUKDate(f.consentDate.Text); err != nil {
			return d, fmt.Errorf("the date of consent: %w", err)
		}
		if d.Consent != complaints.ConsentNotRecorded && d.ConsentDate.IsZero() {
			return d, fmt.Errorf("give the date the patient's answer about consent was recorded")
		}
		d.ConsentNote = f.consentNote.Text
	}
	for _, s := range complaints.SubjectAreas() {
		if slices.Contains(f.subjects.Selected(), s.Label()) {
			d.Subjects = append(d.Subjects, s)
		}
	}
	for _, g := range complaints.StaffGroups() {
		if slices.Contains(f.staffGroups.Selected(), g.Label()) {
			d.StaffGroups = append(d.StaffGroups, g)
		}
	}
	for _, text := range f.appointments.Selected {
		if id, ok := f.apptIDs[text]; ok {
			d.AppointmentIDs = append(d.AppointmentIDs, id)
		}
	}
	for _, u := range f.owners {
		if u.FullName == f.owner.Selected {
			d.OwnerID = u.ID
		}
	}
	if p := strings.TrimSpace(f.period.Text); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return d, fmt.Errorf("the response period is a whole number of working days, such as 25, or blank if not agreed yet")
		}
		d.ResponsePeriod = complaints.AgreedWorkingDays(n)
	}
	if d.Channel == "" {
		return d, fmt.Errorf("say how the complaint was made: orally, in writing or by email")
	}
	return d, f.rules.apply(&d)
}

// submit logs the complaint, or says what to put right.
func (f *complaintForm) submit() {
	d, err := f.details()
	if err == nil {
		var rec app.ComplaintRecord
		if f.editing != nil {
			rec, err = f.ctx.Clinic.UpdateComplaint(f.editing.ID, d)
		} else {
			rec, err = f.ctx.Clinic.LogComplaint(d)
		}
		if err == nil {
			f.draft.done()
			f.onDone(&rec)
			return
		}
	}
	f.problem.SetText(plainError(err))
	f.problem.Show()
}

// fill shows r's details in the form, for correcting them.
func (f *complaintForm) fill(r app.ComplaintRecord) {
	f.complainant.SetSelected(r.Complainant.Label())
	if r.PatientID != "" {
		f.patient.set(r.PatientID, r.PatientName)
		f.patientPicked(patients.PatientSummary{ID: r.PatientID, Forenames: r.PatientName})
	}
	f.name.SetText(r.ComplainantName)
	f.address.SetText(r.ComplainantAddress)
	f.phone.SetText(r.ComplainantPhone)
	f.email.SetText(r.ComplainantEmail)
	switch r.Consent {
	case complaints.ConsentGiven:
		f.consent.SetSelected(consentYes)
	case complaints.ConsentRefused:
		f.consent.SetSelected(consentNo)
	default:
		f.consent.SetSelected(consentNotYet)
	}
	f.consentDate.SetText(r.ConsentDate.Short())
	f.consentNote.SetText(r.ConsentNote)
	f.rules.fill(r)
	f.channel.SetSelected(r.Channel.Label())
	f.received.SetText(r.Received.Short())
	f.events.SetText(r.Events.Short())
	f.aware.SetText(r.Aware.Short())
	var subjects, groups []string
	for _, s := range r.Subjects {
		subjects = append(subjects, s.Label())
	}
	for _, g := range r.StaffGroups {
		groups = append(groups, g.Label())
	}
	f.subjects.SetSelected(subjects)
	f.staffGroups.SetSelected(groups)
	f.description.SetText(r.Description)
	f.outcome.SetText(r.DesiredOutcome)
	f.owner.Selected = ""
	for _, u := range f.owners {
		if u.ID == r.OwnerID {
			f.owner.Selected = u.FullName
		}
	}
	f.owner.Refresh()
	f.period.SetText("")
	switch {
	case r.ResponsePeriod.WorkingDays > 0:
		f.period.SetText(strconv.Itoa(r.ResponsePeriod.WorkingDays))
	case !r.ResponsePeriod.Until.IsZero():
		f.periodHint.SetText("A response by " + r.ResponsePeriod.Until.LongWithDay() + " was agreed: it stays unless you type a number of working days.")
	}
}

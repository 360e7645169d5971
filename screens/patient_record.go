package screens

import (
	"errors"
	"fmt"
	"image/color"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The tabs of a patient's record, as their titles read.
const (
	recordTabDetails  = "Details"
	recordTabTimeline = "Timeline"
	recordTabNotes    = "Notes and calls"
	recordTabTasks    = "Follow-ups"
	recordTabRecord   = "Record"
)

// patientRecord is one patient's record: a header with the alerts and
// communication needs, and tabs for the details, the timeline, notes and
// calls, follow-ups, and the record itself (archive, merge, delete).
type patientRecord struct {
	screen *patientsScreen
	ctx    *Context
	id     string
	flash  string // said once the record has opened ("Added …")
	// openTab is the tab to show when the record opens (a follow-up being
	// typed before a lock, patient_record_tasks.go); else the one chosen.
	openTab string

	data recordData

	page   fyne.CanvasObject
	body   *fyne.Container
	status *widget.Label
	tabs   *container.AppTabs

	header     fyne.CanvasObject
	alerts     fyne.CanvasObject // the red banner (nil without alerts)
	needs      fyne.CanvasObject // the communication needs banner (nil without needs)
	editButton *widget.Button
	bookButton *widget.Button

	timelineBox *fyne.Container

	noteEntry   *formEntry
	noteProblem *widget.Label
	noteButtons []*widget.Button
	notesBox    *fyne.Container

	taskTitle   *widget.Entry
	taskDue     *widget.Entry
	taskOwner   *widget.Select
	taskProblem *widget.Label
	taskAdd     *widget.Button
	tasksBox    *fyne.Container

	archiveButton *widget.Button
	mergeSearch   *textBox
	mergeFound    *fyne.Container
	mergeSeq      int
	mergesBox     *fyne.Container
	deleteButton  *widget.Button
	deleteEntry   *textBox
	deleteProblem *widget.Label
	dialog        dialog.Dialog // the confirmation open now, if any
}

// recordData is everything the record shows, read off the UI goroutine.
type recordData struct {
	p        app.Patient
	timeline []app.TimelineEntry
	tasks    []app.Task
	merges   []app.Merge
	names    map[string]string // other records in the merges, by ID
	staff    []app.User
	// retention: how long the record is kept, from the diary (the last
	// Seen appointment moves it, so it is read with the history).
	retention   app.Retention
	retentionOK bool
}

func newPatientRecord(s *patientsScreen, id string) *patientRecord {
	return &patientRecord{screen: s, ctx: s.ctx, id: id}
}

func (r *patientRecord) build() fyne.CanvasObject {
	r.status = note()
	r.body = container.NewStack(container.NewVBox(container.NewHBox(r.backButton()), wrapped("Opening the record…")))
	r.page = container.NewPadded(container.NewBorder(nil, nil, nil, nil, r.body))
	r.load(true)
	return r.page
}

func (r *patientRecord) backButton() *widget.Button {
	return widget.NewButtonWithIcon("Back to the list", theme.NavigateBackIcon(), r.screen.showSearchPage)
}

// say puts a message at the top of the record.
func (r *patientRecord) say(imp widget.Importance, text string) {
	say(r.status, imp, text)
}

// load reads the record (an audited view when withPatient) and its
// history, then shows it.
func (r *patientRecord) load(withPatient bool) {
	c, id := r.ctx.Clinic, r.id
	known := r.data
	offUI(r.ctx, func() (recordData, error) {
		return loadRecordData(c, id, withPatient, known)
	}, func(d recordData, err error) {
		if r.screen.record != r {
			return // left meanwhile
		}
		if err != nil {
			if !withPatient {
				r.say(widget.DangerImportance, "The record's history could not be read: "+plainError(err))
				return
			}
			r.body.Objects = []fyne.CanvasObject{container.NewVBox(container.NewHBox(r.backButton()),
				wrapped("This record could not be opened: "+plainError(err)))}
			r.body.Refresh()
			return
		}
		r.data = d
		if withPatient || r.tabs == nil {
			r.showAll()
		} else {
			r.showHistory()
		}
		if r.flash != "" {
			r.say(widget.SuccessImportance, r.flash)
			r.flash = ""
		}
	})
}

func loadRecordData(c *app.Clinic, id string, withPatient bool, known recordData) (recordData, error) {
	d := known
	var err error
	if withPatient {
		if d.p, err = c.Patient(id); err != nil {
			return d, err
		}
	}
	if d.timeline, err = c.Timeline(id); err != nil {
		return d, err
	}
	if d.tasks, err = c.Tasks(app.TaskFilter{PatientID: id, Limit: 500}); err != nil {
		return d, err
	}
	if d.merges, err = c.Merges(id); err != nil {
		return d, err
	}
	if d.retention, d.retentionOK, err = c.RecordRetention(d.p); err != nil {
		return d, err
	}
	if d.staff == nil {
		if d.staff, err = c.StaffList(); err != nil {
			return d, err
		}
	}
	names := map[string]string{}
	for k, v := range known.names {
		names[k] = v
	}
	for _, m := range d.merges {
		other := m.MergedID
		if other == id {
			other = m.SurvivorID
		}
		if _, ok := names[other]; ok {
			continue
		}
		// The name of the other record in a merge (its view is audited).
		if o, err := c.Patient(other); err == nil {
			names[other] = mergeName(o.Summary())
		}
	}
	d.names = names
	return d, nil
}

// showAll builds the whole record from r.data, keeping the tab chosen.
func (r *patientRecord) showAll() {
	chosen := ""
	if r.tabs != nil && r.tabs.Selected() != nil {
		chosen = r.tabs.Selected().Text
	}
	r.header = r.buildHeader()
	r.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(recordTabDetails, theme.AccountIcon(), r.detailsTab()),
		container.NewTabItemWithIcon(recordTabTimeline, theme.HistoryIcon(), r.timelineTab()),
		container.NewTabItemWithIcon(recordTabNotes, theme.DocumentIcon(), r.notesTab()),
		container.NewTabItemWithIcon(recordTabTasks, theme.ConfirmIcon(), r.tasksTab()),
		container.NewTabItemWithIcon(recordTabRecord, theme.StorageIcon(), r.recordTab()),
	)
	if r.openTab != "" {
		chosen, r.openTab = r.openTab, ""
	}
	r.selectTab(chosen)
	r.tabs.OnSelected = func(*container.TabItem) { clearSuccess() } // "Note added." is not news on the next tab
	r.body.Objects = []fyne.CanvasObject{container.NewBorder(r.header, nil, nil, nil, r.tabs)}
	r.body.Refresh()
}

// showHistory refreshes the timeline, notes, follow-ups and merges.
func (r *patientRecord) showHistory() {
	r.fillTimeline()
	r.fillNotes()
	r.fillTasks()
	r.fillMerges()
}

func (r *patientRecord) selectTab(title string) {
	for i, t := range r.tabs.Items {
		if t.Text == title {
			r.tabs.SelectIndex(i)
		}
	}
}

// --- the header, with the alerts and needs banners ---

func (r *patientRecord) buildHeader() fyne.CanvasObject {
	p := r.data.p
	name := widget.NewLabelWithStyle(patientFullName(p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	name.Truncation = fyne.TextTruncateEllipsis
	var facts []string
	if p.PreferredName != "" && p.PreferredName != p.Forenames {
		facts = append(facts, "Known as "+p.PreferredName)
	}
	if p.DOB != "" {
		born := "Born " + ukcal.ShortFromISO(p.DOB)
		if died, err := ukcal.ParseDate(p.DateOfDeath); err == nil {
			// Said at the top, so nobody books or rings a patient who has died.
			born += ", died " + ukcal.ShortFromISO(p.DateOfDeath)
			if age, ok := patients.Age(p, died); ok {
				born += fmt.Sprintf(" aged %d", age)
			}
		} else if age, ok := patients.Age(p, patientToday()); ok {
			born += fmt.Sprintf(", aged %d", age)
		}
		facts = append(facts, born)
	}
	if p.NHSNumber != "" {
		facts = append(facts, "NHS number "+nhs.FormatNHSNumber(p.NHSNumber))
	} else {
		facts = append(facts, "No NHS number recorded")
	}
	if p.Address.Postcode != "" {
		facts = append(facts, postcodeText(p.Address.Postcode))
	}
	if p.Phones.Mobile != "" {
		facts = append(facts, "Mobile "+nhs.FormatPhone(p.Phones.Mobile))
	}
	line := wrapped(strings.Join(facts, "   ·   "))

	r.editButton = widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), r.edit)
	if !r.ctx.Clinic.Can(app.PermEditPatients) || p.Status == "merged" {
		r.editButton.Hide()
	}
	r.bookButton = widget.NewButtonWithIcon("Book appointment…", theme.CalendarIcon(), r.book)
	if !r.ctx.Clinic.Can(app.PermBookAppointments) || p.Status != "active" {
		r.bookButton.Hide()
	}
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, r.backButton(), container.NewHBox(letterButton(r.ctx, p.ID), r.bookButton, r.editButton), name), line}
	switch p.Status {
	case "archived":
		l := wrapped(fmt.Sprintf("Archived on %s. It is kept for its retention period and can be brought back from the Record tab.", ukDate(p.ArchivedAt)))
		l.Importance = widget.WarningImportance
		parts = append(parts, l)
	case "merged":
		l := wrapped("This record was merged into another and is kept only so the merge can be undone. Use the other record.")
		l.Importance = widget.WarningImportance
		open := widget.NewButtonWithIcon("Open the record it was merged into", theme.NavigateNextIcon(), func() { r.screen.openRecord(p.MergedInto) })
		parts = append(parts, l, container.NewHBox(open))
	}
	r.alerts, r.needs = alertsBanner(p), needsBanner(p)
	if r.alerts != nil {
		parts = append(parts, r.alerts)
	}
	if r.needs != nil {
		parts = append(parts, r.needs)
	}
	parts = append(parts, r.status)
	return container.NewVBox(parts...)
}

// postcodeText is a postcode, with what an NHS pseudo-postcode means.
func postcodeText(pc string) string {
	if label, ok := nhs.PseudoPostcodeLabel(pc); ok {
		return capitalise(label) + " (" + pc + ")"
	}
	return pc
}

// banner is a tinted, outlined box with an icon, for what staff must not
// miss about a patient.
func banner(colour fyne.ThemeColorName, icon fyne.Resource, lines ...fyne.CanvasObject) fyne.CanvasObject {
	c := theme.Color(colour)
	cr, cg, cb, _ := c.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x26})
	bg.StrokeColor = c
	bg.StrokeWidth = 2
	bg.CornerRadius = theme.InputRadiusSize()
	i := widget.NewIcon(icon)
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(container.NewCenter(i)), nil, container.NewVBox(lines...)))
}

// alertsBanner shows every alert in red, or is nil when there are none.
func alertsBanner(p app.Patient) fyne.CanvasObject {
	if len(p.Alerts) == 0 {
		return nil
	}
	var lines []fyne.CanvasObject
	for _, a := range p.Alerts {
		l := wrapped(alertLabel(a))
		l.TextStyle.Bold = true
		l.Importance = widget.DangerImportance
		lines = append(lines, l)
	}
	return banner(theme.ColorNameError, theme.NewErrorThemedResource(theme.WarningIcon()), lines...)
}

// needsBanner shows the Accessible Information Standard needs (and an
// interpreter), or is nil when there are none.
func needsBanner(p app.Patient) fyne.CanvasObject {
	needs := needLabels(p)
	if len(needs) == 0 {
		return nil
	}
	// One paragraph, so the banner takes as little height as it can.
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: "Communication needs: " + strings.Join(needs, " · ") + ".",
		Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}}}
	var more []string
	if p.AIS.Notes != "" {
		more = append(more, sentence(p.AIS.Notes))
	}
	if len(p.AIS.Needs) > 0 {
		if p.AIS.Reviewed != "" {
			more = append(more, "Last reviewed "+ukcal.ShortFromISO(p.AIS.Reviewed)+".")
		} else {
			more = append(more, "Not reviewed yet: check them with the patient.")
		}
	}
	if len(more) > 0 {
		segs = append(segs, &widget.TextSegment{Text: "  " + strings.Join(more, " "), Style: widget.RichTextStyleInline})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	return banner(theme.ColorNamePrimary, theme.NewPrimaryThemedResource(theme.InfoIcon()), text)
}

// book goes to the Calendar to book this patient in.
func (r *patientRecord) book() {
	bookForPatient(r.ctx, r.id, patientFullName(r.data.p))
}

// edit opens the details form on this record.
func (r *patientRecord) edit() {
	s := r.screen
	p := r.data.p
	say(s.message, widget.MediumImportance, "")
	s.form = newPatientForm(s, &p)
	s.form.back = func() {
		s.form = nil
		s.record = r
		s.show(r.page)
	}
	s.show(s.form.build())
	s.form.focusFirst()
}

// --- Details ---

func (r *patientRecord) detailsTab() fyne.CanvasObject {
	p := r.data.p
	value := func(s string) *widget.Label {
		l := wrapped(s)
		l.Selectable = true
		if s == "" {
			l.SetText("Not recorded")
			l.Importance = widget.LowImportance
		}
		return l
	}
	section := func(title string, items ...*widget.FormItem) fyne.CanvasObject {
		return container.NewVBox(heading(title), widget.NewForm(items...))
	}
	item := func(label, v string) *widget.FormItem { return widget.NewFormItem(label, value(v)) }

	var address []string
	for _, s := range []string{p.Address.Line1, p.Address.Line2, p.Address.Town, p.Address.County} {
		if s != "" {
			address = append(address, s)
		}
	}
	var consents []string
	for _, c := range []struct {
		ok   bool
		name string
	}{{p.Consent.Letter, "letters"}, {p.Consent.Phone, "phone calls"}, {p.Consent.SMS, "text messages"}, {p.Consent.Email, "email"}} {
		if c.ok {
			consents = append(consents, c.name)
		}
	}
	consent := "No consent to contact recorded"
	if len(consents) > 0 {
		consent = capitalise(strings.Join(consents, ", "))
	}
	nok := strings.TrimSpace(p.NextOfKin.Name)
	if p.NextOfKin.Relationship != "" {
		nok += " (" + p.NextOfKin.Relationship + ")"
	}
	interpreter := "No"
	if p.Interpreter {
		interpreter = "Yes"
	}
	var alerts []string
	for _, a := range p.Alerts {
		alerts = append(alerts, alertLabel(a))
	}
	var needs []string
	for _, n := range p.AIS.Needs {
		needs = append(needs, patients.Label(patients.AISNeeds, n))
	}
	sex := ""
	if p.Sex != "" {
		sex = patients.Label(patients.Sexes, p.Sex)
	}
	pc := ""
	if p.Address.Postcode != "" {
		pc = postcodeText(p.Address.Postcode)
	}

	left := container.NewVBox(
		section("Name",
			item("Title", p.Title), item("First name(s)", p.Forenames), item("Surname", p.Surname), item("Known as", knownAsShown(p))),
		section("Birth and identity",
			item("Date of birth", patientDOBAge(p)), item("Sex", sex), item("Gender identity", p.GenderIdentity),
			item("NHS number", nhs.FormatNHSNumber(p.NHSNumber))),
		section("Contact",
			item("Address", strings.Join(address, "\n")), item("Postcode", pc),
			item("Mobile", nhs.FormatPhone(p.Phones.Mobile)), item("Home phone", nhs.FormatPhone(p.Phones.Home)),
			item("Work phone", nhs.FormatPhone(p.Phones.Work)), item("Email", p.Email), item("May contact by", consent)),
	)
	right := container.NewVBox(
		section("GP and next of kin",
			item("GP", p.GP.Name), item("GP practice", p.GP.Practice), item("Practice address", strings.Join(p.GP.Address, "\n")),
			item("Next of kin", nok),
			item("Their phone", nhs.FormatPhone(p.NextOfKin.Phone))),
		carerDetails(p, section, item),
		section("Language and communication",
			item("Preferred language", p.Language), item("Interpreter needed", interpreter),
			item("Communication needs", strings.Join(needs, "\n")), item("How to meet them", p.AIS.Notes),
			item("Needs last reviewed", ukcal.ShortFromISO(p.AIS.Reviewed))),
		section("Alerts", item("Alerts", strings.Join(alerts, "\n"))),
		section("Treatment", item("Last treatment before ClinicDesk", ukcal.ShortFromISO(p.LastTreatment)), item("Date of death", ukcal.ShortFromISO(p.DateOfDeath))),
	)
	return newFocusScroll(container.NewPadded(container.NewGridWithColumns(2, left, right)))
}

// --- Timeline ---

func (r *patientRecord) timelineTab() fyne.CanvasObject {
	r.timelineBox = container.NewVBox()
	r.fillTimeline()
	return newFocusScroll(container.NewPadded(r.timelineBox))
}

// timelineIcon is the icon for a kind of timeline entry.
func timelineIcon(e app.TimelineEntry) fyne.Resource {
	switch e.Kind {
	case "note":
		return theme.DocumentIcon()
	case "call":
		return theme.VolumeUpIcon()
	case "task":
		if strings.HasPrefix(e.Title, "Follow-up done") {
			return theme.NewSuccessThemedResource(theme.ConfirmIcon())
		}
		return theme.CalendarIcon()
	case "sar":
		return theme.DocumentPrintIcon()
	case "merge":
		return theme.ContentCopyIcon()
	case "safeguarding":
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.DocumentCreateIcon()
}

// timelineRow is one entry: icon, what happened, when and by whom, and
// its detail underneath.
func timelineRow(e app.TimelineEntry, now time.Time, who func(string) string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(e.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	when := capitalise(whenSaid(e.At, now))
	if e.By != "" {
		when += " · " + who(e.By)
	}
	whenLabel := widget.NewLabelWithStyle(when, fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	lines := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, whenLabel, title)}
	if e.Detail != "" {
		detail := e.Detail
		if e.Kind == "change" {
			detail = "Changed: " + detail
		}
		d := wrapped(detail)
		d.Selectable = true
		lines = append(lines, d)
	}
	if e.Fingerprint != "" {
		lines = append(lines, fingerprintLine(e.Fingerprint))
	}
	icon := widget.NewIcon(timelineIcon(e))
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.NewVBox(lines...))
}

// fingerprintLine keeps a letter's SHA-256 one click away: a receptionist
// has no use for 64 hex digits, but whoever checks a printed letter
// against the log does.
func fingerprintLine(sum string) fyne.CanvasObject {
	text := wrapped("Fingerprint (SHA-256), to check a printed copy against the log: " + sum)
	text.Selectable = true
	text.Hide()
	var button *widget.Button
	button = widget.NewButtonWithIcon("Show fingerprint", theme.VisibilityIcon(), func() {
		if text.Visible() {
			text.Hide()
			button.SetText("Show fingerprint")
		} else {
			text.Show()
			button.SetText("Hide fingerprint")
		}
	})
	button.Importance = widget.LowImportance
	return container.NewVBox(container.NewHBox(button), text)
}

func (r *patientRecord) fillTimeline() {
	if r.timelineBox == nil {
		return
	}
	r.timelineBox.RemoveAll()
	if len(r.data.timeline) == 0 {
		r.timelineBox.Add(wrapped("Nothing has happened on this record yet."))
		return
	}
	now := wallClock()
	for _, e := range r.data.timeline {
		r.timelineBox.Add(withOpenComplaint(r.ctx, e, withPrintAgain(r.ctx, e, timelineRow(e, now, r.staffByUsername))))
		r.timelineBox.Add(widget.NewSeparator())
	}
}

// --- Notes and calls ---

func (r *patientRecord) notesTab() fyne.CanvasObject {
	r.noteEntry = multiLineEntry(3, "Write a note, or what was said on the phone")
	r.noteProblem = errorText()
	add := widget.NewButtonWithIcon("Add note", theme.DocumentCreateIcon(), r.addNote)
	add.Importance = widget.HighImportance
	in := widget.NewButtonWithIcon("Log call from the patient", theme.VolumeUpIcon(), func() { r.logCall("in") })
	out := widget.NewButtonWithIcon("Log call to the patient", theme.VolumeUpIcon(), func() { r.logCall("out") })
	r.noteButtons = []*widget.Button{add, in, out}
	if !r.ctx.Clinic.Can(app.PermNotePatients) || r.data.p.Status == "merged" {
		for _, b := range r.noteButtons {
			b.Disable()
		}
		r.noteEntry.Disable()
	}
	r.notesBox = container.NewVBox()
	r.fillNotes()
	top := container.NewVBox(r.noteEntry, r.noteProblem, container.NewHBox(add, in, out), widget.NewSeparator())
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, newFocusScroll(r.notesBox)))
}

func (r *patientRecord) fillNotes() {
	if r.notesBox == nil {
		return
	}
	r.notesBox.RemoveAll()
	now := wallClock()
	n := 0
	for _, e := range r.data.timeline {
		if e.Kind == "note" || e.Kind == "call" {
			r.notesBox.Add(timelineRow(e, now, r.staffByUsername))
			r.notesBox.Add(widget.NewSeparator())
			n++
		}
	}
	if n == 0 {
		r.notesBox.Add(wrapped("No notes or calls yet."))
	}
}

func (r *patientRecord) addNote() { r.saveNote("") }

func (r *patientRecord) logCall(direction string) { r.saveNote(direction) }

// saveNote adds the note ("" direction) or logs the call.
func (r *patientRecord) saveNote(direction string) {
	body := r.noteEntry.Text
	if strings.TrimSpace(body) == "" {
		setMessage(r.noteProblem, "Write the note first, or what was said on the call.")
		return
	}
	setMessage(r.noteProblem, "")
	c, id := r.ctx.Clinic, r.id
	for _, b := range r.noteButtons {
		b.Disable()
	}
	offUI(r.ctx, func() (app.Note, error) {
		if direction == "" {
			return c.AddNote(id, body)
		}
		return c.LogCall(id, direction, body)
	}, func(_ app.Note, err error) {
		for _, b := range r.noteButtons {
			b.Enable()
		}
		if err != nil {
			setMessage(r.noteProblem, plainError(err))
			return
		}
		r.noteEntry.SetText("")
		if direction == "" {
			r.say(widget.SuccessImportance, "Note added.")
		} else {
			r.say(widget.SuccessImportance, "Call logged.")
		}
		r.load(false)
	})
}

// --- Follow-ups ---

// staffByUsername is a colleague's full name, or the user name of someone
// who has left.
func (r *patientRecord) staffByUsername(username string) string {
	for _, u := range r.data.staff {
		if u.Username == username {
			return u.FullName
		}
	}
	return username
}

func (r *patientRecord) staffName(id string) string {
	for _, u := range r.data.staff {
		if u.ID == id {
			return u.FullName
		}
	}
	return "someone who has left"
}

// retentionText says how long the record must be kept and what the date
// rests on, so the manager can check it against the diary.
func retentionText(d recordData) string {
	if !d.retentionOK {
		return "How long to keep this record cannot be worked out without a date of birth: add it in the details."
	}
	return "Keep until " + d.retention.KeepUntil.Long() + ": " + d.retention.Rule + "."
}

func (r *patientRecord) recordTab() fyne.CanvasObject {
	p := r.data.p
	c := r.ctx.Clinic
	var parts []fyne.CanvasObject

	state := "Active: in the everyday lists and searches."
	switch p.Status {
	case "archived":
		state = "Archived on " + ukDate(p.ArchivedAt) + ": out of the everyday lists, kept for its retention period."
	case "merged":
		state = "Merged into another record."
	}
	parts = append(parts, heading("Keeping this record"), wrapped(state), wrapped(retentionText(r.data)),
		wrapped("The NHS Records Management Code sets these periods; the practice manager decides when a record is finally destroyed."))
	if c.Can(app.PermArchivePatient) && p.Status != "merged" {
		if p.Status == "archived" {
			r.archiveButton = widget.NewButtonWithIcon("Bring back from the archive", theme.ContentUndoIcon(), r.unarchive)
		} else {
			r.archiveButton = widget.NewButtonWithIcon("Archive this record…", theme.StorageIcon(), r.confirmArchive)
		}
		parts = append(parts, container.NewHBox(r.archiveButton))
	}

	r.mergesBox = container.NewVBox()
	r.fillMerges()
	parts = append(parts, r.mergesBox)

	if sar := r.subjectAccessButton(); sar != nil {
		parts = append(parts, sar)
	}

	if c.Can(app.PermMergePatients) && p.Status == "active" {
		r.mergeSearch = newTextBox()
		r.mergeSearch.SetPlaceHolder("Find the duplicate: name, NHS number, date of birth (dd/mm/yyyy), postcode")
		r.mergeSearch.OnChanged = func(string) { r.searchDuplicates() }
		r.mergeFound = container.NewVBox()
		parts = append(parts, widget.NewSeparator(), heading("Merge a duplicate into this record"),
			wrapped("If this patient was added twice, find the other record here. Its notes, calls and follow-ups move to this record, "+
				"and the other record is closed. The merge is recorded in the audit trail and can be undone."),
			r.mergeSearch, r.mergeFound)
	}

	if c.Can(app.PermDeletePatient) {
		r.deleteButton = widget.NewButtonWithIcon("Delete this record…", theme.DeleteIcon(), r.confirmDelete)
		r.deleteButton.Importance = widget.DangerImportance
		parts = append(parts, widget.NewSeparator(), heading("Delete this record"),
			wrapped("Only for a record made by mistake. Deleting removes it and everything on it for good; the audit trail keeps that it happened. "+
				"To keep a record out of the way, archive it instead."),
			container.NewHBox(r.deleteButton))
	}
	return newFocusScroll(container.NewPadded(limitWidth(container.NewVBox(parts...), 820)))
}

func (r *patientRecord) confirmArchive() {
	p := r.data.p
	keep := "It is kept for its retention period."
	if r.data.retentionOK {
		keep = "It is kept until " + r.data.retention.KeepUntil.Long() + "."
	}
	d := dialog.NewConfirm("Archive "+patientFullName(p)+"?",
		"The record leaves the everyday lists and searches. "+keep+" You can bring it back at any time.",
		func(ok bool) {
			r.dialog = nil
			if ok {
				r.setArchived(true)
			}
		}, r.ctx.Window)
	d.SetConfirmText("Archive")
	d.SetDismissText("Keep it active")
	r.dialog = d
	d.Show()
}

func (r *patientRecord) unarchive() { r.setArchived(false) }

func (r *patientRecord) setArchived(archive bool) {
	c, id := r.ctx.Clinic, r.id
	offUI(r.ctx, func() (struct{}, error) {
		if archive {
			return struct{}{}, c.ArchivePatient(id)
		}
		return struct{}{}, c.UnarchivePatient(id)
	}, func(_ struct{}, err error) {
		if err != nil {
			r.say(widget.DangerImportance, plainError(err))
			return
		}
		if archive {
			r.flash = "Archived. The record is kept and can be brought back from this tab."
		} else {
			r.flash = "Brought back from the archive."
		}
		r.load(true)
	})
}

// confirmDelete asks the manager to type the confirmation before the
// record goes for good.
func (r *patientRecord) confirmDelete() {
	p := r.data.p
	want := app.DeleteConfirmation(p)
	r.deleteEntry = newTextBox()
	r.deleteEntry.SetPlaceHolder(want)
	r.deleteProblem = errorText()
	del := widget.NewButtonWithIcon("Delete for good", theme.DeleteIcon(), nil)
	del.Importance = widget.DangerImportance
	del.Disable()
	r.deleteEntry.OnChanged = func(s string) {
		if strings.TrimSpace(s) == want {
			del.Enable()
		} else {
			del.Disable()
		}
	}
	content := container.NewVBox(
		wrapped(fmt.Sprintf("This deletes the record of %s (born %s) and all its notes, calls and follow-ups. It cannot be undone.",
			patientFullName(p), ukcal.ShortFromISO(p.DOB))),
		wrapped("To confirm, type "+want+" below."),
		r.deleteEntry, r.deleteProblem)
	d := dialog.NewCustomWithoutButtons("Delete "+patientFullName(p)+"?", content, r.ctx.Window)
	cancel := widget.NewButtonWithIcon("Keep the record", theme.CancelIcon(), func() { d.Hide(); r.dialog = nil })
	del.OnTapped = func() { r.delete(r.deleteEntry.Text) }
	d.SetButtons([]fyne.CanvasObject{cancel, del})
	fitDialog(d, content, 520)
	r.dialog = d
	d.Show()
	r.ctx.Window.Canvas().Focus(r.deleteEntry)
}

func (r *patientRecord) delete(typed string) {
	c, id, p := r.ctx.Clinic, r.id, r.data.p
	offUI(r.ctx, func() (struct{}, error) { return struct{}{}, c.DeletePatient(id, typed) }, func(_ struct{}, err error) {
		if err != nil {
			var pe *app.PermissionError
			if errors.As(err, &pe) || r.deleteProblem == nil {
				r.say(widget.DangerImportance, plainError(err))
			}
			if r.deleteProblem != nil {
				setMessage(r.deleteProblem, plainError(err))
			}
			return
		}
		if r.dialog != nil {
			r.dialog.Hide()
			r.dialog = nil
		}
		r.screen.backToSearch("The record of " + patientFullName(p) + " has been deleted.")
	})
}

// knownAsShown is the known-as name, saying when letters greet the patient
// by it, so the desk knows what the patient will read.
func knownAsShown(p app.Patient) string {
	if p.PreferredName != "" && p.UseKnownAs {
		return p.PreferredName + " (used in letters)"
	}
	return p.PreferredName
}

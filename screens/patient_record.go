package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
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

	timeline    *lazyTab
	timelineBox *fyne.Container // nil until the timeline is first shown

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
	p        patients.Patient
	timeline []app.TimelineEntry
	tasks    []tasks.Task
	merges   []patients.Merge
	names    map[string]string // other records in the merges, by ID
	staff    []users.User
	// retention: how long the record is kept, from the diary (the last
	// Seen appointment moves it, so it is read with the history).
	retention   patients.Retention
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
		if r.screen.record != r || hasLeft(r.screen.left) {
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
	if d.tasks, err = c.Tasks(tasks.Filter{PatientID: id, Limit: 500}); err != nil {
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
		// Unread, it is "another record": the merge itself still shows.
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
	r.timelineBox = nil // built when its tab is first shown
	r.timeline = newLazyTab(r.timelineTab)
	r.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(recordTabDetails, theme.AccountIcon(), r.detailsTab()),
		container.NewTabItemWithIcon(recordTabTimeline, theme.HistoryIcon(), r.timeline.holder),
		container.NewTabItemWithIcon(recordTabNotes, theme.DocumentIcon(), r.notesTab()),
		container.NewTabItemWithIcon(recordTabTasks, theme.ConfirmIcon(), r.tasksTab()),
		container.NewTabItemWithIcon(recordTabRecord, theme.StorageIcon(), r.recordTab()),
	)
	if r.openTab != "" {
		chosen, r.openTab = r.openTab, ""
	}
	r.selectTab(chosen)
	r.tabs.OnSelected = func(*container.TabItem) {
		clearSuccess() // "Note added." is not news on the next tab
		r.timeline.showIn(r.tabs)
	}
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
	r.timeline.showIn(r.tabs)
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
			item("Date of birth", patientDOBAge(r.ctx.Clinic, p)), item("Sex", sex), item("Gender identity", p.GenderIdentity),
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
			item("Needs last reviewed", p.AIS.Reviewed.Short())),
		section("Alerts", item("Alerts", strings.Join(alerts, "\n"))),
		section("Treatment", item("Last treatment before ClinicDesk", p.LastTreatment.Short()), item("Date of death", p.DateOfDeath.Short())),
	)
	return newFocusScroll(container.NewPadded(container.NewGridWithColumns(2, left, right)))
}

// knownAsShown is the known-as name, saying when letters greet the patient
// by it, so the desk knows what the patient will read.
func knownAsShown(p patients.Patient) string {
	if p.PreferredName != "" && p.UseKnownAs {
		return p.PreferredName + " (used in letters)"
	}
	return p.PreferredName
}

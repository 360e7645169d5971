package screens

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// auditPageSize is how many audit entries are read at a time.
const auditPageSize = 200

// actionLabel is an action code as people say it; the words live in app
// so the command line and exports say the same.
func actionLabel(code string) string { return app.ActionWords(code) }

// actionOptions are the action filter's choices, "All actions" first.
func actionOptions() []string {
	labels := []string{allActions}
	for _, a := range app.AuditActions() {
		labels = append(labels, app.ActionWords(a))
	}
	return labels
}

// actionCode turns a filter choice back into its code ("" for all).
func actionCode(label string) string {
	for _, a := range app.AuditActions() {
		if app.ActionWords(a) == label {
			return a
		}
	}
	return ""
}

const allActions = "All actions"

// settingNames are the settings the audit trail may name.
var settingNames = map[string]string{
	"security.idle_lock_minutes": "idle lock",
	"backup.folder":              "backups",
}

// auditScreen is the audit trail, newest first, for the practice manager.
type auditScreen struct {
	widget.BaseWidget

	ctx      *Context
	content  fyne.CanvasObject
	pageSize int

	filter  audit.Filter // what is shown (Before is always 0 here)
	entries []app.AuditLine
	more    bool // older entries may match too
	seq     int  // the newest page asked for (loadPage)
	users   map[string]users.User

	cols          *columns
	list          *widget.List
	user          *widget.SelectEntry
	action        *widget.Select
	patient       *widget.Entry  // a name, NHS number or date of birth
	patientPick   *widget.Select // shown when several patients match
	patientFound  []patients.PatientSummary
	patientID     string // the patient the filter is for, "" for all
	patientText   string // what was typed when patientID was found
	onlyPatient   *widget.Button
	selected      int // the entry shown in full below, -1 for none
	from, to      *widget.Entry
	showButton    *widget.Button
	clearButton   *widget.Button
	filterProblem *widget.Label
	count         *widget.Label
	olderButton   *widget.Button
	verifyButton  *widget.Button
	verifyResult  *widget.Label
	detail        *widget.Label
}

func newAuditScreen(ctx *Context) *auditScreen {
	return &auditScreen{ctx: ctx, pageSize: auditPageSize, selected: -1}
}

func (s *auditScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// letGo drops the entries and patients read, and any still on their way
// (Context.onLeave).
func (s *auditScreen) letGo() {
	s.entries, s.patientFound = nil, nil
	s.seq++
}

func (s *auditScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.ctx.onLeave(s.letGo)
	s.users = map[string]users.User{}
	var usernames []string
	// The staff are a few rows: read on the UI goroutine as the screen is
	// built. Without them the user box offers no names, and still filters.
	if users, err := s.ctx.Clinic.Users(); err == nil {
		for _, u := range users {
			s.users[u.ID] = u
			usernames = append(usernames, u.Username)
		}
	}
	sort.Strings(usernames)

	s.user = widget.NewSelectEntry(usernames)
	s.user.SetPlaceHolder("Everyone")
	s.user.OnSubmitted = func(string) { s.applyFilters() }
	s.action = widget.NewSelect(actionOptions(), func(string) { s.applyFilters() })
	s.action.PlaceHolder = allActions
	s.from = widget.NewEntry()
	s.from.SetPlaceHolder("dd/mm/yyyy")
	s.from.OnSubmitted = func(string) { s.applyFilters() }
	s.to = widget.NewEntry()
	s.to.SetPlaceHolder("dd/mm/yyyy")
	s.to.OnSubmitted = func(string) { s.applyFilters() }
	s.patient = widget.NewEntry()
	s.patient.SetPlaceHolder("Any patient: type a name, NHS no. or date of birth")
	s.patient.OnSubmitted = func(string) { s.applyFilters() }
	s.patientPick = widget.NewSelect(nil, s.pickPatient)
	s.patientPick.PlaceHolder = "Choose the patient"
	s.patientPick.Hide()
	s.showButton = widget.NewButtonWithIcon("Show", theme.SearchIcon(), s.applyFilters)
	s.showButton.Importance = widget.HighImportance
	s.clearButton = widget.NewButtonWithIcon("Clear filters", theme.ContentClearIcon(), s.clearFilters)
	s.filterProblem = errorText()

	// Two short rows rather than one long one, so the window can stay
	// narrow on a small front-desk screen.
	filters := widget.NewForm(
		widget.NewFormItem("Who and what", container.NewHBox(sized(s.user, 170), sized(s.action, 330))),
		widget.NewFormItem("Patient", container.NewHBox(sized(s.patient, 380), sized(s.patientPick, 330))),
		widget.NewFormItem("Between", container.NewHBox(sized(s.from, 130), widget.NewLabel("and"), sized(s.to, 130),
			s.showButton, s.clearButton)),
	)

	s.cols = &columns{widths: []float32{150, 90, 250, 150, 150}}
	s.list = widget.NewList(
		func() int { return len(s.entries) },
		func() fyne.CanvasObject { return row(s.cols, cell(), cell(), cell(), cell(), cell(), cell()) },
		s.updateRow,
	)
	s.list.OnSelected = s.showEntry
	s.list.OnUnselected = func(widget.ListItemID) {
		s.detail.SetText("Select an entry to see all of it here.")
		s.selected = -1
		s.onlyPatient.Hide()
	}

	s.count = widget.NewLabel("")
	s.olderButton = widget.NewButtonWithIcon("Load older", theme.MoveDownIcon(), s.loadOlder)
	s.verifyButton = widget.NewButtonWithIcon("Check the audit trail", theme.ConfirmIcon(), s.verify)
	s.verifyResult = note()
	s.detail = widget.NewLabel("Select an entry to see all of it here.")
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Selectable = true
	s.onlyPatient = widget.NewButtonWithIcon("Only this patient", theme.AccountIcon(), s.filterBySelectedPatient)
	s.onlyPatient.Hide()

	intro := wrapped("Who did what, and when: sign-ins, changes and what was done with patients' records are recorded here " +
		"and cannot be altered, as each entry is sealed to the one before it. \"Check the audit trail\" proves nothing has been changed or removed.")
	top := container.NewVBox(
		intro,
		container.NewHBox(s.verifyButton),
		s.verifyResult,
		widget.NewSeparator(),
		filters,
		s.filterProblem,
		headerRow(s.cols, "Time", "User", "Action", "Record", "Patient", "Detail"),
	)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, nil, s.olderButton, s.count),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewVBox(s.onlyPatient), s.detail),
	)
	s.content = container.NewPadded(container.NewBorder(top, bottom, nil, nil, s.list))
	s.reload()
	return s
}

// updateRow fills one line of the list from the model.
func (s *auditScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(s.entries) {
		return
	}
	e := s.entries[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(ukcal.WallDateTimeSeconds(e.At))
	cells[1].(*widget.Label).SetText(e.Username)
	action := cells[2].(*widget.Label)
	if e.Action == "sign_in_failed" || strings.HasPrefix(e.Detail, "failed") {
		action.Importance = widget.WarningImportance
	} else {
		action.Importance = widget.MediumImportance
	}
	action.SetText(e.What)
	cells[3].(*widget.Label).SetText(s.recordLabel(e.Entry))
	cells[4].(*widget.Label).SetText(e.PatientShown)
	cells[5].(*widget.Label).SetText(detailLabel(e.Entry))
}

// recordLabel says which record an entry is about, by name where known.
func (s *auditScreen) recordLabel(e audit.Entry) string {
	switch e.Entity {
	case "user":
		if u, ok := s.users[e.EntityID]; ok {
			return fmt.Sprintf("User %s (%s)", u.FullName, u.Username)
		}
		return "User " + e.EntityID
	case "clinic":
		return "The clinic"
	case "keyring":
		return "The clinic's keys"
	case "backup":
		return "Backup " + e.EntityID
	case "settings":
		if n, ok := settingNames[e.EntityID]; ok {
			return "Settings: " + n
		}
		return "Settings: " + e.EntityID
	case "patient":
		if e.EntityID == e.Patient {
			return "The patient's record" // the Patient column names them
		}
	case "":
		return e.EntityID
	}
	if w, ok := entityWords[e.Entity]; ok {
		return strings.TrimSpace(w + " " + e.EntityID)
	}
	return strings.TrimSpace(e.Entity + " " + e.EntityID)
}

// entityWords name the kinds of record the trail is about, so a line reads
// "Follow-up 01a2…" rather than "task 01a2…".
var entityWords = map[string]string{
	"patient": "Record", "task": "Follow-up", "appointment": "Appointment", "appointment_series": "Series",
	"appointment_type": "Appointment type", "clinician": "Clinician", "room": "Room", "closure": "Closure",
	"complaint": "Complaint", "diary": "Diary", "export": "Export", "import": "Import", "letter": "Letter",
	"letter_template": "Letter template", "merge": "Merge", "note": "Note", "call": "Phone call",
	"report": "Report", "sar": "Subject access request", "waiting_list": "Waiting list entry",
}

// folderDetail is how a change to the backup settings is recorded.
var folderDetail = regexp.MustCompile(`^folder=(.*) keep=(\d+)$`)

// detailLabel says an entry's detail in words where its form is known,
// and as it is otherwise.
func detailLabel(e audit.Entry) string {
	d := app.PlainDetail(e.Detail)
	switch {
	case d == "":
		return ""
	case e.EntityID == "security.idle_lock_minutes":
		return "Lock after " + d + " minutes"
	case d == "ok":
		return "Passed"
	case strings.HasPrefix(d, "failed: "):
		return "Failed: " + strings.TrimPrefix(d, "failed: ")
	}
	if m := folderDetail.FindStringSubmatch(d); m != nil {
		if m[1] == "" {
			return "Automatic backups off; keep " + m[2]
		}
		return "Folder " + m[1] + "; keep " + m[2]
	}
	var parts []string
	for _, f := range strings.Fields(strings.TrimPrefix(d, "ok ")) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return d
		}
		switch k {
		case "role":
			parts = append(parts, "Role: "+app.Role(v).Label())
		case "audit_seq":
			parts = append(parts, "Holds the trail up to entry "+v)
		case "audit_rows":
			parts = append(parts, v+" entries in order")
		case "created":
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return d
			}
			parts = append(parts, "made "+ukcal.WallDateTimeSeconds(t))
		default:
			return d
		}
	}
	return strings.Join(parts, "; ")
}

// showEntry shows the selected entry in full below the list.
func (s *auditScreen) showEntry(id widget.ListItemID) {
	if id < 0 || id >= len(s.entries) {
		return
	}
	e := s.entries[id]
	s.selected = id
	parts := []string{fmt.Sprintf("Entry %d", e.Seq), ukcal.WallDateTimeSeconds(e.At), e.Username, e.What + " (" + e.Action + ")", s.recordLabel(e.Entry)}
	if e.Patient != "" {
		parts = append(parts, "patient "+strings.TrimSpace(e.PatientName+" "+e.Patient))
	}
	// The stored detail is shown in words, never with an arrow the
	// fonts cannot draw.
	if d := detailLabel(e.Entry); d != "" && d != app.PlainDetail(e.Detail) {
		parts = append(parts, d+" ("+app.PlainDetail(e.Detail)+")")
	} else if d != "" {
		parts = append(parts, d)
	}
	s.detail.SetText(strings.Join(parts, "  ·  "))
	if e.Patient != "" && e.Patient != s.filter.Patient {
		s.onlyPatient.Show()
	} else {
		s.onlyPatient.Hide()
	}
}

// readFilters turns the filter fields into a filter, or says what is wrong.
func (s *auditScreen) readFilters() (audit.Filter, error) {
	f := audit.Filter{Username: strings.TrimSpace(s.user.Text), Action: actionCode(s.action.Selected)}
	from, err := parseUKDate(s.from.Text)
	if err != nil {
		return f, fmt.Errorf("the \"from\" date %w", err)
	}
	to, err := parseUKDate(s.to.Text)
	if err != nil {
		return f, fmt.Errorf("the \"to\" date %w", err)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return f, errors.New("the \"to\" date is before the \"from\" date")
	}
	if !from.IsZero() {
		f.From = from.LondonMidnight()
	}
	if !to.IsZero() {
		f.To = to.AddDays(1).LondonMidnight() // the whole of the "to" day
	}
	return f, nil
}

// applyFilters shows the newest entries that match the filters, once the
// patient typed is found (audit_patient.go).
func (s *auditScreen) applyFilters() {
	f, err := s.readFilters()
	if err != nil {
		s.refuseFilters(err)
		return
	}
	s.readPatient(func(id string, err error) {
		if err != nil {
			s.refuseFilters(err)
			return
		}
		f.Patient = id
		setMessage(s.filterProblem, "")
		s.filter = f
		s.reload()
	})
}

// refuseFilters says what is wrong with the filters, or asks which patient.
func (s *auditScreen) refuseFilters(err error) {
	if errors.Is(err, errChoosePatient) {
		say(s.filterProblem, widget.MediumImportance, plainError(err)) // a question, not a mistake
		return
	}
	say(s.filterProblem, widget.DangerImportance, plainError(err))
}

// clearFilters shows every entry again.
func (s *auditScreen) clearFilters() {
	s.user.SetText("")
	s.action.ClearSelected()
	s.from.SetText("")
	s.to.SetText("")
	s.patient.SetText("")
	s.patientID, s.patientText = "", ""
	s.setPatientChoices(nil)
	setMessage(s.filterProblem, "")
	s.filter = audit.Filter{}
	s.reload()
}

// reload reads the newest page for the current filter.
func (s *auditScreen) reload() {
	s.entries = nil
	s.more = false
	s.list.UnselectAll()
	s.list.ScrollToOffset(0)
	s.loadPage()
}

// loadOlder adds the next page of older entries below.
func (s *auditScreen) loadOlder() {
	if !s.more || len(s.entries) == 0 {
		return
	}
	s.loadPage()
}

func (s *auditScreen) loadPage() {
	f := s.filter
	f.Limit = s.pageSize
	if n := len(s.entries); n > 0 {
		f.Before = s.entries[n-1].Seq
	}
	// A filtered page may scan much of the trail: read it off the UI
	// goroutine, and drop an answer older than the last asked for.
	s.seq++
	seq := s.seq
	c := s.ctx.Clinic
	offUI(s.ctx, func() ([]app.AuditLine, error) { return c.AuditTrail(f) }, func(page []app.AuditLine, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			s.count.Importance = widget.DangerImportance
			s.count.SetText("The audit trail could not be read: " + plainError(err))
			s.olderButton.Disable()
			return
		}
		s.entries = append(s.entries, page...)
		s.more = len(page) == s.pageSize
		s.list.Refresh()
		s.showCount()
	})
}

// showCount says how much is shown and whether there is more.
func (s *auditScreen) showCount() {
	s.count.Importance = widget.MediumImportance
	filtered := s.filter != (audit.Filter{})
	switch {
	case len(s.entries) == 0 && filtered:
		s.count.SetText("No entries match these filters. Clear the filters to see everything.")
	case len(s.entries) == 0:
		s.count.SetText("The audit trail is empty.")
	case s.more:
		s.count.SetText(fmt.Sprintf("Showing the newest %s. Older entries: press Load older.", plural(int64(len(s.entries)), "entry", "entries")))
	default:
		s.count.SetText(fmt.Sprintf("Showing %s, newest first: that is all of them.", plural(int64(len(s.entries)), "entry", "entries")))
	}
	if s.more {
		s.olderButton.Enable()
	} else {
		s.olderButton.Disable()
	}
}

// verify checks the whole clinic file and the audit chain off the UI
// goroutine and says what it found.
func (s *auditScreen) verify() {
	c := s.ctx.Clinic
	inBackground(s.ctx, "Checking the clinic file and every audit entry…",
		func() (app.VerifyReport, error) { return c.Verify(false) },
		func(r app.VerifyReport, err error) {
			if err != nil {
				say(s.verifyResult, widget.DangerImportance, "Problem found: "+plainError(err)+
					" Do not delete anything: keep the clinic file and your backups as they are and ask your IT support to look at it.")
				return
			}
			say(s.verifyResult, widget.SuccessImportance, fmt.Sprintf("All is well: the clinic file is undamaged and all %s of the audit trail are in order; none has been changed or removed.",
				plural(r.AuditRows, "entry", "entries")))
			s.reload() // the check itself is recorded
		})
}

package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// patientsModuleID is the Patients screen's ID (`clinicdesk demo --screen patients`).
const patientsModuleID = "patients"

// patientsPageSize is how many patients a page of the list or of search
// results holds; patientsMaxResults is as far as "Show more" goes for a
// search (typing more narrows it instead).
const (
	patientsPageSize   = 50
	patientsMaxResults = 500
)

// patientFinder is a screen that Ctrl+F and the top bar's search box can
// hand the search to.
type patientFinder interface {
	findPatient(text string)
}

// patientsScreen is the Patients module: search as you type, the list of
// patients, and one patient's record or the details form in its place.
type patientsScreen struct {
	widget.BaseWidget

	ctx     *Context
	content *fyne.Container // the page shown now
	page    fyne.CanvasObject

	searchPage   fyne.CanvasObject
	search       *patientSearchEntry
	archived     *widget.Check
	newButton    *widget.Button
	importButton *widget.Button // "Import a spreadsheet…" (managers)
	cols         *columns
	list         *patientResults
	listArea     *fyne.Container // the list, or guidance when the clinic has no patients
	table        fyne.CanvasObject
	guidance     fyne.CanvasObject
	count        *widget.Label
	more         *widget.Button
	message      *widget.Label // what just happened (a record deleted, …)
	alertsTip    *hoverTip     // the whole of an alert the column cut short

	results []app.PatientSummary
	hasMore bool
	listed  int    // how many the list holds in all (empty search only)
	limit   int    // how many a search asks for
	shown   string // the search text the results are for
	seq     int    // bumped by every search; older answers are dropped
	applied int    // the seq of the results shown
	// focusWhenReady: Enter was pressed before the results of the last
	// keystroke came back; move to them when they do.
	focusWhenReady bool

	record    *patientRecord // the record open now, if any
	form      *patientForm   // the form open now, if any
	importing *patientImport // the import wizard open now, if any
}

func newPatientsScreen(ctx *Context) *patientsScreen {
	return &patientsScreen{ctx: ctx, limit: patientsPageSize}
}

func (s *patientsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *patientsScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.search = newPatientSearchEntry()
	s.search.SetPlaceHolder("Name, NHS no., DOB, postcode or phone")
	s.search.OnChanged = func(string) {
		clearSuccess() // a new search: "deleted" or "imported" was about the last
		s.limit = patientsPageSize
		s.runSearch()
	}
	s.search.OnSubmitted = func(string) { s.moveToResults() }
	s.search.onDown = s.moveToResults
	s.search.onEscape = func() { s.search.SetText("") }

	s.archived = widget.NewCheck("Show archived records", func(bool) { s.limit = patientsPageSize; s.runSearch() })
	s.newButton = widget.NewButtonWithIcon("New patient", theme.ContentAddIcon(), func() { s.openForm(nil) })
	s.newButton.Importance = widget.HighImportance
	if !s.ctx.Clinic.Can(app.PermEditPatients) {
		s.newButton.Hide()
	}
	s.importButton = widget.NewButtonWithIcon("Import a spreadsheet…", theme.UploadIcon(), s.chooseImportFile)
	if !s.ctx.Clinic.Can(app.PermImportPatients) {
		s.importButton.Hide()
	}

	s.cols = &columns{widths: []float32{56, 270, 150, 96, 126}}
	s.list = newPatientResults(s.cols, func() []app.PatientSummary { return s.results })
	s.list.onOpen = func(i int) {
		if i >= 0 && i < len(s.results) {
			s.openRecord(s.results[i].ID)
		}
	}
	s.list.onUpOut = func() { s.ctx.Window.Canvas().Focus(s.search) }
	s.alertsTip = newHoverTip()
	s.list.onAlertsHover = func(c *hoverCell, in bool) {
		if in && c.cutShort() {
			s.alertsTip.showUnder(c.label.Text, c)
		} else {
			s.alertsTip.hide()
		}
	}
	s.list.onCursor = s.showCursorAlerts

	s.count = wrapped("")
	s.more = widget.NewButtonWithIcon("Show more", theme.MoveDownIcon(), s.showMore)
	s.more.Hide()
	s.message = note()

	header := headerRow(s.cols, "", "Name", "Date of birth (age)", "Postcode", "NHS number", "Alerts and needs")
	s.table = container.NewBorder(header, container.NewBorder(nil, nil, nil, s.more, s.count), nil, nil, s.list)
	s.guidance = s.emptyGuidance()
	s.listArea = container.NewStack(s.table)

	searchIcon := widget.NewIcon(theme.SearchIcon())
	top := container.NewVBox(
		container.NewBorder(nil, nil, searchIcon, container.NewHBox(s.archived, s.importButton, s.newButton), s.search),
		s.message,
	)
	s.searchPage = container.NewStack(container.NewPadded(container.NewBorder(top, nil, nil, nil, s.listArea)), s.alertsTip.layer)
	s.content = container.NewStack(s.searchPage)
	s.page = s.searchPage
	s.runSearch()
	if id := pendingPatientRecord; id != "" {
		pendingPatientRecord = ""
		s.openRecord(id)
	}
	return s
}

// pendingPatientRecord is the record Patients opens on next time it is
// built (set by openPatientRecord from other modules; used once).
var pendingPatientRecord string

// emptyGuidance is what a clinic with no patients yet shows instead of
// an empty list.
func (s *patientsScreen) emptyGuidance() fyne.CanvasObject {
	c := s.ctx.Clinic
	parts := []fyne.CanvasObject{heading("No patients yet")}
	if c.Can(app.PermEditPatients) {
		parts = append(parts, wrapped("Add the first with “New patient” above. Only the name and date of birth are needed to start; "+
			"the rest can be filled in when the patient is at the desk."))
	} else {
		parts = append(parts, wrapped("Patients are added at the front desk. Once they are, you can find them here by name, "+
			"NHS number, date of birth, postcode or phone number."))
	}
	if c.Can(app.PermImportPatients) {
		parts = append(parts, wrapped("Coming from a spreadsheet? Bring in the whole list with “Import a spreadsheet…” above "+
			"(or from the command line with “clinicdesk import patients”): every row is checked first, and you are told which lines need fixing before anything is added."))
	} else if c.Can(app.PermEditPatients) {
		parts = append(parts, wrapped("If the clinic keeps its patient list in a spreadsheet, your practice manager can import it all at once."))
	}
	return container.NewVBox(parts...)
}

// findPatient puts the cursor in the search box (Ctrl+F, the top bar),
// starting a search for text when there is some.
func (s *patientsScreen) findPatient(text string) {
	if s.form != nil && s.form.dirty() {
		s.form.confirmLeave(func() { s.form = nil; s.findPatient(text) })
		return
	}
	s.showSearchPage()
	if text != "" {
		s.search.SetText(text)
		s.search.CursorColumn = len([]rune(text))
		s.search.Refresh()
	}
	s.ctx.Window.Canvas().Focus(s.search)
	if text == "" && s.search.Text != "" {
		s.search.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces the last search
	}
}

// show puts a page (the search, a record, the form) in the module.
func (s *patientsScreen) show(page fyne.CanvasObject) {
	clearSuccess() // moving on: the last page's "Saved" is not about this one
	s.page = page
	s.content.Objects = []fyne.CanvasObject{page}
	s.content.Refresh()
}

// showSearchPage goes back to the search, with its results read again
// (the record just seen may have changed).
func (s *patientsScreen) showSearchPage() {
	s.record, s.form = nil, nil
	if s.page == s.searchPage {
		return
	}
	s.show(s.searchPage)
	s.runSearch()
	s.ctx.Window.Canvas().Focus(s.search)
}

// backToSearch leaves a record or the form for the search, saying what
// happened (a record deleted, …) above the list.
func (s *patientsScreen) backToSearch(message string) {
	s.showSearchPage()
	say(s.message, widget.SuccessImportance, message)
}

// openRecord shows one patient's record.
func (s *patientsScreen) openRecord(id string) { s.openRecordSaying(id, "") }

// openRecordSaying shows one patient's record with a message once it has
// opened ("Added …").
func (s *patientsScreen) openRecordSaying(id, message string) {
	say(s.message, widget.MediumImportance, "")
	s.form = nil
	s.record = newPatientRecord(s, id)
	s.record.flash = message
	s.show(s.record.build())
}

// openForm shows the details form: a new patient when p is nil.
func (s *patientsScreen) openForm(p *app.Patient) {
	say(s.message, widget.MediumImportance, "")
	s.form = newPatientForm(s, p)
	s.show(s.form.build())
	s.form.focusFirst()
}

// patientPage is one answer to a search or a page of the list.
type patientPage struct {
	patients []app.PatientSummary
	more     bool
	total    int // every record in the clinic, archived included (list only; -1 when not counted)
	listed   int // how many the list holds in all: active, or archived (list only)
}

// runSearch searches for what is in the box off the UI goroutine. Each
// keystroke starts one; an answer that comes back after a newer search
// started is dropped, so typing is never held up and never shows stale
// results.
func (s *patientsScreen) runSearch() {
	s.seq++
	seq := s.seq
	text := strings.TrimSpace(s.search.Text)
	archived := s.archived.Checked
	limit := s.limit
	c := s.ctx.Clinic
	offUI(s.ctx, func() (patientPage, error) {
		return loadPatients(c, text, archived, "", limit)
	}, func(pg patientPage, err error) {
		if seq != s.seq {
			return // typed on since: a newer search is coming
		}
		s.applied = seq
		if err != nil {
			s.results, s.hasMore = nil, false
			s.list.Refresh()
			s.count.Importance = widget.DangerImportance
			s.count.SetText("The patients could not be read: " + plainError(err))
			return
		}
		s.shown = text
		s.results, s.hasMore = pg.patients, pg.more
		s.list.reset()
		if pg.total >= 0 {
			s.listed = pg.listed
		}
		s.showCount(pg.total)
		if s.focusWhenReady {
			s.focusWhenReady = false
			s.moveToResults()
		}
	})
}

// showMore adds the next page of the list, or asks a search for more.
func (s *patientsScreen) showMore() {
	if !s.hasMore {
		return
	}
	if s.shown != "" {
		s.limit = min(s.limit+patientsPageSize, patientsMaxResults)
		s.runSearch()
		return
	}
	s.seq++
	seq := s.seq
	last := s.results[len(s.results)-1]
	after := last.ID
	archived := s.archived.Checked
	c := s.ctx.Clinic
	offUI(s.ctx, func() (patientPage, error) {
		return loadPatients(c, "", archived, after, patientsPageSize)
	}, func(pg patientPage, err error) {
		if seq != s.seq {
			return
		}
		s.applied = seq
		if err != nil {
			s.count.Importance = widget.DangerImportance
			s.count.SetText("More patients could not be read: " + plainError(err))
			return
		}
		s.results = append(s.results, pg.patients...)
		s.hasMore = pg.more
		s.list.Refresh()
		s.showCount(-1)
	})
}

// loadPatients reads a page of patients by name (text empty) or searches.
func loadPatients(c *app.Clinic, text string, archived bool, after string, limit int) (patientPage, error) {
	pg := patientPage{total: -1}
	var err error
	if text == "" {
		listStatus := "active"
		if archived {
			listStatus = "archived"
		}
		var listed []app.Patient
		listed, err = c.ListPatients(app.PatientFilter{Status: listStatus, After: after, Limit: limit + 1})
		for _, p := range listed {
			pg.patients = append(pg.patients, p.Summary())
		}
		if err == nil && after == "" {
			pg.total, err = c.CountPatients("")
			if err == nil {
				pg.listed, err = c.CountPatients(listStatus)
			}
		}
	} else {
		pg.patients, err = c.SearchPatients(text, archived, limit+1)
	}
	if len(pg.patients) > limit {
		pg.patients, pg.more = pg.patients[:limit], true
	}
	return pg, err
}

// showCount says what the list shows, with guidance when it is empty.
func (s *patientsScreen) showCount(total int) {
	s.count.Importance = widget.MediumImportance
	n := int64(len(s.results))
	switch {
	case s.shown == "" && total == 0 && !s.archived.Checked:
		s.listArea.Objects = []fyne.CanvasObject{container.NewVScroll(s.guidance)}
		s.listArea.Refresh()
	default:
		if len(s.listArea.Objects) != 1 || s.listArea.Objects[0] != s.table {
			s.listArea.Objects = []fyne.CanvasObject{s.table}
			s.listArea.Refresh()
		}
	}
	switch {
	case s.shown == "" && s.archived.Checked && n == 0:
		s.count.SetText("There are no archived records.")
	case s.shown == "" && s.archived.Checked:
		s.count.SetText(fmt.Sprintf("Archived records by surname: %s of %s shown.", groupThousands(n), groupThousands(int64(s.listed))))
	case s.shown == "" && n == 0:
		s.count.SetText("")
	case s.shown == "":
		s.count.SetText(fmt.Sprintf("All patients by surname: %s of %s shown. Type in the box above to find someone.", groupThousands(n), groupThousands(int64(s.listed))))
	case n == 0:
		s.count.Importance = widget.WarningImportance
		hint := "No patient matches “" + s.shown + "”. Check the spelling, or try the date of birth (dd/mm/yyyy), NHS number or postcode."
		if !s.archived.Checked {
			hint += " Archived records are only searched with “Show archived records” ticked."
		}
		s.count.SetText(hint)
	case s.hasMore && s.limit >= patientsMaxResults:
		s.count.SetText(fmt.Sprintf("The first %s matching “%s”: type more of the name, or the date of birth, to narrow the search.", plural(n, "patient", "patients"), s.shown))
	case s.hasMore:
		s.count.SetText(fmt.Sprintf("The first %s matching “%s”. Type more to narrow the search, or show more.", plural(n, "patient", "patients"), s.shown))
	default:
		s.count.SetText(fmt.Sprintf("%s matching “%s”. Press Enter or the down arrow to move to the list, then Enter to open.", capitalise(plural(n, "patient", "patients")), s.shown))
	}
	if s.hasMore && (s.shown == "" || s.limit < patientsMaxResults) {
		s.more.Show()
	} else {
		s.more.Hide()
	}
}

// moveToResults moves the keyboard from the search box to the first
// result (Enter or ↓ in the box).
func (s *patientsScreen) moveToResults() {
	if s.applied != s.seq {
		s.focusWhenReady = true // the answer to the last keystroke is on its way
		return
	}
	if len(s.results) == 0 {
		return
	}
	s.list.cursor = 0
	s.list.Highlight(0)
	s.ctx.Window.Canvas().Focus(s.list)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// --- the search box and the results list ---

// patientSearchEntry is the search box: ↓ moves to the results, Escape
// clears it.
type patientSearchEntry struct {
	widget.Entry
	onDown   func()
	onEscape func()
}

func newPatientSearchEntry() *patientSearchEntry {
	e := &patientSearchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *patientSearchEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	case ev.Name == fyne.KeyEscape && e.onEscape != nil:
		e.onEscape()
	default:
		e.Entry.TypedKey(ev)
	}
}

// patientResults is the list of patients found: ↑ and ↓ move, Enter (or
// a click) opens, ↑ from the first row goes back to the search box.
type patientResults struct {
	widget.List
	cols    *columns
	cursor  int
	onOpen  func(int)
	onUpOut func()
	// onAlertsHover is told when the mouse enters or leaves a row's
	// alerts; onCursor when the keyboard's cursor moves to a row.
	onAlertsHover func(c *hoverCell, in bool)
	onCursor      func(row int)
}

func newPatientResults(cols *columns, items func() []app.PatientSummary) *patientResults {
	l := &patientResults{cols: cols}
	l.Length = func() int { return len(items()) }
	l.CreateItem = func() fyne.CanvasObject {
		return newPatientRow(cols, func(c *hoverCell, in bool) {
			if l.onAlertsHover != nil {
				l.onAlertsHover(c, in)
			}
		})
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		ps := items()
		if id >= 0 && id < len(ps) {
			fillPatientRow(o, ps[id])
		}
	}
	l.OnSelected = func(id widget.ListItemID) {
		l.cursor = id
		l.UnselectAll()
		if l.onOpen != nil {
			l.onOpen(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// reset shows new results from the top.
func (l *patientResults) reset() {
	l.cursor = 0
	l.UnselectAll()
	l.Refresh()
	l.ScrollToTop()
}

func (l *patientResults) TypedKey(ev *fyne.KeyEvent) {
	n := 0
	if l.Length != nil {
		n = l.Length()
	}
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.cursor >= 0 && l.cursor < n && l.onOpen != nil {
			l.onOpen(l.cursor)
		}
		return
	case fyne.KeyUp:
		if l.cursor <= 0 {
			if l.onUpOut != nil {
				l.onUpOut()
			}
			return
		}
		l.cursor--
	case fyne.KeyDown:
		if l.cursor < n-1 {
			l.cursor++
		}
	}
	l.List.TypedKey(ev)
	if (ev.Name == fyne.KeyUp || ev.Name == fyne.KeyDown) && l.onCursor != nil {
		l.onCursor(l.cursor)
	}
}

// FocusLost hides what the cursor showed.
func (l *patientResults) FocusLost() {
	l.List.FocusLost()
	if l.onCursor != nil {
		l.onCursor(-1)
	}
}

// newPatientRow is one line of the results: alert and needs icons, name,
// date of birth and age, postcode, NHS number, and the alerts and needs
// in words, so two John Smiths are told apart at a glance.
func newPatientRow(cols *columns, onAlertsHover func(*hoverCell, bool)) fyne.CanvasObject {
	alert := widget.NewIcon(nil)
	needs := widget.NewIcon(nil)
	icons := container.NewGridWithColumns(2, alert, needs)
	return row(cols, icons, cell(), cell(), cell(), cell(), newHoverCell(onAlertsHover))
}

func fillPatientRow(o fyne.CanvasObject, p app.PatientSummary) {
	cells := o.(*fyne.Container).Objects
	icons := cells[0].(*fyne.Container).Objects
	if len(p.Alerts) > 0 {
		icons[0].(*widget.Icon).SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
	} else {
		icons[0].(*widget.Icon).SetResource(nil)
	}
	if len(p.AISNeeds) > 0 || p.Interpreter {
		icons[1].(*widget.Icon).SetResource(theme.NewPrimaryThemedResource(theme.InfoIcon()))
	} else {
		icons[1].(*widget.Icon).SetResource(nil)
	}
	name := cells[1].(*widget.Label)
	name.TextStyle.Bold = true
	name.SetText(listName(p))
	cells[2].(*widget.Label).SetText(dobAge(p))
	cells[3].(*widget.Label).SetText(p.Postcode)
	cells[4].(*widget.Label).SetText(nhs.FormatNHSNumber(p.NHSNumber))
	flags := cells[5].(*hoverCell).label
	text := patientFlags(p)
	switch {
	case len(p.Alerts) > 0:
		flags.Importance = widget.DangerImportance
	case p.Status == "archived":
		flags.Importance = widget.LowImportance
	default:
		flags.Importance = widget.MediumImportance
	}
	flags.SetText(text)
}

// --- how patients are written on screen ---

// patientListName is "Surname, Forenames (Preferred)" as typed.
func patientListName(p app.Patient) string { return listName(p.Summary()) }

func listName(p app.PatientSummary) string {
	s := p.Surname + ", " + p.Forenames
	if p.PreferredName != "" && p.PreferredName != p.Forenames {
		s += " (" + p.PreferredName + ")"
	}
	return s
}

// patientFullName is "Title Forenames Surname".
func patientFullName(p app.Patient) string { return fullName(p.Summary()) }

func fullName(p app.PatientSummary) string {
	return strings.Join(strings.Fields(p.Title+" "+p.Forenames+" "+p.Surname), " ")
}

// patientToday is today's date at the clinic.
func patientToday() ukcal.Date { return ukcal.Today(wallClock()) }

// ukToISO reads a date typed dd/mm/yyyy into the stored form. Text that
// is not a date is passed on as it is, so the record's rules report it
// under its field.
func ukToISO(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	d, err := ukcal.ParseUK(text)
	if err != nil {
		return text
	}
	return d.String()
}

// patientDOBAge is "12/03/1980 (46)".
func patientDOBAge(p app.Patient) string { return dobAge(p.Summary()) }

func dobAge(p app.PatientSummary) string {
	if p.DOB == "" {
		return ""
	}
	s := ukcal.ShortFromISO(p.DOB)
	if age, ok := patients.AgeFromDOB(p.DOB, patientToday()); ok {
		s += fmt.Sprintf(" (%d)", age)
	}
	return s
}

// patientAlert is one of a patient's alerts.
type patientAlert = app.Alert

// alertLabel is an alert in words: "Violent warning: shouted at staff".
func alertLabel(a patientAlert) string {
	l := patients.Label(patients.AlertKinds, a.Kind)
	if a.Kind == "other" && a.Text != "" {
		return a.Text
	}
	if a.Text != "" {
		l += ": " + a.Text
	}
	return l
}

// needLabels are the patient's communication needs in words, the
// interpreter included.
func needLabels(p app.Patient) []string { return summaryNeeds(p.Summary()) }

func summaryNeeds(p app.PatientSummary) []string {
	var out []string
	for _, n := range p.AISNeeds {
		out = append(out, patients.Label(patients.AISNeeds, n))
	}
	if p.Interpreter {
		if p.Language != "" {
			out = append(out, p.Language+" interpreter")
		} else {
			out = append(out, "Interpreter")
		}
	}
	return out
}

// patientFlags is the short line of alerts and needs for the list.
func patientFlags(p app.PatientSummary) string {
	var parts []string
	for _, a := range p.Alerts {
		parts = append(parts, alertLabel(a)) // what the alert says, not "Other"
	}
	parts = append(parts, summaryNeeds(p)...)
	if p.Status == "archived" {
		parts = append([]string{"Archived"}, parts...)
	}
	return strings.Join(parts, " · ")
}

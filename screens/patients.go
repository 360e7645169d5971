package screens

import (
	"clinicdesk/app"
	"clinicdesk/app/patients"

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
	left    <-chan struct{} // closed when the screen is left
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

	results []patients.PatientSummary
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

// letGo drops the patients found and the record open, and any still on
// their way (Context.onLeave).
func (s *patientsScreen) letGo() {
	s.results = nil
	s.seq++
	if s.record != nil {
		s.record.data = recordData{}
	}
}

func (s *patientsScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.ctx.onLeave(s.letGo)
	s.left = s.ctx.Left()
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
	s.list = newPatientResults(s.ctx.Clinic, s.cols, func() []patients.PatientSummary { return s.results })
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
func (s *patientsScreen) openForm(p *patients.Patient) {
	say(s.message, widget.MediumImportance, "")
	s.form = newPatientForm(s, p)
	s.show(s.form.build())
	s.form.focusFirst()
}

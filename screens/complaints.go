package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// complaintsModuleID is the Complaints screen's ID (`clinicdesk demo --screen complaints`).
const complaintsModuleID = "complaints"

// complaintsListLimit is as many complaints as one list shows; the search
// box narrows it.
const complaintsListLimit = 500

// complaintsNewShortcut (Ctrl+N) opens the new-complaint form from the register.
var complaintsNewShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

// The register's lists, as the filter reads.
const (
	complaintsFilterOpen    = "Open"
	complaintsFilterDueSoon = "Due soon"
	complaintsFilterOverdue = "Overdue"
	complaintsFilterAll     = "All"
)

var complaintsFilters = []string{complaintsFilterOpen, complaintsFilterDueSoon, complaintsFilterOverdue, complaintsFilterAll}

var complaintsFilterLists = map[string]app.ComplaintList{
	complaintsFilterOpen:    app.ComplaintsOpen,
	complaintsFilterDueSoon: app.ComplaintsDueSoon,
	complaintsFilterOverdue: app.ComplaintsOverdue,
	complaintsFilterAll:     app.ComplaintsAll,
}

// anyOwner is the owner filter's "no filter" choice.
const anyOwner = "Anyone"

// pendingComplaint is the complaint the register opens on next time it is
// built (set by openComplaint from other modules; used once).
var pendingComplaint string

// openComplaint goes to the Complaints module and opens one complaint's
// file there (the Today panel, a patient record's link).
func openComplaint(ctx *Context, id string) {
	if ctx.Open == nil {
		return
	}
	pendingComplaint = id
	ctx.Open(complaintsModuleID)
}

// complaintsScreen is the Complaints module: the register with its lists,
// owner filter and search, and a complaint's file or the new-complaint
// form in its place.
type complaintsScreen struct {
	widget.BaseWidget

	ctx     *Context
	content *fyne.Container
	page    fyne.CanvasObject

	registerPage fyne.CanvasObject
	search       *complaintSearchEntry
	filter       *widget.RadioGroup
	owner        *widget.Select
	newButton    *widget.Button
	cols         *complaintColumns
	list         *widget.List
	listArea     *fyne.Container
	empty        *widget.Label
	count        *widget.Label
	message      *widget.Label

	owners  []users.User
	results []app.ComplaintRecord
	seq     int // bumped by every load; older answers are dropped

	file *complaintFile // the complaint open now, if any
	form *complaintForm // the new-complaint form open now, if any
}

func newComplaintsScreen(ctx *Context) *complaintsScreen {
	return &complaintsScreen{ctx: ctx}
}

func (s *complaintsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// letGo drops the complaints read, and any still on their way
// (Context.onLeave).
func (s *complaintsScreen) letGo() {
	s.results = nil
	s.seq++
}

func (s *complaintsScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	s.ctx.onLeave(s.letGo)
	s.search = newComplaintSearchEntry()
	s.search.SetPlaceHolder("Search: reference, complainant or what it is about")
	s.search.OnChanged = func(string) { s.reload() }
	s.search.onNew = s.openNewForm
	s.search.onDown = func() { s.ctx.Window.Canvas().Focus(s.list) }

	s.filter = widget.NewRadioGroup(complaintsFilters, func(string) { s.reload() })
	s.filter.Horizontal = true
	s.filter.Required = true
	s.filter.Selected = complaintsFilterOpen

	s.owner = widget.NewSelect([]string{anyOwner}, func(string) { s.reload() })
	s.owner.Selected = anyOwner
	// Unread, the filter offers only "anyone": the list still loads and
	// says its own errors, so nothing is hidden.
	if owners, err := s.ctx.Clinic.ComplaintOwners(); err == nil {
		s.owners = owners
		opts := []string{anyOwner}
		for _, u := range owners {
			opts = append(opts, u.FullName)
		}
		s.owner.Options = opts
	}

	s.newButton = widget.NewButtonWithIcon("New complaint ("+doorShortcutText("N")+")", theme.ContentAddIcon(), s.openNewForm)
	s.newButton.Importance = widget.HighImportance
	if !s.ctx.Clinic.Can(app.PermLogComplaints) {
		s.newButton.Hide()
	}

	s.cols = &complaintColumns{}
	s.list = widget.NewList(func() int { return len(s.results) },
		func() fyne.CanvasObject { return newComplaintRow(s.cols) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(s.results) {
				fillComplaintRow(o, s.results[id])
			}
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id >= 0 && id < len(s.results) {
			s.openFile(s.results[id].ID)
		}
	}
	var titles []fyne.CanvasObject
	for _, t := range []string{"Reference", "Received", "Complainant", "Patient", "Subject", "Status", "Next deadline", "Owner"} {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		titles = append(titles, l)
	}
	header := container.New(s.cols, titles...)
	s.empty = wrapped("")
	s.count = wrapped("")
	s.message = note()
	table := container.NewBorder(header, s.count, nil, nil, s.list)
	s.listArea = container.NewStack(table, container.NewVBox(s.empty))

	ownerBox := container.NewHBox(widget.NewLabel("Owner"), sized(s.owner, 200))
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), s.newButton, s.search),
		container.NewBorder(nil, nil, s.filter, ownerBox),
		s.message,
	)
	s.registerPage = container.NewPadded(container.NewBorder(top, nil, nil, nil, s.listArea))
	s.content = container.NewStack(s.registerPage)
	s.page = s.registerPage
	if id := pendingComplaint; id != "" {
		pendingComplaint = ""
		s.openFile(id)
	}
	s.reload()
	return s
}

// restoreDraft is called by the shell once the screen is in the window:
// the moment to put the cursor in the search box, so typing searches and
// Ctrl+N starts a new complaint, unless there is typing to go back to.
func (s *complaintsScreen) restoreDraft() bool {
	if s.restoreTyping() { // back to unsaved typing (complaints_form_draft.go)
		return true
	}
	if s.page == s.registerPage {
		s.ctx.Window.Canvas().Focus(s.search)
	}
	return false
}

// show puts a page in the screen's place.
func (s *complaintsScreen) show(page fyne.CanvasObject) {
	clearSuccess() // the last page's "Saved" is not about this one
	s.page = page
	s.content.Objects = []fyne.CanvasObject{page}
	s.content.Refresh()
}

// backToRegister leaves a file or the form for the register, reading it
// again (the complaint may have moved on), with a message if there is one.
func (s *complaintsScreen) backToRegister(message string) {
	s.file, s.form = nil, nil
	s.show(s.registerPage)
	say(s.message, widget.SuccessImportance, message)
	s.ctx.Window.Canvas().Focus(s.search)
	s.reload()
}

// openFile shows one complaint's file in the register's place.
func (s *complaintsScreen) openFile(id string) {
	s.form = nil
	s.file = newComplaintFile(s.ctx, id, s.backToRegister)
	s.show(s.file.build())
}

// openNewForm shows the form for logging a complaint.
func (s *complaintsScreen) openNewForm() {
	if !s.ctx.Clinic.Can(app.PermLogComplaints) {
		return
	}
	s.file = nil
	s.form = newComplaintForm(s.ctx, func(rec *app.ComplaintRecord) {
		if rec == nil {
			s.backToRegister("")
			return
		}
		s.openFile(rec.ID)
		s.file.say(widget.SuccessImportance, fmt.Sprintf("%s logged. Acknowledge it by %s.", rec.Reference, rec.Due.AcknowledgeBy.LongWithDay()))
	})
	s.show(s.form.build())
}

// query is what the filters ask for.
func (s *complaintsScreen) query() app.ComplaintQuery {
	q := app.ComplaintQuery{List: complaintsFilterLists[s.filter.Selected], Search: strings.TrimSpace(s.search.Text), Limit: complaintsListLimit}
	for _, u := range s.owners {
		if u.FullName == s.owner.Selected {
			q.OwnerID = u.ID
		}
	}
	return q
}

// reload reads the list off the UI goroutine; a slower, older answer is
// dropped.
func (s *complaintsScreen) reload() {
	if s.list == nil {
		return
	}
	s.seq++
	seq := s.seq
	q := s.query()
	c := s.ctx.Clinic
	offUI(s.ctx, func() ([]app.ComplaintRecord, error) { return c.ListComplaints(q) }, func(recs []app.ComplaintRecord, err error) {
		if seq != s.seq {
			return
		}
		if err != nil {
			say(s.message, widget.DangerImportance, "The register could not be read: "+plainError(err))
			return
		}
		s.showResults(q, recs)
	})
}

// showResults fills the list, the count and the empty state.
func (s *complaintsScreen) showResults(q app.ComplaintQuery, recs []app.ComplaintRecord) {
	s.results = recs
	s.list.Refresh()
	table, empty := s.listArea.Objects[0], s.listArea.Objects[1]
	if len(recs) == 0 {
		s.empty.SetText(complaintsEmptyText(q, s.ctx.Clinic.Can(app.PermLogComplaints)))
		table.Hide()
		empty.Show()
		return
	}
	empty.Hide()
	table.Show()
	overdue := 0
	for _, r := range recs {
		if r.Overdue {
			overdue++
		}
	}
	text := plural(int64(len(recs)), "complaint", "complaints")
	if overdue > 0 && q.List != app.ComplaintsOverdue {
		text += fmt.Sprintf(" · %d overdue", overdue)
	}
	if len(recs) >= complaintsListLimit {
		text += fmt.Sprintf(" · showing the first %d: search to narrow the list", complaintsListLimit)
	}
	s.count.SetText(text)
}

// complaintsEmptyText says why a list is empty and what to do next.
func complaintsEmptyText(q app.ComplaintQuery, canLog bool) string {
	newHint := " Log one with New complaint (" + doorShortcutText("N") + ")."
	if !canLog {
		newHint = ""
	}
	switch {
	case q.Search != "":
		return "No complaint matches “" + q.Search + "”. Search by reference (C-2026-014), the complainant's name or a word from the description."
	case q.OwnerID != "":
		return "No complaints in this list belong to that owner. Choose Anyone to see them all."
	}
	switch q.List {
	case app.ComplaintsDueSoon:
		return "Nothing due in the next few working days."
	case app.ComplaintsOverdue:
		return "Nothing overdue: every complaint has been acknowledged and answered on time."
	case app.ComplaintsAll:
		return "The register is empty." + newHint
	}
	return "No open complaints." + newHint
}

// The register's columns: the reference, the dates, the status and the
// deadline in words keep their widths, so they are never cut; the names,
// the subject and the owner share what is left.
var (
	complaintFixed  = map[int]float32{0: 100, 1: 98, 5: 124, 6: 226}
	complaintShares = map[int]float32{2: 0.29, 3: 0.27, 4: 0.26, 7: 0.18}
)

// complaintColumns lays out the register's header and rows.
type complaintColumns struct{}

func (complaintColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		h = max(h, o.MinSize().Height)
		if fw, ok := complaintFixed[i]; ok {
			w += fw
		} else {
			w += 50
		}
	}
	return fyne.NewSize(w, h)
}

func (complaintColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var fixed float32
	for _, fw := range complaintFixed {
		fixed += fw
	}
	flex := max(size.Width-fixed, 0)
	var x float32
	for i, o := range objects {
		w, ok := complaintFixed[i]
		if !ok {
			w = flex * complaintShares[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// newComplaintRow is one complaint in the register.
func newComplaintRow(cols *complaintColumns) fyne.CanvasObject {
	ref := cell()
	ref.TextStyle.Bold = true
	return container.New(cols, ref, cell(), cell(), cell(), cell(), cell(), cell(), cell())
}

func fillComplaintRow(o fyne.CanvasObject, r app.ComplaintRecord) {
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(r.Reference)
	cells[1].(*widget.Label).SetText(r.Received.Short())
	cells[2].(*widget.Label).SetText(r.ComplainantName)
	cells[3].(*widget.Label).SetText(r.PatientName)
	cells[4].(*widget.Label).SetText(subjectsText(r.Subjects))
	cells[5].(*widget.Label).SetText(statusShort(r.Status))
	next := cells[6].(*widget.Label)
	next.Importance, next.TextStyle.Bold = widget.MediumImportance, false
	next.SetText(nextDeadlineText(r))
	if r.Overdue {
		next.Importance, next.TextStyle.Bold = widget.DangerImportance, true
		next.Refresh()
	}
	cells[7].(*widget.Label).SetText(r.OwnerName)
}

// statusShort is the status as the register's narrow column shows it.
func statusShort(st complaints.Status) string {
	if st == complaints.ReferredPHSO {
		return "Ombudsman"
	}
	return st.Label()
}

// nextDeadlineText is the deadline being worked to in words, "overdue by
// 3 working days" (the status says which deadline: acknowledgement while
// received, the response after); what is left once the response has gone.
func nextDeadlineText(r app.ComplaintRecord) string {
	switch {
	case r.HasNext:
		return capitalise(r.NextText)
	case !r.RetainUntil.IsZero():
		return "Keep until " + r.RetainUntil.Short()
	case r.Status == complaints.ReferredPHSO:
		return "With the Ombudsman"
	case r.Status == complaints.ResponseSent:
		return "Close when done"
	}
	return ""
}

// subjectsText lists the subject areas: "Appointments, Clinical".
func subjectsText(ss []complaints.SubjectArea) string {
	labels := make([]string, len(ss))
	for i, s := range ss {
		labels[i] = s.Label()
	}
	return strings.Join(labels, ", ")
}

// complaintSearchEntry is the register's search box: ↓ moves to the list,
// Ctrl+N starts a new complaint.
type complaintSearchEntry struct {
	widget.Entry
	onDown func()
	onNew  func()
}

func newComplaintSearchEntry() *complaintSearchEntry {
	e := &complaintSearchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *complaintSearchEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *complaintSearchEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.ShortcutName() == complaintsNewShortcut.ShortcutName() && e.onNew != nil {
		e.onNew()
		return
	}
	e.Entry.TypedShortcut(sc)
}

// withOpenComplaint adds "Open complaint" beside a patient timeline row
// that links to a complaint; the row itself carries only the reference.
func withOpenComplaint(ctx *Context, e app.TimelineEntry, row fyne.CanvasObject) fyne.CanvasObject {
	if e.ComplaintID == "" || !ctx.Clinic.Can(app.PermViewComplaints) {
		return row
	}
	open := widget.NewButtonWithIcon("Open complaint", theme.DocumentIcon(), func() { openComplaint(ctx, e.ComplaintID) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(open), row)
}

package screens

import (
	"fmt"
	"sort"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const referralsModuleID = "referrals"

// referralsNewShortcut (Ctrl+N) opens the new referral dialog.
var referralsNewShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}

// pendingReferral is the referral the screen opens on when built next
// (the patient's timeline opens one).
var pendingReferral string

// pendingTrackingList: the screen opens on the tracking list when built
// next (Today's referrals card opens it).
var pendingTrackingList bool

// openTrackingList shows the Referrals screen's tracking list.
func openTrackingList(ctx *Context) {
	if ctx.Open == nil {
		return
	}
	pendingTrackingList = true
	ctx.Open(referralsModuleID)
}

// openReferral shows one referral on the Referrals screen.
func openReferral(ctx *Context, id string) {
	if ctx.Open == nil {
		return
	}
	pendingReferral = id
	ctx.Open(referralsModuleID)
}

// The register's filters, as they read.
const (
	referralsBoth     = "In and out"
	referralsIn       = "Referrals in"
	referralsOut      = "Referrals out"
	referralsOpen     = "Open"
	referralsClosed   = "Closed"
	referralsAll      = "Open and closed"
	referralsAnyUrg   = "Any urgency"
	referralsAnyOwner = "Anyone's"
)

// referralsScreen is the Referrals module: the register and the tracking
// list in tabs, and one referral's page in their place when opened.
type referralsScreen struct {
	ctx   *Context
	left  <-chan struct{} // closed when the screen is left
	page  *fyne.Container // the tabs, or one referral
	tabs  *container.AppTabs
	staff []users.User

	// The register.
	items     []registerLine
	shown     []registerLine // after the urgency filter
	direction *widget.Select
	state     *widget.Select
	urgency   *widget.Select
	owner     *widget.Select
	list      *widget.List
	cols      *columns
	summary   *widget.Label
	message   *widget.Label
	newButton *widget.Button

	ptl  *ptlTab
	file *referralFile
	form *newReferralForm // the new referral dialog, while open
}

func newReferralsScreen(ctx *Context) *referralsScreen {
	return &referralsScreen{ctx: ctx}
}

func (s *referralsScreen) build() fyne.CanvasObject {
	// Staff names for the owner column and filter: a short list, read here.
	s.staff, _ = s.ctx.Clinic.StaffList()
	s.ptl = newPTLTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Register", s.registerView()),
		container.NewTabItem("Tracking list (PTL)", s.ptl.build()),
	)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text != "Register" {
			s.ptl.reload()
		}
	}
	s.page = container.NewStack(s.tabs)
	s.ctx.addScreenShortcut(referralsNewShortcut, s.newReferral)
	s.left = s.ctx.Left()
	s.ctx.onLeave(s.letGo)
	s.reload()
	if id := pendingReferral; id != "" {
		pendingReferral = ""
		s.openFile(id)
	} else if pendingTrackingList {
		pendingTrackingList = false
		s.tabs.SelectIndex(1)
	} else if latestTyping(s.ctx.Clinic, referralsModuleID, referralNewPlace) != "" {
		s.newReferral() // back to the referral she was typing before the lock
	}
	return container.NewPadded(s.page)
}

func (s *referralsScreen) registerView() fyne.CanvasObject {
	s.cols = &columns{widths: []float32{170, 62, 200, 95, 135, 345}}
	s.summary = wrapped("Reading the referrals…")
	s.message = note()
	s.direction = widget.NewSelect([]string{referralsBoth, referralsIn, referralsOut}, func(string) { s.reload() })
	s.direction.SetSelectedIndex(0)
	s.state = widget.NewSelect([]string{referralsOpen, referralsClosed, referralsAll}, func(string) { s.reload() })
	s.state.SetSelectedIndex(0)
	urgencies := []string{referralsAnyUrg}
	for _, u := range pathways.Urgencies {
		urgencies = append(urgencies, u.Label())
	}
	s.urgency = widget.NewSelect(urgencies, func(string) { s.filterUrgency() })
	s.urgency.SetSelectedIndex(0)
	owners := []string{referralsAnyOwner}
	for _, u := range s.staff {
		owners = append(owners, u.FullName)
	}
	s.owner = widget.NewSelect(owners, func(string) { s.reload() })
	s.owner.SetSelectedIndex(0)
	s.list = widget.NewList(func() int { return len(s.shown) }, s.newRow, s.fillRow)
	s.list.OnSelected = s.choose
	s.newButton = widget.NewButtonWithIcon("New referral (Ctrl+N)…", theme.ContentAddIcon(), s.newReferral)
	s.newButton.Importance = widget.HighImportance
	if !s.ctx.Clinic.Can(app.PermEditReferrals) {
		s.newButton.Hide()
	}
	filters := container.NewHBox(widget.NewLabel("Show"), s.direction, s.state, s.urgency, widget.NewLabel("looked after by"), s.owner)
	top := container.NewVBox(container.NewHBox(heading("Referrals"), layout.NewSpacer(), s.newButton), filters, s.summary, s.message,
		headerRow(s.cols, "Patient", "In/out", "From or to", "Date", "Urgency", "Clock", "Looked after by"))
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *referralsScreen) newRow() fyne.CanvasObject {
	name := cell()
	name.TextStyle.Bold = true
	return row(s.cols, name, cell(), cell(), cell(), cell(), cell(), cell())
}

func (s *referralsScreen) fillRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.shown) {
		return
	}
	line := s.shown[i]
	for j, c := range o.(*fyne.Container).Objects {
		l := c.(*widget.Label)
		l.Importance = widget.MediumImportance
		if j == registerClockColumn {
			l.Importance = line.clock
		}
		l.SetText(line.texts[j])
	}
}

// staffName is a member of staff's full name from their user id.
func (s *referralsScreen) staffName(id string) string {
	for _, u := range s.staff {
		if u.ID == id {
			return u.FullName
		}
	}
	if id == "" {
		return ""
	}
	return "someone who has left"
}

// query is the register's filters as the facade takes them.
func (s *referralsScreen) query() app.ReferralQuery {
	var q app.ReferralQuery
	switch s.direction.Selected {
	case referralsIn:
		q.Direction = pathways.In
	case referralsOut:
		q.Direction = pathways.Out
	}
	switch s.state.Selected {
	case referralsOpen:
		q.OpenOnly = true
	case referralsClosed:
		q.Status = pathways.StatusClosed
	}
	if i := s.owner.SelectedIndex(); i > 0 && i-1 < len(s.staff) {
		q.OwnerID = s.staff[i-1].ID
	}
	return q
}

func (s *referralsScreen) reload() {
	if s.list == nil || s.owner == nil {
		return // still building: the last filter set reads the list
	}
	c, q := s.ctx.Clinic, s.query()
	q.WithoutEvents = true
	offUI(s.ctx, func() ([]registerLine, error) {
		recs, err := c.Referrals(q)
		if err != nil {
			return nil, err
		}
		// Newest first: the desk works on what came in last.
		sort.SliceStable(recs, func(i, j int) bool { return recs[i].Referral.Date.After(recs[j].Referral.Date) })
		return s.registerLines(recs, ukcal.Today(wallClock())), nil
	}, s.show)
}

// letGo drops the register and the tracking list read (Context.onLeave).
func (s *referralsScreen) letGo() {
	s.items, s.shown = nil, nil
	s.ptl.list = pathways.PTL{}
}

func (s *referralsScreen) show(items []registerLine, err error) {
	if hasLeft(s.left) {
		return // read for a screen left since
	}
	if err != nil {
		say(s.summary, widget.DangerImportance, "The referrals could not be read: "+plainError(err))
		return
	}
	s.items = items
	s.filterUrgency()
}

// filterUrgency narrows the list read to the urgency chosen.
func (s *referralsScreen) filterUrgency() {
	if s.list == nil {
		return
	}
	if i := s.urgency.SelectedIndex(); i <= 0 {
		s.shown = s.items // the same lines, not a copy of thousands
	} else {
		s.shown = nil
		for _, line := range s.items {
			if pathways.Urgencies[i-1] == line.urgency {
				s.shown = append(s.shown, line)
			}
		}
	}
	breached := 0
	for _, line := range s.shown {
		if line.breached {
			breached++
		}
	}
	switch {
	case len(s.items) == 0 && s.direction.SelectedIndex() == 0 && s.state.Selected == referralsOpen && s.owner.SelectedIndex() == 0:
		empty := "No referrals yet. Add one with New referral (Ctrl+N) when a referral arrives or you send one."
		if !s.ctx.Clinic.Can(app.PermEditReferrals) {
			empty = "No open referrals are yours to see."
		}
		say(s.summary, widget.MediumImportance, empty)
	case len(s.shown) == 0:
		say(s.summary, widget.MediumImportance, "No referrals match these choices. Choose “In and out”, “Open and closed” and “Anyone's” to see them all.")
	case breached > 0:
		say(s.summary, widget.DangerImportance, fmt.Sprintf("%s, %d past 18 weeks (in red). The newest is first; choose one to open it.",
			plural(int64(len(s.shown)), "referral", "referrals"), breached))
	default:
		say(s.summary, widget.MediumImportance, fmt.Sprintf("%s. The newest is first; choose one to open it.", plural(int64(len(s.shown)), "referral", "referrals")))
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *referralsScreen) choose(i widget.ListItemID) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	id := s.shown[i].id
	s.list.UnselectAll()
	s.openFile(id)
}

// openFile shows one referral in the tabs' place.
func (s *referralsScreen) openFile(id string) {
	s.file = newReferralFile(s, id)
	s.page.Objects = []fyne.CanvasObject{s.file.build()}
	s.page.Refresh()
}

// closeFile goes back to the tabs, read again.
func (s *referralsScreen) closeFile() {
	s.file = nil
	s.page.Objects = []fyne.CanvasObject{s.tabs}
	s.page.Refresh()
	s.reload()
	s.ptl.reload()
}

// newReferral opens the new referral dialog; the saved referral opens.
func (s *referralsScreen) newReferral() {
	if !s.ctx.Clinic.Can(app.PermEditReferrals) {
		return
	}
	s.form = askNewReferral(s.ctx, "", "", s.staff, func(r pathways.Referral) {
		s.form = nil
		s.openFile(r.ID)
		next := "Book its first appointment, or print the acknowledgement to the referrer, from here."
		if r.Direction == pathways.Out {
			next = "Print the referral letter to send from here."
		}
		say(s.file.message, widget.SuccessImportance, "Referral added. "+next)
	})
}

package screens

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/sar"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const sarModuleID = "sar"

// pendingSAR is the request the register selects when it opens next
// (Today and the patient's record open it on one).
var pendingSAR string

// openSARRegister shows the register, on the request id when not empty.
func openSARRegister(ctx *Context, id string) {
	if ctx.Open == nil {
		return
	}
	pendingSAR = id
	ctx.Open(sarModuleID)
}

// sarScreen is the subject access register: every request not yet
// answered, the earliest due first, overdue ones in red, with what can be
// done to the one chosen.
type sarScreen struct {
	ctx      *Context
	items    []app.SARDue
	chosen   int
	list     *widget.List
	summary  *widget.Label
	message  *widget.Label
	detail   *widget.Label
	cols     *columns
	pause    *widget.Button
	resume   *widget.Button
	extend   *widget.Button
	produce  *widget.Button
	record   *widget.Button
	selectID string
}

func newSARScreen(ctx *Context) *sarScreen {
	s := &sarScreen{ctx: ctx, chosen: -1, selectID: pendingSAR}
	pendingSAR = ""
	return s
}

func (s *sarScreen) build() fyne.CanvasObject {
	s.cols = &columns{widths: []float32{105, 250, 220, 170}}
	s.summary = wrapped("Reading the register…")
	s.message = note()
	s.detail = wrapped("Choose a request to see it and act on it.")
	s.list = widget.NewList(func() int { return len(s.items) }, s.newRow, s.fillRow)
	s.list.OnSelected = s.choose
	s.list.OnUnselected = func(widget.ListItemID) { s.choose(-1) }
	logB := widget.NewButtonWithIcon("Log a request…", theme.ContentAddIcon(), s.logRequest)
	logB.Importance = widget.HighImportance
	s.pause = widget.NewButtonWithIcon("Pause the clock…", theme.MediaPauseIcon(), s.pauseChosen)
	s.resume = widget.NewButtonWithIcon("Restart the clock…", theme.MediaPlayIcon(), s.resumeChosen)
	s.extend = widget.NewButtonWithIcon("Extend…", theme.HistoryIcon(), s.extendChosen)
	s.produce = widget.NewButtonWithIcon("Make the copy…", theme.DocumentSaveIcon(), s.produceChosen)
	s.record = widget.NewButtonWithIcon("Open the record", theme.AccountIcon(), s.openRecord)
	s.enable()
	title := heading("Subject access requests")
	top := container.NewVBox(container.NewHBox(title, layout.NewSpacer(), logB), s.summary, s.message,
		headerRow(s.cols, "Due", "", "Patient", "Status", "Received, and who asked"))
	actions := container.NewVBox(widget.NewSeparator(), s.detail,
		container.NewHBox(s.pause, s.resume, s.extend, s.produce, layout.NewSpacer(), s.record))
	s.reload()
	return container.NewPadded(container.NewBorder(top, actions, nil, nil, s.list))
}

func (s *sarScreen) newRow() fyne.CanvasObject {
	due := cell()
	due.TextStyle.Bold = true
	return row(s.cols, due, cell(), cell(), cell(), cell())
}

func (s *sarScreen) fillRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.items) {
		return
	}
	d := s.items[i]
	cells := o.(*fyne.Container).Objects
	imp := widget.MediumImportance
	if d.Overdue {
		imp = widget.DangerImportance
	} else if _, paused := d.Request.OpenPause(); paused {
		imp = widget.LowImportance
	}
	texts := []string{d.Due.Short(), d.Words, d.Patient, d.Request.Status().Label(),
		d.Request.Received.Short() + ", " + sarWho(d.Request)}
	for j, c := range cells {
		l := c.(*widget.Label)
		l.Importance = imp
		if j > 2 {
			l.Importance = widget.MediumImportance
		}
		l.SetText(texts[j])
	}
}

// sarWho is who asked, as the list says it.
func sarWho(r sar.Request) string {
	if r.ByPatient() {
		return "the patient"
	}
	return r.RequestedBy
}

func (s *sarScreen) reload() {
	c := s.ctx.Clinic
	offUI(s.ctx, func() ([]app.SARDue, error) { return c.OpenSARs() }, s.show)
}

func (s *sarScreen) show(items []app.SARDue, err error) {
	if err != nil {
		say(s.summary, widget.DangerImportance, "The register could not be read: "+plainError(err))
		return
	}
	keep := s.selectID
	if keep == "" && s.chosen >= 0 && s.chosen < len(s.items) {
		keep = s.items[s.chosen].Request.ID
	}
	s.items, s.selectID = items, ""
	overdue, paused := 0, 0
	for _, d := range items {
		if d.Overdue {
			overdue++
		}
		if _, p := d.Request.OpenPause(); p {
			paused++
		}
	}
	switch {
	case len(items) == 0:
		say(s.summary, widget.MediumImportance, "No requests are open. Log one here when it arrives (by letter, email or at the desk), or from the patient's record.")
	case overdue > 0:
		say(s.summary, widget.DangerImportance, fmt.Sprintf("%d open, %d overdue, %d paused. Overdue requests are in red: make the copy now.", len(items), overdue, paused))
	default:
		say(s.summary, widget.MediumImportance, fmt.Sprintf("%d open, %d paused. The earliest due is first.", len(items), paused))
	}
	s.list.UnselectAll()
	s.chosen = -1
	s.list.Refresh()
	for i, d := range items {
		if d.Request.ID == keep {
			s.list.Select(i)
			s.list.ScrollTo(i)
		}
	}
	s.enable()
}

func (s *sarScreen) choose(i widget.ListItemID) {
	s.chosen = i
	if i >= 0 && i < len(s.items) {
		s.detail.SetText(sarDetail(s.items[i]))
	} else {
		s.detail.SetText("Choose a request to see it and act on it.")
	}
	s.enable()
}

// sarDetail says everything about one request in a few lines.
func sarDetail(d app.SARDue) string {
	r := d.Request
	text := fmt.Sprintf("%s: received %s from %s, asking for %s. ", d.Patient, r.Received.Short(), sarWho(r), r.Scope)
	if r.IdentityCheck != "" {
		text += "Identity: " + r.IdentityCheck + ". "
	}
	for _, p := range r.Pauses {
		if p.Open() {
			text += fmt.Sprintf("Waiting for %s since %s. ", p.Reason.Label(), p.From.Short())
		} else {
			text += fmt.Sprintf("Paused %s to %s for %s. ", p.From.Short(), p.To.Short(), p.Reason.Label())
		}
	}
	if r.IsExtended() {
		text += fmt.Sprintf("Extended by notice sent %s. ", r.ExtensionSent.Short())
	}
	return text + "Due " + d.Due.Short() + " (" + d.Words + ")."
}

func (s *sarScreen) enable() {
	var req *sar.Request
	if s.chosen >= 0 && s.chosen < len(s.items) {
		req = &s.items[s.chosen].Request
	}
	set := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	paused := false
	if req != nil {
		_, paused = req.OpenPause()
	}
	set(s.pause, req != nil && !paused)
	set(s.resume, req != nil && paused)
	set(s.extend, req != nil && !req.IsExtended())
	set(s.produce, req != nil)
	set(s.record, req != nil)
}

func (s *sarScreen) current() (app.SARDue, bool) {
	if s.chosen < 0 || s.chosen >= len(s.items) {
		return app.SARDue{}, false
	}
	return s.items[s.chosen], true
}

// saved shows what happened and reads the register again, on the request.
func (s *sarScreen) saved(what string) func(sar.Request) {
	return func(r sar.Request) {
		s.selectID = r.ID
		say(s.message, widget.SuccessImportance, what)
		s.reload()
	}
}

func (s *sarScreen) logRequest() {
	askSARLog(s.ctx, "", "", s.saved("Request logged."))
}

func (s *sarScreen) pauseChosen() {
	if d, ok := s.current(); ok {
		askSARPause(s.ctx, d.Request, s.saved("Clock paused."))
	}
}

func (s *sarScreen) resumeChosen() {
	if d, ok := s.current(); ok {
		askSARResume(s.ctx, d.Request, s.saved("Clock restarted."))
	}
}

func (s *sarScreen) extendChosen() {
	if d, ok := s.current(); ok {
		due := s.ctx.Clinic.SARDueWithoutExtension(d.Request)
		askSARExtend(s.ctx, d.Request, due, s.saved("Extended by two months: print and send the notice."))
	}
}

func (s *sarScreen) produceChosen() {
	d, ok := s.current()
	if !ok {
		return
	}
	produceSAR(s.ctx, d.Request, d.Patient, func(_ sar.Request, msg string, err error) {
		if err != nil {
			say(s.message, widget.DangerImportance, "The copy was not made: "+plainError(err))
			return
		}
		say(s.message, widget.SuccessImportance, msg)
		s.reload()
	})
}

func (s *sarScreen) openRecord() {
	if d, ok := s.current(); ok {
		openPatientRecord(s.ctx, d.Request.PatientID)
	}
}

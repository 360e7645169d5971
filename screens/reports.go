package screens

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const reportsModuleID = "reports"

// reportEmptyWhat is what a report counts, for the sentence an empty range shows.
var reportEmptyWhat = map[reports.Kind]string{
	reports.DNA: "appointments", reports.Cancellations: "appointments", reports.Utilisation: "working hours",
	reports.NewPatients: "new patients", reports.Referrals: "referrals", reports.Waiting: "referrals",
	reports.Complaints: "complaints", reports.Letters: "letters",
}

const (
	ko41bChoice          = "Complaints return KO41(b)"
	reportsWholeClinic   = "The whole clinic"
	reportsOwnFigures    = "Your own figures"
	reportsChooseReport  = "Choose a report"
	reportsByWeek        = "By week"
	reportsByMonth       = "By month"
	reportsChartHeight   = 280 // the least; more on a taller window
	reportsChartMinWidth = 480
	reportsNavWidth      = 260 // the screen list and the page's edges, beside the report
)

// reportsScreen is the Reports module: a report over a range of dates, by
// week or month, for the whole clinic or one clinician (a clinician sees
// only their own), as charts with the sentence and definition under each
// and the table of the same numbers; saved as CSV, a PDF pack or a picture.
// The KO41(b) complaints return is chosen from the same list.
type reportsScreen struct {
	ctx        *Context
	kinds      []reports.Kind // the picker's reports, in its order
	clinicians []schedule.Clinician
	ownOnly    bool // a clinician: their own figures, no filter

	report    *widget.Select
	preset    *widget.Select
	from, to  *textBox
	by        *widget.RadioGroup
	clinician *widget.Select
	rangeRow  *fyne.Container
	whoBox    fyne.CanvasObject // the clinician filter, or "Your own figures"
	status    *widget.Label     // what is being counted, or what is wrong
	message   *widget.Label     // what a save came to
	body      *fyne.Container
	scroll    *container.Scroll
	saveCSV   *widget.Button
	savePDF   *widget.Button
	savePNG   *widget.Button
	ko41      *ko41bPanel

	shown    reports.Report
	hasShown bool
	asked    int  // the newest reload; an older result is dropped
	quiet    bool // setting fields from code: no reload per field
}

func newReportsScreen(ctx *Context) *reportsScreen { return &reportsScreen{ctx: ctx} }

// letGo drops the report counted, its charts with it, and any still on
// its way (Context.onLeave).
func (s *reportsScreen) letGo() {
	s.shown, s.hasShown = reports.Report{}, false
	s.asked++
	if s.body != nil {
		s.body.Objects = nil
	}
}

func (s *reportsScreen) build() fyne.CanvasObject {
	s.ctx.onLeave(s.letGo)
	c := s.ctx.Clinic
	if sess, ok := c.Session(); ok && sess.Role == app.Clinician {
		s.ownOnly = true
	}
	s.kinds = c.ReportKinds()
	names := make([]string, 0, len(s.kinds)+1)
	for _, k := range s.kinds {
		names = append(names, k.Label())
	}
	if c.Can(app.PermComplaintsReturn) {
		names = append(names, ko41bChoice)
	}
	s.report = widget.NewSelect(names, func(string) { s.onReportChosen() })
	s.report.PlaceHolder = reportsChooseReport

	presets := make([]string, len(reports.Presets))
	for i, p := range reports.Presets {
		presets[i] = p.Label()
	}
	s.preset = widget.NewSelect(presets, func(string) { s.onPresetChosen() })
	s.from, s.to = newTextBox(), newTextBox()
	s.from.SetPlaceHolder("dd/mm/yyyy")
	s.to.SetPlaceHolder("dd/mm/yyyy")
	s.from.OnSubmitted = func(string) { s.onDatesTyped() }
	s.to.OnSubmitted = func(string) { s.onDatesTyped() }
	s.by = widget.NewRadioGroup([]string{reportsByMonth, reportsByWeek}, func(string) { s.onGroupingChosen() })
	s.by.Horizontal = true
	s.by.Required = true

	who := []string{reportsWholeClinic}
	if !s.ownOnly {
		s.clinicians, _ = c.Clinicians(true)
		for _, cl := range s.clinicians {
			who = append(who, cl.Name)
		}
	}
	s.clinician = widget.NewSelect(who, func(string) { s.onClinicianChosen() })

	s.status = wrapped("")
	s.message = note()
	s.body = container.NewVBox()
	s.saveCSV = widget.NewButtonWithIcon("Save CSV…", theme.DocumentSaveIcon(), s.onSaveCSV)
	s.savePDF = widget.NewButtonWithIcon("Save PDF pack…", theme.DocumentPrintIcon(), s.onSavePDF)
	s.savePNG = widget.NewButtonWithIcon("Save picture (PNG)…", theme.FileImageIcon(), s.onSavePNG)
	s.ko41 = newKO41bPanel(s)

	show := widget.NewButtonWithIcon("Show", theme.ViewRefreshIcon(), s.onDatesTyped)
	dates := container.NewHBox(widget.NewLabel("From"), container.New(&fixedWidth{120}, s.from),
		widget.NewLabel("to"), container.New(&fixedWidth{120}, s.to), show)
	whoBox := fyne.CanvasObject(container.New(&fixedWidth{220}, s.clinician))
	if s.ownOnly {
		whoBox = widget.NewLabel(reportsOwnFigures)
	}
	s.whoBox = whoBox
	s.rangeRow = container.NewHBox(container.New(&fixedWidth{330}, s.preset), dates, s.by)
	top := container.NewVBox(
		container.NewHBox(heading("Reports"), container.New(&fixedWidth{290}, s.report), whoBox, layout.NewSpacer(), s.saveCSV, s.savePDF, s.savePNG),
		s.rangeRow, s.status, s.message, widget.NewSeparator())

	s.quiet = true
	s.report.SetSelectedIndex(0)
	s.preset.SetSelectedIndex(0)
	s.setPresetDates()
	s.by.SetSelected(reportsByMonth)
	s.clinician.SetSelectedIndex(0)
	s.quiet = false
	s.reload()
	s.scroll = container.NewVScroll(s.body)
	return container.NewBorder(top, nil, nil, nil, s.scroll)
}

// chosenKind is the report picked, and false for the KO41(b) return.
func (s *reportsScreen) chosenKind() (reports.Kind, bool) {
	i := s.report.SelectedIndex()
	if i < 0 || i >= len(s.kinds) {
		return "", false
	}
	return s.kinds[i], true
}

func (s *reportsScreen) onReportChosen() {
	if s.quiet {
		return
	}
	if _, ok := s.chosenKind(); !ok && s.report.Selected == ko41bChoice {
		s.rangeRow.Hide()
		s.whoBox.Hide()
		s.showSaving(false) // the return has its own buttons
		s.body.Objects = []fyne.CanvasObject{s.ko41.build()}
		s.body.Refresh()
		setMessage(s.status, "")
		s.ko41.reload()
		return
	}
	s.rangeRow.Show()
	s.whoBox.Show()
	s.showSaving(true)
	s.reload()
}

func (s *reportsScreen) onPresetChosen() {
	if s.quiet {
		return
	}
	s.setPresetDates()
	s.reload()
}

// setPresetDates writes the preset's first and last day into the date
// fields, so the dates a report covers are always in sight.
func (s *reportsScreen) setPresetDates() {
	i := s.preset.SelectedIndex()
	if i < 0 || i >= len(reports.Presets) || reports.Presets[i] == reports.Custom {
		return
	}
	from, to := reports.PresetRange(reports.Presets[i], ukcal.Today(wallClock()))
	quiet := s.quiet
	s.quiet = true
	s.from.SetText(from.Short())
	s.to.SetText(to.Short())
	s.quiet = quiet
}

// onDatesTyped makes the range the dates typed; dates other than the
// preset's make the preset "Choose the dates".
func (s *reportsScreen) onDatesTyped() {
	if s.quiet {
		return
	}
	if from, to, err := s.typedDates(); err == nil && !s.presetGives(from, to) {
		for i, p := range reports.Presets {
			if p == reports.Custom {
				s.quiet = true
				s.preset.SetSelectedIndex(i)
				s.quiet = false
			}
		}
	}
	s.reload()
}

// presetGives is whether the chosen preset is these dates.
func (s *reportsScreen) presetGives(from, to ukcal.Date) bool {
	i := s.preset.SelectedIndex()
	if i < 0 || i >= len(reports.Presets) || reports.Presets[i] == reports.Custom {
		return false
	}
	pf, pt := reports.PresetRange(reports.Presets[i], ukcal.Today(wallClock()))
	return pf == from && pt == to
}

func (s *reportsScreen) onGroupingChosen() {
	if !s.quiet {
		s.reload()
	}
}

func (s *reportsScreen) onClinicianChosen() {
	if !s.quiet {
		s.reload()
	}
}

func (s *reportsScreen) typedDates() (from, to ukcal.Date, err error) {
	if from, err = reportDay(s.from.Text, "first", "01/04/2026"); err != nil {
		return from, to, err
	}
	to, err = reportDay(s.to.Text, "last", "31/03/2027")
	return from, to, err
}

// reportDay reads a typed dd/mm/yyyy date, or says what is wrong with it.
func reportDay(text, which, example string) (ukcal.Date, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return ukcal.Date{}, fmt.Errorf("write the %s day of the report, as dd/mm/yyyy, such as %s", which, example)
	}
	d, err := ukcal.ParseUK(text)
	var bad *ukcal.UKDateError
	if errors.As(err, &bad) && bad.NoSuchDay {
		return d, fmt.Errorf("the %s day, %s, is not a day of the calendar: check the day and the month", which, text)
	}
	if err != nil {
		return d, fmt.Errorf("the %s day, %s, does not read as a date: write it as dd/mm/yyyy, such as %s", which, text, example)
	}
	return d, nil
}

// chosenRange is the range the fields describe, or what is wrong with it.
func (s *reportsScreen) chosenRange() (reports.Range, error) {
	from, to, err := s.typedDates()
	if err != nil {
		return reports.Range{}, err
	}
	r := reports.Range{From: from, To: to, By: reports.ByMonth}
	if s.by.Selected == reportsByWeek {
		r.By = reports.ByWeek
	}
	if i := s.clinician.SelectedIndex(); !s.ownOnly && i > 0 && i-1 < len(s.clinicians) {
		r.ClinicianID = s.clinicians[i-1].ID
	}
	return r, r.Check()
}

// fitClinicianFilter turns the clinician filter off for a report that
// belongs to no clinician (new patients, complaints, letters).
func (s *reportsScreen) fitClinicianFilter() {
	kind, ok := s.chosenKind()
	if ok && kind.ForWholeClinicOnly() {
		s.clinician.Disable()
		return
	}
	s.clinician.Enable()
}

// rangeFor is the range for kind: the chosen one, without the clinician
// for a report that belongs to none.
func rangeFor(kind reports.Kind, r reports.Range) reports.Range {
	if kind.ForWholeClinicOnly() {
		r.ClinicianID = ""
	}
	return r
}

// reload counts the chosen report off the UI goroutine; a result that
// comes back after a newer question is dropped.
func (s *reportsScreen) reload() {
	if s.quiet || s.body == nil {
		return
	}
	kind, ok := s.chosenKind()
	if !ok {
		return
	}
	r, err := s.chosenRange()
	if err != nil {
		say(s.status, widget.DangerImportance, plainError(err))
		return
	}
	s.fitClinicianFilter()
	r = rangeFor(kind, r)
	s.asked++
	asked := s.asked
	say(s.status, widget.MediumImportance, "Counting…")
	c := s.ctx.Clinic
	offUI(s.ctx, func() (reports.Report, error) { return c.Report(kind, r) }, func(rep reports.Report, err error) {
		if asked == s.asked {
			s.show(rep, err)
		}
	})
}

// show puts a report on the screen: each figure's chart, sentence,
// definition and table, or what to do when there is nothing to show.
func (s *reportsScreen) show(rep reports.Report, err error) {
	s.body.Objects = nil
	if err != nil {
		s.hasShown = false
		s.setSaving(false)
		s.body.Refresh()
		say(s.status, widget.DangerImportance, "The report could not be made: "+plainError(err))
		return
	}
	s.shown, s.hasShown = rep, true
	if reportIsEmpty(rep) {
		s.setSaving(false)
		s.savePDF.Enable() // a pack of every report may still hold something
		s.body.Refresh()
		advice := "pick a longer range"
		if rep.Range.ClinicianID != "" && !s.ownOnly {
			advice += " or another clinician"
		}
		say(s.status, widget.WarningImportance, fmt.Sprintf("No %s in this range — %s.", reportEmptyWhat[rep.Kind], advice))
		return
	}
	s.setSaving(true)
	say(s.status, widget.MediumImportance, rep.Title+": "+describeRange(rep.Range))
	for _, f := range rep.Figures {
		s.body.Add(newFigureView(s.ctx, f).build())
	}
	s.body.Refresh()
	s.scroll.ScrollToTop()
}

func (s *reportsScreen) showSaving(on bool) {
	for _, b := range []*widget.Button{s.saveCSV, s.savePDF, s.savePNG} {
		if on {
			b.Show()
		} else {
			b.Hide()
		}
	}
}

func (s *reportsScreen) setSaving(on bool) {
	for _, b := range []*widget.Button{s.saveCSV, s.savePDF, s.savePNG} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// reportIsEmpty is whether no figure has a value other than nought or missing.
func reportIsEmpty(rep reports.Report) bool {
	for _, f := range rep.Figures {
		for _, sr := range f.Series {
			for _, v := range sr.Values {
				if !reports.IsMissing(v) && v != 0 {
					return false
				}
			}
		}
	}
	return true
}

// describeRange is "1 April 2026 to 31 March 2027, by month".
func describeRange(r reports.Range) string {
	by := "by month"
	if r.By == reports.ByWeek {
		by = "by week"
	}
	return r.From.Long() + " to " + r.To.Long() + ", " + by
}

// errNothingShown is what a save says before any report has been shown.
var errNothingShown = errors.New("choose a report and its dates first")

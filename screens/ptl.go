package screens

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The tracking list's filters, as they read.
const (
	ptlAnyClinician = "Every clinician"
	ptlAnyKind      = "Every pathway"
	ptlAnyUrgency   = "Any urgency"
)

// ptlTab is the patient tracking list: every open pathway, the earliest
// breach date first, with the counts by weeks waited, filters, and the
// list saved as CSV or PDF.
type ptlTab struct {
	s          *referralsScreen
	list       pathways.PTL
	clinicians []schedule.Clinician
	clinician  *widget.Select
	kind       *widget.Select
	urgency    *widget.Select
	atRisk     *widget.Check
	riskDays   *textBox
	buckets    *widget.Label
	summary    *widget.Label
	message    *widget.Label
	table      *widget.List
	cols       *columns
}

func newPTLTab(s *referralsScreen) *ptlTab { return &ptlTab{s: s} }

func (p *ptlTab) build() fyne.CanvasObject {
	p.cols = &columns{widths: []float32{170, 100, 110, 150, 70, 95, 290}}
	p.clinicians, _ = p.s.ctx.Clinic.Clinicians(true)
	who := []string{ptlAnyClinician}
	for _, cl := range p.clinicians {
		who = append(who, cl.Name)
	}
	p.clinician = widget.NewSelect(who, func(string) { p.reload() })
	p.clinician.SetSelectedIndex(0)
	kinds := []string{ptlAnyKind}
	for _, k := range pathways.Kinds {
		kinds = append(kinds, k.Label())
	}
	p.kind = widget.NewSelect(kinds, func(string) { p.reload() })
	p.kind.SetSelectedIndex(0)
	urgencies := []string{ptlAnyUrgency}
	for _, u := range pathways.Urgencies {
		urgencies = append(urgencies, u.Label())
	}
	p.urgency = widget.NewSelect(urgencies, func(string) { p.reload() })
	p.urgency.SetSelectedIndex(0)
	p.riskDays = newTextBox()
	p.riskDays.SetText(strconv.Itoa(app.ReferralAtRiskDays))
	p.riskDays.OnSubmitted = func(string) { p.reload() }
	p.atRisk = widget.NewCheck("Only those at risk: treat-by date within", func(bool) { p.reload() })
	p.buckets = wrapped("")
	p.buckets.TextStyle.Bold = true
	p.summary = wrapped("Reading the tracking list…")
	p.message = note()
	p.table = widget.NewList(func() int { return len(p.list.Rows) }, p.newRow, p.fillRow)
	p.table.OnSelected = p.choose
	csv := widget.NewButtonWithIcon("Save as CSV…", theme.DocumentSaveIcon(), func() { p.save("csv") })
	pdf := widget.NewButtonWithIcon("Save as PDF…", theme.DocumentPrintIcon(), func() { p.save("pdf") })
	days := container.NewGridWrap(fyne.NewSize(60, p.riskDays.MinSize().Height), p.riskDays)
	filters := container.NewHBox(container.New(&fixedWidth{200}, p.clinician), container.New(&fixedWidth{220}, p.kind), container.New(&fixedWidth{170}, p.urgency), p.atRisk, days, widget.NewLabel("days"))
	top := container.NewVBox(container.NewHBox(heading("Patient tracking list"), layout.NewSpacer(), csv, pdf), filters,
		p.buckets, p.summary, p.message,
		headerRow(p.cols, "Patient", "Clinician", "Pathway", "Urgency", "Weeks", "Treat by", "Next step", "Looked after by"))
	return container.NewBorder(top, nil, nil, nil, p.table)
}

func (p *ptlTab) newRow() fyne.CanvasObject {
	name := cell()
	name.TextStyle.Bold = true
	return row(p.cols, name, cell(), cell(), cell(), cell(), cell(), cell(), cell())
}

func (p *ptlTab) fillRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.list.Rows) {
		return
	}
	r := p.list.Rows[i]
	weeks, breach := "", ""
	switch {
	case r.Counted():
		weeks, breach = strconv.Itoa(r.Clock.WeeksWaited()), r.Clock.Breach.Short()
	case r.HasClock:
		weeks = "–" // nullified: the next step says why
	}
	next := r.NextStep
	if r.Problem != "" {
		next = r.Problem
	}
	texts := []string{r.PatientName, r.ClinicianName, ptlKindWord(r.Referral.Kind), r.Referral.Urgency.Label(), weeks, breach, next, r.OwnerName}
	for j, c := range o.(*fyne.Container).Objects {
		l := c.(*widget.Label)
		l.Importance = widget.MediumImportance
		if r.Counted() && r.Clock.Breached && j <= 5 {
			l.Importance = widget.DangerImportance
		}
		l.SetText(texts[j])
	}
}

// ptlKindWord is the pathway in a word or two, for the list's narrow column.
func ptlKindWord(k pathways.Kind) string {
	if k == pathways.RTT {
		return "18 weeks"
	}
	return k.Label()
}

// filter is the list's filters as the facade takes them; it says what
// does not read.
func (p *ptlTab) filter() (pathways.PTLFilter, error) {
	var f pathways.PTLFilter
	if i := p.clinician.SelectedIndex(); i > 0 && i-1 < len(p.clinicians) {
		f.ClinicianID = p.clinicians[i-1].ID
	}
	if i := p.kind.SelectedIndex(); i > 0 {
		f.Kind = pathways.Kinds[i-1]
	}
	if i := p.urgency.SelectedIndex(); i > 0 {
		f.Urgency = pathways.Urgencies[i-1]
	}
	if p.atRisk.Checked {
		n, err := strconv.Atoi(strings.TrimSpace(p.riskDays.Text))
		if err != nil {
			return f, fmt.Errorf("write the days as a number, from 0 to %d", pathways.MaxAtRiskDays)
		}
		f.AtRisk, f.AtRiskDays = true, n
	}
	return f, nil
}

func (p *ptlTab) reload() {
	if p.table == nil || p.riskDays == nil {
		return // still building
	}
	f, err := p.filter()
	if err != nil {
		say(p.summary, widget.DangerImportance, plainError(err))
		return
	}
	c := p.s.ctx.Clinic
	offUI(p.s.ctx, func() (pathways.PTL, error) { return c.PTL(f) }, p.show)
}

func (p *ptlTab) show(list pathways.PTL, err error) {
	if hasLeft(p.s.left) {
		return // read for a screen left since
	}
	if err != nil {
		say(p.summary, widget.DangerImportance, "The tracking list could not be read: "+plainError(err))
		return
	}
	p.list = list
	b := list.Buckets
	p.buckets.SetText(fmt.Sprintf("Weeks waited:  0–6: %d   ·   6–12: %d   ·   12–18: %d   ·   over 18: %d (of which over 52: %d)   ·   not counted: %d",
		b.UpTo6, b.UpTo12, b.UpTo18, b.Over18, b.Over52, b.NotCounted))
	switch {
	case len(list.Rows) == 0:
		say(p.summary, widget.MediumImportance, "No open pathways match. A referral in shows here until its clock stops or its pathway is closed.")
	case b.Over18 > 0:
		say(p.summary, widget.DangerImportance, fmt.Sprintf("%s open, %d past 18 weeks (in red). The earliest treat-by date is first; choose one to open it.",
			plural(int64(len(list.Rows)), "pathway", "pathways"), b.Over18))
	default:
		say(p.summary, widget.MediumImportance, fmt.Sprintf("%s open. The earliest treat-by date is first; choose one to open it.",
			plural(int64(len(list.Rows)), "pathway", "pathways")))
	}
	p.table.UnselectAll()
	p.table.Refresh()
}

func (p *ptlTab) choose(i widget.ListItemID) {
	if i < 0 || i >= len(p.list.Rows) {
		return
	}
	id := p.list.Rows[i].Referral.ID
	p.table.UnselectAll()
	p.s.openFile(id)
}

// save asks where to keep the list, then writes it off the UI goroutine
// (the export is audited by the facade).
func (p *ptlTab) save(format string) {
	f, err := p.filter()
	if err != nil {
		say(p.message, widget.DangerImportance, plainError(err))
		return
	}
	ctx := p.s.ctx
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		p.write(w, format, f)
	}, ctx.Window)
	d.SetFileName(fmt.Sprintf("tracking-list-%s.%s", ukcal.FormatWall(wallClock(), ukcal.LayoutFileDay), format))
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + format}))
	d.SetTitleText("Save the tracking list (" + strings.ToUpper(format) + ") as…")
	showFileDialog(d, ctx.Window)
}

// ptlSaved is what writing the list came to.
type ptlSaved struct {
	rows     int
	warnings []string
}

// write makes the list into w and closes it.
func (p *ptlTab) write(w fyne.URIWriteCloser, format string, f pathways.PTLFilter) {
	c := p.s.ctx.Clinic
	name := w.URI().Name()
	inBackground(p.s.ctx, "Writing the tracking list…", func() (ptlSaved, error) {
		defer w.Close()
		var buf bytes.Buffer
		var out ptlSaved
		var err error
		if format == "pdf" {
			out.rows, out.warnings, err = c.PTLPDF(&buf, f)
		} else {
			out.rows, err = c.ExportPTL(&buf, f)
		}
		if err != nil {
			return out, err
		}
		_, err = w.Write(buf.Bytes())
		return out, err
	}, func(out ptlSaved, err error) {
		if err != nil {
			say(p.message, widget.DangerImportance, "The list was not saved: "+plainError(err))
			return
		}
		text := fmt.Sprintf("Saved %s as %s.", plural(int64(out.rows), "pathway", "pathways"), name)
		for _, w := range out.warnings {
			text += " Check: " + w
		}
		say(p.message, widget.SuccessImportance, text)
	})
}

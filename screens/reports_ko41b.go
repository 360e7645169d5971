package screens

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ko41bPanel is the KO41(b) complaints return in the Reports screen: a
// year picker, the return's totals, and the return saved as CSV or PDF
// (what `clinicdesk report ko41b` writes).
type ko41bPanel struct {
	s       *reportsScreen
	years   []int
	year    *widget.Select
	summary *widget.Label
	csv     *widget.Button
	pdf     *widget.Button
	rep     complaints.Report
	has     bool
	box     fyne.CanvasObject
}

func newKO41bPanel(s *reportsScreen) *ko41bPanel { return &ko41bPanel{s: s} }

func (k *ko41bPanel) build() fyne.CanvasObject {
	if k.box != nil {
		return k.box
	}
	k.years = ko41bYearList(k.s.ctx.Clinic)
	var labels []string
	for _, y := range k.years {
		labels = append(labels, fmt.Sprintf("%d–%02d (1 April %d to 31 March %d)", y, (y+1)%100, y, y+1))
	}
	k.year = widget.NewSelect(labels, func(string) { k.reload() })
	k.summary = wrapped("")
	k.csv = widget.NewButtonWithIcon("Save the return as CSV…", theme.DocumentSaveIcon(), func() { k.onSave("csv") })
	k.pdf = widget.NewButtonWithIcon("Save the return as PDF…", theme.DocumentPrintIcon(), func() { k.onSave("pdf") })
	intro := wrapped("The KO41(b) return counts NHS complaints in England made by the patient or someone acting for them, " +
		"for the year from 1 April. Its breakdowns are of new complaints only.")
	k.box = container.NewVBox(heading(ko41bChoice), intro,
		container.NewHBox(widget.NewLabel("Year"), container.New(&fixedWidth{360}, k.year), k.csv, k.pdf),
		k.summary)
	k.year.SetSelectedIndex(1) // last year's: the one a return is usually sent for
	return k.box
}

// ko41bYearList is the years the picker offers, newest first: the year
// now running and the one before it, and every year with complaints in it.
func ko41bYearList(c *app.Clinic) []int {
	today := ukcal.Today(wallClock())
	now := today.Year()
	if today.Month() < time.April {
		now-- // before April, the year now running began last April
	}
	years := []int{now, now - 1}
	recorded, _ := c.ComplaintReturnYears() // none to add when it fails: the two above still work
	for _, y := range recorded {
		if !slices.Contains(years, y) && y <= now {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years
}

// reload builds the return for the year chosen, off the UI goroutine.
func (k *ko41bPanel) reload() {
	i := k.year.SelectedIndex()
	if i < 0 || i >= len(k.years) || k.summary == nil {
		return
	}
	year := k.years[i]
	k.csv.Disable()
	k.pdf.Disable()
	say(k.summary, widget.MediumImportance, "Counting…")
	c := k.s.ctx.Clinic
	offUI(k.s.ctx, func() (complaints.Report, error) { return c.ComplaintsReturn(year) }, k.show)
}

func (k *ko41bPanel) show(rep complaints.Report, err error) {
	if err != nil {
		k.has = false
		say(k.summary, widget.DangerImportance, "The return could not be made: "+plainError(err))
		return
	}
	k.rep, k.has = rep, true
	k.csv.Enable()
	k.pdf.Enable()
	say(k.summary, widget.MediumImportance, fmt.Sprintf(
		"%s, %s form: brought forward %d, new %d, resolved %d (upheld %d, partly upheld %d, not upheld %d), carried forward %d.",
		rep.Period(), rep.Variant.Label(), rep.Count(complaints.MeasureBroughtForward), rep.Count(complaints.MeasureNew),
		rep.Resolved(), rep.Count(complaints.MeasureUpheld), rep.Count(complaints.MeasurePartiallyUpheld),
		rep.Count(complaints.MeasureNotUpheld), rep.Count(complaints.MeasureCarriedForward)))
}

// onSave writes the return shown as CSV or PDF where the user chooses.
func (k *ko41bPanel) onSave(format string) {
	if !k.has {
		return
	}
	rep := k.rep
	c := k.s.ctx.Clinic
	name := "ko41b-" + strconv.Itoa(rep.Year) + "-" + fmt.Sprintf("%02d", (rep.Year+1)%100) + "." + format
	k.s.askWhereToSave(format, "Save the KO41(b) return ("+rep.Period()+") as…", name, func(w io.Writer) (string, error) {
		if format == "csv" {
			return "the KO41(b) return", rep.CSV(w)
		}
		d, err := c.Details()
		if err != nil {
			return "", err
		}
		var buf bytes.Buffer
		err = letters.RenderKO41b(&buf, letters.KO41b{ClinicName: d.Name, Report: rep, Printed: wallClock().In(ukcal.London())})
		if err != nil {
			return "", err
		}
		_, err = buf.WriteTo(w)
		return "the KO41(b) return", err
	})
}

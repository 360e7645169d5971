package screens

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// onSaveCSV saves the tables of the report shown, the numbers under its charts.
func (s *reportsScreen) onSaveCSV() {
	rep, ok := s.current()
	if !ok {
		return
	}
	c := s.ctx.Clinic
	s.askWhereToSave("csv", "Save the report's tables (CSV) as…", reportFileName(rep, "csv"), func(w io.Writer) (string, error) {
		return "the tables of " + strings.ToLower(rep.Title), c.ReportCSV(w, rep)
	})
}

// onSavePNG saves the report's charts as one picture, for a slide or an email.
func (s *reportsScreen) onSavePNG() {
	rep, ok := s.current()
	if !ok {
		return
	}
	c := s.ctx.Clinic
	s.askWhereToSave("png", "Save the report's charts as a picture (PNG)…", reportFileName(rep, "png"), func(w io.Writer) (string, error) {
		return "the charts of " + strings.ToLower(rep.Title), c.ReportPNG(w, rep)
	})
}

// onSavePDF saves every report over the dates and clinician chosen as one
// PDF pack, for a meeting: the one shown and all the others.
func (s *reportsScreen) onSavePDF() {
	r, err := s.chosenRange()
	if err != nil {
		say(s.message, widget.DangerImportance, plainError(err))
		return
	}
	c := s.ctx.Clinic
	name := "reports-" + r.From.Format("2006-01-02") + "-to-" + r.To.Format("2006-01-02") + ".pdf"
	s.askWhereToSave("pdf", "Save every report for these dates as one PDF…", name, func(w io.Writer) (string, error) {
		var reps []reports.Report
		for _, k := range c.ReportKinds() {
			if r.ClinicianID != "" && k.ForWholeClinicOnly() {
				continue // one clinician's pack: the reports about them
			}
			rep, err := c.Report(k, r)
			if errors.Is(err, app.ErrReportNotReady) {
				continue
			}
			if err != nil {
				return "", err
			}
			reps = append(reps, rep)
		}
		warnings, err := c.ReportPDF(w, reps)
		what := plural(int64(len(reps)), "report", "reports") + " in one PDF"
		for _, w := range warnings {
			what += ". Check: " + w
		}
		return what, err
	})
}

// current is the report on the screen, or false with a word to the user.
func (s *reportsScreen) current() (reports.Report, bool) {
	if !s.hasShown {
		say(s.message, widget.DangerImportance, plainError(errNothingShown))
		return reports.Report{}, false
	}
	return s.shown, true
}

// reportFileName is "dna-2026-04-01-to-2027-03-31.csv".
func reportFileName(rep reports.Report, ext string) string {
	return fmt.Sprintf("%s-%s-to-%s.%s", rep.Kind, rep.Range.From.Format("2006-01-02"), rep.Range.To.Format("2006-01-02"), ext)
}

// askWhereToSave asks where to keep a file, then makes it with write off
// the UI goroutine (into memory first, so a failure leaves no half file)
// and says what was saved; write returns what it saved, in words.
func (s *reportsScreen) askWhereToSave(ext, title, fileName string, write func(io.Writer) (string, error)) {
	ctx := s.ctx
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		name := w.URI().Name()
		inBackground(ctx, "Making the file…", func() (string, error) {
			defer w.Close()
			var buf bytes.Buffer
			what, err := write(&buf)
			if err != nil {
				return "", err
			}
			_, err = w.Write(buf.Bytes())
			return what, err
		}, func(what string, err error) {
			if err != nil {
				say(s.message, widget.DangerImportance, "Nothing was saved: "+plainError(err))
				return
			}
			say(s.message, widget.SuccessImportance, sentence("saved "+what+" as "+name))
		})
	}, ctx.Window)
	d.SetFileName(fileName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + ext}))
	d.SetTitleText(title)
	showFileDialog(d, ctx.Window)
}

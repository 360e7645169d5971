package cli

import (
	"fmt"
	"io"

	"clinicdesk/app"
	"clinicdesk/app/reports"
)

// checkReportPicture accepts .pdf and .png: the charts draw them.
func checkReportPicture(string) error { return nil }

// writeReportPicture writes a report as a PDF pack (its cover, each
// chart with its sentence, definition and table) or its charts as one PNG;
// saving is audited by the facade. It returns what a person should check
// in a PDF (a name the fonts could not print).
func writeReportPicture(w io.Writer, c *app.Clinic, rep reports.Report, ext string) ([]string, error) {
	switch ext {
	case ".pdf":
		return c.ReportPDF(w, []reports.Report{rep})
	case ".png":
		return nil, c.ReportPNG(w, rep)
	}
	return nil, fmt.Errorf("reports are written as .csv, .pdf or .png, not %s", ext)
}

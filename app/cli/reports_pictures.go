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
// saving is audited by the facade.
func writeReportPicture(w io.Writer, c *app.Clinic, rep reports.Report, ext string) error {
	switch ext {
	case ".pdf":
		_, err := c.ReportPDF(w, []reports.Report{rep})
		return err
	case ".png":
		return c.ReportPNG(w, rep)
	}
	return fmt.Errorf("reports are written as .csv, .pdf or .png, not %s", ext)
}

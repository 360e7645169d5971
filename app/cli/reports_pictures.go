package cli

import (
	"errors"
	"io"

	"clinicdesk/app"
	"clinicdesk/app/reports"
)

// The reports' PDF pack and PNG charts are drawn by letters.ReportPack and
// charts.PNG (issue 18, branch h18c). Until that is merged they are a
// usage error; the lead replaces this file when merging.

// checkReportPicture refuses .pdf and .png before anything is read.
func checkReportPicture(out string) error {
	return usagef("--out %s: reports are written as .csv for now; PDF and PNG come with the charts, not yet in this build", out)
}

// writeReportPicture writes the PDF pack or the PNG chart of a report.
func writeReportPicture(w io.Writer, c *app.Clinic, rep reports.Report, ext string) error {
	return errors.New("reports cannot be written as " + ext + " yet")
}

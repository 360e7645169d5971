package complaints

import (
	"encoding/csv"
	"io"
	"strconv"
)

// csvHeader names the columns of the return's CSV: the keys for software,
// the labels for people.
var csvHeader = []string{"practice_code", "form", "period", "measure", "measure_label", "breakdown", "breakdown_label", "category", "category_label", "count"}

// CSV writes the return as RFC 4180 CSV (CRLF line ends, a header row),
// one row per cell of Rows, each carrying the practice code and the form
// (gp or dental). Every
// cell is a catalogue key, label or number, never free text from a
// complaint, so nothing can be read by a spreadsheet as a formula.
func (rep Report) CSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	period := rep.Period()
	for _, row := range rep.Rows() {
		record := []string{
			rep.ODSCode, string(rep.Variant),
			period,
			string(row.Measure), row.Measure.Label(),
			string(row.Breakdown), row.Breakdown.Label(),
			row.Category, row.CategoryLabel,
			strconv.Itoa(row.Count),
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

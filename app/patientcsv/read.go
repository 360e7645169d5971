// Package patientcsv reads and writes patient lists as CSV, the way small
// clinics keep them in spreadsheets: it finds the rows and their line
// numbers in the file, maps the header names to the record's fields, turns
// cells into a data.Patient (dates, sex, yes/no, communication needs,
// alerts) and writes RFC 4180 CSV that spreadsheets cannot be tricked into
// running as formulas.
//
// It does not validate NHS numbers, postcodes or phones, nor look for
// duplicates: app.Clinic.ImportPatients does that, the same way for the
// GUI and the command line. It never imports package app.
package patientcsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Limits on what Read accepts, so that a wrong file (a video, a database
// dump) is refused with a message instead of filling memory.
const (
	MaxBytes = 100 << 20 // 100 MiB: about 300,000 typical patient rows
	MaxRows  = 200_000
)

// Table is a CSV file read into memory: its header and its records, each
// with the line of the file it starts on.
type Table struct {
	Headers    []string
	HeaderLine int
	Records    []Record
	Delimiter  rune
}

// Record is one row of the file below the header.
type Record struct {
	// Line is where the record starts in the file, counting from 1 for the
	// first line (the header's, unless blank lines come before it). A cell
	// in quotes may hold line breaks, so a record can span several lines.
	Line  int
	Cells []string
	// Problem is set when the row could not be read as CSV (a stray quote
	// mark); Cells then holds what a lenient reading of its lines found, so
	// the row's other problems can be reported too, or nothing.
	Problem string
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// saveAsUTF8 is the fix for every encoding problem.
const saveAsUTF8 = `in Excel choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file`

// Read reads a whole CSV file: UTF-8 with or without a byte-order mark,
// CRLF or LF line ends (or the old Mac's CR), cells in double quotes holding commas, quotes
// ("") and line breaks. A semicolon- or tab-separated file is recognised
// from its header line. Rows with a stray quote mark are kept as Records
// with a Problem, so every bad row can be reported; only a file that is
// not text, not UTF-8, empty or too large is an error.
func Read(r io.Reader) (*Table, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("the file could not be read: %w", err)
	}
	if len(b) > MaxBytes {
		return nil, fmt.Errorf("the file is larger than %d MB: split it into smaller files and import each", MaxBytes>>20)
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return nil, errors.New(`the file is saved as "Unicode text" (UTF-16), not UTF-8: ` + saveAsUTF8)
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, fmt.Errorf("line %d holds a NUL byte: this is not a CSV text file (or it is UTF-16 without a byte-order mark): %s", lineAt(b, i), saveAsUTF8)
	}
	if !utf8.Valid(b) {
		i := firstInvalidUTF8(b)
		return nil, fmt.Errorf("line %d is not UTF-8 text (the file was probably saved as \"CSV (Comma delimited)\", which is not UTF-8 and garbles accented names): %s", lineAt(b, i), saveAsUTF8)
	}
	if bytes.IndexByte(b, '\n') < 0 && bytes.IndexByte(b, '\r') >= 0 {
		// Old Mac line ends (Excel's "CSV (Macintosh)"): CR alone.
		b = bytes.ReplaceAll(b, []byte{'\r'}, []byte{'\n'})
	}
	t := &Table{Delimiter: sniffDelimiter(b)}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = t.Delimiter
	cr.FieldsPerRecord = -1 // rows of the wrong length are reported per line, not fatal
	cr.LazyQuotes = false
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return nil, fmt.Errorf("the file could not be read: %w", err)
		}
		if t.Headers == nil {
			if err != nil {
				return nil, fmt.Errorf("line %d: the header row cannot be read: %s", pe.StartLine, quoteProblem(pe))
			}
			line, _ := cr.FieldPos(0)
			t.Headers, t.HeaderLine = rec, line
			continue
		}
		if len(t.Records) >= MaxRows {
			return nil, fmt.Errorf("the file has more than %d rows: split it into smaller files and import each", MaxRows)
		}
		if err != nil {
			t.Records = append(t.Records, Record{Line: pe.StartLine, Problem: quoteProblem(pe),
				Cells: lenient(b, pe.StartLine, pe.Line, t.Delimiter)})
			continue
		}
		line, _ := cr.FieldPos(0)
		t.Records = append(t.Records, Record{Line: line, Cells: rec})
	}
	if t.Headers == nil {
		return nil, errors.New("the file is empty: it needs a header row naming the columns, then one row per patient")
	}
	return t, nil
}

// quoteProblem says what is wrong with a row encoding/csv refused.
func quoteProblem(pe *csv.ParseError) string {
	where := ""
	if pe.Line != pe.StartLine {
		where = fmt.Sprintf(" (on line %d)", pe.Line)
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf("a cell in column %d has a quote mark (\") inside it that is not escaped%s: in the spreadsheet, retype the cell and save as CSV again, or write \"\" for each \" inside a quoted cell", pe.Column, where)
	case errors.Is(pe.Err, csv.ErrQuote):
		return fmt.Sprintf("a cell in quotes is not closed properly near column %d%s: check the quote marks in this row", pe.Column, where)
	}
	return fmt.Sprintf("this row cannot be read as CSV (%v)", pe.Err)
}

// sniffDelimiter looks at the header line: a comma unless it has none and
// has semicolons (Excel in some locales) or tabs.
func sniffDelimiter(b []byte) rune {
	line := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line = b[:i]
	}
	if bytes.IndexByte(line, ',') >= 0 {
		return ','
	}
	if bytes.IndexByte(line, ';') >= 0 {
		return ';'
	}
	if bytes.IndexByte(line, '\t') >= 0 {
		return '\t'
	}
	return ','
}

// lenient reads lines first..last of b (1-based) with quotes taken
// loosely, and returns the cells if they make exactly one record.
func lenient(b []byte, first, last int, comma rune) []string {
	if first < 1 || last < first {
		return nil
	}
	start := 0
	for line := 1; line < first; line++ {
		i := bytes.IndexByte(b[start:], '\n')
		if i < 0 {
			return nil
		}
		start += i + 1
	}
	end := start
	for line := first; line <= last; line++ {
		i := bytes.IndexByte(b[end:], '\n')
		if i < 0 {
			end = len(b)
			break
		}
		end += i + 1
	}
	cr := csv.NewReader(bytes.NewReader(b[start:end]))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = comma, -1, true
	recs, err := cr.ReadAll()
	if err != nil || len(recs) != 1 {
		return nil
	}
	return recs[0]
}

func lineAt(b []byte, offset int) int {
	return bytes.Count(b[:offset], []byte{'\n'}) + 1
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

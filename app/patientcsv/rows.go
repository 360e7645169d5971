package patientcsv

import (
	"fmt"
	"regexp"
	"strings"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// Row is one record of the file read into a patient, with the line it
// starts on and what could not be read. NHS numbers, postcodes and phones
// are left as typed: app.Clinic.ImportPatients normalises and checks them
// with everything else.
type Row struct {
	Line     int
	Patient  patients.Patient
	Problems []string
}

// Rows turns every non-blank record of t into a Row, using the mapping.
func (m Mapping) Rows(t *Table) []Row {
	out := make([]Row, 0, len(t.Records))
	for _, rec := range t.Records {
		if rec.Problem == "" && blank(rec.Cells) {
			continue // the empty rows at the bottom of a spreadsheet
		}
		out = append(out, m.row(rec, len(t.Headers)))
	}
	return out
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func (m Mapping) row(rec Record, columns int) Row {
	r := Row{Line: rec.Line}
	problem := func(format string, a ...any) { r.Problems = append(r.Problems, fmt.Sprintf(format, a...)) }
	if rec.Problem != "" {
		r.Problems = append(r.Problems, rec.Problem)
		if len(rec.Cells) == 0 {
			return r // nothing could be read (the app will add that the names and date of birth are missing)
		}
	} else if n := len(rec.Cells); n != columns {
		problem("this row has %d cells but the header has %d: check for a missing or extra comma (an address with a comma needs quotes around it)", n, columns)
	}
	// cell returns the field's text, with the quote that neutralised a
	// leading = + - @ on export taken off; a real formula is a problem.
	cell := func(key string) string {
		col, ok := m[key]
		if !ok || col < 0 || col >= len(rec.Cells) {
			return ""
		}
		raw := rec.Cells[col]
		if IsNeutralised(raw) {
			return Unneutralise(raw)
		}
		if LooksLikeFormula(raw) {
			f, _ := FieldByKey(key)
			problem("%s is a spreadsheet formula (it starts with %q): type the value itself, or put ' before it if it really is text", f.phrase, strings.TrimLeft(raw, leadingBlanks)[:1])
			// The text is kept (the row cannot be imported anyway) so no
			// second message says the field is empty.
		}
		return raw
	}
	// coded reads a field whose value is a code, number or date, where
	// spreadsheets write "-", "n/a" or "none" for nothing.
	coded := func(key string) string {
		s := cell(key)
		if IsPlaceholder(s) {
			return ""
		}
		return s
	}
	date := func(key string) ukcal.Date {
		s := strings.TrimSpace(cell(key))
		if s == "" || (key != KeyDOB && IsPlaceholder(s)) {
			return ukcal.Date{}
		}
		d, err := ParseDate(s)
		if err != nil {
			f, _ := FieldByKey(key)
			if key == KeyDOB {
				// The date of birth is required: the app's own check adds
				// "enter the date of birth as dd/mm/yyyy".
				problem("%s %s", f.phrase, err.Error())
			} else {
				problem("%s %s: write it as dd/mm/yyyy", f.phrase, err.Error())
			}
			return ukcal.Date{}
		}
		return d
	}
	yesNo := func(key string) bool {
		s := coded(key)
		v, ok := ParseYesNo(s)
		if !ok {
			f, _ := FieldByKey(key)
			problem("%s should be yes or no, not %q", f.phrase, clip(s))
		}
		return v
	}

	p := &r.Patient
	p.Title = cell(KeyTitle)
	p.Forenames = cell(KeyForenames)
	p.Surname = cell(KeySurname)
	p.PreferredName = cell(KeyPreferredName)
	p.UseKnownAs = yesNo(KeyUseKnownAs)
	p.DOB = date(KeyDOB)
	sexCell := cell(KeySex)
	if sex, ok := ParseSex(sexCell); ok {
		p.Sex = sex
	} else {
		problem("the sex %q is not one ClinicDesk records: use Female, Male, Indeterminate or Not known, or leave it empty (gender identity has its own column)", clip(sexCell))
	}
	p.GenderIdentity = cell(KeyGenderIdentity)
	p.NHSNumber = coded(KeyNHSNumber)
	p.Address = patients.Address{Line1: cell(KeyAddressLine1), Line2: cell(KeyAddressLine2),
		Town: cell(KeyTown), County: cell(KeyCounty), Postcode: coded(KeyPostcode)}
	p.Phones = patients.Phones{Mobile: coded(KeyMobile), Home: coded(KeyHomePhone), Work: coded(KeyWorkPhone)}
	p.Email = coded(KeyEmail)
	p.GP = patients.GP{Name: cell(KeyGPName), Practice: cell(KeyGPPractice), Address: ParseAddressLines(coded(KeyGPAddress))}
	p.NextOfKin = patients.NextOfKin{Name: cell(KeyNOKName), Relationship: cell(KeyNOKRelation), Phone: coded(KeyNOKPhone)}
	p.ParentCarer = patients.ParentCarer{Title: cell(KeyCarerTitle), Forenames: cell(KeyCarerForenames), Surname: cell(KeyCarerSurname),
		Relationship: cell(KeyCarerRelation), Phone: coded(KeyCarerPhone), Address: ParseAddressLines(coded(KeyCarerAddress))}
	p.Language = cell(KeyLanguage)
	p.Interpreter = yesNo(KeyInterpreter)
	p.Consent = patients.Consent{Letter: yesNo(KeyConsentLetter), Phone: yesNo(KeyConsentPhone),
		SMS: yesNo(KeyConsentSMS), Email: yesNo(KeyConsentEmail)}
	p.Alerts = ParseAlerts(coded(KeyAlerts))
	needs, unknown := patients.ParseAISNeeds(coded(KeyAISNeeds))
	p.AIS.Needs = needs
	for _, u := range unknown {
		problem("unknown communication need %q: use %s", clip(u), aisLabels())
	}
	p.AIS.Notes = cell(KeyAISNotes)
	p.AIS.Reviewed = date(KeyAISReviewed)
	p.LastTreatment = date(KeyLastTreatment)
	p.DateOfDeath = date(KeyDateOfDeath)
	return r
}

func aisLabels() string {
	var l []string
	for _, o := range patients.AISNeeds {
		l = append(l, o.Label)
	}
	return strings.Join(l, ", ")
}

// clip keeps a quoted cell in a message short.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

var (
	isoDate  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	timeTail = regexp.MustCompile(`\s+\d{1,2}:\d{2}(:\d{2})?$`)
	shortUK  = regexp.MustCompile(`^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$`)
	ukShape  = regexp.MustCompile(`^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$`)
)

// ParseDate reads a date cell: dd/mm/yyyy (also d/m/yyyy, with - or .),
// or yyyy-mm-dd; a time of midnight that spreadsheets add ("17/05/1984
// 00:00") is ignored. The error says what was found and how to write it.
func ParseDate(s string) (ukcal.Date, error) {
	s = strings.TrimSpace(timeTail.ReplaceAllString(strings.TrimSpace(s), ""))
	if isoDate.MatchString(s) {
		if d, err := ukcal.ParseDate(s); err == nil {
			return d, nil
		}
		return ukcal.Date{}, fmt.Errorf("%q is not a real date", clip(s))
	}
	if shortUK.MatchString(s) {
		return ukcal.Date{}, fmt.Errorf("%q has a two-digit year: write the year in full", clip(s))
	}
	d, err := ukcal.ParseUK(s)
	if err != nil {
		if ukShape.MatchString(s) {
			return ukcal.Date{}, fmt.Errorf("%q is not a real date", clip(s))
		}
		return ukcal.Date{}, fmt.Errorf("%q is not a date written dd/mm/yyyy", clip(s))
	}
	return d, nil
}

// placeholders are what spreadsheets hold for "nothing here".
var placeholders = map[string]bool{"-": true, "--": true, "n/a": true, "na": true, "none": true, "nil": true,
	"unknown": true, "not known": true, "no data": true}

// IsPlaceholder reports whether a cell means "nothing" ("-", "N/A",
// "None", "Unknown"). Such cells count as empty for NHS numbers,
// postcodes, phones, email, the GP practice's address, yes/no, alerts,
// communication needs and dates other than the date of birth; names keep
// them as typed.
func IsPlaceholder(s string) bool {
	return placeholders[strings.Join(strings.Fields(strings.ToLower(s)), " ")]
}

// ParseYesNo reads yes/no, y/n, true/false, 1/0 (any case); empty is no.
func ParseYesNo(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "t":
		return true, true
	case "no", "n", "false", "0", "f", "":
		return false, true
	}
	return false, false
}

// ParseSex maps what spreadsheets write for sex to ClinicDesk's codes.
func ParseSex(s string) (code string, ok bool) {
	switch strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ") {
	case "", "-", "--", "n/a", "na":
		return "", true
	case "f", "female", "woman":
		return "female", true
	case "m", "male", "man":
		return "male", true
	case "indeterminate", "i":
		return "indeterminate", true
	case "not known", "unknown", "u", "not stated", "prefer not to say":
		return "not_known", true
	}
	return "", false
}

// SexLabel is how an export writes a sex code.
func SexLabel(code string) string {
	if code == "" {
		return ""
	}
	return patients.Label(patients.Sexes, code)
}

// ParseAlerts reads an alerts cell written as FormatAlerts writes it
// ("Violent warning; Other: uses a wheelchair"). An alert it does not
// know becomes "Other" with the cell's words as its text, so nothing
// typed is lost.
func ParseAlerts(cell string) []patients.Alert {
	var out []patients.Alert
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if kind, ok := alertKind(part); ok {
			out = append(out, patients.Alert{Kind: kind})
			continue
		}
		if head, text, found := strings.Cut(part, ":"); found {
			if kind, ok := alertKind(head); ok {
				out = append(out, patients.Alert{Kind: kind, Text: strings.TrimSpace(text)})
				continue
			}
		}
		out = append(out, patients.Alert{Kind: "other", Text: part})
	}
	return out
}

func alertKind(s string) (string, bool) {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, o := range patients.AlertKinds {
		if s == o.Code || s == strings.ToLower(o.Label) || s == strings.ReplaceAll(o.Code, "_", " ") {
			return o.Code, true
		}
	}
	return "", false
}

// FormatAlerts writes alerts as "Violent warning; Other: text". A ';' in
// an alert's text would split it in two on import, so it is written as ','.
func FormatAlerts(alerts []patients.Alert) string {
	var parts []string
	for _, a := range alerts {
		s := patients.Label(patients.AlertKinds, a.Kind)
		if a.Text != "" {
			s += ": " + strings.NewReplacer(";", ",", "\r\n", " ", "\n", " ").Replace(a.Text)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// ParseAddressLines reads an address cell: one line per line break in the
// cell, or lines separated by semicolons on one line ("7 Mayfield Row;
// Leeds; LS6 9ZZ"), as spreadsheets make it hard to type a line break.
// Commas are left alone, since they belong inside lines ("Flat 2, 14 Park
// Row"). Blank lines are dropped; the app tidies and checks the rest.
func ParseAddressLines(cell string) []string {
	var out []string
	for _, line := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// FormatAddressLines writes address lines one per line of the cell, which
// Excel shows as they would be printed. A ';' inside a line would split it
// in two on import, so it is written as ','.
func FormatAddressLines(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.ReplaceAll(l, ";", ",")
	}
	return strings.Join(out, "\n")
}

// FormatAISNeeds writes needs by their labels: "Large print; BSL interpreter".
func FormatAISNeeds(codes []string) string {
	var parts []string
	for _, c := range codes {
		parts = append(parts, patients.Label(patients.AISNeeds, c))
	}
	return strings.Join(parts, "; ")
}

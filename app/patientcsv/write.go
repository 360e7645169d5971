package patientcsv

import (
	"bufio"
	"io"
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
)

// StatusLabel heads the export's last column: whether the record is
// active or archived. Import ignores it (every imported record is active).
const StatusLabel = "Status"

// Header is the export's header row: every field's Label, in the order of
// Fields, then Status.
func Header() []string {
	h := make([]string, 0, len(fields)+1)
	for _, f := range fields {
		h = append(h, f.Label)
	}
	return append(h, StatusLabel)
}

// Cells is one patient as the export writes them, in Header order, before
// neutralising: dates dd/mm/yyyy, the NHS number spaced "943 476 5919",
// phones in the UK national format "07700 900123", the sex, yes/no and
// communication needs in words.
func Cells(p patients.Patient) []string {
	yes := func(b bool) string {
		if b {
			return "Yes"
		}
		return "No"
	}
	byKey := map[string]string{
		KeyTitle: p.Title, KeyForenames: p.Forenames, KeySurname: p.Surname, KeyPreferredName: p.PreferredName, KeyUseKnownAs: yes(p.UseKnownAs),
		KeyDOB: p.DOB.Short(), KeySex: SexLabel(p.Sex), KeyGenderIdentity: p.GenderIdentity,
		KeyNHSNumber:    nhsNumber(p.NHSNumber),
		KeyAddressLine1: p.Address.Line1, KeyAddressLine2: p.Address.Line2, KeyTown: p.Address.Town,
		KeyCounty: p.Address.County, KeyPostcode: p.Address.Postcode,
		KeyMobile: phone(p.Phones.Mobile), KeyHomePhone: phone(p.Phones.Home), KeyWorkPhone: phone(p.Phones.Work),
		KeyEmail: p.Email, KeyGPName: p.GP.Name, KeyGPPractice: p.GP.Practice, KeyGPAddress: FormatAddressLines(p.GP.Address),
		KeyNOKName: p.NextOfKin.Name, KeyNOKRelation: p.NextOfKin.Relationship, KeyNOKPhone: phone(p.NextOfKin.Phone),
		KeyCarerTitle: p.ParentCarer.Title, KeyCarerForenames: p.ParentCarer.Forenames, KeyCarerSurname: p.ParentCarer.Surname,
		KeyCarerRelation: p.ParentCarer.Relationship, KeyCarerPhone: phone(p.ParentCarer.Phone),
		KeyCarerAddress: FormatAddressLines(p.ParentCarer.Address),
		KeyLanguage:     p.Language, KeyInterpreter: yes(p.Interpreter),
		KeyConsentLetter: yes(p.Consent.Letter), KeyConsentPhone: yes(p.Consent.Phone),
		KeyConsentSMS: yes(p.Consent.SMS), KeyConsentEmail: yes(p.Consent.Email),
		KeyAlerts: FormatAlerts(p.Alerts), KeyAISNeeds: FormatAISNeeds(p.AIS.Needs), KeyAISNotes: p.AIS.Notes,
		KeyAISReviewed: p.AIS.Reviewed.Short(), KeyLastTreatment: p.LastTreatment.Short(),
		KeyDateOfDeath: p.DateOfDeath.Short(),
	}
	out := make([]string, 0, len(fields)+1)
	for _, f := range fields {
		out = append(out, byKey[f.Key])
	}
	return append(out, p.Status.Label())
}

func nhsNumber(s string) string {
	if s == "" {
		return ""
	}
	return nhs.FormatNHSNumber(s)
}

func phone(e164 string) string {
	if e164 == "" {
		return ""
	}
	return nhs.FormatPhone(e164)
}

// Writer writes patients as RFC 4180 CSV: UTF-8 with a byte-order mark
// (without one, Excel on Windows reads the file as Windows-1252 and shows
// "Zoë" as "ZoÃ«" and Cyrillic or Chinese names as rubbish), CRLF between
// records, cells in double quotes when they hold a comma, a quote, a line
// break or surrounding spaces, quotes doubled. Every cell is Neutralised so
// a spreadsheet shows it as text and never runs it as a formula. Line
// breaks inside a cell are written as they are.
type Writer struct {
	w       *bufio.Writer
	started bool
	err     error
}

// NewWriter starts a CSV export to w; the header is written with the
// first patient, or by Flush for an empty export.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10)}
}

func (w *Writer) start() {
	if w.started {
		return
	}
	w.started = true
	w.w.Write(utf8BOM)
	w.record(Header())
}

// Write adds one patient.
func (w *Writer) Write(p patients.Patient) error {
	if w.err != nil {
		return w.err
	}
	w.start()
	w.record(Cells(p))
	return w.err
}

// Flush writes what is buffered (and the header, if no patient was
// written) and reports the first error.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.start()
	if err := w.w.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	return w.err
}

func (w *Writer) record(cells []string) {
	for i, c := range cells {
		if i > 0 {
			w.w.WriteByte(',')
		}
		writeCell(w.w, Neutralise(c))
	}
	if _, err := w.w.WriteString("\r\n"); err != nil && w.err == nil {
		w.err = err
	}
}

func writeCell(b *bufio.Writer, c string) {
	if !needsQuotes(c) {
		b.WriteString(c)
		return
	}
	b.WriteByte('"')
	b.WriteString(strings.ReplaceAll(c, `"`, `""`))
	b.WriteByte('"')
}

func needsQuotes(c string) bool {
	if c == "" {
		return false
	}
	return strings.ContainsAny(c, ",\"\r\n;\t") || c[0] == ' ' || c[len(c)-1] == ' '
}

// Write writes a whole list of patients: the header, one row each.
func Write(w io.Writer, ps []patients.Patient) error {
	cw := NewWriter(w)
	for _, p := range ps {
		if err := cw.Write(p); err != nil {
			return err
		}
	}
	return cw.Flush()
}

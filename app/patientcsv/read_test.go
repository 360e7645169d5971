package patientcsv

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func mustRead(t *testing.T, s string) *Table {
	t.Helper()
	tb, err := Read(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return tb
}

func lines(tb *Table) []int {
	var out []int
	for _, r := range tb.Records {
		out = append(out, r.Line)
	}
	return out
}

func TestReadKeepsLineNumbersThroughQuotedLineBreaks(t *testing.T) {
	for name, nl := range map[string]string{"CRLF": "\r\n", "LF": "\n"} {
		t.Run(name, func(t *testing.T) {
			src := "\xEF\xBB\xBFFirst name,Surname,Address" + nl + // 1
				`Ann,Smith,"1 High St, Leeds"` + nl + // 2
				`Bob,Jones,"Flat 3` + nl + `The Mews` + nl + `Cardiff"` + nl + // 3-5
				nl + // 6 (blank, skipped)
				`Cai,"O""Neill",x` + nl + // 7
				`Dee,Ng,y` // 8, no final line end
			tb := mustRead(t, src)
			if want := []string{"First name", "Surname", "Address"}; !reflect.DeepEqual(tb.Headers, want) {
				t.Fatalf("headers %q (the BOM must not stick to the first)", tb.Headers)
			}
			if got, want := lines(tb), []int{2, 3, 7, 8}; !reflect.DeepEqual(got, want) {
				t.Fatalf("lines %v, want %v", got, want)
			}
			if c := tb.Records[1].Cells[2]; c != "Flat 3\nThe Mews\nCardiff" {
				t.Errorf("multi-line cell %q", c)
			}
			if c := tb.Records[0].Cells[2]; c != "1 High St, Leeds" {
				t.Errorf("quoted comma %q", c)
			}
			if c := tb.Records[2].Cells[1]; c != "O\"Neill" {
				t.Errorf("doubled quote %q", c)
			}
		})
	}
}

func TestReadReportsAStrayQuoteAndCarriesOn(t *testing.T) {
	tb := mustRead(t, "First name,Surname\nAnn,Sm\"ith\nBob,Jones\n\"Cai,Ng\n")
	if got, want := lines(tb), []int{2, 3, 4}; !reflect.DeepEqual(got, want) {
		t.Fatalf("lines %v, want %v", got, want)
	}
	if !strings.Contains(tb.Records[0].Problem, "quote mark") || tb.Records[1].Problem != "" {
		t.Fatalf("records %+v", tb.Records)
	}
	// What a lenient reading finds is kept, so only real problems add up.
	if !reflect.DeepEqual(tb.Records[0].Cells, []string{"Ann", `Sm"ith`}) {
		t.Fatalf("lenient cells %q", tb.Records[0].Cells)
	}
	rows := AutoMap(tb.Headers).Rows(tb)
	if len(rows) != 3 || len(rows[0].Problems) != 1 || rows[0].Patient.Forenames != "Ann" || rows[0].Line != 2 {
		t.Fatalf("rows %+v", rows)
	}
	if tb.Records[2].Problem == "" {
		t.Fatalf("an unclosed quote at the end: %+v", tb.Records[2])
	}
}

func TestReadRefusesWhatIsNotUTF8Text(t *testing.T) {
	for name, c := range map[string]struct {
		in   string
		want []string
	}{
		"Windows-1252": {"First name,Surname\nAnn,Smith\nZo\xEB,Brown\n", []string{"line 3", "CSV UTF-8"}},
		"UTF-16LE":     {"\xFF\xFEF\x00i\x00", []string{"UTF-16", "CSV UTF-8"}},
		"NUL":          {"First name\x00,Surname\n", []string{"line 1", "NUL"}},
		"empty":        {"", []string{"empty"}},
		"only BOM":     {"\xEF\xBB\xBF\r\n\r\n", []string{"empty"}},
		"bad header":   {"\"First name,Surname\n", []string{"line 1", "header"}},
	} {
		_, err := Read(strings.NewReader(c.in))
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", name, err, w)
			}
		}
	}
}

func TestReadOldMacLineEnds(t *testing.T) {
	tb := mustRead(t, "First name,Surname\rAnn,Smith\rBob,Jones\r")
	if got := lines(tb); !reflect.DeepEqual(got, []int{2, 3}) || tb.Records[1].Cells[1] != "Jones" {
		t.Fatalf("%+v", tb)
	}
}

func TestReadSniffsSemicolonsAndTabs(t *testing.T) {
	for _, sep := range []string{";", "\t"} {
		tb := mustRead(t, "First name"+sep+"Surname\nAnn"+sep+"Smith, Jr\n")
		if len(tb.Headers) != 2 || tb.Records[0].Cells[1] != "Smith, Jr" {
			t.Errorf("%q: %+v", sep, tb)
		}
	}
}

func TestReadLimitsRows(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("First name\n")
	for i := 0; i <= MaxRows; i++ {
		b.WriteString("a\n")
	}
	if _, err := Read(&b); err == nil || !strings.Contains(err.Error(), "split it") {
		t.Fatalf("too many rows: %v", err)
	}
}

// FuzzRead: Read never panics; every record starts on a later line than
// the one before, below the header; reading twice gives the same; the rows
// built from it keep those lines.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"First name,Surname,DOB\r\nAnn,Smith,01/02/1990\r\n",
		"\xEF\xBB\xBFa,b\n\"x\ny\",z\n\n1,2,3\n",
		"a,b\n\"unclosed,1\n2,3\n",
		"a\nb\"c\nd\n",
		"first NAME;Post code\nZoë;LS1 4AP\n",
		"Forenames,Surname,D.O.B.,Communication needs\n=1+1,-,1990-01-01,Large print; Telepathy\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		t1, err1 := Read(bytes.NewReader(in))
		t2, err2 := Read(bytes.NewReader(in))
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(t1, t2) {
			t.Fatalf("two reads differ: %v / %v", err1, err2)
		}
		if err1 != nil {
			return
		}
		prev := t1.HeaderLine
		if prev < 1 {
			t.Fatalf("header line %d", prev)
		}
		for _, r := range t1.Records {
			if r.Line < 2 || r.Line <= prev {
				t.Fatalf("record on line %d after line %d", r.Line, prev)
			}
			prev = r.Line
		}
		for _, r := range AutoMap(t1.Headers).Rows(t1) {
			if r.Line < 2 {
				t.Fatalf("row on line %d", r.Line)
			}
		}
	})
}

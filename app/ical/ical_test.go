package ical

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// unfold undoes RFC 5545 folding and splits the file into content lines,
// failing on a bare LF or a missing final CRLF.
func unfold(t *testing.T, file string) []string {
	t.Helper()
	if !strings.HasSuffix(file, "\r\n") {
		t.Fatal("the file does not end with CRLF")
	}
	if strings.Count(file, "\n") != strings.Count(file, "\r\n") {
		t.Fatal("the file has a line ending that is not CRLF")
	}
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(file, "\r\n ", ""), "\r\n"), "\r\n")
}

// physicalLines returns the file's lines as written, before unfolding.
func physicalLines(file string) []string {
	return strings.Split(strings.TrimSuffix(file, "\r\n"), "\r\n")
}

// unescape reads a TEXT value back, as a calendar program would.
func unescape(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 == len(v) {
			b.WriteByte(v[i])
			continue
		}
		i++
		switch v[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func write(t *testing.T, events ...Event) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "-//ClinicDesk//ClinicDesk 1.0//EN", "Dr Okafor", events); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriteCalendar(t *testing.T) {
	loc := london(t)
	file := write(t,
		Event{
			UID:     "0193a1b2-appt-1@clinicdesk",
			Start:   time.Date(2026, 11, 23, 9, 0, 0, 0, loc),
			End:     time.Date(2026, 11, 23, 9, 20, 0, 0, loc),
			Summary: "Zoë Price", Location: "Room 1", Status: StatusConfirmed,
			Stamp: time.Date(2026, 11, 20, 14, 3, 7, 999, time.UTC),
		},
		Event{
			UID:     "0193a1b2-appt-2@clinicdesk",
			Start:   time.Date(2026, 7, 1, 9, 0, 0, 0, loc), // BST: 08:00 UTC
			End:     time.Date(2026, 7, 1, 9, 30, 0, 0, loc),
			Summary: "Siobhán O'Neill", Status: StatusCancelled, Sequence: 2,
			Stamp: time.Date(2026, 6, 30, 8, 0, 0, 0, time.UTC),
		},
	)
	want := []string{
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//ClinicDesk//ClinicDesk 1.0//EN",
		"CALSCALE:GREGORIAN",
		"X-WR-CALNAME:Dr Okafor",
		"BEGIN:VEVENT",
		"UID:0193a1b2-appt-1@clinicdesk",
		"DTSTAMP:20261120T140307Z",
		"DTSTART:20261123T090000Z",
		"DTEND:20261123T092000Z",
		"SUMMARY:Zoë Price",
		"LOCATION:Room 1",
		"STATUS:CONFIRMED",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"UID:0193a1b2-appt-2@clinicdesk",
		"DTSTAMP:20260630T080000Z",
		"DTSTART:20260701T080000Z",
		"DTEND:20260701T083000Z",
		"SUMMARY:Siobhán O'Neill",
		"STATUS:CANCELLED",
		"SEQUENCE:2",
		"END:VEVENT",
		"END:VCALENDAR",
	}
	got := unfold(t, file)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("file =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTextEscaping(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:                      `plain`,
		`a;b,c\d`:                    `a\;b\,c\\d`,
		"line one\nline two":         `line one\nline two`,
		"windows\r\nbreak":           `windows\nbreak`,
		"old mac\rbreak":             `old mac\nbreak`,
		`already \n escaped`:         `already \\n escaped`,
		"bell\a and nul\x00 dropped": "bell and nul dropped",
		"tab\tkept":                  "tab\tkept",
		"bad \xff byte":              "bad \uFFFD byte",
	} {
		file := write(t, Event{UID: "u", Description: in, Start: time.Unix(0, 0), Stamp: time.Unix(0, 0)})
		var desc string
		for _, l := range unfold(t, file) {
			if v, ok := strings.CutPrefix(l, "DESCRIPTION:"); ok {
				desc = v
			}
		}
		if desc != want {
			t.Errorf("%q escaped as %q, want %q", in, desc, want)
		}
	}
}

// Long text in several scripts folds at 75 octets or fewer, never inside a
// UTF-8 sequence, and unfolds back to exactly what was written.
func TestFoldingKeepsUTF8Whole(t *testing.T) {
	for _, text := range []string{
		"Apwyntiad dilynol yng nghlinig Llanfair-ym-Muallt: dewch â’ch llythyr, rhestr o’ch meddyginiaethau a’ch cerdyn apwyntiad; ŵyr, ŷd, Dŵr Cymru.",
		"Wizyta kontrolna w przychodni: proszę zabrać skierowanie, listę leków i kartę pacjenta; źdźbło, żółć, gęślą jaźń — zażółć gęślą jaźń.",
		"复诊预约：请携带转诊信、目前服用的药物清单和预约卡。如需翻译，请提前告知诊所。我们会为您安排口译员。谢谢合作，祝您早日康复。",
		strings.Repeat("é", 200),
		strings.Repeat("a", 74) + "😀" + strings.Repeat("b", 150),
	} {
		file := write(t, Event{UID: "fold", Summary: text, Description: text, Location: text, Start: time.Unix(0, 0), Stamp: time.Unix(0, 0)})
		for i, l := range physicalLines(file) {
			if len(l) > 75 {
				t.Errorf("line %d is %d octets: %q", i, len(l), l)
			}
			if !utf8.ValidString(l) {
				t.Errorf("line %d is not valid UTF-8 on its own: %q", i, l)
			}
		}
		found := 0
		for _, l := range unfold(t, file) {
			for _, name := range []string{"SUMMARY:", "DESCRIPTION:", "LOCATION:"} {
				if v, ok := strings.CutPrefix(l, name); ok {
					found++
					if v = unescape(v); v != text {
						t.Errorf("%s unfolds to %q, want %q", name, v, text)
					}
				}
			}
		}
		if found != 3 {
			t.Errorf("found %d of the 3 text properties", found)
		}
	}
}

func TestWriteRefusesBadEvents(t *testing.T) {
	start := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	ok := Event{UID: "a", Start: start, End: start.Add(20 * time.Minute), Stamp: start}
	for name, events := range map[string][]Event{
		"duplicate UID":   {ok, ok},
		"empty UID":       {{Start: start, Stamp: start}},
		"blank UID":       {{UID: "  ", Start: start, Stamp: start}},
		"no start":        {{UID: "a", Stamp: start}},
		"no stamp":        {{UID: "a", Start: start}},
		"ends at start":   {{UID: "a", Start: start, End: start, Stamp: start}},
		"ends before":     {{UID: "a", Start: start, End: start.Add(-time.Minute), Stamp: start}},
		"unknown status":  {{UID: "a", Start: start, Stamp: start, Status: "MAYBE"}},
		"lower-case":      {{UID: "a", Start: start, Stamp: start, Status: "confirmed"}},
		"negative SEQ":    {{UID: "a", Start: start, Stamp: start, Sequence: -1}},
		"year 10000":      {{UID: "a", Start: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Stamp: start}},
		"second is a dup": {ok, {UID: "b", Start: start, Stamp: start}, {UID: "a", Start: start, Stamp: start}},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, "-//ClinicDesk//EN", "", events); err == nil {
			t.Errorf("%s: no error", name)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes before refusing", name, buf.Len())
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, "", "", []Event{ok}); err == nil {
		t.Error("empty PRODID accepted")
	}
}

func TestEmptyCalendar(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "-//ClinicDesk//EN", "", nil); err != nil {
		t.Fatal(err)
	}
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ClinicDesk//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n"
	if buf.String() != want {
		t.Errorf("empty calendar = %q", buf.String())
	}
}

// failingWriter fails every write, like a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

var errDiskFull = errors.New("disk full")

func TestWriteReportsWriteErrors(t *testing.T) {
	if err := Write(failingWriter{}, "-//ClinicDesk//EN", "", nil); err == nil {
		t.Error("a failed write was not reported")
	}
}

// textOnly is what a TEXT value can hold of s: valid UTF-8, line breaks as
// LF, no other control characters but tab.
func textOnly(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// Whatever the text, the file's lines stay within 75 octets, valid UTF-8 and
// CRLF-terminated, and the text unfolds and unescapes to what TEXT can hold.
func FuzzWriteText(f *testing.F) {
	for _, s := range []string{"", "a,b;c\\d\ne", strings.Repeat("ł", 100), "\xff\xfe", "复诊预约"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		if err := Write(&buf, "-//ClinicDesk//EN", s, []Event{{UID: "u", Description: s, Start: time.Unix(0, 0), Stamp: time.Unix(0, 0)}}); err != nil {
			t.Fatal(err)
		}
		file := buf.String()
		for i, l := range physicalLines(file) {
			if len(l) > 75 || !utf8.ValidString(l) || strings.ContainsAny(l, "\r\n") {
				t.Fatalf("line %d is bad: %q", i, l)
			}
		}
		if strings.Count(file, "\n") != strings.Count(file, "\r\n") {
			t.Fatal("a bare LF got through")
		}
		for _, l := range unfold(t, file) {
			if v, ok := strings.CutPrefix(l, "DESCRIPTION:"); ok && unescape(v) != textOnly(s) {
				t.Fatalf("description reads back as %q, want %q", unescape(v), textOnly(s))
			}
		}
	})
}

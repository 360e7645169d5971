package letters

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

var dayListPrinted = time.Date(2026, 11, 23, 8, 5, 0, 0, time.UTC)

func sampleDayList(rows int) DayList {
	l := DayList{
		ClinicName: "Clinig Iechyd Glan-yr-Afon",
		Clinician:  "Dr Ахмед Петров",
		Date:       ukcal.NewDate(2026, 11, 23),
		Printed:    dayListPrinted,
	}
	names := []string{"Zoë Łukasiewicz-O'Brien", "Siân Ŵyn", "Ахмед Иванов", "Eleni Παπαδοπούλου"}
	for i := 0; i < rows; i++ {
		r := DayListRow{
			StartMin: 9*60 + 15*i,
			EndMin:   9*60 + 15*i + 15,
			Patient:  fmt.Sprintf("%s %d", names[i%len(names)], i+1),
			DOB:      ukcal.NewDate(1950+i%50, time.Month(1+i%12), 1+i%28),
			Type:     "Review",
			Status:   "Booked",
		}
		switch i % 4 {
		case 1:
			r.Alerts = []string{"Large print letters", "Needs a BSL interpreter"}
		case 2:
			r.Type, r.Status, r.Inactive = "New patient", "Cancelled by patient", true
		case 3:
			r.Alerts = []string{"Allergy: penicillin"}
		}
		l.Rows = append(l.Rows, r)
	}
	return l
}

func mustDayLists(t *testing.T, lists ...DayList) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := RenderDayLists(&buf, lists); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDayListText(t *testing.T) {
	needPoppler(t)
	path := writePDF(t, "day-list.pdf", mustDayLists(t, sampleDayList(8)))
	text := squash(pdfText(t, path))
	for _, want := range []string{
		"Day list", "Dr Ахмед Петров", "Monday 23 November 2026",
		"Printed 23/11/2026 at 08:05", "CONFIDENTIAL",
		"6 appointments, 09:00 to 11:00",
		"Alerts and needs",
		"09:00", "to 09:15", "Zoë Łukasiewicz-O'Brien 1", "Born 01/01/1950",
		"Siân Ŵyn 2", "Ахмед Иванов 3", "Eleni Παπαδοπούλου 4",
		"Large print letters", "Needs a BSL interpreter", "Allergy: penicillin",
		"Cancelled by patient",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("day list lacks %q:\n%s", want, text)
		}
	}
	if n := pageCount(t, path); n != 1 || strings.Contains(text, "Page 1") {
		t.Errorf("short list: %d pages, numbered %v", n, strings.Contains(text, "Page 1"))
	}
	for _, f := range fonts(t, path) {
		if f.embedded != "yes" {
			t.Errorf("font %q is not embedded", f.name)
		}
	}
	checkInsideMargins(t, path)
}

func TestDayListsContinueWithHeadersAndOwnPageNumbers(t *testing.T) {
	needPoppler(t)
	long := sampleDayList(40)
	other := sampleDayList(3)
	other.Clinician = "Nurse Siân Ŵyn"
	path := writePDF(t, "day-lists.pdf", mustDayLists(t, long, other))
	pages := strings.Split(pdfText(t, path), "\f")
	n := pageCount(t, path)
	if n < 3 {
		t.Fatalf("40 + 3 appointments on %d pages; make the list longer", n)
	}
	longPages := n - 1
	for i := 0; i < longPages; i++ {
		page := squash(pages[i])
		if want := fmt.Sprintf("Page %d of %d", i+1, longPages); !strings.Contains(page, want) {
			t.Errorf("page %d lacks %q:\n%s", i+1, want, page)
		}
		if !strings.Contains(page, "Alerts and needs") || !strings.Contains(page, "Status") {
			t.Errorf("page %d lacks the column headings", i+1)
		}
		if i > 0 && !strings.Contains(page, "Dr Ахмед Петров · Monday 23 November 2026 (continued)") {
			t.Errorf("page %d does not say whose list it continues:\n%s", i+1, page)
		}
	}
	last := squash(pages[n-1])
	if !strings.Contains(last, "Nurse Siân Ŵyn") || strings.Contains(last, "Page") {
		t.Errorf("the second clinician's one-page list is wrong:\n%s", last)
	}
	if !strings.Contains(squash(strings.Join(pages, " ")), "Zoë Łukasiewicz-O'Brien 37") {
		t.Error("row 37 is missing")
	}
	checkInsideMargins(t, path)
}

func TestDayListEmptyAndInvalid(t *testing.T) {
	needPoppler(t)
	text := squash(pdfText(t, writePDF(t, "day-list-empty.pdf", mustDayLists(t, sampleDayList(0)))))
	if !strings.Contains(text, "No appointments are booked for this day.") {
		t.Errorf("empty list:\n%s", text)
	}
	if _, err := RenderDayList(&bytes.Buffer{}, DayList{}); err == nil {
		t.Error("a day list with no clinician or date rendered")
	}
	a, b := mustDayLists(t, sampleDayList(40)), mustDayLists(t, sampleDayList(40))
	if !bytes.Equal(a, b) {
		t.Error("the same day list rendered to different bytes")
	}
}

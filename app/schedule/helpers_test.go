package schedule

import (
	"testing"
	"time"

	"clinicdesk/app/testvectors"
	"clinicdesk/app/ukcal"
)

// feedHoliday is one event of the GOV.UK feed in testdata.
type feedHoliday struct {
	Date  ukcal.Date
	Title string
}

// feedVectors returns the holidays of the feed in testdata by region.
func feedVectors(t *testing.T) map[ukcal.Region][]feedHoliday {
	t.Helper()
	var raw map[string]struct {
		Events []struct {
			Title string     `json:"title"`
			Date  ukcal.Date `json:"date"`
		} `json:"events"`
	}
	testvectors.Load(t, "bank-holidays.json", &raw)
	out := map[ukcal.Region][]feedHoliday{}
	for name, div := range raw {
		r, err := ukcal.ParseRegion(name)
		if err != nil {
			t.Fatalf("feed division %q: %v", name, err)
		}
		for _, e := range div.Events {
			out[r] = append(out[r], feedHoliday{e.Date, e.Title})
		}
	}
	return out
}

var (
	date = ukcal.MustParseDate
	clk  = MustParseClock
)

// span builds a Span from two "HH:MM" times.
func span(start, end string) Span { return Span{clk(start), clk(end)} }

// appt builds an appointment on a date from "HH:MM" times.
func appt(id, clinician, room, patient, day, start, end string) Appt {
	return Appt{ID: id, ClinicianID: clinician, RoomID: room, PatientID: patient, Date: date(day), Start: clk(start), End: clk(end)}
}

// weekdays gives the same spans Monday to Friday, except the days left out.
func weekdays(spans []Span, except ...time.Weekday) WeekHours {
	var w WeekHours
	for wd := time.Monday; wd <= time.Friday; wd++ {
		w[wd] = spans
	}
	for _, wd := range except {
		w[wd] = nil
	}
	return w
}

// Dr Okafor works 09:00–12:30 and 13:30–17:00, not on Wednesdays; Nurse
// Price works 08:30–16:00 every weekday; the locum has no hours set. The
// clinic is open 08:30–18:00 on weekdays. 23 November 2026 is a Monday.
const (
	drOkafor   = "dr-okafor"
	nursePrice = "nurse-price"
	locum      = "locum"
)

func clinicRules() Rules {
	return Rules{
		Region:       ukcal.EnglandAndWales,
		OpeningHours: weekdays([]Span{span("08:30", "18:00")}),
		ClinicianHours: map[string]WeekHours{
			drOkafor:   weekdays([]Span{span("09:00", "12:30"), span("13:30", "17:00")}, time.Wednesday),
			nursePrice: weekdays([]Span{span("08:30", "16:00")}),
		},
	}
}

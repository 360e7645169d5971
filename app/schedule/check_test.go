package schedule

import (
	"slices"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// kinds lists the problems' kinds in order, for comparing.
func kinds(problems []Problem) []ProblemKind {
	var out []ProblemKind
	for _, p := range problems {
		out = append(out, p.Kind)
	}
	return out
}

func TestCheckClashes(t *testing.T) {
	const monday = "2026-11-23"
	existing := []Appt{
		appt("e-dr", drOkafor, "", "zoe", monday, "09:00", "09:20"),
		appt("e-room", nursePrice, "room-1", "amir", monday, "10:00", "10:30"),
		appt("e-nurse-pm", nursePrice, "", "siobhan", monday, "14:00", "14:30"),
		appt("e-tuesday", drOkafor, "room-1", "zoe", "2026-11-24", "09:00", "09:20"),
	}
	for _, c := range []struct {
		name  string
		a     Appt
		want  []ProblemKind
		other []string
	}{
		{"clinician overlaps", appt("new", drOkafor, "", "ffion", monday, "09:10", "09:30"), []ProblemKind{ClinicianClash}, []string{"e-dr"}},
		{"clinician inside another", appt("new", drOkafor, "", "ffion", monday, "09:05", "09:15"), []ProblemKind{ClinicianClash}, []string{"e-dr"}},
		{"back to back after", appt("new", drOkafor, "", "ffion", monday, "09:20", "09:40"), nil, nil},
		{"back to back before", appt("new", drOkafor, "", "ffion", monday, "13:30", "14:00"), nil, nil},
		{"room in use by another clinician", appt("new", drOkafor, "room-1", "ffion", monday, "10:15", "10:35"), []ProblemKind{RoomClash}, []string{"e-room"}},
		{"no room asked, no room clash", appt("new", drOkafor, "", "ffion", monday, "10:15", "10:35"), nil, nil},
		{"another room", appt("new", drOkafor, "room-2", "ffion", monday, "10:15", "10:35"), nil, nil},
		{"patient later the same day, other clinician", appt("new", drOkafor, "", "siobhan", monday, "09:30", "09:50"), []ProblemKind{PatientSameDay}, []string{"e-nurse-pm"}},
		{"patient at the same time, other clinician", appt("new", drOkafor, "", "amir", monday, "10:00", "10:20"), []ProblemKind{PatientSameDay}, []string{"e-room"}},
		{"patient on another day", appt("new", nursePrice, "", "zoe", "2026-11-25", "09:00", "09:20"), nil, nil},
		{"move within its own time", appt("e-dr", drOkafor, "", "zoe", monday, "09:10", "09:30"), nil, nil},
		{"move onto the same room's next day", appt("e-tuesday", drOkafor, "room-1", "zoe", "2026-11-24", "09:00", "09:40"), nil, nil},
		{"several at once, in time order", appt("new", nursePrice, "room-1", "zoe", monday, "10:20", "10:40"), []ProblemKind{PatientSameDay, ClinicianClash, RoomClash}, []string{"e-dr", "e-room", "e-room"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.a, existing, clinicRules())
			if !slices.Equal(kinds(got), c.want) {
				t.Fatalf("Check = %v, want %v", got, c.want)
			}
			for i, p := range got {
				if p.OtherID != c.other[i] {
					t.Errorf("problem %d OtherID = %q, want %q", i, p.OtherID, c.other[i])
				}
				if !p.Blocks || p.Span != existingSpan(existing, p.OtherID) {
					t.Errorf("problem %d should block and give the clashing time: %+v", i, p)
				}
			}
		})
	}
}

// existingSpan is the time of the existing appointment with the id.
func existingSpan(existing []Appt, id string) Span {
	for _, e := range existing {
		if e.ID == id {
			return e.Span()
		}
	}
	return Span{}
}

// A clash names the clashing appointment's clinician, room, patient and
// time, for the doors to word; the booking's own are not lost.
func TestCheckClashFacts(t *testing.T) {
	existing := []Appt{appt("e1", nursePrice, "room-1", "zoe", "2026-11-23", "09:00", "09:20")}
	got := Check(appt("new", nursePrice, "room-1", "zoe", "2026-11-23", "09:10", "09:30"), existing, clinicRules())
	want := []Problem{
		{Kind: ClinicianClash},
		{Kind: RoomClash},
		{Kind: PatientSameDay, SameTime: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %d problems", got, len(want))
	}
	for i, p := range got {
		if p.Kind != want[i].Kind || p.SameTime != want[i].SameTime || !p.Blocks || p.OtherID != "e1" ||
			p.Clinician.ID != nursePrice || p.Room.ID != "room-1" || p.Patient.ID != "zoe" ||
			p.Date != date("2026-11-23") || p.Span != (Span{clk("09:00"), clk("09:20")}) {
			t.Errorf("problem %d = %+v", i, p)
		}
	}
	later := Check(appt("new", drOkafor, "", "zoe", "2026-11-23", "10:00", "10:20"), existing, clinicRules())
	if len(later) != 1 || later[0].Kind != PatientSameDay || later[0].SameTime || later[0].Clinician.ID != nursePrice {
		t.Errorf("the patient later the same day, with another clinician: %+v", later)
	}
}

func TestCheckHours(t *testing.T) {
	for _, c := range []struct {
		name  string
		a     Appt
		want  []ProblemKind
		hours string // the first problem's hours that day, "-" for none
	}{
		{"inside the morning", appt("n", drOkafor, "", "p", "2026-11-23", "09:00", "09:30"), nil, ""},
		{"ends as the break starts", appt("n", drOkafor, "", "p", "2026-11-23", "12:00", "12:30"), nil, ""},
		{"straddles the break", appt("n", drOkafor, "", "p", "2026-11-23", "12:20", "12:40"), []ProblemKind{OutsideClinicianHours},
			"09:00–12:30 and 13:30–17:00"},
		{"in the break", appt("n", drOkafor, "", "p", "2026-11-23", "12:45", "13:00"), []ProblemKind{OutsideClinicianHours}, ""},
		{"before the clinic opens", appt("n", nursePrice, "", "p", "2026-11-23", "08:00", "08:20"), []ProblemKind{OutsideOpeningHours, OutsideClinicianHours},
			"08:30–18:00"},
		{"runs past closing", appt("n", locum, "", "p", "2026-11-23", "17:50", "18:10"), []ProblemKind{OutsideOpeningHours}, ""},
		{"clinician's day off", appt("n", drOkafor, "", "p", "2026-11-25", "10:00", "10:20"), []ProblemKind{OutsideClinicianHours},
			"-"},
		{"clinician with no hours set", appt("n", locum, "", "p", "2026-11-25", "10:00", "10:20"), nil, ""},
		{"Saturday", appt("n", nursePrice, "", "p", "2026-11-28", "10:00", "10:20"), []ProblemKind{OutsideOpeningHours, OutsideClinicianHours},
			"-"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.a, nil, clinicRules())
			if !slices.Equal(kinds(got), c.want) {
				t.Fatalf("Check = %v, want %v", got, c.want)
			}
			if c.hours == "" {
				return
			}
			p := got[0]
			if want := strings.TrimPrefix(c.hours, "-"); p.Hours.String() != want || !p.Blocks || p.Span != c.a.Span() || p.Clinician.ID != c.a.ClinicianID {
				t.Errorf("problem = %+v, want hours %q and the booking's own time", p, want)
			}
		})
	}
	// A clinic with no opening hours set restricts nothing.
	r := clinicRules()
	r.OpeningHours = WeekHours{}
	if got := Check(appt("n", locum, "", "p", "2026-11-28", "07:00", "07:20"), nil, r); len(got) != 0 {
		t.Errorf("with no opening hours set: %v", got)
	}
}

// Every bank holiday of the GOV.UK feed in testdata warns in its own region, with
// the feed's title, and the days that are holidays only elsewhere do not.
func TestCheckBankHolidaysFromTheFeedVectors(t *testing.T) {
	feed := feedVectors(t)
	isHoliday := func(r ukcal.Region, d ukcal.Date) bool {
		return slices.ContainsFunc(feed[r], func(h feedHoliday) bool { return h.Date == d })
	}
	for _, named := range []struct {
		region ukcal.Region
		day    string
	}{
		{ukcal.EnglandAndWales, "2026-12-25"},
		{ukcal.Scotland, "2026-01-02"},
	} {
		if !isHoliday(named.region, date(named.day)) {
			t.Fatalf("the feed vectors have no %s holiday on %s", named.region, named.day)
		}
	}
	if isHoliday(ukcal.EnglandAndWales, date("2026-01-02")) {
		t.Fatal("the feed vectors have 2 January 2026 as an England and Wales holiday")
	}

	checked := 0
	for region, holidays := range feed {
		for _, h := range holidays {
			if h.Date.Year() < 2026 || h.Date.Year() > 2027 {
				continue
			}
			r := Rules{Region: region}
			got := Check(Appt{ID: "n", Date: h.Date, Start: clk("10:00"), End: clk("10:20")}, nil, r)
			if !HasKind(got, BankHoliday) || got[0].Detail != h.Title {
				t.Errorf("%s %s (%s): %v", region, h.Date, h.Title, got)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d holidays checked", checked)
	}

	christmas := Check(appt("n", nursePrice, "", "p", "2026-12-25", "10:00", "10:20"), nil, clinicRules())
	if len(christmas) != 1 || christmas[0].Detail != "Christmas Day" || christmas[0].Date != date("2026-12-25") {
		t.Errorf("Christmas Day: %v", christmas)
	}
	secondJanuary := appt("n", "", "", "", "2026-01-02", "10:00", "10:20")
	if got := Check(secondJanuary, nil, Rules{Region: ukcal.Scotland}); !HasKind(got, BankHoliday) {
		t.Errorf("2 January 2026 in Scotland: %v", got)
	}
	if got := Check(secondJanuary, nil, Rules{Region: ukcal.EnglandAndWales}); len(got) != 0 {
		t.Errorf("2 January 2026 in England: %v", got)
	}
}

func TestCheckClosuresAreInclusive(t *testing.T) {
	r := clinicRules()
	r.Closures = []Closure{{From: date("2026-12-01"), To: date("2026-12-03"), Reason: "Staff training"}}
	for day, closed := range map[string]bool{
		"2026-11-30": false, "2026-12-01": true, "2026-12-02": true, "2026-12-03": true, "2026-12-04": false,
	} {
		got := Check(appt("n", nursePrice, "", "p", day, "10:00", "10:20"), nil, r)
		if HasKind(got, ClinicClosed) != closed || len(got) > 1 {
			t.Errorf("%s: %v, want closed = %v", day, got, closed)
		}
	}
	got := Check(appt("n", nursePrice, "", "p", "2026-12-01", "10:00", "10:20"), nil, r)
	if got[0].Detail != "Staff training" || !got[0].Blocks {
		t.Errorf("closure = %+v, want its reason", got[0])
	}
}

func TestOverlaps(t *testing.T) {
	a := appt("a", drOkafor, "", "", "2026-11-23", "09:00", "09:20")
	for _, c := range []struct {
		b    Appt
		want bool
	}{
		{appt("b", "x", "", "", "2026-11-23", "09:20", "09:40"), false},
		{appt("b", "x", "", "", "2026-11-23", "08:40", "09:00"), false},
		{appt("b", "x", "", "", "2026-11-23", "09:19", "09:40"), true},
		{appt("b", "x", "", "", "2026-11-23", "08:00", "10:00"), true},
		{appt("b", "x", "", "", "2026-11-24", "09:00", "09:20"), false},
	} {
		if Overlaps(a, c.b) != c.want || Overlaps(c.b, a) != c.want {
			t.Errorf("Overlaps(%v, %v) != %v", a.Span(), c.b, c.want)
		}
	}
}

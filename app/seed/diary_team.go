package seed

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// kind is what a clinician does, which decides the appointments they
// take.
type kind int

const (
	anyKind kind = iota
	gp
	nurse
	physio
	hca
	massage
)

// kindOf reads a role as typed in the set-up.
func kindOf(role string) kind {
	r := strings.ToLower(role)
	switch {
	case strings.Contains(r, "gp") || strings.Contains(r, "doctor") || strings.Contains(r, "general practitioner"):
		return gp
	case strings.Contains(r, "physio"):
		return physio
	case strings.Contains(r, "nurse"):
		return nurse
	case strings.Contains(r, "assistant") || strings.Contains(r, "hca") || strings.Contains(r, "phlebotom"):
		return hca
	case strings.Contains(r, "massage"):
		return massage
	}
	return anyKind
}

// who is the patients an appointment type suits.
type who int

const (
	anyone     who = iota
	adults         // 16 and over
	youngChild     // under 6
	screening      // women 25 to 64
)

// typeSpec is one of the standard appointment types.
type typeSpec struct {
	name    string
	minutes int
	colour  string
	kind    kind
	weight  float64 // how often a clinician of the kind books it
	who     who
	rooms   []string // names of the rooms it may use; none: no room needed
}

// standardTypes are every type the generator knows how to book: the
// general practice's and the physiotherapy clinic's (diary_physio.go).
var standardTypes = slices.Concat(gpPracticeTypes, physioClinicTypes)

// gpPracticeTypes are the standard set-up's: a general practice with
// nurses, physiotherapists and healthcare assistants. They are open to
// anyone (the generator books each with its kind of clinician), so the
// seeded and bench clinics book as they always have.
var gpPracticeTypes = []typeSpec{
	{"Routine 15 min", 15, "#A8C8F0", gp, 60, anyone, nil},
	{"Long 30 min", 30, "#7FA7E0", gp, 12, anyone, nil},
	{"Telephone 10 min", 10, "#C9D9EC", gp, 25, anyone, nil},
	{"Minor surgery 30 min", 30, "#E8A0A0", gp, 3, adults, []string{"Treatment room"}},
	{"Nurse 15 min", 15, "#A8E0C0", nurse, 40, anyone, nil},
	{"Asthma review 20 min", 20, "#8FD3B0", nurse, 15, anyone, nil},
	{"Smear test 20 min", 20, "#F0B8D8", nurse, 12, screening, nil},
	{"Child immunisations 20 min", 20, "#F7E08C", nurse, 10, youngChild, nil},
	{"Dressing 20 min", 20, "#D8C8A8", nurse, 12, anyone, []string{"Treatment room", "Nurse room"}},
	{"Physio 45 min needs room", 45, "#C0A8E8", physio, 30, adults, []string{"Physio gym", "Physio room 2"}},
	{"Physio follow-up 30 min", 30, "#D4C4F0", physio, 55, adults, []string{"Physio gym", "Physio room 2"}},
	{"Physio telephone 15 min", 15, "#E4DAF6", physio, 15, adults, nil},
	{"Blood test 10 min", 10, "#F4B183", hca, 60, anyone, nil},
	{"Blood pressure check 10 min", 10, "#F8CBAD", hca, 20, adults, nil},
	{"ECG 20 min", 20, "#E6A07A", hca, 10, adults, []string{"Treatment room"}},
}

var standardRooms = []string{"Consulting room 1", "Consulting room 2", "Consulting room 3", "Consulting room 4",
	"Nurse room", "Treatment room", "Physio gym", "Physio room 2"}

// memberSpec is one of the standard team. Hours are per weekday, Monday
// first; each day a list of "HH:MM-HH:MM" spans, the gap between two
// being lunch.
type memberSpec struct {
	name, role string
	colour     string
	days       [5]string
}

const (
	gpDay     = "08:30-12:30 14:00-18:00"
	nurseDay  = "08:00-12:30 13:30-16:30"
	physioDay = "08:00-12:00 13:00-17:00"
	hcaDay    = "08:00-13:00 13:30-15:30"
)

// standardTeam: ten clinicians, some part-time, from the communities a
// clinic's staff come from. Colours are distinct and readable on white.
var standardTeam = []memberSpec{
	{"Dr Aisha Rahman", "GP", "#1F77B4", [5]string{gpDay, gpDay, gpDay, gpDay, gpDay}},
	{"Dr Tom Whitfield", "GP", "#D62728", [5]string{gpDay, gpDay, gpDay, gpDay, ""}},
	{"Dr Chinonso Eze", "GP", "#2CA02C", [5]string{"", gpDay, gpDay, "", gpDay}},
	{"Dr Siobhán Doyle", "GP", "#9467BD", [5]string{gpDay, "08:30-12:30", gpDay, gpDay, "08:30-12:30"}},
	{"Grace Mensah", "Practice nurse", "#FF7F0E", [5]string{nurseDay, nurseDay, nurseDay, nurseDay, nurseDay}},
	{"Katarzyna Nowak", "Practice nurse", "#17BECF", [5]string{"08:00-13:00", "08:00-13:00", "", "08:00-13:00", "08:00-13:00"}},
	{"Priya Raman", "Physiotherapist", "#8C564B", [5]string{physioDay, physioDay, physioDay, physioDay, physioDay}},
	{"Callum MacLeod", "Physiotherapist", "#E377C2", [5]string{physioDay, "", physioDay, "", physioDay}},
	{"Mei Lin Chen", "Healthcare assistant", "#7F7F7F", [5]string{hcaDay, hcaDay, hcaDay, hcaDay, hcaDay}},
	{"Yusuf Hassan", "Healthcare assistant", "#BCBD22", [5]string{"", hcaDay, hcaDay, hcaDay, ""}},
}

// extraKinds are the roles a larger clinic adds, in turn.
var extraKinds = []struct {
	role string
	day  string
}{{"GP", gpDay}, {"Practice nurse", nurseDay}, {"Physiotherapist", physioDay}, {"GP", gpDay}, {"Healthcare assistant", hcaDay}}

func parseDay(s string) []schedule.Span {
	var out []schedule.Span
	for _, f := range strings.Fields(s) {
		a, b, _ := strings.Cut(f, "-")
		out = append(out, schedule.Span{Start: schedule.MustParseClock(a), End: schedule.MustParseClock(b)})
	}
	return out
}

func weekHours(days [5]string) schedule.WeekHours {
	var w schedule.WeekHours
	for i, d := range days {
		w[time.Monday+time.Weekday(i)] = parseDay(d)
	}
	return w
}

// trainingDay is the first Friday at least two days after today that is
// a working day: the clinic's next staff training day.
func trainingDay(today ukcal.Date, region ukcal.Region) ukcal.Date {
	d := today.AddDays(2)
	for d.Weekday() != time.Friday || !region.IsWorkingDay(d) {
		d = d.AddDays(1)
	}
	return d
}

// NewSetup is the standard set-up: ten clinicians, eight rooms, fifteen
// appointment types, open 08:00–18:30 on weekdays, a refurbishment last
// year (when the diary goes back that far) and a training day ahead.
// extra clinicians join the ten, for a clinic too big for them.
func NewSetup(today ukcal.Date, years, extra int, seed uint64) Setup {
	st := Setup{Settings: clinicSettings()}
	for i, m := range standardTeam {
		st.Clinicians = append(st.Clinicians, schedule.Clinician{ID: newID(), Name: m.name, Role: m.role, Colour: m.colour,
			Active: true, Hours: weekHours(m.days), SortOrder: i})
	}
	names := New(Options{Seed: seed ^ 0x5eed_c11c, Today: today})
	for i := 0; i < extra; i++ {
		k := extraKinds[i%len(extraKinds)]
		p := names.Next()
		name := strings.Fields(p.Forenames)[0] + " " + p.Surname
		if k.role == "GP" {
			name = "Dr " + name
		}
		// Hues round the wheel by the golden angle, dark enough for white text.
		colour := hsl(math.Mod(float64(i)*137.508+17, 360), 0.55, 0.4)
		st.Clinicians = append(st.Clinicians, schedule.Clinician{ID: newID(), Name: name, Role: k.role, Colour: colour,
			Active: true, Hours: weekHours([5]string{k.day, k.day, k.day, k.day, k.day}), SortOrder: len(standardTeam) + i})
	}
	for i, r := range standardRooms {
		st.Rooms = append(st.Rooms, schedule.Room{ID: newID(), Name: r, Active: true, SortOrder: i})
	}
	for _, t := range gpPracticeTypes {
		st.Types = append(st.Types, schedule.AppointmentType{ID: newID(), Name: t.name, Minutes: t.minutes, Colour: t.colour,
			NeedsRoom: len(t.rooms) > 0, Active: true})
	}
	st.Closures = clinicClosures(today, years, ukcal.Region(st.Settings.Region))
	return st
}

// clinicSettings are the standard clinic's calendar settings: England and
// Wales, a 5-minute grid, open 08:00–18:30 on weekdays.
func clinicSettings() schedule.CalendarSettings {
	cs := schedule.DefaultCalendarSettings()
	cs.GridMinutes = 5 // 10-minute types start between the quarters
	for d := time.Monday; d <= time.Friday; d++ {
		cs.OpeningHours[d] = []schedule.Span{{Start: 8 * 60, End: 18*60 + 30}}
	}
	return cs
}

// clinicClosures are a refurbishment last year (when the diary goes back
// that far) and a training day ahead.
func clinicClosures(today ukcal.Date, years int, region ukcal.Region) []schedule.Closure {
	var out []schedule.Closure
	if years > 0 {
		// Two days the treatment rooms were refurbished, about seven months ago.
		from := today.AddDays(-213)
		for from.Weekday() != time.Thursday || !region.IsWorkingDay(from) || !region.IsWorkingDay(from.AddDays(1)) {
			from = from.AddDays(1)
		}
		out = append(out, schedule.Closure{ID: newID(), From: from, To: from.AddDays(1),
			Reason: "Treatment rooms refurbished"})
	}
	td := trainingDay(today, region)
	return append(out, schedule.Closure{ID: newID(), From: td, To: td, Reason: "Staff training day"})
}

// delivers reports whether the clinician may be booked for the type: the
// generator books nobody for a type they do not deliver.
func delivers(t schedule.AppointmentType, c schedule.Clinician) bool {
	return schedule.Deliverers{ClinicianIDs: t.Deliverers.ClinicianIDs, Roles: t.Deliverers.Roles}.Delivers(c.ID, c.Role)
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

func hsl(h, s, l float64) string {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	return fmt.Sprintf("#%02X%02X%02X", int((r+m)*255+0.5), int((g+m)*255+0.5), int((b+m)*255+0.5))
}

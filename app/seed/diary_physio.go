package seed

import (
	"fmt"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// The physiotherapy clinic: the demo's set-up. Its types say who delivers
// them, as a real clinic's would: the physiotherapists' by role, two
// specialities by name, the gym by two roles, massage by its own role.

// physioClinicTypes are the physiotherapy clinic's types.
var physioClinicTypes = []typeSpec{
	{"New patient assessment 45 min", 45, "#C0A8E8", physio, 30, anyone, []string{"Treatment room 1", "Treatment room 2", "Treatment room 3", "Treatment room 4"}},
	{"Follow-up 30 min", 30, "#D4C4F0", physio, 60, anyone, nil},
	{"Telephone review 15 min", 15, "#E4DAF6", physio, 12, adults, nil},
	{"Acupuncture 30 min", 30, "#A8E0C0", physio, 10, adults, nil},
	{"Women's health assessment 60 min", 60, "#F0B8D8", physio, 6, screening, []string{"Treatment room 1", "Treatment room 2"}},
	{"Gym rehab 30 min", 30, "#A8C8F0", physio, 12, adults, nil},
	{"Sports massage 30 min", 30, "#F8CBAD", massage, 40, adults, nil},
	{"Sports massage 60 min", 60, "#F4B183", massage, 25, adults, []string{"Treatment room 5", "Treatment room 6"}},
}

// Roles of the physiotherapy clinic's team.
const (
	rolePhysio    = "Physiotherapist"
	roleAssistant = "Physiotherapy assistant"
	roleMassage   = "Sports massage therapist"
)

// physioDeliverers are who delivers each of the clinic's types: roles, and
// clinicians by name.
var physioDeliverers = map[string]struct{ roles, named []string }{
	"New patient assessment 45 min":    {roles: []string{rolePhysio}},
	"Follow-up 30 min":                 {roles: []string{rolePhysio}},
	"Telephone review 15 min":          {roles: []string{rolePhysio}},
	"Acupuncture 30 min":               {named: []string{"Priya Raman", "Callum MacLeod"}},
	"Women's health assessment 60 min": {named: []string{"Aisha Rahman"}},
	"Gym rehab 30 min":                 {roles: []string{rolePhysio, roleAssistant}},
	"Sports massage 30 min":            {roles: []string{roleMassage}},
	"Sports massage 60 min":            {roles: []string{roleMassage}},
}

var physioRooms = []string{"Treatment room 1", "Treatment room 2", "Treatment room 3", "Treatment room 4",
	"Treatment room 5", "Treatment room 6", "Gym"}

const (
	physioMorning   = "08:00-12:00"
	physioAfternoon = "13:00-17:00"
	massageDay      = "10:00-14:00 14:30-19:00"
)

// physioTeam: seven physiotherapists (some part-time), an assistant who
// runs the gym, and two sports massage therapists working into the
// evening. Priya Raman is the demo's clinician login.
var physioTeam = []memberSpec{
	{"Priya Raman", rolePhysio, "#8C564B", [5]string{physioDay, physioDay, physioDay, physioDay, physioDay}},
	{"Callum MacLeod", rolePhysio, "#E377C2", [5]string{physioDay, "", physioDay, "", physioDay}},
	{"Aisha Rahman", rolePhysio, "#1F77B4", [5]string{physioDay, physioDay, physioDay, physioDay, physioDay}},
	{"Tom Whitfield", rolePhysio, "#D62728", [5]string{physioDay, physioDay, physioDay, physioDay, ""}},
	{"Chinonso Eze", rolePhysio, "#2CA02C", [5]string{"", physioDay, physioDay, "", physioDay}},
	{"Siobhán Doyle", rolePhysio, "#9467BD", [5]string{physioDay, physioMorning, physioDay, physioDay, physioMorning}},
	{"Katarzyna Nowak", rolePhysio, "#17BECF", [5]string{physioMorning, physioMorning, "", physioMorning, physioMorning}},
	{"Mei Lin Chen", roleAssistant, "#7F7F7F", [5]string{physioDay, physioDay, physioDay, physioDay, physioDay}},
	{"Grace Mensah", roleMassage, "#FF7F0E", [5]string{massageDay, massageDay, "", massageDay, massageDay}},
	{"Yusuf Hassan", roleMassage, "#BCBD22", [5]string{"", massageDay, massageDay, massageDay, physioAfternoon}},
}

// NewPhysioSetup is the physiotherapy clinic's set-up (the demo's): ten
// clinicians, seven rooms, eight appointment types each saying who
// delivers it, open 08:00–18:30 on weekdays, with the standard closures.
func NewPhysioSetup(today ukcal.Date, years int) Setup {
	st := Setup{Settings: clinicSettings()}
	st.Settings.OpeningHours = schedule.WeekHours{}
	for d := 1; d <= 5; d++ {
		st.Settings.OpeningHours[d] = []schedule.Span{{Start: 8 * 60, End: 19 * 60}} // massage runs into the evening
	}
	idOf := map[string]string{}
	for i, m := range physioTeam {
		c := schedule.Clinician{ID: newID(), Name: m.name, Role: m.role, Colour: m.colour, Active: true, Hours: weekHours(m.days), SortOrder: i}
		idOf[m.name] = c.ID
		st.Clinicians = append(st.Clinicians, c)
	}
	for i, r := range physioRooms {
		st.Rooms = append(st.Rooms, schedule.Room{ID: newID(), Name: r, Active: true, SortOrder: i})
	}
	for _, t := range physioClinicTypes {
		who, ok := physioDeliverers[t.name]
		if !ok {
			panic(fmt.Sprintf("seed: nobody is said to deliver %s", t.name))
		}
		d := schedule.Deliverers{Roles: who.roles}
		for _, name := range who.named {
			d.ClinicianIDs = append(d.ClinicianIDs, idOf[name])
		}
		st.Types = append(st.Types, schedule.AppointmentType{ID: newID(), Name: t.name, Minutes: t.minutes, Colour: t.colour,
			NeedsRoom: len(t.rooms) > 0, Active: true, Deliverers: d})
	}
	st.Closures = clinicClosures(today, years, ukcal.Region(st.Settings.Region))
	return st
}

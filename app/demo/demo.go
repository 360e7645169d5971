// Package demo makes throw-away clinics full of realistic fake data, for
// trying ClinicDesk out and for its end-to-end tests. Nothing in them is
// about a real person: NHS numbers are from the 999 test range, phone
// numbers from Ofcom's drama ranges, email addresses at example domains.
package demo

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/kdf"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// Clinic is a demo clinic, signed in as its practice manager.
type Clinic struct {
	Clinic   *app.Clinic
	Path     string
	Username string
	Password string
}

// Password is every demo user's password: printed when the demo starts, so
// the demo can be unlocked after the idle lock.
const Password = "harbour-lantern-maple"

// Staff are the demo clinic's users; the first is the manager who is left
// signed in.
var Staff = []app.NewUser{
	{Username: "demo", FullName: "Dana Okafor", Role: app.Manager},
	{Username: "reception", FullName: "Rhys Llewellyn", Role: app.Receptionist},
	{Username: "physio", FullName: "Priya Raman", Role: app.Clinician},
}

// Details are the demo clinic's letterhead. The phone number is in
// Ofcom's drama range, so nobody real is ever rung.
var Details = practice.Details{
	Name:    "Riverside Physiotherapy Clinic",
	Address: "12 Mill Lane\nRiverside\nLeeds\nLS1 4AP",
	Phone:   "0113 496 0000",
	Email:   "reception@riverside-physio.example",
}

// Patients is how many generated patients the demo clinic holds, besides
// the few written by hand below: enough for today's full diary of ten
// clinicians without anyone coming twice.
const Patients = 1500

// Seed makes the demo's patients the same every time, so screenshots and
// tests can name them.
const Seed = 2026

// demoKDF is the floor every real keyring entry has (64 MiB, three
// passes) without the tuning that raises it to half a second per wrap: the
// demo wraps the data key four times and its password is printed on the
// screen, so a slower derivation would only make it slower to start.
var demoKDF = kdf.Default

// Create makes a demo clinic in dir (a new temporary folder when empty),
// its diary and history running up to today.
func Create(dir string) (*Clinic, error) { return CreateAt(dir, time.Now) }

// CreateAt is Create with the clinic's clock: the demo's today, and every
// date the clinic works out after, come from now (tests pin it).
func CreateAt(dir string, now func() time.Time) (*Clinic, error) {
	if dir == "" {
		d, err := os.MkdirTemp("", "clinicdesk-demo-*")
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "demo-clinic.db")
	if app.Exists(path) {
		return nil, fmt.Errorf("a demo clinic already exists in %s: choose an empty folder", dir)
	}
	manager := Staff[0]
	manager.Password = Password
	c, _, err := app.Create(app.Setup{Path: path, Clinic: Details, Manager: manager, KDF: demoKDF, Now: now})
	if err != nil {
		return nil, err
	}
	if err := fill(c, now()); err != nil {
		c.Close()
		return nil, err
	}
	return &Clinic{Clinic: c, Path: path, Username: manager.Username, Password: Password}, nil
}

// fill adds the staff, the patients, the team and its diary, and a
// morning's worth of notes, calls and follow-ups.
func fill(c *app.Clinic, now time.Time) error {
	users := map[string]users.User{}
	for _, u := range Staff[1:] {
		u.Password = Password
		added, err := c.AddUser(u)
		if err != nil {
			return err
		}
		users[u.Username] = added
	}
	today := ukcal.Today(now)

	gen := seed.New(seed.Options{Seed: Seed, Today: today})
	rows := make([]app.ImportRow, 0, Patients+len(handWritten))
	used := map[string]bool{}
	for i := 0; i < Patients; i++ {
		p := gen.Next()
		for _, ph := range []string{p.Phones.Mobile, p.Phones.Home, p.Phones.Work} {
			used[ph] = true
		}
		rows = append(rows, app.ImportRow{Line: i + 1, Patient: p})
	}
	hand := handWrittenPatients(today, used)
	for i, p := range hand {
		rows = append(rows, app.ImportRow{Line: Patients + i + 1, Patient: p})
	}
	if _, err := c.ImportPatients(rows, app.ImportOptions{}); err != nil {
		return fmt.Errorf("demo patients: %w", err)
	}
	nhsOf := map[string]string{}
	for i, h := range handWritten {
		nhsOf[h.key] = hand[i].NHSNumber
	}
	if err := appointments(c, now, users); err != nil {
		return err
	}
	if err := complaintHistory(c, now, users); err != nil {
		return err
	}
	if err := sarRegister(c, today, nhsOf); err != nil {
		return err
	}
	if err := notBrought(c, now, used); err != nil {
		return err
	}
	if err := diary(c, today, users, nhsOf); err != nil {
		return err
	}
	return pathwayHistory(c, now)
}

// handWritten are patients the demo needs to show something: two pairs
// that are probably the same person (typed twice, once without the
// accents), for trying the merge; someone with communication needs and an
// alert. Keys are referred to by diary.
var handWritten = []struct {
	key string
	p   patients.Patient
	// How many days before the demo's today the patient was last treated
	// and their needs reviewed; 0 for never.
	treatedDaysAgo, reviewedDaysAgo int
}{
	{"john", patients.Patient{Title: "Mr", Forenames: "John", Surname: "Smith", DOB: ukcal.MustParseDate("1958-03-14"), Sex: "male",
		Address: patients.Address{Line1: "14 Church Lane", Line2: "Headingley", Town: "Leeds", County: "West Yorkshire", Postcode: "LS6 3BQ"},
		Email:   "john.smith58@example.co.uk", GP: patients.GP{Name: "Dr Helen Ashworth", Practice: "Kirkgate Surgery",
			Address: []string{"41 Chapel Street", "Headingley", "Leeds", "LS6 3HW"}},
		Language: "English", Consent: patients.Consent{Letter: true, Phone: true, SMS: true, Email: true}}, 40, 0},
	{"jon", patients.Patient{Forenames: "Jon", Surname: "Smith", DOB: ukcal.MustParseDate("1958-03-14"), Sex: "male",
		Address: patients.Address{Line1: "14 Church Ln", Town: "Leeds", Postcode: "LS6 3BQ"},
		Consent: patients.Consent{Letter: true, Phone: true}}, 0, 0},
	{"lukasz", patients.Patient{Title: "Mr", Forenames: "Łukasz", Surname: "Wiśniewski", DOB: ukcal.MustParseDate("1987-11-02"), Sex: "male",
		Address:  patients.Address{Line1: "Flat 4, Granary Wharf", Line2: "Water Lane", Town: "Leeds", County: "West Yorkshire", Postcode: "LS11 5PS"},
		Language: "Polish", Interpreter: true, GP: patients.GP{Name: "Dr Tomasz Nowicki", Practice: "Canal Side Medical Practice, Leeds",
			Address: []string{"Unit 3, Mill Wharf", "Water Lane", "Leeds", "LS11 5QN"}},
		NextOfKin: patients.NextOfKin{Name: "Agnieszka Wiśniewska", Relationship: "Wife"},
		Consent:   patients.Consent{Letter: true, Phone: true, SMS: true}}, 120, 0},
	{"lukasz-typed", patients.Patient{Forenames: "Lukasz", Surname: "Wisniewski", DOB: ukcal.MustParseDate("1987-11-02"), Sex: "male",
		Address: patients.Address{Line1: "Flat 4 Granary Wharf", Town: "Leeds", Postcode: "LS11 5PS"},
		Consent: patients.Consent{Letter: true, Phone: true}}, 0, 0},
	{"margaret", patients.Patient{Title: "Mrs", Forenames: "Margaret", Surname: "Ó Briain", PreferredName: "Peggy", DOB: ukcal.MustParseDate("1938-06-30"), Sex: "female",
		Address:   patients.Address{Line1: "The Old Rectory", Line2: "Moor Road", Town: "Leeds", County: "West Yorkshire", Postcode: "LS17 6HT"},
		NextOfKin: patients.NextOfKin{Name: "Siobhán Ní Bhriain", Relationship: "Daughter"},
		Language:  "English", GP: patients.GP{Name: "Dr Peter Haigh", Practice: "Moorview Surgery",
			Address: []string{"118 Moor Road", "Moortown", "Leeds", "LS17 6JB"}},
		AIS:     patients.AIS{Needs: []string{"large_print", "hearing_loop"}, Notes: "Letters in 18 pt. Uses the loop at the desk; speak clearly, face her."},
		Alerts:  []patients.Alert{{Kind: "other", Text: "Falls risk: offer a wheelchair from the car park"}},
		Consent: patients.Consent{Letter: true, Phone: true}}, 14, 60},
	{"darren", patients.Patient{Title: "Mr", Forenames: "Darren", Surname: "Pickersgill", DOB: ukcal.MustParseDate("1979-09-09"), Sex: "male",
		Address: patients.Address{Line1: "3 Cross Flatts Grove", Line2: "Beeston", Town: "Leeds", County: "West Yorkshire", Postcode: "LS11 7BQ"},
		Alerts:  []patients.Alert{{Kind: "violent_warning", Text: "Shouted at and threatened reception staff, January: two staff at the desk, manager informed"}},
		Consent: patients.Consent{Letter: true, Phone: true, SMS: true}}, 200, 0},
	{"deaf", patients.Patient{Title: "Ms", Forenames: "Eleri", Surname: "Prydderch", DOB: ukcal.MustParseDate("1969-01-21"), Sex: "female",
		Address:  patients.Address{Line1: "27 Victoria Road", Town: "Leeds", County: "West Yorkshire", Postcode: "LS6 1DR"},
		Email:    "eleri.prydderch@example.org",
		Language: "British Sign Language", Interpreter: true,
		AIS:     patients.AIS{Needs: []string{"bsl_interpreter", "text_only"}, Notes: "Deaf: text, never phone. Book the BSL interpreter when the appointment is made."},
		Consent: patients.Consent{Letter: true, SMS: true, Email: true}}, 7, 200},
}

// handWrittenPatients fills in what depends on the day and on the
// generated patients: dates counted back from today, NHS numbers and phones
// no generated patient has.
func handWrittenPatients(today ukcal.Date, used map[string]bool) []patients.Patient {
	free := 999
	phone := func() string {
		for ; free >= 0; free-- {
			if n := nhs.DramaPhone(3 * free); !used[n] {
				used[n] = true
				return n
			}
		}
		return ""
	}
	daysAgo := func(n int) ukcal.Date {
		if n == 0 {
			return ukcal.Date{}
		}
		return today.AddDays(-n)
	}
	out := make([]patients.Patient, len(handWritten))
	var shared string
	for i, h := range handWritten {
		p := h.p
		p.AIS.Needs = append([]string(nil), p.AIS.Needs...)
		p.Alerts = append([]patients.Alert(nil), p.Alerts...)
		p.LastTreatment, p.AIS.Reviewed = daysAgo(h.treatedDaysAgo), daysAgo(h.reviewedDaysAgo)
		switch h.key {
		case "jon", "lukasz-typed":
			// The second copy, typed in a hurry: no NHS number, the same
			// mobile as the first.
			p.Phones.Mobile = shared
		case "deaf":
			p.Phones.Mobile = phone()
			p.NHSNumber = nhs.TestNHSNumber(seed.MaxNHSNumbers - 1 - i)
		default:
			shared = phone()
			p.Phones.Mobile = shared
			p.NHSNumber = nhs.TestNHSNumber(seed.MaxNHSNumbers - 1 - i)
		}
		if p.NextOfKin.Name != "" {
			p.NextOfKin.Phone = phone()
		}
		out[i] = p
	}
	return out
}

// diary adds what a morning at the desk leaves behind: notes, calls, and
// follow-ups, some due today and one overdue.
func diary(c *app.Clinic, today ukcal.Date, users map[string]users.User, nhsOf map[string]string) error {
	ids := map[string]string{}
	for _, key := range []string{"john", "lukasz", "margaret", "darren", "deaf"} {
		found, err := c.SearchPatients(nhsOf[key], false, 5)
		if err != nil {
			return err
		}
		if len(found) != 1 {
			return fmt.Errorf("demo patient %q: %d found by NHS number", key, len(found))
		}
		ids[key] = found[0].ID
	}
	// A few of the generated patients too, the same ones every time.
	list, err := c.ListPatients(patients.PatientFilter{Limit: 200})
	if err != nil {
		return err
	}
	if len(list) < 200 {
		return fmt.Errorf("demo: only %d patients", len(list))
	}
	ids["a"], ids["b"], ids["c"] = list[17].ID, list[88].ID, list[151].ID

	notes := []struct{ key, kind, dir, body string }{
		{"margaret", "call", "in", "Daughter rang: Mrs Ó Briain would like a ground-floor room and an appointment after 10:00 (carer's visit first)."},
		{"margaret", "note", "", "Large-print appointment letter sent; confirmed she can hear on the loop at the desk."},
		{"lukasz", "call", "out", "Rang to confirm Thursday; booked the Polish interpreter (telephone) for the appointment."},
		{"deaf", "note", "", "Texted the appointment time as she asked; BSL interpreter booked through the agency."},
		{"darren", "note", "", "Came to the desk without an appointment and raised his voice; the practice manager spoke with him. See the alert."},
		{"a", "call", "in", "Asked whether the clinic has parking: told about the two spaces at the back and the pay-and-display on Mill Lane."},
		{"b", "call", "out", "Left a voicemail about the cancelled Friday appointment; to ring back to rebook."},
		{"c", "note", "", "Insurance pre-authorisation number received for the next six sessions."},
	}
	for _, n := range notes {
		var err error
		if n.kind == "call" {
			_, err = c.LogCall(ids[n.key], n.dir, n.body)
		} else {
			_, err = c.AddNote(ids[n.key], n.body)
		}
		if err != nil {
			return err
		}
	}

	reception, physio := users["reception"].ID, users["physio"].ID
	tasks := []struct {
		key, title string
		due        ukcal.Date
		owner      string
	}{
		{"b", "Ring back to rebook the cancelled Friday appointment", today, reception},
		{"margaret", "Check the ground-floor room is free for Mrs Ó Briain's next visit", today, ""},
		{"lukasz", "Send the exercise sheet in Polish", today.AddDays(-3), physio},
		{"john", "Two records for John Smith born 14/03/1958: check and merge", today.AddDays(2), ""},
		{"deaf", "Confirm the BSL interpreter for next week by text", today.AddDays(5), reception},
		{"", "Order more large-print appointment cards", today.AddDays(7), ""},
	}
	for _, t := range tasks {
		if _, err := c.AddTask(ids[t.key], t.title, t.due, t.owner); err != nil {
			return err
		}
	}
	return nil
}

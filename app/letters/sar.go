package letters

import (
	"fmt"
	"io"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// SARData is everything the subject access copy prints: a patient's whole
// record as the clinic holds it, already put into words by the caller.
//
// Instants are printed on the clinic's wall clock (Europe/London); plain
// dates (date of birth, due dates) are ukcal.Dates.
type SARData struct {
	Clinic SARClinic

	Patient   string     // the patient's name exactly as recorded
	DOB       ukcal.Date // zero when not recorded
	NHSNumber string     // as printed, "943 476 5919", or ""

	Received    ukcal.Date // the day the request reached the clinic
	RequestedBy string     // who asked, when not the patient themselves ("" or "patient")
	Scope       string     // what was asked for, when less than the whole record ("" otherwise)
	Produced    time.Time  // when this copy was made; also the PDF's creation date
	ProducedBy  string     // the member of staff who made it

	Details       []SARFieldGroup  // personal details, in groups with their own headings
	Communication []SARField       // language, interpreter, AIS needs and when they were reviewed
	Alerts        []SARField       // Label: the kind of alert; Value: its text
	Appointments  []SARAppointment // oldest first
	Referrals     []SARReferral    // in and out, oldest first
	Notes         []SARNote        // notes and phone calls, oldest first
	FollowUps     []SARFollowUp
	History       []SAREvent // changes to the record, oldest first
	Access        []SAREvent // everyone who looked at or changed the record, oldest first
}

// SARClinic is the letterhead, and where the patient can ask questions.
type SARClinic struct {
	Name    string
	Address string // one address line per text line
	Phone   string
	Email   string
}

// SARFieldGroup is a run of labelled values under a small heading.
type SARFieldGroup struct {
	Title  string
	Fields []SARField
}

// SARField is one labelled value. An empty value prints as "Not recorded".
type SARField struct {
	Label string
	Value string
}

// SARAppointment is one appointment, with everything that happened to it.
type SARAppointment struct {
	Date    ukcal.Date // the day
	Time    string     // clinic wall-clock, "10:15–10:45"
	What    string     // "Review with Dr Asha Patel, Room 2"
	Status  string     // as it stands now, "Cancelled by the clinic"
	History []SAREvent
}

// SARReferral is a referral to the clinic or from it, with what has
// happened on it.
type SARReferral struct {
	Date   ukcal.Date // received or sent
	What   string     // "Referral to us from Dr A Khan, Harbour Medical Practice (your GP): routine, knee pain"
	Status string     // "Open", "Closed: treatment finished"
	Events []SARPathwayEvent
}

// SARPathwayEvent is one event on a referral's pathway: the day it
// happened, and who recorded it when.
type SARPathwayEvent struct {
	On   ukcal.Date
	What string
	By   string
	Note string
}

// SARNote is a note or phone call on the record.
type SARNote struct {
	At    time.Time
	Title string // "Note", "Phone call from you", …
	By    string
	Text  string
}

// SARFollowUp is a follow-up task about the patient.
type SARFollowUp struct {
	Title   string
	Note    string
	Due     ukcal.Date
	Owner   string
	Added   time.Time
	AddedBy string
	Done    time.Time // zero while still open
	DoneBy  string
}

// SAREvent is one line of the record's history or of its access log.
type SAREvent struct {
	At   time.Time
	By   string
	What string
}

func (s SARData) validate() error {
	var missing []string
	if strings.TrimSpace(s.Clinic.Name) == "" {
		missing = append(missing, "clinic name")
	}
	if strings.TrimSpace(s.Patient) == "" {
		missing = append(missing, "patient's name")
	}
	if s.Received.IsZero() {
		missing = append(missing, "date the request was received")
	}
	if s.Produced.IsZero() {
		missing = append(missing, "date the copy was made")
	}
	if len(missing) > 0 {
		return fmt.Errorf("letters: subject access copy needs the %s", strings.Join(missing, ", the "))
	}
	return nil
}

// Type sizes (points) and spacing (millimetres) of the subject access copy.
const (
	sarBody        = 10.5
	sarSmall       = 9.5
	sarSection     = 15
	sarGroup       = 11.5
	sarSectionGap  = 9.0
	sarLabelWidth  = 52.0
	sarDateCol     = 36.0 // fits "30 September 2026" in the table type
	sarTimeCol     = 14.0
	sarApptTimeCol = 24.0 // fits "10:15–10:45"
)

// Grey tones for secondary text.
var (
	sarGrey      = [3]int{90, 90, 90}
	sarLightGrey = [3]int{120, 120, 120}
)

// SubjectAccessPDF writes the patient's subject access copy as a PDF to w:
// a cover page saying what the copy is, what it holds and how to question
// or complain about it, then the record itself section by section. Nothing
// is written to w unless the whole document renders.
func SubjectAccessPDF(w io.Writer, s SARData) error {
	if err := s.validate(); err != nil {
		return err
	}
	d, err := NewDocument("Subject access copy", s.Produced)
	if err != nil {
		return err
	}
	d.sarCover(s)

	d.AddPage()
	d.sarSection("1. Your personal details", true)
	for _, g := range s.Details {
		d.sarGroupHeading(g.Title)
		for _, f := range g.Fields {
			d.sarField(f)
		}
		d.Space(2)
	}

	d.sarSection("2. Communication needs and alerts", false)
	d.sarIntro("How you would like us to communicate with you, and any alerts staff see when they open your record.")
	d.sarGroupHeading("Communication")
	for _, f := range s.Communication {
		d.sarField(f)
	}
	d.Space(2)
	d.sarGroupHeading("Alerts")
	if len(s.Alerts) == 0 {
		d.sarNone("There are no alerts on your record.")
	}
	for _, f := range s.Alerts {
		d.sarField(f)
	}

	d.sarSection("3. Your appointments", false)
	if len(s.Appointments) == 0 {
		d.sarNone("There are no appointments on your record.")
	} else {
		d.sarIntro("Every appointment booked for you, oldest first, with each change to it: when it was booked, " +
			"moved, cancelled (and why), and whether you arrived and were seen. Appointment times are UK clock times.")
		d.sarTable([]sarColumn{
			{"Date", sarDateCol}, {"Time", sarApptTimeCol}, {"Appointment and what happened", contentWidth - sarDateCol - sarApptTimeCol - 36},
			{"Status now", 36},
		}, sarAppointmentRows(s.Appointments))
	}

	d.sarSection("4. Referrals", false)
	if len(s.Referrals) == 0 {
		d.sarNone("There are no referrals on your record.")
	} else {
		d.sarIntro("Referrals to us about you, and referrals we made for you to other services, oldest first, " +
			"with each step on the way: when you were booked and seen, and decisions about your treatment.")
		d.sarTable([]sarColumn{
			{"Date", sarDateCol}, {"Referral and what happened", contentWidth - sarDateCol - 40}, {"Status now", 40},
		}, sarReferralRows(s.Referrals))
	}

	d.sarSection("5. Notes and phone calls", false)
	if len(s.Notes) == 0 {
		d.sarNone("There are no notes or phone calls on your record.")
	} else {
		d.sarIntro("Oldest first. Times are UK time.")
		for _, n := range s.Notes {
			d.sarNote(n)
		}
	}

	d.sarSection("6. Follow-ups", false)
	if len(s.FollowUps) == 0 {
		d.sarNone("There are no follow-ups on your record.")
	} else {
		d.sarIntro("Things our staff noted to do for you, with when they were due and who was looking after them.")
		rows := make([][]string, 0, len(s.FollowUps))
		for _, f := range s.FollowUps {
			status := "Still open"
			if !f.Done.IsZero() {
				status = "Done " + ukcal.WallDate(f.Done).Long()
				if f.DoneBy != "" {
					status += " by " + f.DoneBy
				}
			}
			what := f.Title
			if f.Note != "" {
				what += "\n" + f.Note
			}
			if !f.Added.IsZero() {
				what += "\nAdded " + ukcal.WallDate(f.Added).Long()
				if f.AddedBy != "" {
					what += " by " + f.AddedBy
				}
			}
			rows = append(rows, []string{f.Due.Long(), what, f.Owner, status})
		}
		d.sarTable([]sarColumn{
			{"Due", sarDateCol}, {"Follow-up", 64}, {"Looked after by", 34}, {"Status", contentWidth - sarDateCol - 64 - 34},
		}, rows)
	}

	d.sarSection("7. History of your record", false)
	if len(s.History) == 0 {
		d.sarNone("There are no changes to show.")
	} else {
		d.sarIntro("When your record was created and changed, oldest first. Where details were changed, we list " +
			"which ones; what they say now is in section 1.")
		d.sarTable([]sarColumn{{"Date", sarDateCol}, {"Time", sarTimeCol}, {"What happened", contentWidth - sarDateCol - sarTimeCol - 45}, {"By", 45}}, sarEventRows(s.History))
	}

	d.sarSection("8. Who has looked at or changed your record", false)
	if len(s.Access) == 0 {
		d.sarNone("Nobody has opened your record.")
	} else {
		d.sarIntro("Every time a member of staff opened, changed or used your record, oldest first, up to " +
			"the moment this copy was made. Times are UK time.")
		d.sarTable([]sarColumn{{"Date", sarDateCol}, {"Time", sarTimeCol}, {"Staff member", 64}, {"What they did", contentWidth - sarDateCol - sarTimeCol - 64}}, sarAccessRows(s.Access))
	}

	d.Space(sarSectionGap)
	d.SetFont(Regular, sarSmall)
	d.sarColour(sarGrey)
	d.ensureSpace(2 * d.lineHeight())
	d.Paragraph("End of the copy of your record, prepared on " + ukcal.WallDate(s.Produced).Long() + ".")
	d.sarColour([3]int{})
	return d.Output(w)
}

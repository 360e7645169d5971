package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/sar"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// letterSource is everything one letter is filled from, read from the
// records before anything is rendered.
type letterSource struct {
	clinic      practice.Details
	patient     patients.Patient
	appointment *schedule.DiaryEntry // nil for a letter about no appointment
	previous    *schedule.Slot       // the slot before the latest move, if moved
	clinician   *schedule.Clinician
	dnas        []schedule.DiaryEntry // DNAs counted by the policy, oldest first
	sar         *sar.Request          // the latest subject access request
	region      ukcal.Region          // whose bank holidays its due date skips
	childUnder  int                   // the clinic's age under which a missed appointment "was not brought"
	extra       LetterText
	today       ukcal.Date
	referral    *pathways.Referral // for a letter to a referrer or a service
	lastChased  ukcal.Date         // when its chase letter last went; zero if never
	gpReferred  bool               // the patient's GP referred them to us
}

// LetterText is what is typed for one letter: the general letter's
// subject and text.
type LetterText struct {
	Subject string
	Body    string
}

// readLetterSource reads the patient, the appointment (when appointmentID
// is set, and it must be theirs), its clinician, the DNAs the policy
// counts and the latest subject access request.
func readLetterSource(store *data.Store, patientID, appointmentID string, today ukcal.Date) (letterSource, error) {
	src := letterSource{today: today}
	var err error
	if src.clinic, err = store.Clinic(); err != nil {
		return src, err
	}
	if src.patient, err = store.Patient(patientID); err != nil {
		return src, notFound(err, "that patient's record is not in this clinic file")
	}
	if appointmentID != "" {
		if err := src.readAppointment(store, appointmentID); err != nil {
			return src, err
		}
	}
	if err := src.readDNAs(store); err != nil {
		return src, err
	}
	if src.gpReferred, err = gpReferred(store, patientID); err != nil {
		return src, err
	}
	sars, err := store.SARRequests(patientID)
	if err != nil {
		return src, err
	}
	if len(sars) > 0 {
		src.sar = &sars[0]
		src.region = regionOf(store)
	}
	return src, nil
}

func (src *letterSource) readAppointment(store *data.Store, id string) error {
	a, err := store.Appointment(id)
	if err != nil {
		return notFound(err, "that appointment is not in the diary")
	}
	if a.PatientID != src.patient.ID {
		return errors.New("that appointment is not this patient's")
	}
	day, err := store.Diary(data.DiaryFilter{From: a.Date, To: a.Date, PatientID: a.PatientID, WithCancelled: true})
	if err != nil {
		return err
	}
	for i := range day {
		if day[i].ID == id {
			src.appointment = &day[i]
		}
	}
	if src.appointment == nil {
		return errors.New("that appointment is not in the diary")
	}
	cl, err := store.Clinician(a.ClinicianID)
	if err != nil {
		return err
	}
	src.clinician = &cl
	// The latest move's starting point is the slot the patient last knew.
	history, err := store.AppointmentHistory(id)
	if err != nil {
		return err
	}
	for _, h := range history {
		if h.MovedFrom != nil {
			src.previous = h.MovedFrom
		}
	}
	return nil
}

// readDNAs keeps the DNAs the clinic's policy counts: those in the rolling
// window ending on the appointment's day (today for a letter about none).
func (src *letterSource) readDNAs(store *data.Store) error {
	cs, err := store.CalendarSettings()
	if err != nil {
		return err
	}
	src.childUnder = cs.ChildUnderAge
	on := src.today
	if src.appointment != nil {
		on = src.appointment.Date
	}
	// Only the window is read: a batch of reminders reads this per letter,
	// and a long-standing patient's whole diary was most of its cost.
	from := on.AddMonths(-cs.DNAWindowMonths).AddDays(-1)
	all, err := store.Diary(data.DiaryFilter{PatientID: src.patient.ID, From: from, To: on})
	if err != nil {
		return err
	}
	for _, e := range all {
		if e.Status != schedule.StatusDNA {
			continue
		}
		if schedule.DNAsInWindow([]ukcal.Date{e.Date}, on, cs.DNAWindowMonths) == 1 {
			src.dnas = append(src.dnas, e)
		}
	}
	return nil
}

// fields turns the records into the template's merge fields.
func (src letterSource) fields() letters.Fields {
	p := src.patient
	f := letters.Fields{
		Today: src.today,
		Patient: &letters.PatientFields{
			Title: p.Title, Forenames: p.Forenames, Surname: p.Surname, KnownAs: patients.LetterKnownAs(p), DOB: p.DOB,
			NHSNumber:    p.NHSNumber,
			AddressLine1: p.Address.Line1, AddressLine2: p.Address.Line2, Town: p.Address.Town,
			County: p.Address.County, Postcode: p.Address.Postcode,
			GPName: p.GP.Name, GPPractice: p.GP.Practice, GPAddress: p.GP.Address,
			GPReferral: src.gpReferred,
			Carer: letters.CarerFields{Title: p.ParentCarer.Title, Forenames: p.ParentCarer.Forenames,
				Surname: p.ParentCarer.Surname, Relationship: p.ParentCarer.Relationship},
		},
		Clinic: clinicFields(src.clinic),
	}
	if a := src.appointment; a != nil {
		af := &letters.AppointmentFields{StartMinute: a.StartMin, Minutes: a.EndMin - a.StartMin,
			Type: a.TypeName, Clinician: a.ClinicianName, Room: a.RoomName, CancelReason: a.CancelReason}
		af.Date = a.Date
		if src.previous != nil {
			af.PreviousDate = src.previous.Date
			af.PreviousStartMinute = src.previous.StartMin
		}
		f.Appointment = af
	}
	if cl := src.clinician; cl != nil {
		f.Clinician = &letters.ClinicianFields{Name: cl.Name, Role: cl.Role}
	}
	if len(src.dnas) > 0 {
		dna := &letters.DNAFields{}
		for _, e := range src.dnas {
			dna.Missed = append(dna.Missed, letters.MissedAppointment{Date: e.Date, StartMinute: e.StartMin})
		}
		f.DNA = dna
	}
	if r := src.sar; r != nil {
		// The date that binds the clinic: the extended one only once the
		// extension notice went.
		f.SAR = &letters.SARFields{Received: r.Received, Due: r.Due(src.region, src.today)}
	}
	if src.referral != nil {
		f.Referral = referralFields(src.referral, src.lastChased)
	}
	if src.extra != (LetterText{}) {
		f.Letter = &letters.LetterFields{Subject: src.extra.Subject, Body: src.extra.Body}
	}
	return f
}

// clinicFields are the clinic's details as a letter prints them.
func clinicFields(d practice.Details) *letters.ClinicFields {
	return &letters.ClinicFields{Name: d.Name, AddressLines: addressLines(d.Address), Phone: printablePhone(d.Phone), Email: d.Email}
}

// letterhead is the clinic's details for the top of a letter.
func letterhead(d practice.Details) letters.Letterhead {
	return letters.Letterhead{Name: d.Name, Address: addressLines(d.Address), Phone: printablePhone(d.Phone), Email: d.Email, Logo: d.Logo}
}

// addressLines splits the clinic's address, typed one line per line.
func addressLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// printablePhone shows a UK number the way it is said ("0113 496 0123"),
// and anything it cannot read as typed.
func printablePhone(s string) string {
	if e164, err := nhs.ParsePhone(s); err == nil {
		return nhs.FormatPhone(e164)
	}
	return s
}

// recipient is who the letter goes to, as the envelope window shows it.
func (src letterSource) recipient(addressedTo string) (letters.Recipient, error) {
	p := src.patient
	switch addressedTo {
	case letters.ToPatient:
		if err := refuseLetterAfterDeath(p); err != nil {
			return letters.Recipient{}, err
		}
		lines := postalAddress(p.Address)
		if len(lines) == 0 {
			return letters.Recipient{}, errors.New("the patient's record has no address: add it before writing to them")
		}
		return letters.Recipient{Name: patientFullName(p), Address: lines}, nil
	case letters.ToGP:
		return gpRecipient(p.GP)
	case letters.ToParent:
		lines, name, err := carerRecipient(p)
		if err != nil {
			return letters.Recipient{}, err
		}
		return letters.Recipient{Name: name, Address: lines}, nil
	case letters.ToComplainant:
		return letters.Recipient{}, ErrComplaintLetterNeedsComplaint
	case letters.ToReferrer, letters.ToService:
		return referralRecipient(src.referral)
	}
	return letters.Recipient{}, fmt.Errorf("no one to address a letter %q to", addressedTo)
}

// ErrNoGPAddress: a letter to the GP without the practice's address
// could not be posted, so it is not written.
var ErrNoGPAddress = errors.New("add the GP practice's address to the patient's record before writing to the GP")

// gpRecipient addresses a letter to the GP: their name, then the
// practice's name and its address, postcode last.
func gpRecipient(gp patients.GP) (letters.Recipient, error) {
	name, practice := strings.TrimSpace(gp.Name), strings.TrimSpace(gp.Practice)
	if name == "" && practice == "" {
		return letters.Recipient{}, errors.New("the patient's record has no GP: add their GP and practice before writing to them")
	}
	var address []string
	for _, l := range gp.Address {
		if l = strings.TrimSpace(l); l != "" {
			address = append(address, l)
		}
	}
	if len(address) == 0 {
		return letters.Recipient{}, ErrNoGPAddress
	}
	if name == "" {
		name = "The GP"
	}
	var lines []string
	if practice != "" {
		lines = append(lines, practice)
	}
	return letters.Recipient{Name: name, Address: postTownInCapitals(append(lines, address...))}, nil
}

// ErrComplaintLetterNeedsComplaint: complaint letters are written from the complaint (RenderComplaintLetter),
// which this version does not have yet.
var ErrComplaintLetterNeedsComplaint = errors.New("complaint letters are written from the complaint itself: open it in Complaints, or use `clinicdesk letter --complaint REFERENCE`")

// patientFullName is the name on the envelope: "Ms Zoë Łukasiewicz-O'Brien".
func patientFullName(p patients.Patient) string {
	return strings.Join(strings.Fields(p.Title+" "+p.Forenames+" "+p.Surname), " ")
}

// Accessible Information Standard needs that change how a letter is made.
const aisLargePrint = "large_print"

// aisFormatsWeCannotMake are AIS needs asking for a format other than a
// printed letter; the letter is still made, with a warning to arrange it.
var aisFormatsWeCannotMake = []string{"braille", "easy_read", "audio", "email_only"}

// aisWarnings are what a person must see before sending a letter to p.
func aisWarnings(p patients.Patient) []string {
	var out []string
	for _, need := range p.AIS.Needs {
		if slices.Contains(aisFormatsWeCannotMake, need) {
			out = append(out, fmt.Sprintf("%s needs information as: %s. ClinicDesk cannot produce that format: arrange it before sending this letter.",
				patientFullName(p), patients.Label(patients.AISNeeds, need)))
		}
	}
	return out
}

// wantsLargePrint reports whether p's AIS needs ask for large print.
func wantsLargePrint(p patients.Patient) bool { return slices.Contains(p.AIS.Needs, aisLargePrint) }

// regarding heads the later pages of a letter about p.
func regarding(p patients.Patient) string {
	name := strings.Join(strings.Fields(p.Forenames+" "+p.Surname), " ")
	if p.NHSNumber != "" {
		return name + " · NHS number " + nhs.FormatNHSNumber(p.NHSNumber)
	}
	return name
}

// references print beside the address window.
func references(p patients.Patient) []string {
	if p.NHSNumber == "" {
		return nil
	}
	return []string{"NHS number: " + nhs.FormatNHSNumber(p.NHSNumber)}
}

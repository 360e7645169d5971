package letters

import (
	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
)

// exampleReviewer is the England NHS paragraphs, for the examples.
var exampleReviewer, _ = complaints.EnglandNHS.Reviewer(complaints.NoAdjudicator)

// ExampleFields is a complete, made-up set of fields: the picker's examples
// and the editor's preview before a real patient is chosen. The NHS number
// is from the 999 test range and the phone number from Ofcom's drama range.
func ExampleFields() Fields {
	return Fields{
		Today: ukcal.NewDate(2026, 11, 23),
		Patient: &PatientFields{
			Title: "Ms", Forenames: "Zoë", Surname: "Price",
			DOB:          ukcal.NewDate(1985, 3, 4),
			NHSNumber:    nhs.TestNHSNumber(0),
			AddressLine1: "12 Chapel Lane", AddressLine2: "Headingley", Town: "Leeds", Postcode: "LS6 3BW",
			GPName: "Dr Amara Okafor", GPPractice: "Hyde Park Surgery",
			GPAddress: []string{"7 Mayfield Row", "Leeds", "LS6 9ZZ"},
			Carer:     CarerFields{Title: "Mr", Forenames: "Daniel", Surname: "Price", Relationship: "Father"},
		},
		Appointment: &AppointmentFields{
			Date: ukcal.NewDate(2026, 12, 1), StartMinute: 9*60 + 30, Minutes: 45,
			Type: "Follow-up physiotherapy", Clinician: "Tom Ellis", Room: "Room 2",
			PreviousDate: ukcal.NewDate(2026, 11, 26), PreviousStartMinute: 14 * 60,
			CancelReason: "your physiotherapist is unwell",
		},
		Clinician: &ClinicianFields{Name: "Tom Ellis", Role: "Physiotherapist"},
		Clinic: &ClinicFields{
			Name:         "Moorside Physiotherapy",
			AddressLines: []string{"40 Otley Road", "Leeds", "LS6 2AL"},
			Phone:        "0113 496 0123",
			Email:        "reception@moorside.example",
		},
		Complaint: &ComplaintFields{
			Reference: "C-2026-014",
			Received:  ukcal.NewDate(2026, 11, 18), AcknowledgeBy: ukcal.NewDate(2026, 11, 23),
			ResponseDue:      ukcal.NewDate(2027, 1, 15),
			Summary:          "you waited 50 minutes past your appointment time on 16 November and no one told you why",
			ComplainantTitle: "Ms", ComplainantForenames: "Zoë", ComplainantSurname: "Price",
			Handler:        "Priya Shah, Practice Manager",
			DelayReason:    "we are still waiting to speak to a member of staff who has been away",
			Investigation:  "I read the appointment records for that day and spoke to the reception team and to your physiotherapist.",
			Conclusions:    "The clinic was running late because an earlier patient needed urgent help. We should have told you this when you arrived. I uphold your complaint.",
			Actions:        "- Reception staff now tell patients when a clinician is running more than 15 minutes late.\n- Patients are offered a new appointment if they cannot wait.",
			Outcome:        "upheld",
			Ombudsman:      exampleReviewer.Final,
			OmbudsmanDelay: exampleReviewer.Delay,
			Advocacy:       exampleReviewer.Advocacy,
		},
		DNA: &DNAFields{Missed: []MissedAppointment{
			{Date: ukcal.NewDate(2026, 10, 12), StartMinute: 10 * 60},
			{Date: ukcal.NewDate(2026, 11, 9), StartMinute: 11*60 + 15},
		}},
		SAR: &SARFields{Received: ukcal.NewDate(2026, 11, 2), Due: ukcal.NewDate(2026, 12, 2)},
		Referral: &ReferralFields{
			Date: ukcal.NewDate(2026, 10, 19), Urgency: "an urgent referral",
			Reason:            "pain and stiffness in the right shoulder for three months, not settling with exercises",
			Documents:         "the referral letter and an X-ray report of 2 November 2026",
			PartyName:         "Dr Amara Okafor",
			PartyOrganisation: "Hyde Park Surgery",
			PartyAddress:      []string{"7 Mayfield Row", "Leeds", "LS6 9ZZ"},
			ReplyDueBy:        ukcal.NewDate(2026, 11, 16),
			LastChased:        ukcal.NewDate(2026, 11, 9),
		},
		Letter: &LetterFields{Subject: "Your exercise plan", Body: "Please find your exercise plan enclosed."},
	}
}

package patients

import "clinicdesk/app/ukcal"

// PatientBrief is what a generated diary needs to know of a patient.
type PatientBrief struct {
	ID  string
	DOB ukcal.Date
	Sex string
}

// PatientSummary is a patient as a list or search result shows them:
// enough to tell two John Smiths apart, and nothing that could be saved
// back over the record by mistake (open the record by ID to edit it).
type PatientSummary struct {
	ID            string
	Title         string
	Forenames     string
	Surname       string
	PreferredName string
	DOB           ukcal.Date
	NHSNumber     string
	Postcode      string
	Alerts        []Alert
	AISNeeds      []string
	Language      string
	Interpreter   bool
	Status        Status
}

// Summary is the list row of p.
func (p Patient) Summary() PatientSummary {
	return PatientSummary{ID: p.ID, Title: p.Title, Forenames: p.Forenames, Surname: p.Surname,
		PreferredName: p.PreferredName, DOB: p.DOB, NHSNumber: p.NHSNumber, Postcode: p.Address.Postcode,
		Alerts: p.Alerts, AISNeeds: p.AIS.Needs, Language: p.Language, Interpreter: p.Interpreter, Status: p.Status}
}

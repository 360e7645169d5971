package letters

import "testing"

func TestSalutationKnownAs(t *testing.T) {
	tests := []struct {
		title, forenames, surname, knownAs, want string
	}{
		// The known-as name with the surname, and no title: "Dear Mr Bob
		// Smith" is neither form, "Dear Bob" too familiar for a clinic.
		{"Mr", "Robert James", "Smith", "Bob", "Dear Bob Smith"},
		{"", "Robert", "Smith", "Bob", "Dear Bob Smith"},
		{"Ms", "Siân Małgorzata", "Llywelyn-Wójcik", "Gosia", "Dear Gosia Llywelyn-Wójcik"},
		{" Mrs ", "Margaret", " Ó Briain ", "  Peggy  ", "Dear Peggy Ó Briain"},
		// Several words are the whole name they go by.
		{"Mr", "Robert", "Smith", "Bob Smith", "Dear Bob Smith"},
		{"Mx", "Jennifer", "Rowe", "Alex Morgan", "Dear Alex Morgan"},
		{"Sir", "John Arthur", "Smith", "Jack", "Dear Sir Jack"},
		{"Dame", "Judith", "Dench", "Judi", "Dear Dame Judi"},
		// No known-as name: the usual greeting.
		{"Mr", "Robert", "Smith", "", "Dear Mr Smith"},
		{"Mr", "Robert", "Smith", "   ", "Dear Mr Smith"},
		{"", "Siân Małgorzata", "Llywelyn-Wójcik", "", "Dear Siân Llywelyn-Wójcik"},
	}
	for _, tt := range tests {
		if got := SalutationKnownAs(tt.title, tt.forenames, tt.surname, tt.knownAs); got != tt.want {
			t.Errorf("SalutationKnownAs(%q, %q, %q, %q) = %q, want %q", tt.title, tt.forenames, tt.surname, tt.knownAs, got, tt.want)
		}
	}
}

// The merge fields and the letter's own greeting agree, for the patient
// and for a patient who complained; the full name stays the legal one.
func TestKnownAsReachesEveryGreeting(t *testing.T) {
	f := ExampleFields()
	f.Patient.Title, f.Patient.Forenames, f.Patient.Surname, f.Patient.KnownAs = "Mr", "Robert", "Smith", "Bob"
	f.Complaint.ComplainantTitle, f.Complaint.ComplainantForenames, f.Complaint.ComplainantSurname = "Mr", "Robert", "Smith"
	f.Complaint.ComplainantKnownAs = "Bob"
	got := renderBody(t, "{{patient.salutation}}|{{complaint.salutation}}|{{patient.full_name}}", f)
	if len(got) != 1 || got[0] != "Dear Bob Smith|Dear Bob Smith|Robert Smith" {
		t.Fatalf("merged %q", got)
	}
	for _, to := range []string{ToPatient, ToComplainant} {
		if s, err := f.Salutation(to); err != nil || s != "Dear Bob Smith" {
			t.Errorf("Salutation(%s) = %q, %v", to, s, err)
		}
	}
	if s, _ := f.Salutation(ToGP); s != "Dear Dr Okafor" {
		t.Errorf("the GP's greeting changed: %q", s)
	}
}

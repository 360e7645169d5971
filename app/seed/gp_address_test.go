package seed

import (
	"strings"
	"testing"

	"clinicdesk/app/nhs"
)

// Every generated GP can be written to: the practice has a postal address
// in the patient's own postcode district, the same for all its patients,
// with a postcode of a valid form on the last line.
func TestGeneratedGPsHaveAPracticeAddress(t *testing.T) {
	type practice struct{ name, district string }
	seen := map[practice]string{}
	withGP := 0
	for i, p := range Patients(5000, 42, today) {
		if p.GP.Name == "" {
			if p.GP.Address != nil {
				t.Fatalf("patient %d: an address %q with no GP", i, p.GP.Address)
			}
			continue
		}
		withGP++
		lines := p.GP.Address
		if len(lines) < 3 || len(lines) > 5 {
			t.Fatalf("patient %d: practice address %q", i, lines)
		}
		last := lines[len(lines)-1]
		if pc, err := nhs.NormalisePostcode(last); err != nil || pc != last {
			t.Fatalf("patient %d: practice postcode %q: %v", i, last, err)
		}
		district := strings.Fields(p.Address.Postcode)[0]
		if strings.Fields(last)[0] != district {
			t.Fatalf("patient %d lives in %s but their practice is in %s", i, district, last)
		}
		key := practice{strings.TrimSuffix(p.GP.Practice, ", "+p.Address.Town), district}
		address := strings.Join(lines, "|")
		if other, ok := seen[key]; ok && other != address {
			t.Fatalf("%s in %s has two addresses: %s and %s", key.name, district, other, address)
		}
		seen[key] = address
	}
	if withGP < 4500 {
		t.Fatalf("only %d of 5000 patients have a GP", withGP)
	}
}

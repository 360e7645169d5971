package letters

import "testing"

func TestReferralSalutation(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Dr A Khan", "Dear Dr Khan"},
		{"dr. amara okafor", "Dear dr. okafor"},
		{"Mr James de la Cruz", "Dear Mr de la Cruz"},
		{"Prof Helen Ward", "Dear Prof Ward"},
		{"Amara Okafor", "Dear Amara Okafor"},
		{"Helen Ward", "Dear Helen Ward"},
		{"Radiology Department", "Dear Colleague"},
		{"Breast Diagnostic Unit", "Dear Colleague"},
		{"MSK Triage Service", "Dear Colleague"},
		{"Leeds Teaching Hospitals NHS Trust", "Dear Colleague"},
		{"", "Dear Colleague"},
		{"   ", "Dear Colleague"},
	} {
		if got := ReferralSalutation(c.name); got != c.want {
			t.Errorf("ReferralSalutation(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestReferralLettersGreetTheOtherEnd(t *testing.T) {
	f := ExampleFields()
	for _, to := range []string{ToReferrer, ToService} {
		got, err := f.Salutation(to)
		if err != nil || got != "Dear Dr Okafor" {
			t.Errorf("Salutation(%s) = %q, %v; want the referrer's greeting", to, got, err)
		}
	}
	f.Referral = nil
	if _, err := f.Salutation(ToService); err == nil {
		t.Error("a referral letter without a referral should have no salutation")
	}
}

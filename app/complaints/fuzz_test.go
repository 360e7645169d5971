package complaints

import (
	"errors"
	"slices"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// FuzzParse feeds any text to every parser: none may panic, and whatever
// one accepts must be a valid key that its own label parses back to.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"", "oral", "Response sent", "65–74", "75+", "Staff attitude/behaviour/values",
		"\u00a0email\u200b", "referred_phso", "--", "__", "Ω", "\xff\xfe", string(make([]byte, 300))} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range catalogues() {
			key, err := c.parse(s)
			if err != nil {
				if key != "" {
					t.Errorf("%s: %q refused but returned %q", c.name, s, key)
				}
				continue
			}
			if key == "" && c.name == "outcome" {
				continue // blank text is "no outcome yet"
			}
			if !c.valid(key) {
				t.Errorf("%s: %q parsed to unknown key %q", c.name, s, key)
			}
			if again, err := c.parse(c.label(key)); err != nil || again != key {
				t.Errorf("%s: label of %q parses to %q, %v", c.name, key, again, err)
			}
		}
	})
}

// FuzzCanMove tries any pair of statuses with any facts: CanMove must never
// panic, and whatever it allows must be a listed next step with the facts
// that step needs.
func FuzzCanMove(f *testing.F) {
	f.Add("received", "acknowledged", "written", 0, 0, "", "", "")
	f.Add("received", "closed", "oral", 0, 1, "upheld", "", "scotland")
	f.Add("investigating", "response_sent", "email", 10, 40, "not_upheld", "Dr Khan", "northern-ireland")
	f.Add("closed", "received", "oral", -5, 3, "nonsense", " ", "atlantis")
	f.Fuzz(func(t *testing.T, from, to, channel string, receivedDay, onDay int, outcome, signed, region string) {
		base := ukcal.NewDate(2026, time.November, 23)
		facts := Facts{
			Channel:     Channel(channel),
			Received:    base.AddDays(receivedDay % 400000),
			On:          base.AddDays(onDay % 400000),
			Outcome:     Outcome(outcome),
			SignedOffBy: signed,
			Region:      ukcal.Region(region),
		}
		err := CanMove(Status(from), Status(to), facts)
		if err != nil {
			var refusal *Refusal
			if !errors.As(err, &refusal) || refusal.Kind == nil || err.Error() == "" {
				t.Errorf("%s → %s: refusal %#v has no kind or message", from, to, err)
			}
			return
		}
		if !slices.Contains(Status(from).Next(), Status(to)) {
			t.Errorf("%s → %s allowed but not a next step", from, to)
		}
		if (to == string(ResponseSent) || to == string(Closed)) && !facts.Outcome.Decided() {
			t.Errorf("%s → %s allowed with outcome %q", from, to, outcome)
		}
		if to == string(ResponseSent) && signed == "" {
			t.Errorf("final response sent unsigned")
		}
		if from == string(Received) && to == string(Closed) && facts.Channel != Oral {
			t.Errorf("a %q complaint closed without acknowledgement", channel)
		}
	})
}

package complaints

import (
	"strings"
	"testing"
)

// catalogue is one catalogue seen through its exported API, so every one is
// held to the same rules.
type catalogue struct {
	name  string
	keys  []string
	label func(string) string
	parse func(string) (string, error)
	valid func(string) bool
	opts  []option[string]
}

func asCatalogue[T ~string](name string, keys []T, label func(T) string, parse func(string) (T, error), valid func(T) bool, opts []option[T]) catalogue {
	c := catalogue{
		name:  name,
		keys:  asStrings(keys),
		label: func(k string) string { return label(T(k)) },
		parse: func(s string) (string, error) { v, err := parse(s); return string(v), err },
		valid: func(k string) bool { return valid(T(k)) },
	}
	for _, o := range opts {
		c.opts = append(c.opts, option[string]{string(o.key), o.label, o.aliases})
	}
	return c
}

func catalogues() []catalogue {
	return []catalogue{
		asCatalogue("channel", Channels(), Channel.Label, ParseChannel, Channel.Valid, channelOptions),
		asCatalogue("status", Statuses(), Status.Label, ParseStatus, Status.Valid, statusOptions),
		asCatalogue("outcome", Outcomes(), Outcome.Label, ParseOutcome, Outcome.Decided, outcomeOptions),
		asCatalogue("subject area", SubjectAreas(), SubjectArea.Label, ParseSubjectArea, SubjectArea.Valid, subjectOptions),
		asCatalogue("staff group", StaffGroups(), StaffGroup.Label, ParseStaffGroup, StaffGroup.Valid, staffOptions),
		asCatalogue("age band", AgeBands(), AgeBand.Label, ParseAgeBand, AgeBand.Valid, ageOptions),
		asCatalogue("complainant", ComplainantStatuses(), ComplainantStatus.Label, ParseComplainantStatus, ComplainantStatus.Valid, complainantOptions),
	}
}

func TestCataloguesParseKeysLabelsAndSynonyms(t *testing.T) {
	for _, c := range catalogues() {
		seen := map[string]string{} // normalised text → key
		for _, o := range c.opts {
			for _, text := range append([]string{o.key, o.label}, o.aliases...) {
				n := normalise(text)
				if other, dup := seen[n]; dup && other != o.key {
					t.Errorf("%s: %q means both %s and %s", c.name, text, other, o.key)
				}
				seen[n] = o.key
				for _, typed := range []string{text, strings.ToUpper(text), "  " + text + " "} {
					if got, err := c.parse(typed); err != nil || got != o.key {
						t.Errorf("%s: parse %q = %q, %v; want %s", c.name, typed, got, err, o.key)
					}
				}
			}
			if !c.valid(o.key) || c.label(o.key) != o.label || o.label == "" {
				t.Errorf("%s %s: valid %v, label %q", c.name, o.key, c.valid(o.key), c.label(o.key))
			}
			if strings.ContainsAny(o.key, " -") || o.key != strings.ToLower(o.key) {
				t.Errorf("%s: key %q is not a lower-case storage key", c.name, o.key)
			}
		}
		if len(c.keys) != len(c.opts) {
			t.Errorf("%s: %d keys for %d options", c.name, len(c.keys), len(c.opts))
		}
		_, err := c.parse("carrier pigeon")
		if err == nil || !strings.Contains(err.Error(), "unknown "+c.name+` "carrier pigeon": choose `) {
			t.Errorf("%s: unknown value gave %v", c.name, err)
		}
		if c.valid("carrier_pigeon") || c.label("carrier_pigeon") != "carrier_pigeon" {
			t.Errorf("%s: an unknown key is valid or lost its text", c.name)
		}
	}
}

func TestParseSpecialCases(t *testing.T) {
	if o, err := ParseOutcome("  "); err != nil || o != NoOutcome {
		t.Errorf("blank outcome: %q, %v", o, err)
	}
	if NoOutcome.Label() != "Not decided" || NoOutcome.Decided() {
		t.Error("NoOutcome reads as a finding")
	}
	for text, want := range map[string]AgeBand{"65-74": Age65to74, "0 to 17": Age0to17, "75+": Age75AndOver, "Unknown": AgeNotKnown} {
		if got, err := ParseAgeBand(text); err != nil || got != want {
			t.Errorf("age band %q: %s, %v", text, got, err)
		}
	}
	if s, err := ParseStatus("Referred-to-PHSO"); err != nil || s != ReferredPHSO {
		t.Errorf("Referred-to-PHSO: %s, %v", s, err)
	}
	if _, err := ParseChannel(""); err == nil || !strings.Contains(err.Error(), "choose Oral (in person or by phone), Written (letter or form) or Email") {
		t.Errorf("blank channel: %v", err)
	}
	if !Received.Open() || !ReferredPHSO.Open() || Closed.Open() || Status("lost").Open() {
		t.Error("Open is wrong")
	}
}

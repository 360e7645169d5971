package nhs

import (
	"errors"
	"strings"
	"testing"
)

func TestPostcodeVectors(t *testing.T) {
	v := loadPostcodeVectors(t)
	for in, want := range v.Normalise {
		t.Run("normalise/"+in, func(t *testing.T) {
			got, err := NormalisePostcode(in)
			if err != nil || got != want {
				t.Fatalf("NormalisePostcode(%q) = %q, %v; want %q", in, got, err, want)
			}
		})
	}
	for _, s := range v.Valid {
		t.Run("valid/"+s, func(t *testing.T) {
			got, err := NormalisePostcode(s)
			if err != nil || got != s {
				t.Fatalf("NormalisePostcode(%q) = %q, %v; want it accepted unchanged", s, got, err)
			}
			if got, err := NormalisePostcodeAllowingPseudo(s); err != nil || got != s {
				t.Fatalf("NormalisePostcodeAllowingPseudo(%q) = %q, %v", s, got, err)
			}
		})
	}
	for _, s := range v.Invalid {
		t.Run("invalid/"+s, func(t *testing.T) {
			if got, err := NormalisePostcode(s); err == nil {
				t.Fatalf("NormalisePostcode(%q) = %q, want an error", s, got)
			}
			if got, err := NormalisePostcodeAllowingPseudo(s); err == nil {
				t.Fatalf("NormalisePostcodeAllowingPseudo(%q) = %q, want an error", s, got)
			}
		})
	}
	for code, label := range v.Pseudo {
		t.Run("pseudo/"+code, func(t *testing.T) {
			_, err := NormalisePostcode(code)
			if !errors.Is(err, ErrPseudoPostcode) || !strings.Contains(err.Error(), label) {
				t.Fatalf("NormalisePostcode(%q) error = %v; want ErrPseudoPostcode naming %q", code, err, label)
			}
			typed := strings.ToLower(strings.ReplaceAll(code, " ", ""))
			if got, err := NormalisePostcodeAllowingPseudo(typed); err != nil || got != code {
				t.Fatalf("NormalisePostcodeAllowingPseudo(%q) = %q, %v; want %q", typed, got, err, code)
			}
			if got, ok := PseudoPostcodeLabel(typed); !ok || got != label {
				t.Fatalf("PseudoPostcodeLabel(%q) = %q, %v; want %q", typed, got, ok, label)
			}
		})
	}
	list := PseudoPostcodes()
	if len(list) != len(v.Pseudo) {
		t.Fatalf("PseudoPostcodes() has %d entries, the vectors %d", len(list), len(v.Pseudo))
	}
	for _, p := range list {
		if v.Pseudo[p.Code] != p.Label {
			t.Errorf("PseudoPostcodes() has %q = %q, the vectors say %q", p.Code, p.Label, v.Pseudo[p.Code])
		}
	}
	list[0].Code = "changed"
	if PseudoPostcodes()[0].Code == "changed" {
		t.Error("PseudoPostcodes() hands out its own slice")
	}
}

func TestPostcodeLetterRules(t *testing.T) {
	// One case per BS 7666 position rule, each against a near neighbour
	// that is allowed.
	tests := []struct {
		in    string
		valid bool
	}{
		{"A1 1AA", true}, {"Q1 1AA", false}, {"V1 1AA", false}, {"X1 1AA", false},
		{"AB1 1AA", true}, {"AI1 1AA", false}, {"AJ1 1AA", false}, {"AZ1 1AA", false},
		{"W1A 1AA", true}, {"W1W 1AA", true}, {"W1L 1AA", false}, {"W1I 1AA", false},
		{"EC1A 1BB", true}, {"EC1Y 1BB", true}, {"EC1C 1BB", false}, {"EC1D 1BB", false},
		{"M1 1AB", true}, {"M1 1AZ", true}, {"M1 1AC", false}, {"M1 1IA", false},
		{"M1 1KA", false}, {"M1 1AM", false}, {"M1 1OA", false}, {"M1 1AV", false},
		{"GIR 0AA", true}, {"GIR 0AB", false},
		{"M1 AAA", false}, {"M1 11A", false}, {"M 1AA", false}, {"MAN1 1AA", false},
	}
	for _, tt := range tests {
		got, err := NormalisePostcode(tt.in)
		if (err == nil) != tt.valid {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want valid=%v", tt.in, got, err, tt.valid)
		}
	}
}

func TestNormalisePostcodeMessages(t *testing.T) {
	tests := []struct {
		in   string
		kind error
		msg  string
	}{
		{"", ErrEmpty, "no postcode was entered"},
		{" \t ", ErrEmpty, "no postcode was entered"},
		{"SW1A-1AA", ErrCharacters, `remove "-"`},
		{"SW1A 1AÅ", ErrCharacters, `remove "Å"`},
		{"BFPO 123", ErrNotValid, "BFPO numbers are not postcodes"},
		{"SW1A", ErrLength, "too short"},
		{"SW1A 1AAA", ErrLength, "too long"},
		{"SW1A 1AC", ErrNotValid, "never uses the letters C, I, K, M, O or V"},
		{"SW1A 11A", ErrNotValid, "a number then two letters"},
		{"1A1 1AA", ErrNotValid, "starts with a letter"},
		{"EH1 JS", ErrNotValid, "EH is not a postcode district"},
		{"ZZ99 3VZ", ErrPseudoPostcode, `choose "no fixed abode"`},
		{strings.Repeat("A", 5000), ErrLength, "far too long"},
	}
	for _, tt := range tests {
		_, err := NormalisePostcode(tt.in)
		if !errors.Is(err, tt.kind) || err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("NormalisePostcode(%q) error = %v; want kind %v containing %q", tt.in, err, tt.kind, tt.msg)
		}
	}
}

func TestNormalisePostcodeUnicode(t *testing.T) {
	for _, in := range []string{
		"sw1a\u00a01aa",                // non-breaking space
		"\u200bSW1A 1AA\ufeff",         // invisible passengers from copy and paste
		"\uff33\uff37\uff11\uff21 1AA", // full-width letters and digit
		"SW1A\u3000\u30001AA",          // ideographic spaces
	} {
		got, err := NormalisePostcode(in)
		if err != nil || got != "SW1A 1AA" {
			t.Errorf("NormalisePostcode(%q) = %q, %v; want SW1A 1AA", in, got, err)
		}
	}
	// A letter that upper-cases to ASCII only by Unicode case rules (the
	// Turkish dotless i) is not a postcode letter.
	for _, in := range []string{"\u0131p1 1aa"} {
		if got, err := NormalisePostcode(in); err == nil {
			t.Errorf("NormalisePostcode(%q) = %q, want an error", in, got)
		}
	}
}

func TestPseudoPostcodeLabelRejectsOthers(t *testing.T) {
	for _, in := range []string{"SW1A 1AA", "", "ZZ99 3XZ", "ZZ99"} {
		if label, ok := PseudoPostcodeLabel(in); ok {
			t.Errorf("PseudoPostcodeLabel(%q) = %q, true", in, label)
		}
	}
}

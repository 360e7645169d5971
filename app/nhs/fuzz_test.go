package nhs

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// Each fuzzer checks the same promises: no panic; an accepted value is in
// its canonical form (parsing it again gives it back); a refusal is stable
// and explained by an *Error; and the display form parses back to the value.

func checkRefusal(t *testing.T, what, in string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Kind == nil || e.Error() == "" {
		t.Fatalf("%s(%q): error %v is not an explained *nhs.Error", what, in, err)
	}
	if !utf8.ValidString(e.Error()) {
		t.Fatalf("%s(%q): error message is not valid UTF-8: %q", what, in, e.Error())
	}
}

func FuzzParseNHSNumber(f *testing.F) {
	for _, s := range []string{
		"9434765919", "943 476 5919", "943-476-5919", " 9434765919 ", "9077844448",
		"987654321X", "", "12345", "94347659190", "0000000060", "9990000018",
		"943\u00a0476\u20135919", "\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseNHSNumber(in)
		if err != nil {
			checkRefusal(t, "ParseNHSNumber", in, err)
			if again, err2 := ParseNHSNumber(in); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("ParseNHSNumber(%q) refused with %v, then gave %q, %v", in, err, again, err2)
			}
			return
		}
		if len(got) != 10 {
			t.Fatalf("ParseNHSNumber(%q) = %q, not 10 digits", in, got)
		}
		if again, err := ParseNHSNumber(got); err != nil || again != got {
			t.Fatalf("ParseNHSNumber(%q) = %q, but that re-parses to %q, %v", in, got, again, err)
		}
		shown := FormatNHSNumber(in)
		if back, err := ParseNHSNumber(shown); err != nil || back != got {
			t.Fatalf("FormatNHSNumber(%q) = %q parses to %q, %v; want %q", in, shown, back, err, got)
		}
	})
}

func FuzzNormalisePostcode(f *testing.F) {
	for _, s := range []string{
		"sw1a 1aa", "SW1A1AA", "  ec1a  1bb ", "gir0aa", "m11ae", "ZZ99 3VZ", "zz993wz",
		"BFPO 123", "Q1 1AA", "W1I 1AA", "SW1A 1AC", "", "Definitely wrong", "\u0131p1 1aa",
		"\uff33\uff37\uff11\uff21 1AA", "\u200bSW1A\u00a01AA",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := NormalisePostcode(in)
		withPseudo, errPseudo := NormalisePostcodeAllowingPseudo(in)
		label, isPseudo := PseudoPostcodeLabel(in)
		if err != nil {
			checkRefusal(t, "NormalisePostcode", in, err)
			if again, err2 := NormalisePostcode(in); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("NormalisePostcode(%q) refused with %v, then gave %q, %v", in, err, again, err2)
			}
			// Allowing pseudo-postcodes lets through those and nothing else.
			if isPseudo != (errPseudo == nil) {
				t.Fatalf("NormalisePostcodeAllowingPseudo(%q) = %q, %v, but PseudoPostcodeLabel says %q, %v", in, withPseudo, errPseudo, label, isPseudo)
			}
			if isPseudo {
				if !errors.Is(err, ErrPseudoPostcode) {
					t.Fatalf("NormalisePostcode(%q) refused a pseudo-postcode with %v", in, err)
				}
				if again, err := NormalisePostcodeAllowingPseudo(withPseudo); err != nil || again != withPseudo {
					t.Fatalf("pseudo-postcode %q does not re-normalise to itself: %q, %v", withPseudo, again, err)
				}
			}
			return
		}
		if isPseudo || errPseudo != nil || withPseudo != got {
			t.Fatalf("NormalisePostcode(%q) = %q, but allowing pseudo gives %q, %v (pseudo %v)", in, got, withPseudo, errPseudo, isPseudo)
		}
		if again, err := NormalisePostcode(got); err != nil || again != got {
			t.Fatalf("NormalisePostcode(%q) = %q, but that normalises to %q, %v", in, got, again, err)
		}
		if !postcodePattern.MatchString(got) {
			t.Fatalf("NormalisePostcode(%q) = %q does not match the BS 7666 pattern", in, got)
		}
	})
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{
		"07700 900123", "+44 20 7946 0123", "0044 (0)113 496 0123", "(020) 7946-0123",
		"020 7946 0123 ext 12", "0800 FLOWERS", "07700 9OO123", "+33 1 23 45 67 89",
		"+999 1234", "0", "+44", "", "0207946012345", "01534 444444", "0800 1111",
		"\uff10\uff12\uff10 7946 0123", "++44", "44 7700 900123",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParsePhone(in)
		if err != nil {
			checkRefusal(t, "ParsePhone", in, err)
			if again, err2 := ParsePhone(in); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("ParsePhone(%q) refused with %v, then gave %q, %v", in, err, again, err2)
			}
			if IsDramaNumber(in) {
				t.Fatalf("IsDramaNumber(%q) = true for a refused number", in)
			}
			return
		}
		if again, err := ParsePhone(got); err != nil || again != got {
			t.Fatalf("ParsePhone(%q) = %q, but that re-parses to %q, %v", in, got, again, err)
		}
		shown := FormatPhone(got)
		if back, err := ParsePhone(shown); err != nil || back != got {
			t.Fatalf("FormatPhone(%q) = %q parses to %q, %v; want %q", got, shown, back, err, got)
		}
		if IsDramaNumber(in) != IsDramaNumber(got) {
			t.Fatalf("IsDramaNumber differs between %q and its E.164 form %q", in, got)
		}
	})
}

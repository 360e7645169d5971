package nhs

import (
	"errors"
	"strings"
	"testing"
)

func TestNHSNumberVectors(t *testing.T) {
	v := loadNHSVectors(t)
	for _, s := range v.Valid {
		t.Run("valid/"+s, func(t *testing.T) {
			got, err := ParseNHSNumber(s)
			if err != nil || got != s {
				t.Fatalf("ParseNHSNumber(%q) = %q, %v; want %q, nil", s, got, err, s)
			}
		})
	}
	for _, s := range v.Invalid {
		t.Run("invalid/"+s, func(t *testing.T) {
			got, err := ParseNHSNumber(s)
			if err == nil {
				t.Fatalf("ParseNHSNumber(%q) = %q, want an error", s, got)
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind == nil {
				t.Fatalf("error %v is not an *nhs.Error with a kind", err)
			}
		})
	}
	for in, want := range v.Format {
		t.Run("format/"+in, func(t *testing.T) {
			if got := FormatNHSNumber(in); got != want {
				t.Fatalf("FormatNHSNumber(%q) = %q, want %q", in, got, want)
			}
		})
	}
	for _, s := range v.TestRange {
		t.Run("test_range/"+s, func(t *testing.T) {
			if _, err := ParseNHSNumber(s); err != nil {
				t.Fatalf("test-range example %q: %v", s, err)
			}
			if !IsTestNHSNumber(s) {
				t.Fatalf("IsTestNHSNumber(%q) = false", s)
			}
		})
	}
	for _, s := range v.Valid {
		if strings.HasPrefix(s, "999") != IsTestNHSNumber(s) {
			t.Errorf("IsTestNHSNumber(%q) = %v", s, IsTestNHSNumber(s))
		}
	}
}

func TestParseNHSNumberMessages(t *testing.T) {
	tests := []struct {
		in   string
		kind error
		msg  string
	}{
		{"", ErrEmpty, "no NHS number was entered"},
		{"  - ", ErrEmpty, "no NHS number was entered"},
		{"943 476 591", ErrLength, "NHS number must have 10 digits (this has 9)"},
		{"94347659190", ErrLength, "NHS number must have 10 digits (this has 11)"},
		{"9434765918", ErrCheckDigit, "the NHS number's check digit does not match: check for a mistyped digit"},
		{"0000000060", ErrCheckDigit, "no NHS number begins with these nine digits"},
		{"987654321X", ErrCharacters, `remove "X"`},
		{"943 476 59O9", ErrCharacters, "did you mean the digit 0?"},
		{"943/476/5919", ErrCharacters, `remove "/"`},
		{"943\x00476 5919", ErrCharacters, "invisible character (U+0000)"},
		{"943\xff476 5919", ErrCharacters, "unreadable character"},
		{strings.Repeat("9", 2000), ErrLength, "far too long"},
	}
	for _, tt := range tests {
		_, err := ParseNHSNumber(tt.in)
		if !errors.Is(err, tt.kind) || err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseNHSNumber(%q) error = %v; want kind %v containing %q", tt.in, err, tt.kind, tt.msg)
		}
	}
}

func TestParseNHSNumberLenientInput(t *testing.T) {
	for _, in := range []string{
		"9434765919",
		"943 476 5919",
		"943-476-5919",
		"\t943 476 5919\n",
		"943\u00a0476\u00a05919",  // non-breaking spaces from a web page
		"943\u2013476\u20135919",  // en dashes from a word processor
		"\ufeff943\u200b476 5919", // BOM and zero-width space from copy and paste
		"\uff19\uff14\uff13\uff14\uff17\uff16\uff15\uff19\uff11\uff19", // full-width digits
	} {
		got, err := ParseNHSNumber(in)
		if err != nil || got != "9434765919" {
			t.Errorf("ParseNHSNumber(%q) = %q, %v; want 9434765919", in, got, err)
		}
	}
}

func TestFormatNHSNumberKeepsInvalidText(t *testing.T) {
	if got := FormatNHSNumber("  12345 "); got != "12345" {
		t.Fatalf("FormatNHSNumber of an invalid number = %q, want it unchanged but trimmed", got)
	}
}

// bruteForceTestNumbers lists the first count valid numbers of the 999 range
// the slow, obvious way, to check the counting shortcut in TestNHSNumber.
func bruteForceTestNumbers(count int) []string {
	var out []string
	for stem := 999000000; len(out) < count; stem++ {
		s := []byte(itoa9(stem))
		if check, ok := nhsCheckDigit(s); ok {
			out = append(out, string(append(s, byte('0'+check))))
		}
	}
	return out
}

func itoa9(n int) string {
	b := make([]byte, 9)
	for i := 8; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}

func TestTestNHSNumber(t *testing.T) {
	want := bruteForceTestNumbers(3000)
	for n, w := range want {
		if got := TestNHSNumber(n); got != w {
			t.Fatalf("TestNHSNumber(%d) = %s, want %s", n, got, w)
		}
	}
	if TestNHSNumber(0) != "9990000018" || TestNHSNumber(1) != "9990000026" {
		t.Fatalf("first test numbers are %s, %s", TestNHSNumber(0), TestNHSNumber(1))
	}
	// Every generated number is valid, a test number and distinct from the
	// others across the whole range; the range wraps round.
	seen := make(map[string]bool, testCount)
	for n := 0; n < testCount; n++ {
		s := TestNHSNumber(n)
		if !IsTestNHSNumber(s) {
			t.Fatalf("TestNHSNumber(%d) = %s is not a valid test number", n, s)
		}
		if seen[s] {
			t.Fatalf("TestNHSNumber(%d) = %s repeats", n, s)
		}
		seen[s] = true
	}
	if last := TestNHSNumber(testCount - 1); last != "9999999999" {
		t.Fatalf("last test number is %s, want 9999999999", last)
	}
	if TestNHSNumber(testCount) != TestNHSNumber(0) || TestNHSNumber(-1) != TestNHSNumber(testCount-1) {
		t.Fatal("TestNHSNumber does not wrap round")
	}
	for _, n := range []int{int(^uint(0) >> 1), -int(^uint(0)>>1) - 1} {
		if !IsTestNHSNumber(TestNHSNumber(n)) {
			t.Fatalf("TestNHSNumber(%d) is not valid", n)
		}
	}
}

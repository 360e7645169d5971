package nhs

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in, e164, display string
	}{
		// The three drama ranges, at both ends, written every usual way.
		{"07700 900123", "+447700900123", "07700 900123"},
		{"07700900000", "+447700900000", "07700 900000"},
		{"07700 900999", "+447700900999", "07700 900999"},
		{"+44 7700 900123", "+447700900123", "07700 900123"},
		{"0044 7700 900123", "+447700900123", "07700 900123"},
		{"+44 (0)7700 900123", "+447700900123", "07700 900123"},
		{"020 7946 0123", "+442079460123", "020 7946 0123"},
		{"(020) 7946-0123", "+442079460123", "020 7946 0123"},
		{"020 7946 0000", "+442079460000", "020 7946 0000"},
		{"020 7946 0999", "+442079460999", "020 7946 0999"},
		{"+44 20 7946 0123", "+442079460123", "020 7946 0123"},
		{"0113 496 0123", "+441134960123", "0113 496 0123"},
		{"0113-496-0000", "+441134960000", "0113 496 0000"},
		{"0044 (0)113 496 0999", "+441134960999", "0113 496 0999"},
		{"0113.496.0123", "+441134960123", "0113 496 0123"},
		{"  +44\u00a0113\u00a0496\u00a00123 ", "+441134960123", "0113 496 0123"},
		{"\uff10\uff12\uff10 7946 0123", "+442079460123", "020 7946 0123"}, // full-width digits
		// Real-format numbers outside the drama ranges.
		{"0800 1111", "+448001111", "0800 1111"},
		{"0151 496 0000", "+441514960000", "0151 496 0000"},
		// Channel Islands and Isle of Man share +44.
		{"01534 444444", "+441534444444", "01534 444444"},
	}
	for _, tt := range tests {
		got, err := ParsePhone(tt.in)
		if err != nil || got != tt.e164 {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", tt.in, got, err, tt.e164)
			continue
		}
		if d := FormatPhone(got); d != tt.display {
			t.Errorf("FormatPhone(%q) = %q, want %q", got, d, tt.display)
		}
		if d := FormatPhone(tt.in); d != tt.display {
			t.Errorf("FormatPhone(%q) = %q, want %q", tt.in, d, tt.display)
		}
	}
}

func TestParsePhoneRejects(t *testing.T) {
	tests := []struct {
		in   string
		kind error
		msg  string
	}{
		{"", ErrEmpty, "no phone number was entered"},
		{" ( ) - ", ErrEmpty, "no phone number was entered"},
		{"07700 9OO123", ErrCharacters, "did you mean the digit 0?"},
		{"0800 FLOWERS", ErrCharacters, `remove "F"`},
		{"020 7946 0123 ext 12", ErrExtension, "extension 12"},
		{"020 7946 0123 x12", ErrExtension, "extension 12"},
		{"020 7946 0123 #12", ErrExtension, "extension 12"},
		{"07700 900123, 07700 900124", ErrCharacters, "only one phone number can go here"},
		{"020 7946 0123 / 07700 900123", ErrCharacters, "only one phone number can go here"},
		{"44+7700 900123", ErrCharacters, `remove "+"`},
		{"++44 7700 900123", ErrCharacters, `remove "+"`},
		{"+33 1 23 45 67 89", ErrNotUK, "country code +33"},
		{"0033 1 23 45 67 89", ErrNotUK, "country code +33"},
		{"+1 202 555 0100", ErrNotUK, "country code +1"},
		{"+999 1234 5678", ErrNotUK, "country code after the + is not one in use"},
		{"0", ErrLength, "too short"},
		{"+44", ErrLength, "too short"},
		{"999", ErrLength, "too short"},
		{"020 7946 012", ErrNotValid, "not a UK phone number in use"},
		{"07700 90012", ErrNotValid, "not a UK phone number in use"},
		{"0207946012345", ErrLength, "too long"},
		{"01632 960000", ErrNotValid, "not a UK phone number in use"},
		{strings.Repeat("0", 2000), ErrLength, "far too long"},
		{strings.Repeat("0", 300), ErrLength, "too long"},
	}
	for _, tt := range tests {
		got, err := ParsePhone(tt.in)
		if !errors.Is(err, tt.kind) || err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParsePhone(%q) = %q, %v; want kind %v containing %q", tt.in, got, err, tt.kind, tt.msg)
		}
		if d := FormatPhone(tt.in); d != strings.TrimSpace(tt.in) {
			t.Errorf("FormatPhone(%q) = %q, want the text back unchanged", tt.in, d)
		}
	}
}

func TestDramaNumbers(t *testing.T) {
	seen := map[string]bool{}
	for n := 0; n < 3000; n++ {
		e := DramaPhone(n)
		if seen[e] {
			t.Fatalf("DramaPhone(%d) = %s repeats within the 3,000", n, e)
		}
		seen[e] = true
		got, err := ParsePhone(e)
		if err != nil || got != e {
			t.Fatalf("DramaPhone(%d) = %s does not parse back: %q, %v", n, e, got, err)
		}
		if !IsDramaNumber(e) {
			t.Fatalf("IsDramaNumber(DramaPhone(%d) = %s) = false", n, e)
		}
	}
	first := []string{"+447700900000", "+441134960000", "+442079460000", "+447700900001"}
	for n, want := range first {
		if got := DramaPhone(n); got != want {
			t.Errorf("DramaPhone(%d) = %s, want %s", n, got, want)
		}
	}
	if DramaPhone(3000) != DramaPhone(0) || DramaPhone(-1) != DramaPhone(2999) {
		t.Error("DramaPhone does not wrap round")
	}
	for _, n := range []int{int(^uint(0) >> 1), -int(^uint(0)>>1) - 1} {
		if !IsDramaNumber(DramaPhone(n)) {
			t.Errorf("DramaPhone(%d) = %s is not a drama number", n, DramaPhone(n))
		}
	}
	for _, s := range []string{"07700 901000", "07700 899999", "0113 496 1000", "020 7946 1000", "0151 496 0000", "not a phone", "07700 90012"} {
		if IsDramaNumber(s) {
			t.Errorf("IsDramaNumber(%q) = true", s)
		}
	}
	if !IsDramaNumber("07700 900500") {
		t.Error("IsDramaNumber should accept a drama number in national form")
	}
}

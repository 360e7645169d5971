package nhs

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

const ukCallingCode = 44

// dramaPrefixes are the national significant numbers (the number without its
// leading 0) of Ofcom's ranges reserved for drama and fiction, each followed
// by three free digits: 07700 900000–900999, 0113 496 0000–0999 and
// 020 7946 0000–0999. Demo data uses only these so no real person is dialled.
//
// libphonenumber deliberately treats 07700 900xxx as invalid (it is not a
// range anyone can be given), so ParsePhone accepts numbers in these ranges
// explicitly; otherwise the demo clinic could not hold its own phone numbers.
var dramaPrefixes = [...]string{"7700900", "1134960", "2079460"}

const dramaNSNLength = 10

func isDramaNSN(nsn string) bool {
	if len(nsn) != dramaNSNLength {
		return false
	}
	for _, p := range dramaPrefixes {
		if strings.HasPrefix(nsn, p) {
			return true
		}
	}
	return false
}

// ParsePhone checks a UK phone number as typed, nationally ("07700 900123",
// "(020) 7946-0123") or internationally ("+44 20 7946 0123",
// "0044 (0)113 496 0123"), and returns it in E.164 ("+447700900123").
// Numbers of the Channel Islands and the Isle of Man share the UK's +44 plan
// and are accepted; numbers of other countries and extensions are not, as
// they cannot be stored as one UK number.
func ParsePhone(s string) (e164 string, err error) {
	p, err := parsePhone(s)
	return p.e164, err
}

// FormatPhone shows a phone number in the UK national format: "07700 900123",
// "020 7946 0123", "0113 496 0123". Text that is not a valid UK number is
// returned trimmed but otherwise as it was, so a display never hides what was
// stored.
func FormatPhone(e164 string) string {
	p, err := parsePhone(e164)
	if err != nil {
		return strings.TrimSpace(e164)
	}
	return p.national
}

// IsDramaNumber reports whether s is a valid number in one of Ofcom's drama
// ranges (see DramaPhone).
func IsDramaNumber(s string) bool {
	p, err := parsePhone(s)
	return err == nil && isDramaNSN(p.nsn)
}

// DramaPhone returns the n-th Ofcom drama number in E.164 for demo data,
// taking the three ranges in turn (mobile, Leeds, London) so neighbouring
// patients get a mix. There are 3,000; n wraps round, negative n included.
func DramaPhone(n int) string {
	const total = len(dramaPrefixes) * 1000
	k := n % total
	if k < 0 {
		k += total
	}
	return fmt.Sprintf("+%d%s%03d", ukCallingCode, dramaPrefixes[k%len(dramaPrefixes)], k/len(dramaPrefixes))
}

// ukPhone is an accepted number in the forms callers need.
type ukPhone struct {
	e164     string // +447700900123
	national string // 07700 900123
	nsn      string // 7700900123, the number without its trunk 0
}

// parsePhone does the work of ParsePhone. libphonenumber is a port of a large
// Java codebase; a bug in it must cost one refused number, not the whole
// desk, hence the recover around everything that calls into it.
func parsePhone(s string) (p ukPhone, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = ukPhone{}, fail(ErrNotValid, "this phone number could not be read: check the digits")
		}
	}()
	if len(s) > maxInput {
		return p, fail(ErrLength, "phone number is far too long: check what was pasted")
	}
	folded := fold(s)
	if err := vetPhoneText(folded); err != nil {
		return p, err
	}
	n, err := libParse(folded)
	if err != nil {
		return p, err
	}
	if n.GetExtension() != "" {
		return p, extensionError(n.GetExtension())
	}
	if n.GetCountryCode() != ukCallingCode {
		return p, fail(ErrNotUK, "this is not a UK phone number (it is for country code +%d): enter a UK number, or put this one in the notes", n.GetCountryCode())
	}
	nsn := phonenumbers.GetNationalSignificantNumber(n)
	if !phonenumbers.IsValidNumber(n) && !isDramaNSN(nsn) {
		switch phonenumbers.IsPossibleNumberWithReason(n) {
		case phonenumbers.TOO_SHORT:
			return p, fail(ErrLength, "phone number is too short: check for a missing digit")
		case phonenumbers.TOO_LONG:
			return p, fail(ErrLength, "phone number is too long: check for an extra digit")
		}
		return p, fail(ErrNotValid, "this is not a UK phone number in use: check the digits (UK numbers start with 0, or +44 from abroad)")
	}
	return ukPhone{
		e164:     phonenumbers.Format(n, phonenumbers.E164),
		national: phonenumbers.Format(n, phonenumbers.NATIONAL),
		nsn:      nsn,
	}, nil
}

// vetPhoneText allows only what people really write in a phone number:
// digits, spaces, hyphens, brackets, dots and a leading +. Letters
// are refused rather than read as a vanity number (libphonenumber would turn
// "07700 9OO123" into 07700 966123), and an extension gets its own message.
func vetPhoneText(s string) error {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ', r == '-', r == '(', r == ')', r == '.':
		case r == '+' && digits == 0 && strings.Count(s, "+") == 1:
		case r == '/', r == ',', r == ';', r == '&':
			// Spreadsheets often hold "home / mobile" in one cell.
			return fail(ErrCharacters, "only one phone number can go here (found %s): enter each number separately", describe(r))
		default:
			if _, ext := phonenumbers.MaybeSeparateExtensionFromPhone(s); ext != "" {
				return extensionError(ext)
			}
			return fail(ErrCharacters, "a phone number can only contain digits, spaces, hyphens, brackets and a + at the start: remove %s%s", describe(r), letterForDigitHint(r))
		}
	}
	if digits == 0 {
		return fail(ErrEmpty, "no phone number was entered: type it with its area code, e.g. 020 7946 0123 or 07700 900123")
	}
	return nil
}

func extensionError(ext string) error {
	return fail(ErrExtension, "a phone number is stored without its extension: enter the main number only and put extension %s in the notes", ext)
}

// libParse calls libphonenumber, turning its errors into messages a
// receptionist can act on.
func libParse(s string) (*phonenumbers.PhoneNumber, error) {
	n, err := phonenumbers.Parse(s, "GB")
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return nil, fail(ErrNotUK, "the country code after the + is not one in use: UK numbers start with 0, or +44 from abroad")
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return nil, fail(ErrLength, "phone number is too long: check for an extra digit")
	}
	// ErrNotANumber, ErrTooShortNSN, ErrTooShortAfterIDD: too few digits
	// to be any number at all.
	return nil, fail(ErrLength, "phone number is too short: check for a missing digit")
}

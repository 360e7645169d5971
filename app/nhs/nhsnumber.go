package nhs

import (
	"strings"
)

// nhsWeights are the Modulus 11 weights for the first nine digits.
var nhsWeights = [9]int{10, 9, 8, 7, 6, 5, 4, 3, 2}

// ParseNHSNumber checks an NHS number as typed (spaces, hyphens and
// surrounding space are fine) and returns its 10 digits.
func ParseNHSNumber(s string) (string, error) {
	if len(s) > maxInput {
		return "", fail(ErrLength, "NHS number must have 10 digits (this is far too long)")
	}
	digits := make([]byte, 0, 10)
	count := 0
	for _, r := range fold(s) {
		switch {
		case r >= '0' && r <= '9':
			count++
			if len(digits) < 10 {
				digits = append(digits, byte(r))
			}
		case r == ' ' || r == '-':
		default:
			return "", fail(ErrCharacters, "NHS number can only contain digits, spaces and hyphens: remove %s%s", describe(r), letterForDigitHint(r))
		}
	}
	switch {
	case count == 0:
		return "", fail(ErrEmpty, "no NHS number was entered: type its 10 digits, e.g. 943 476 5919")
	case count != 10:
		return "", fail(ErrLength, "NHS number must have 10 digits (this has %d)", count)
	}
	check, ok := nhsCheckDigit(digits[:9])
	if !ok {
		// No number is ever issued with these nine digits, so the slip is
		// somewhere in them rather than in the last digit.
		return "", fail(ErrCheckDigit, "this is not a real NHS number (no NHS number begins with these nine digits): check for a mistyped digit")
	}
	if int(digits[9]-'0') != check {
		return "", fail(ErrCheckDigit, "the NHS number's check digit does not match: check for a mistyped digit")
	}
	return string(digits), nil
}

// nhsCheckDigit computes the Modulus 11 check digit of nine ASCII digits.
// ok is false when the result would be 10: such stems are never issued.
func nhsCheckDigit(stem []byte) (check int, ok bool) {
	sum := 0
	for i, d := range stem {
		sum += int(d-'0') * nhsWeights[i]
	}
	check = 11 - sum%11
	switch check {
	case 11:
		return 0, true
	case 10:
		return 0, false
	}
	return check, true
}

// FormatNHSNumber shows an NHS number the way the NHS prints it:
// "943 476 5919". Text that is not a valid NHS number is returned trimmed
// but otherwise as it was, so a display never hides what was stored.
func FormatNHSNumber(s string) string {
	d, err := ParseNHSNumber(s)
	if err != nil {
		return strings.TrimSpace(s)
	}
	return d[0:3] + " " + d[3:6] + " " + d[6:10]
}

// testPrefix starts every NHS number reserved for testing.
const testPrefix = "999"

// IsTestNHSNumber reports whether s is a valid NHS number from the 999
// range reserved for testing (the only range demo and test data may use).
func IsTestNHSNumber(s string) bool {
	d, err := ParseNHSNumber(s)
	return err == nil && strings.HasPrefix(d, testPrefix)
}

// The test range is 999 followed by six free digits and the check digit.
// testWays[i][r] counts the ways to fill free digits i..5 so that their
// weighted sum is r modulo 11; it lets TestNHSNumber find the n-th valid
// number directly instead of walking up to it, which matters when seed data
// asks for hundreds of thousands of patients.
const testFreeDigits = 6

var testWays = func() (w [testFreeDigits + 1][11]int) {
	w[testFreeDigits][0] = 1
	for i := testFreeDigits - 1; i >= 0; i-- {
		for d := 0; d <= 9; d++ {
			for r := 0; r < 11; r++ {
				w[i][(r+d*nhsWeights[3+i])%11] += w[i+1][r]
			}
		}
	}
	return w
}()

// testPrefixSum is the weighted sum of the fixed "999".
const testPrefixSum = 9*10 + 9*9 + 9*8

// testCount is how many valid numbers the 999 range holds.
var testCount = countValidCompletions(0, testPrefixSum)

// countValidCompletions counts the ways to fill free digits i..5, given the
// weighted sum so far, that give a usable check digit (a total of 1 modulo
// 11 would need check digit 10).
func countValidCompletions(i, sum int) int {
	all := 1
	for k := i; k < testFreeDigits; k++ {
		all *= 10
	}
	bad := ((1-sum)%11 + 11) % 11
	return all - testWays[i][bad]
}

// TestNHSNumber returns the n-th (from 0) valid NHS number in the 999 test
// range, in increasing order: 0 → 9990000018, 1 → 9990000026. The range
// holds 909,091 numbers; n beyond that wraps round, and a negative n
// counts back from the end, so any int gives a valid test number.
func TestNHSNumber(n int) string {
	n %= testCount
	if n < 0 {
		n += testCount
	}
	stem := []byte(testPrefix)
	sum := testPrefixSum
	for i := 0; i < testFreeDigits; i++ {
		for d := 0; d <= 9; d++ {
			c := countValidCompletions(i+1, sum+d*nhsWeights[3+i])
			if n < c {
				stem = append(stem, byte('0'+d))
				sum += d * nhsWeights[3+i]
				break
			}
			n -= c
		}
	}
	check, _ := nhsCheckDigit(stem)
	return string(append(stem, byte('0'+check)))
}

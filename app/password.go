package app

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MinPasswordLength follows NCSC guidance: length, not composition rules.
const MinPasswordLength = 12

// commonPasswords are passwords (and stems) attackers try first. NCSC
// advises a block-list instead of composition rules or forced expiry.
var commonPasswords = []string{
	"password", "passw0rd", "p@ssword", "123456", "12345678", "123456789", "1234567890", "qwerty",
	"qwertyuiop", "abc123", "letmein", "welcome", "iloveyou", "admin", "administrator", "monkey",
	"dragon", "football", "baseball", "sunshine", "princess", "trustno1", "changeme", "default",
	"secret", "master", "superman", "batman", "liverpool", "arsenal", "chelsea", "manchester",
	"london", "summer", "winter", "spring", "autumn", "clinic", "clinicdesk", "reception",
	"doctor", "nurse", "surgery", "patient", "practice", "health", "nhs", "abcdef", "zxcvbnm",
	"asdfghjkl", "111111", "000000", "654321", "987654321",
}

// CheckPassword applies the password rules and says what to change. The
// user name and clinic name may not be the password either.
func CheckPassword(password string, avoid ...string) error {
	if n := utf8.RuneCountInString(password); n < MinPasswordLength {
		return fmt.Errorf("the password needs at least %d characters (this one has %d): a few unrelated words make a strong one", MinPasswordLength, n)
	}
	lower := strings.ToLower(password)
	squashed := strings.Join(strings.Fields(lower), "")
	for _, a := range avoid {
		a = strings.ToLower(strings.TrimSpace(a))
		if a != "" && (squashed == strings.Join(strings.Fields(a), "") || (len(a) >= 4 && strings.Contains(squashed, strings.Join(strings.Fields(a), "")) && len(squashed)-len(a) < 6)) {
			return fmt.Errorf("the password is too close to your user name or the clinic's name: choose something unrelated")
		}
	}
	if isRepetitive(squashed) {
		return fmt.Errorf("the password is a repeated pattern that is easy to guess: try three or four unrelated words")
	}
	stripped := strings.TrimRight(squashed, "0123456789!?.£$")
	for _, c := range commonPasswords {
		if squashed == c || stripped == c || (strings.HasPrefix(squashed, c) && isRepetitive(strings.TrimPrefix(squashed, c))) {
			return fmt.Errorf("that password is on the list of commonly used passwords that attackers try first: choose another")
		}
	}
	return nil
}

// isRepetitive spots "aaaaaaaaaaaa", "abcabcabcabc" and "121212121212".
func isRepetitive(s string) bool {
	if s == "" {
		return true
	}
	for size := 1; size <= len(s)/2; size++ {
		if len(s)%size != 0 {
			continue
		}
		if strings.Repeat(s[:size], len(s)/size) == s {
			return true
		}
	}
	return false
}

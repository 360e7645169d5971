package app

import (
	"crypto/rand"
	"errors"
	"strings"
)

// Crockford's base32 alphabet: no I, L, O or U, so a key read off paper is
// not misread.
const recoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

const (
	recoveryGroups   = 6
	recoveryGroupLen = 5
	recoveryLen      = recoveryGroups * recoveryGroupLen // 30 symbols, 150 bits
)

// newRecoveryKey draws a recovery key and returns it in the dash-separated
// form shown to the manager ("K7QM4-…").
func newRecoveryKey() (string, error) {
	raw := make([]byte, recoveryLen)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	var b strings.Builder
	for i, r := range raw {
		if i > 0 && i%recoveryGroupLen == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(recoveryAlphabet[r&31]) // 256 is a multiple of 32: no bias
	}
	return b.String(), nil
}

// ErrBadRecoveryKey: the text typed is not a recovery key at all.
var ErrBadRecoveryKey = errors.New("that is not a recovery key: it has 30 letters and digits in six groups, as printed on the Emergency recovery sheet")

// canonicalRecoveryKey forgives how the key was typed: case, spaces and
// dashes, and O/I/L typed for 0/1.
func canonicalRecoveryKey(s string) ([]byte, error) {
	var out []byte
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ' || r == '\t':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if r > 127 || !strings.ContainsRune(recoveryAlphabet, r) {
			return nil, ErrBadRecoveryKey
		}
		out = append(out, byte(r))
	}
	if len(out) != recoveryLen {
		return nil, ErrBadRecoveryKey
	}
	return out, nil
}

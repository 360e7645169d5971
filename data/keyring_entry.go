package data

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"

	"clinicdesk/app/kdf"

	"golang.org/x/crypto/argon2"
)

// A keyEntry wraps the data key for one secret in two layers. The secret
// (via Argon2id) wraps an X25519 private key with AES-256-GCM; the data key
// is sealed to that key pair's public half. Rotating the data key can then
// reseal it for every entry without knowing anyone's password, while only
// the secret's holder can open it.
type keyEntry struct {
	ID         string     `json:"id"`
	KDF        string     `json:"kdf"`
	Params     kdf.Params `json:"params"`
	Salt       []byte     `json:"salt"`
	Nonce      []byte     `json:"nonce"`
	WrappedKey []byte     `json:"wrapped_private_key"`
	PublicKey  []byte     `json:"public_key"`
	Envelope   envelope   `json:"envelope"`
	// MAC is an HMAC of the entry under a key derived from the data key:
	// only someone holding the data key can make one, so a changed or
	// swapped entry is found at sign-in and by verify.
	MAC []byte `json:"mac,omitempty"`
	// Pending is the next data key sealed to the same public key while a
	// rotation is under way, with its MAC under that next key. Until the
	// clinic file is re-keyed the old key opens it; after, the new one does:
	// either way every password still opens it.
	Pending    *envelope `json:"pending_envelope,omitempty"`
	PendingMAC []byte    `json:"pending_mac,omitempty"`
	// Sum is a plain SHA-256 of all of the above. It needs no secret, so
	// damage to an entry is named before anyone's password is tried, not
	// mistaken for a wrong password.
	Sum []byte `json:"sum,omitempty"`
}

// envelope is the data key sealed to an entry's public key (ECIES:
// ephemeral X25519, HKDF-SHA256, AES-256-GCM).
type envelope struct {
	Ephemeral  []byte `json:"ephemeral"`
	Nonce      []byte `json:"nonce"`
	Ciphertext []byte `json:"ciphertext"`
}

// The sizes every part of a sound entry has.
const (
	saltLen      = 16
	nonceLen     = 12
	x25519Len    = 32
	sealedKeyLen = 32 + 16 // a 32-byte key and its GCM tag
)

// fixedPart is what identifies an entry: everything but the envelopes.
// Its hash is the fingerprint the database records as the real one.
func (e *keyEntry) fixedPart() []byte {
	var b []byte
	b = appendField(b, []byte(e.ID))
	b = appendField(b, []byte(e.KDF))
	b = binary.BigEndian.AppendUint32(b, e.Params.Time)
	b = binary.BigEndian.AppendUint32(b, e.Params.MemoryKiB)
	b = append(b, e.Params.Threads)
	for _, f := range [][]byte{e.Salt, e.Nonce, e.WrappedKey, e.PublicKey} {
		b = appendField(b, f)
	}
	return b
}

func (env *envelope) appendTo(b []byte) []byte {
	for _, f := range [][]byte{env.Ephemeral, env.Nonce, env.Ciphertext} {
		b = appendField(b, f)
	}
	return b
}

func appendField(b, f []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(f)))
	return append(b, f...)
}

// Fingerprint names one entry: a password change makes a new one.
func (e *keyEntry) Fingerprint() string {
	sum := sha256.Sum256(e.fixedPart())
	return hex.EncodeToString(sum[:16])
}

func (e *keyEntry) sum() []byte {
	b := e.fixedPart()
	b = e.Envelope.appendTo(b)
	b = appendField(b, e.MAC)
	if e.Pending != nil {
		b = e.Pending.appendTo(b)
		b = appendField(b, e.PendingMAC)
	}
	s := sha256.Sum256(b)
	return s[:]
}

// macKey is derived from the data key, bound to the clinic.
func macKey(key DataKey, clinicID string) []byte {
	k, err := hkdf.Key(sha256.New, key[:], nil, "clinicdesk keyring mac|"+clinicID, 32)
	if err != nil {
		panic(err) // only for a length HKDF-SHA256 cannot give; 32 it always can
	}
	return k
}

func (e *keyEntry) macUnder(key DataKey, clinicID string, env *envelope) []byte {
	m := hmac.New(sha256.New, macKey(key, clinicID))
	m.Write(env.appendTo(e.fixedPart()))
	return m.Sum(nil)
}

// shapeProblem says what is wrong with an entry's layout, or "". An entry
// that passes cannot make the ciphers panic.
func (e *keyEntry) shapeProblem() string {
	switch {
	case e.ID != RecoveryEntry && (len(e.ID) < 6 || e.ID[:5] != "user:"):
		return "its name is not a user or the recovery key"
	case e.KDF != "argon2id":
		return fmt.Sprintf("its key derivation %q is unknown", e.KDF)
	case e.Params.Time == 0 || e.Params.Time > 1000 || e.Params.MemoryKiB < 8 || e.Params.MemoryKiB > 4<<20 || e.Params.Threads == 0:
		return "its key-derivation cost is out of range"
	case len(e.Salt) != saltLen || len(e.Nonce) != nonceLen || len(e.WrappedKey) != sealedKeyLen || len(e.PublicKey) != x25519Len:
		return "a part of it has the wrong length"
	case !e.Envelope.sound() || (e.Pending != nil && !e.Pending.sound()):
		return "its sealed data key has the wrong length"
	}
	return ""
}

func (env *envelope) sound() bool {
	return len(env.Ephemeral) == x25519Len && len(env.Nonce) == nonceLen && len(env.Ciphertext) == sealedKeyLen
}

func deriveKEK(secret []byte, salt []byte, p kdf.Params) []byte {
	return argon2.IDKey(secret, salt, p.Time, p.MemoryKiB, p.Threads, 32)
}

func randomBytes(n int) ([]byte, error) {
	b := make([]byte, n)
	_, err := io.ReadFull(rand.Reader, b)
	return b, err
}

// newEntry wraps key under secret.
func newEntry(id, clinicID string, secret []byte, key DataKey, p kdf.Params) (keyEntry, error) {
	priv, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return keyEntry{}, err
	}
	salt, err := randomBytes(saltLen)
	if err != nil {
		return keyEntry{}, err
	}
	nonce, err := randomBytes(nonceLen)
	if err != nil {
		return keyEntry{}, err
	}
	gcm, err := newGCM(deriveKEK(secret, salt, p))
	if err != nil {
		return keyEntry{}, err
	}
	e := keyEntry{ID: id, KDF: "argon2id", Params: p, Salt: salt, Nonce: nonce,
		WrappedKey: gcm.Seal(nil, nonce, priv.Bytes(), aad(clinicID, id)),
		PublicKey:  priv.PublicKey().Bytes()}
	if e.Envelope, err = seal(clinicID, id, e.PublicKey, key); err != nil {
		return keyEntry{}, err
	}
	e.MAC = e.macUnder(key, clinicID, &e.Envelope)
	return e, nil
}

func aad(clinicID, id string) []byte {
	return []byte("clinicdesk keyring v1|" + clinicID + "|" + id)
}

func seal(clinicID, id string, public []byte, key DataKey) (envelope, error) {
	pub, err := ecdh.X25519().NewPublicKey(public)
	if err != nil {
		return envelope{}, err
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return envelope{}, err
	}
	gcm, err := envelopeCipher(eph, pub, aad(clinicID, id))
	if err != nil {
		return envelope{}, err
	}
	nonce, err := randomBytes(nonceLen)
	if err != nil {
		return envelope{}, err
	}
	return envelope{Ephemeral: eph.PublicKey().Bytes(), Nonce: nonce,
		Ciphertext: gcm.Seal(nil, nonce, key[:], aad(clinicID, id))}, nil
}

func envelopeCipher(priv *ecdh.PrivateKey, pub *ecdh.PublicKey, info []byte) (cipher.AEAD, error) {
	shared, err := priv.ECDH(pub)
	if err != nil {
		return nil, err
	}
	kek, err := hkdf.Key(sha256.New, shared, nil, string(info), 32)
	if err != nil {
		return nil, err
	}
	return newGCM(kek)
}

// openPrivate unwraps the entry's private key with secret; false when the
// secret is not this entry's.
func (e *keyEntry) openPrivate(clinicID string, secret []byte) (*ecdh.PrivateKey, bool) {
	gcm, err := newGCM(deriveKEK(secret, e.Salt, e.Params))
	if err != nil {
		return nil, false
	}
	b, err := gcm.Open(nil, e.Nonce, e.WrappedKey, aad(clinicID, e.ID))
	if err != nil {
		return nil, false
	}
	priv, err := ecdh.X25519().NewPrivateKey(b)
	return priv, err == nil
}

// openEnvelope recovers the data key sealed in env.
func openEnvelope(clinicID, id string, priv *ecdh.PrivateKey, env *envelope) (DataKey, bool) {
	var key DataKey
	eph, err := ecdh.X25519().NewPublicKey(env.Ephemeral)
	if err != nil {
		return key, false
	}
	c, err := envelopeCipher(priv, eph, aad(clinicID, id))
	if err != nil {
		return key, false
	}
	plain, err := c.Open(nil, env.Nonce, env.Ciphertext, aad(clinicID, id))
	if err != nil || len(plain) != len(key) {
		return key, false
	}
	copy(key[:], plain)
	return key, true
}

func newGCM(kek []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

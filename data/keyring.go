package data

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/crypto/argon2"
)

// The keyring sits beside the clinic file and holds the data key wrapped
// once per user and once under the recovery key. It holds no patient data:
// only staff login names, public keys and ciphertext.

// KeyringPath is where the keyring of a clinic file lives.
func KeyringPath(dbPath string) string { return dbPath + ".keyring" }

// ErrWrongSecret: the password or recovery key does not unwrap the data key
// (or no such user has an entry: the two are not told apart).
var ErrWrongSecret = errors.New("wrong user name or password")

// KDFParams are the Argon2id costs for one keyring entry.
type KDFParams struct {
	Time      uint32 `json:"t"`
	MemoryKiB uint32 `json:"m"`
	Threads   uint8  `json:"p"`
}

// DefaultKDF is the cost every real entry is made with: 64 MiB and three
// passes, about half a second on a two-core desk PC. The cost is the point:
// it is what makes guessing a stolen keyring's passwords slow.
var DefaultKDF = KDFParams{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}

// A keyEntry wraps the data key for one secret in two layers. The secret
// (via Argon2id) wraps an X25519 private key with AES-256-GCM; the data key
// is sealed to that key pair's public half. Rotating the data key can then
// reseal it for every entry without knowing anyone's password, while only
// the secret's holder can open it.
type keyEntry struct {
	ID         string    `json:"id"`
	KDF        string    `json:"kdf"`
	Params     KDFParams `json:"params"`
	Salt       []byte    `json:"salt"`
	Nonce      []byte    `json:"nonce"`
	WrappedKey []byte    `json:"wrapped_private_key"`
	PublicKey  []byte    `json:"public_key"`
	Envelope   envelope  `json:"envelope"`
}

// envelope is the data key sealed to an entry's public key (ECIES:
// ephemeral X25519, HKDF-SHA256, AES-256-GCM).
type envelope struct {
	Ephemeral  []byte `json:"ephemeral"`
	Nonce      []byte `json:"nonce"`
	Ciphertext []byte `json:"ciphertext"`
}

type keyringFile struct {
	Format   int        `json:"format"`
	ClinicID string     `json:"clinic_id"`
	Entries  []keyEntry `json:"entries"`
}

// Keyring is the in-memory form of the keyring file.
type Keyring struct {
	path string
	f    keyringFile
}

// RecoveryEntry is the keyring entry wrapped under the recovery key.
const RecoveryEntry = "recovery"

// UserEntry names the keyring entry of a login name (case does not matter).
func UserEntry(username string) string {
	return "user:" + strings.ToLower(strings.TrimSpace(username))
}

// NewKeyring starts an empty keyring for a new clinic file.
func NewKeyring(path, clinicID string) *Keyring {
	return &Keyring{path: path, f: keyringFile{Format: 1, ClinicID: clinicID}}
}

// LoadKeyring reads the keyring file at path.
func LoadKeyring(path string) (*Keyring, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("the keyring %s is missing: restore it from a backup (it is saved with every backup)", path)
		}
		return nil, err
	}
	return ParseKeyring(path, b)
}

// ParseKeyring reads a keyring from its bytes (e.g. from a backup archive).
func ParseKeyring(path string, b []byte) (*Keyring, error) {
	k := &Keyring{path: path}
	if err := json.Unmarshal(b, &k.f); err != nil {
		return nil, fmt.Errorf("the keyring %s is damaged: %v", path, err)
	}
	if k.f.Format != 1 || k.f.ClinicID == "" {
		return nil, fmt.Errorf("the keyring %s is not a ClinicDesk keyring", path)
	}
	return k, nil
}

// ClinicID is the random identity the keyring is bound to.
func (k *Keyring) ClinicID() string { return k.f.ClinicID }

// Path is the file the keyring is saved to.
func (k *Keyring) Path() string { return k.path }

// Has reports whether there is an entry with that id.
func (k *Keyring) Has(id string) bool { return k.find(id) >= 0 }

// IDs lists the entries, sorted.
func (k *Keyring) IDs() []string {
	var ids []string
	for _, e := range k.f.Entries {
		ids = append(ids, e.ID)
	}
	sort.Strings(ids)
	return ids
}

func (k *Keyring) find(id string) int {
	for i, e := range k.f.Entries {
		if e.ID == id {
			return i
		}
	}
	return -1
}

func (k *Keyring) aad(id string) []byte {
	return []byte("clinicdesk keyring v1|" + k.f.ClinicID + "|" + id)
}

func deriveKEK(secret []byte, salt []byte, p KDFParams) []byte {
	return argon2.IDKey(secret, salt, p.Time, p.MemoryKiB, p.Threads, 32)
}

// Wrap stores key under secret as entry id, replacing any earlier entry.
// Call Save to write the change.
func (k *Keyring) Wrap(id string, secret []byte, key DataKey, p KDFParams) error {
	priv, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	salt := make([]byte, 16)
	nonce := make([]byte, 12)
	if _, err := io.ReadFull(rand.Reader, salt); err != nil {
		return err
	}
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return err
	}
	gcm, err := newGCM(deriveKEK(secret, salt, p))
	if err != nil {
		return err
	}
	e := keyEntry{ID: id, KDF: "argon2id", Params: p, Salt: salt, Nonce: nonce,
		WrappedKey: gcm.Seal(nil, nonce, priv.Bytes(), k.aad(id)),
		PublicKey:  priv.PublicKey().Bytes()}
	if e.Envelope, err = k.seal(id, e.PublicKey, key); err != nil {
		return err
	}
	if i := k.find(id); i >= 0 {
		k.f.Entries[i] = e
	} else {
		k.f.Entries = append(k.f.Entries, e)
	}
	return nil
}

// Reseal puts a new data key in every entry, after a rotation. No secret
// is needed: each entry's public key is enough to seal to.
func (k *Keyring) Reseal(key DataKey) error {
	for i := range k.f.Entries {
		env, err := k.seal(k.f.Entries[i].ID, k.f.Entries[i].PublicKey, key)
		if err != nil {
			return err
		}
		k.f.Entries[i].Envelope = env
	}
	return nil
}

func (k *Keyring) seal(id string, public []byte, key DataKey) (envelope, error) {
	pub, err := ecdh.X25519().NewPublicKey(public)
	if err != nil {
		return envelope{}, err
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return envelope{}, err
	}
	gcm, err := envelopeCipher(eph, pub, k.aad(id))
	if err != nil {
		return envelope{}, err
	}
	nonce := make([]byte, 12)
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return envelope{}, err
	}
	return envelope{Ephemeral: eph.PublicKey().Bytes(), Nonce: nonce,
		Ciphertext: gcm.Seal(nil, nonce, key[:], k.aad(id))}, nil
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

// Unwrap recovers the data key from entry id with secret. An unknown id
// costs the same as a wrong secret, so login names cannot be probed.
func (k *Keyring) Unwrap(id string, secret []byte) (DataKey, error) {
	var key DataKey
	i := k.find(id)
	if i < 0 {
		// Spend what a real entry costs, so a missing name is not faster.
		p := DefaultKDF
		if len(k.f.Entries) > 0 {
			p = k.f.Entries[0].Params
		}
		deriveKEK(secret, make([]byte, 16), p)
		return key, ErrWrongSecret
	}
	e := k.f.Entries[i]
	if e.KDF != "argon2id" || e.Params.Time == 0 || e.Params.MemoryKiB == 0 || e.Params.Threads == 0 {
		return key, fmt.Errorf("keyring entry %q has unknown key derivation %q", id, e.KDF)
	}
	gcm, err := newGCM(deriveKEK(secret, e.Salt, e.Params))
	if err != nil {
		return key, err
	}
	privBytes, err := gcm.Open(nil, e.Nonce, e.WrappedKey, k.aad(id))
	if err != nil {
		return key, ErrWrongSecret
	}
	priv, err := ecdh.X25519().NewPrivateKey(privBytes)
	if err != nil {
		return key, fmt.Errorf("keyring entry %q is damaged", id)
	}
	eph, err := ecdh.X25519().NewPublicKey(e.Envelope.Ephemeral)
	if err != nil {
		return key, fmt.Errorf("keyring entry %q is damaged", id)
	}
	env, err := envelopeCipher(priv, eph, k.aad(id))
	if err != nil {
		return key, err
	}
	plain, err := env.Open(nil, e.Envelope.Nonce, e.Envelope.Ciphertext, k.aad(id))
	if err != nil || len(plain) != len(key) {
		return key, fmt.Errorf("keyring entry %q is damaged", id)
	}
	copy(key[:], plain)
	return key, nil
}

// Remove deletes entry id (a user who has left). Call Save to write it.
func (k *Keyring) Remove(id string) {
	if i := k.find(id); i >= 0 {
		k.f.Entries = append(k.f.Entries[:i], k.f.Entries[i+1:]...)
	}
}

// SameKey reports whether two keys are equal, in constant time.
func SameKey(a, b DataKey) bool { return subtle.ConstantTimeCompare(a[:], b[:]) == 1 }

func newGCM(kek []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(kek)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// Bytes is the keyring file's content.
func (k *Keyring) Bytes() ([]byte, error) { return json.MarshalIndent(k.f, "", " ") }

// Save writes the keyring atomically: a temp file beside it, fsync, the old
// copy kept as .prev, rename, fsync the folder. A crash leaves either the
// old keyring or the new one, never half of one.
func (k *Keyring) Save() error {
	b, err := k.Bytes()
	if err != nil {
		return err
	}
	return writeFileAtomic(k.path, b, true)
}

func writeFileAtomic(path string, b []byte, keepPrevious bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if keepPrevious {
		if old, err := os.ReadFile(path); err == nil {
			if err := os.WriteFile(path+".prev", old, 0o600); err != nil {
				return err
			}
		}
	}
	if err := os.Rename(tmpName, path); err != nil {
		return err
	}
	return syncDir(dir)
}

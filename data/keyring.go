package data

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"clinicdesk/app/kdf"
)

// The keyring sits beside the clinic file and holds the data key wrapped
// once per user and once under the recovery key. It holds no patient data:
// only staff login names, public keys and ciphertext.
//
// It is written twice, to the keyring and then to its mirror, each
// atomically: a damaged entry (a bad sector, a stray edit) is taken from
// the other copy instead of locking its holder out. Which entry is the
// real one for a user is decided by the clinic file (KeyFingerprints), so
// neither an interrupted change nor an old copy put back can let an old
// password in.

// KeyringPath is where the keyring of a clinic file lives.
func KeyringPath(dbPath string) string { return dbPath + ".keyring" }

// MirrorPath is where the keyring's second copy lives.
func MirrorPath(keyringPath string) string { return keyringPath + ".mirror" }

// ErrWrongSecret: the password or recovery key does not unwrap the data key
// (or no such user has an entry: the two are not told apart).
var ErrWrongSecret = errors.New("wrong user name or password")

// KeyringError says what is wrong with the keyring: the whole file (Entry
// "") or one entry. It is never a wrong password.
type KeyringError struct {
	Path    string
	Entry   string
	Problem string
}

func (e *KeyringError) Error() string {
	if e.Entry == "" {
		return fmt.Sprintf("the keyring %s %s", e.Path, e.Problem)
	}
	return fmt.Sprintf("the keyring %s: %s %s", e.Path, EntryName(e.Entry), e.Problem)
}

// EntryName is how people are told which entry: "the recovery key's
// entry", "the entry for user asmith".
func EntryName(id string) string {
	if id == RecoveryEntry {
		return "the recovery key's entry"
	}
	if name, ok := strings.CutPrefix(id, "user:"); ok {
		return "the entry for user " + name
	}
	return id
}

// keyringFormat 2 added the sums, MACs and rotations under way; format 1
// files are read and rewritten as 2 at the first sign-in.
const keyringFormat = 2

type keyringFile struct {
	Format   int        `json:"format"`
	ClinicID string     `json:"clinic_id"`
	Entries  []keyEntry `json:"entries"`
}

// Keyring is the in-memory form of the keyring file.
type Keyring struct {
	path string
	f    keyringFile
	// damaged are the entries that could not be read from either copy.
	damaged []KeyringError
	// repaired says an entry (or the whole file) came from the mirror, so
	// the keyring should be written again.
	repaired bool
	// otherClinicID is the mirror's clinic identity when it alone differs
	// from this copy's: one of the two was damaged, and only a secret that
	// opens an entry can tell which (Open tries it).
	otherClinicID string
}

// RecoveryEntry is the keyring entry wrapped under the recovery key.
const RecoveryEntry = "recovery"

// UserEntry names the keyring entry of a login name (case does not matter).
func UserEntry(username string) string {
	return "user:" + strings.ToLower(strings.TrimSpace(username))
}

// NewKeyring starts an empty keyring for a new clinic file.
func NewKeyring(path, clinicID string) *Keyring {
	return &Keyring{path: path, f: keyringFile{Format: keyringFormat, ClinicID: clinicID}}
}

// LoadKeyring reads the keyring at path, taking from its mirror whatever
// is damaged or missing in the main copy. A mirror that is not the main
// copy as saved (damaged itself, or left behind by a crash between the two
// writes) marks the keyring repaired, so the next Save puts it right.
func LoadKeyring(path string) (*Keyring, error) {
	main, mainErr := readKeyring(path)
	mirror, mirrorErr := readKeyring(MirrorPath(path))
	if mainErr != nil && mirrorErr != nil {
		return nil, mainErr
	}
	if mainErr != nil || (mirrorErr == nil && main.f.ClinicID != mirror.f.ClinicID && len(main.damaged) > 0) {
		mirror.path, mirror.repaired = path, true
		return mirror, nil
	}
	if mirrorErr != nil || !sameCopy(path) {
		main.repaired = true
	}
	if len(main.damaged) == 0 && mirrorErr == nil && main.f.ClinicID != mirror.f.ClinicID && sameEntries(main, mirror) {
		// The same entries under two clinic identities: a byte of the
		// identity itself was damaged in one copy. Nothing in the files
		// says which, and every entry is sealed to it, so guessing wrong
		// would turn every password away: keep both for Open to try.
		main.otherClinicID = mirror.f.ClinicID
		return main, nil
	}
	if len(main.damaged) == 0 || mirrorErr != nil || main.f.ClinicID != mirror.f.ClinicID {
		return main, nil // any damaged entries stay named
	}
	// Take every entry the main copy lacks from the mirror: a damaged
	// entry's own name may be what the damage hit, so it cannot be looked
	// up by name. An entry the mirror has that the clinic file no longer
	// counts as real (from before a change) is dropped at sign-in.
	have := map[string]bool{}
	for i := range main.f.Entries {
		have[main.f.Entries[i].ID+"|"+main.f.Entries[i].Fingerprint()] = true
	}
	for _, e := range mirror.f.Entries {
		if !have[e.ID+"|"+e.Fingerprint()] {
			main.f.Entries = append(main.f.Entries, e)
		}
	}
	var still []KeyringError
	for _, d := range main.damaged {
		if !main.Has(d.Entry) {
			still = append(still, d)
		}
	}
	main.damaged = still
	return main, nil
}

// sameEntries says two copies hold the same entries, checksums and all.
func sameEntries(a, b *Keyring) bool {
	if len(a.f.Entries) != len(b.f.Entries) {
		return false
	}
	for i := range a.f.Entries {
		x, y := &a.f.Entries[i], &b.f.Entries[i]
		if x.ID != y.ID || !bytes.Equal(x.sum(), y.sum()) {
			return false
		}
	}
	return true
}

// sameCopy says the mirror holds exactly what the keyring holds.
func sameCopy(path string) bool {
	a, errA := os.ReadFile(path)
	b, errB := os.ReadFile(MirrorPath(path))
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// readKeyring parses one copy; entries that fail their checks are named in
// damaged rather than failing the whole file.
func readKeyring(path string) (*Keyring, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &KeyringError{Path: path, Problem: "is missing: it is kept beside the clinic file and in every backup; restore it from the newest backup"}
		}
		return nil, &KeyringError{Path: path, Problem: fmt.Sprintf("cannot be read: %v", err)}
	}
	return ParseKeyring(path, b)
}

// ParseKeyring reads a keyring from its bytes (e.g. from a backup archive).
func ParseKeyring(path string, b []byte) (*Keyring, error) {
	k := &Keyring{path: path}
	var raw struct {
		Format   int               `json:"format"`
		ClinicID string            `json:"clinic_id"`
		Entries  []json.RawMessage `json:"entries"`
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &KeyringError{Path: path, Problem: "is empty: restore it from the newest backup"}
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, &KeyringError{Path: path, Problem: "is damaged (it cannot be read as a keyring): restore it from the newest backup"}
	}
	if (raw.Format != 1 && raw.Format != keyringFormat) || raw.ClinicID == "" {
		return nil, &KeyringError{Path: path, Problem: "is not a ClinicDesk keyring"}
	}
	k.f.Format, k.f.ClinicID = keyringFormat, raw.ClinicID
	for i, r := range raw.Entries {
		var e keyEntry
		if err := json.Unmarshal(r, &e); err != nil {
			k.damaged = append(k.damaged, KeyringError{Path: path, Entry: fmt.Sprintf("entry %d", i+1), Problem: "is damaged"})
			continue
		}
		if problem := e.shapeProblem(); problem != "" {
			k.damaged = append(k.damaged, KeyringError{Path: path, Entry: e.ID, Problem: "is damaged (" + problem + ")"})
			continue
		}
		if raw.Format >= 2 && subtle.ConstantTimeCompare(e.Sum, e.sum()) != 1 {
			k.damaged = append(k.damaged, KeyringError{Path: path, Entry: e.ID, Problem: "is damaged (its checksum does not match)"})
			continue
		}
		k.f.Entries = append(k.f.Entries, e)
	}
	return k, nil
}

// ClinicID is the random identity the keyring is bound to.
func (k *Keyring) ClinicID() string { return k.f.ClinicID }

// Path is the file the keyring is saved to.
func (k *Keyring) Path() string { return k.path }

// Has reports whether there is an entry with that id.
func (k *Keyring) Has(id string) bool {
	for _, e := range k.f.Entries {
		if e.ID == id {
			return true
		}
	}
	return false
}

// IDs lists the entries' ids, sorted, once each.
func (k *Keyring) IDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, e := range k.f.Entries {
		if !seen[e.ID] {
			seen[e.ID] = true
			ids = append(ids, e.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// Fingerprints lists each entry's fingerprint by id (an id has two only
// while a change of its secret is under way).
func (k *Keyring) Fingerprints() map[string][]string {
	out := map[string][]string{}
	for i := range k.f.Entries {
		e := &k.f.Entries[i]
		out[e.ID] = append(out[e.ID], e.Fingerprint())
	}
	return out
}

// Damaged names the entries that could not be read from either copy.
func (k *Keyring) Damaged() []KeyringError { return k.damaged }

// Repaired says part of the keyring came from its mirror: Save mends it.
func (k *Keyring) Repaired() bool { return k.repaired }

// Add wraps key under secret as a new entry for id, beside any entry id
// already has, and returns its fingerprint. Call Save to write it; the old
// entry goes with Retire once the database has recorded the new one.
func (k *Keyring) Add(id string, secret []byte, key DataKey, p kdf.Params) (string, error) {
	e, err := newEntry(id, k.f.ClinicID, secret, key, p)
	if err != nil {
		return "", err
	}
	k.f.Entries = append(k.f.Entries, e)
	return e.Fingerprint(), nil
}

// Wrap stores key under secret as the only entry for id (for a keyring
// that nothing else relies on yet, such as a new clinic's).
func (k *Keyring) Wrap(id string, secret []byte, key DataKey, p kdf.Params) error {
	fp, err := k.Add(id, secret, key, p)
	if err == nil {
		k.Retire(id, fp)
	}
	return err
}

// Retire removes id's entries other than the one with fingerprint keep,
// and forgets any damaged copy of it: the new entry replaces it.
func (k *Keyring) Retire(id, keep string) {
	k.filter(func(e *keyEntry) bool { return e.ID != id || e.Fingerprint() == keep })
	k.forgetDamaged(id)
}

func (k *Keyring) forgetDamaged(id string) {
	var still []KeyringError
	for _, d := range k.damaged {
		if d.Entry != id {
			still = append(still, d)
		}
	}
	k.damaged = still
}

// RemoveEntry removes the one entry of id with that fingerprint.
func (k *Keyring) RemoveEntry(id, fingerprint string) {
	k.filter(func(e *keyEntry) bool { return e.ID != id || e.Fingerprint() != fingerprint })
}

// Remove deletes every entry of id (a user who has left).
func (k *Keyring) Remove(id string) {
	k.filter(func(e *keyEntry) bool { return e.ID != id })
	k.forgetDamaged(id)
}

func (k *Keyring) filter(keep func(*keyEntry) bool) {
	out := k.f.Entries[:0]
	for i := range k.f.Entries {
		if keep(&k.f.Entries[i]) {
			out = append(out, k.f.Entries[i])
		}
	}
	k.f.Entries = out
}

// Unlocked is what a secret opened: the data key, and while a rotation is
// under way the next one too (one of the two opens the clinic file).
type Unlocked struct {
	Key         DataKey
	Next        *DataKey
	Fingerprint string
}

// Open recovers the data key from id's entry with secret. An unknown id
// costs the same as a wrong secret, so login names cannot be probed.
func (k *Keyring) Open(id string, secret []byte) (Unlocked, error) {
	u, err := k.open(id, secret)
	if errors.Is(err, ErrWrongSecret) && k.otherClinicID != "" {
		// The two copies disagree on the clinic's identity: the secret
		// that opens an entry under the other one shows that one is right.
		mine := k.f.ClinicID
		k.f.ClinicID = k.otherClinicID
		if u2, err2 := k.open(id, secret); err2 == nil {
			k.otherClinicID, k.repaired = "", true // Save writes both copies whole
			return u2, nil
		}
		k.f.ClinicID = mine
	}
	return u, err
}

func (k *Keyring) open(id string, secret []byte) (Unlocked, error) {
	tried := false
	for i := range k.f.Entries {
		e := &k.f.Entries[i]
		if e.ID != id {
			continue
		}
		tried = true
		priv, ok := e.openPrivate(k.f.ClinicID, secret)
		if !ok {
			continue
		}
		key, ok := openEnvelope(k.f.ClinicID, id, priv, &e.Envelope)
		if !ok {
			return Unlocked{}, &KeyringError{Path: k.path, Entry: id, Problem: "is damaged (its sealed data key does not open)"}
		}
		u := Unlocked{Key: key, Fingerprint: e.Fingerprint()}
		if e.Pending != nil {
			if next, ok := openEnvelope(k.f.ClinicID, id, priv, e.Pending); ok {
				u.Next = &next
			}
		}
		return u, nil
	}
	for _, d := range k.damaged {
		if d.Entry == id {
			return Unlocked{}, &d
		}
	}
	if !tried {
		// Spend what a real entry costs, so a missing name is not faster.
		p := kdf.Default
		if len(k.f.Entries) > 0 {
			p = k.f.Entries[0].Params
		}
		deriveKEK(secret, make([]byte, saltLen), p)
	}
	return Unlocked{}, ErrWrongSecret
}

// Unwrap is Open for callers that need only the data key.
func (k *Keyring) Unwrap(id string, secret []byte) (DataKey, error) {
	u, err := k.Open(id, secret)
	return u.Key, err
}

// SameKey reports whether two keys are equal, in constant time.
func SameKey(a, b DataKey) bool { return subtle.ConstantTimeCompare(a[:], b[:]) == 1 }

// Bytes is the keyring file's content, each entry's checksum made afresh.
func (k *Keyring) Bytes() ([]byte, error) {
	f := k.f
	f.Entries = make([]keyEntry, len(k.f.Entries))
	for i, e := range k.f.Entries {
		e.Sum = e.sum()
		f.Entries[i] = e
	}
	return json.MarshalIndent(f, "", " ")
}

// Save writes the keyring and then its mirror, each atomically (a temp
// file, fsync, rename, fsync the folder): at every instant each copy is
// whole, old or new. The ".prev" copy earlier versions kept is deleted:
// it let a changed password, or a disabled user's, open the file again.
func (k *Keyring) Save() error {
	b, err := k.Bytes()
	if err != nil {
		return err
	}
	if err := writeAtomic(k.path, b); err != nil {
		return err
	}
	if err := writeAtomic(MirrorPath(k.path), b); err != nil {
		return err
	}
	k.repaired = false
	if err := os.Remove(k.path + ".prev"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove the old keyring copy %s.prev: %w", k.path, err)
	}
	return nil
}

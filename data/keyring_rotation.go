package data

import "crypto/hmac"

// A rotation of the data key goes in three writes, and a crash between any
// two leaves every secret able to open the clinic file:
//  1. StageRotation + Save: every entry holds the old key and the next.
//  2. Store.Rekey: the file is re-encrypted in one SQLite transaction.
//  3. FinishRotation + Save: the next key becomes the key.
// After a crash between 1 and 3, sign-in opens the file with whichever of
// the two keys it takes, and Reconcile finishes or abandons the rotation.

// StageRotation seals next beside the current key in every entry. No
// secret is needed: each entry's public key is enough to seal to.
func (k *Keyring) StageRotation(next DataKey) error {
	for i := range k.f.Entries {
		e := &k.f.Entries[i]
		env, err := seal(k.f.ClinicID, e.ID, e.PublicKey, next)
		if err != nil {
			return err
		}
		e.Pending = &env
		e.PendingMAC = e.macUnder(next, k.f.ClinicID, &env)
	}
	return nil
}

// FinishRotation makes the staged key every entry's key.
func (k *Keyring) FinishRotation() {
	for i := range k.f.Entries {
		e := &k.f.Entries[i]
		if e.Pending != nil {
			e.Envelope, e.MAC = *e.Pending, e.PendingMAC
			e.Pending, e.PendingMAC = nil, nil
		}
	}
}

// AbandonRotation drops the staged key: the file was not re-keyed.
func (k *Keyring) AbandonRotation() {
	for i := range k.f.Entries {
		k.f.Entries[i].Pending, k.f.Entries[i].PendingMAC = nil, nil
	}
}

// RotationUnderway says a rotation was staged and not yet finished.
func (k *Keyring) RotationUnderway() bool {
	for _, e := range k.f.Entries {
		if e.Pending != nil {
			return true
		}
	}
	return false
}

func (k *Keyring) macOK(e *keyEntry, key DataKey, env *envelope, mac []byte) bool {
	return len(mac) > 0 && hmac.Equal(mac, e.macUnder(key, k.f.ClinicID, env))
}

package data

// Check compares the keyring with the clinic file it belongs to, opened
// with key: real is the fingerprint the file records for each entry
// (KeyFingerprints). It names every entry that is damaged, missing, or
// whose MAC shows it was not made with this file's key. It changes
// nothing.
func (k *Keyring) Check(key DataKey, real map[string]string) []KeyringError {
	c := *k
	c.f.Entries = append([]keyEntry(nil), k.f.Entries...)
	_, problems := c.Reconcile(key, real)
	return problems
}

// Reconcile brings the keyring into line with the clinic file, opened
// with key, after a crash or an old copy put back: it finishes or abandons
// a rotation that was under way, drops every entry the file does not
// record as real (a password change or a new user that never committed, a
// disabled user's entry, an old password), and gives entries from before
// MACs existed their MAC. It returns whether anything changed (Save it)
// and the problems that remain.
func (k *Keyring) Reconcile(key DataKey, real map[string]string) (changed bool, problems []KeyringError) {
	// A damaged entry is named when it was a real one; one whose name the
	// damage garbled, or that no longer counts, is simply not written back.
	for _, d := range k.damaged {
		if _, ok := real[d.Entry]; ok {
			problems = append(problems, d)
		}
	}
	var kept []keyEntry
	present := map[string]bool{}
	for _, e := range k.f.Entries {
		if fp, ok := real[e.ID]; !ok || fp != e.Fingerprint() {
			changed = true
			continue
		}
		if e.Pending != nil {
			// The file opened with the staged key: the rotation happened.
			if k.macOK(&e, key, e.Pending, e.PendingMAC) {
				e.Envelope, e.MAC = *e.Pending, e.PendingMAC
			}
			e.Pending, e.PendingMAC = nil, nil
			changed = true
		}
		switch {
		case len(e.MAC) == 0:
			e.MAC = e.macUnder(key, k.f.ClinicID, &e.Envelope)
			changed = true
		case !k.macOK(&e, key, &e.Envelope, e.MAC):
			problems = append(problems, KeyringError{Path: k.path, Entry: e.ID,
				Problem: "does not match this clinic file's key: it has been altered or comes from another clinic"})
		}
		present[e.ID] = true
		kept = append(kept, e)
	}
	k.f.Entries = kept
	for id := range real {
		if !present[id] && !named(problems, id) {
			problems = append(problems, KeyringError{Path: k.path, Entry: id, Problem: "is missing"})
		}
	}
	return changed || k.repaired, problems
}

func named(problems []KeyringError, id string) bool {
	for _, p := range problems {
		if p.Entry == id {
			return true
		}
	}
	return false
}

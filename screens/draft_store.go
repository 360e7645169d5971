package screens

import (
	"sort"
	"strings"
	"sync"

	"clinicdesk/app"
)

// The one store of drafts for every form (see draft.go for what a draft
// is and whose it is): in memory only, never on disk, per clinic file,
// per person and per place where she types.

// draftKey: one draft per person per open clinic file per place where
// she types (the patient form, the new complaint, a patient's follow-up…).
type draftKey struct {
	clinic *app.Clinic
	userID string
	place  string
}

// heldDraft is one place's typing: value is *patientDraft for the patient
// form, *typedDraft for every other form (draft_typing.go).
type heldDraft struct {
	where  string // the place in words, for "You have typing that is not saved: …"
	module string // the module it belongs to, for the navigation's marker
	value  any
	seq    uint64 // when it was first kept: the questions list the oldest first
}

// draftStore holds the drafts of everyone who has used this window: one
// store for every form, so lock, switch user, sign-out and quit treat all
// typing alike.
type draftStore struct {
	mu       sync.Mutex
	drafts   map[draftKey]*heldDraft
	watchers map[*app.Clinic]func() // told when a draft comes or goes (the navigation's marker)
	seq      uint64
}

// typingDrafts lives as long as the app (memory only, never on disk): the
// shell, the lock screen and the modules are all rebuilt around it.
var typingDrafts = &draftStore{drafts: map[draftKey]*heldDraft{}, watchers: map[*app.Clinic]func(){}}

// get is the draft kept at place, if any.
func (s *draftStore) get(c *app.Clinic, userID, place string) (*heldDraft, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.drafts[draftKey{c, userID, place}]
	return d, ok
}

// put keeps what is typed at place, replacing what was kept there.
func (s *draftStore) put(c *app.Clinic, userID, place, module, where string, v any) {
	s.mu.Lock()
	k := draftKey{c, userID, place}
	old, had := s.drafts[k]
	seq := s.seq + 1
	if had {
		seq = old.seq
	} else {
		s.seq = seq
	}
	s.drafts[k] = &heldDraft{where: where, module: module, value: v, seq: seq}
	s.mu.Unlock()
	if !had {
		s.changed(c)
	}
}

// drop forgets the draft at place: saved, or thrown away on purpose.
func (s *draftStore) drop(c *app.Clinic, userID, place string) {
	s.mu.Lock()
	_, had := s.drafts[draftKey{c, userID, place}]
	delete(s.drafts, draftKey{c, userID, place})
	s.mu.Unlock()
	if had {
		s.changed(c)
	}
}

// dropUser forgets everything the user typed on c: she signed out, or
// chose to quit without it.
func (s *draftStore) dropUser(c *app.Clinic, userID string) {
	s.mu.Lock()
	n := 0
	for k := range s.drafts {
		if k.clinic == c && k.userID == userID {
			delete(s.drafts, k)
			n++
		}
	}
	s.mu.Unlock()
	if n > 0 {
		s.changed(c)
	}
}

// forgetClinic forgets every draft on c: the clinic file is closing.
func (s *draftStore) forgetClinic(c *app.Clinic) {
	s.mu.Lock()
	for k := range s.drafts {
		if k.clinic == c {
			delete(s.drafts, k)
		}
	}
	delete(s.watchers, c)
	s.mu.Unlock()
}

// held is the user's drafts, oldest first (module "" for all).
func (s *draftStore) held(c *app.Clinic, userID, module string) []draftAt {
	s.mu.Lock()
	var out []draftAt
	for k, d := range s.drafts {
		if k.clinic == c && k.userID == userID && (module == "" || d.module == module) {
			out = append(out, draftAt{place: k.place, heldDraft: *d})
		}
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// draftAt is a held draft with its place.
type draftAt struct {
	place string
	heldDraft
}

// markLocked notes that the user's drafts went away with the lock, for
// the note when they come back.
func (s *draftStore) markLocked(c *app.Clinic, userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, d := range s.drafts {
		if k.clinic != c || k.userID != userID {
			continue
		}
		switch v := d.value.(type) {
		case *patientDraft:
			v.reason = draftLocked
		case *typedDraft:
			v.reason = draftLocked
		}
	}
}

// watch sets the one function told when a draft on c comes or goes.
func (s *draftStore) watch(c *app.Clinic, fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.watchers[c] = fn
}

func (s *draftStore) changed(c *app.Clinic) {
	s.mu.Lock()
	fn := s.watchers[c]
	s.mu.Unlock()
	if fn != nil {
		fn()
	}
}

// whereUnsaved lists, in words, where the user has typing not saved:
// "the new patient Amelia Taylor and the new complaint". "" for nowhere.
func whereUnsaved(c *app.Clinic, userID string) string {
	var places []string
	for _, d := range typingDrafts.held(c, userID, "") {
		places = append(places, d.where)
	}
	switch len(places) {
	case 0:
		return ""
	case 1:
		return places[0]
	}
	return strings.Join(places[:len(places)-1], ", ") + " and " + places[len(places)-1]
}

// --- the patient form's place in the store ---

// patientFormPlace is where the patient details form keeps its draft.
const patientFormPlace = "patient form"

// patientDraftStore is the store as the patient form sees it: one draft
// per person, the form as last typed.
type patientDraftStore struct{ s *draftStore }

var patientDrafts = patientDraftStore{typingDrafts}

func (p patientDraftStore) get(c *app.Clinic, userID string) (*patientDraft, bool) {
	h, ok := p.s.get(c, userID, patientFormPlace)
	if !ok {
		return nil, false
	}
	d, ok := h.value.(*patientDraft)
	return d, ok
}

func (p patientDraftStore) has(c *app.Clinic, userID string) bool {
	_, ok := p.get(c, userID)
	return ok
}

// keep replaces the user's draft.
func (p patientDraftStore) keep(c *app.Clinic, userID string, d *patientDraft) {
	p.s.put(c, userID, patientFormPlace, patientsModuleID, d.where(), d)
}

// discard forgets the user's draft: saved, or thrown away on purpose.
func (p patientDraftStore) discard(c *app.Clinic, userID string) {
	p.s.drop(c, userID, patientFormPlace)
}

func (p patientDraftStore) markLocked(c *app.Clinic, userID string) { p.s.markLocked(c, userID) }

func (p patientDraftStore) watch(c *app.Clinic, fn func()) { p.s.watch(c, fn) }

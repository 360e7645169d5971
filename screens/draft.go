package screens

import (
	"sort"
	"strings"
	"sync"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Drafts: what someone has typed into a form and not saved yet (the
// patient details form here; the new complaint, complaint notes and
// details, the booking dialog, a letter's text and a follow-up through
// draft_typing.go). The lock throws away every widget, so the values are
// copied here as they are typed; when the same person unlocks (or comes
// back from another module) the form reopens as she left it.
//
// A draft lives in memory only, never on disk, and dies with the app. It
// belongs to the user who typed it: someone else signing in through
// "Switch user" neither sees it nor loses it for her, and it comes back
// when she signs in again. Signing out or quitting with any draft asks
// first (shell.go); locking never asks.

// draftReason is why the form went away, for the note when it comes back.
type draftReason int

const (
	draftLeft   draftReason = iota // she went to another module
	draftLocked                    // the screen locked, or she switched user
)

// patientDraft is the details form as it was last typed.
type patientDraft struct {
	orig   *app.Patient // the record being edited; nil for a new patient
	values patientFormValues
	name   string // the patient's name as typed so far
	focus  int    // the field that had the cursor, in the form's tab order; -1 for none
	reason draftReason
}

// patientFormValues is every field of the form exactly as typed (dates
// and phones unconverted), so it can be put back as it was.
type patientFormValues struct {
	texts        []string // patientForm.textFields, in order
	sex          string
	postcodeKind int
	ticks        []bool // patientForm.ticks, in order
	alerts       []alertValues
}

// alertValues is one alert row as typed: the kind as its label reads.
type alertValues struct{ kind, text string }

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

// sessionUserID is who is signed in on c ("" for nobody).
func sessionUserID(c *app.Clinic) string {
	if s, ok := c.Session(); ok {
		return s.User.ID
	}
	return ""
}

// where names the form in a question: "the new patient Amelia Taylor".
func (d *patientDraft) where() string {
	if d.orig != nil {
		return "the changes to " + patientFullName(*d.orig) + "'s details"
	}
	if d.name == "" {
		return "the new patient's details"
	}
	return "the new patient " + d.name
}

// discardQuestion asks about throwing the draft away, naming the patient:
// "Discard changes to Zoë Price's details?".
func (d *patientDraft) discardQuestion() string {
	if d.orig != nil {
		return "Discard changes to " + patientFullName(*d.orig) + "'s details?"
	}
	if d.name == "" {
		return "Discard the new patient's details?"
	}
	return "Discard the new patient " + d.name + "?"
}

// restoredNote says why the form is back, and that nothing is saved yet.
func (d *patientDraft) restoredNote() string { return restoredNote(d.reason) }

// restoredNote says why a form is back, and that nothing is saved yet.
func restoredNote(reason draftReason) string {
	if reason == draftLocked {
		return "Restored what you were typing before the screen locked. It has not been saved yet."
	}
	return "Restored what you were typing before you left this form. It has not been saved yet."
}

// --- the form's side ---

// values copies every field as it stands.
func (f *patientForm) values() patientFormValues {
	v := patientFormValues{sex: f.sex.Selected, postcodeKind: f.postcodeKind.SelectedIndex()}
	for _, o := range f.textFields() {
		v.texts = append(v.texts, entryOf(o).Text)
	}
	for _, c := range f.ticks() {
		v.ticks = append(v.ticks, c.Checked)
	}
	for _, r := range f.alerts {
		v.alerts = append(v.alerts, alertValues{kind: r.kind.Selected, text: r.text.Text})
	}
	return v
}

// setValues puts copied values back. The postcode choice goes first,
// since choosing a pseudo-postcode fills in and locks the postcode.
func (f *patientForm) setValues(v patientFormValues) {
	f.postcodeKind.SetSelectedIndex(v.postcodeKind)
	if v.sex != "" {
		f.sex.SetSelected(v.sex)
	}
	for _, r := range append([]*alertRow(nil), f.alerts...) {
		f.removeAlert(r)
	}
	for _, a := range v.alerts {
		f.addAlert(patientAlert{})
		r := f.alerts[len(f.alerts)-1]
		if a.kind != "" {
			r.kind.SetSelected(a.kind)
		}
		r.text.SetText(a.text)
	}
	for i, o := range f.textFields() {
		if i < len(v.texts) {
			entryOf(o).SetText(v.texts[i])
		}
	}
	for i, c := range f.ticks() {
		if i < len(v.ticks) {
			c.SetChecked(v.ticks[i])
		}
	}
}

// entryOf is the text entry inside one of the form's text fields.
func entryOf(o fyne.Focusable) *widget.Entry {
	switch e := o.(type) {
	case *formEntry:
		return &e.Entry
	case *widget.SelectEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	}
	return nil
}

// cursorToEnd puts the cursor after the last character, where typing
// carries on.
func cursorToEnd(e *widget.Entry) {
	lines := strings.Split(e.Text, "\n")
	e.CursorRow = len(lines) - 1
	e.CursorColumn = len([]rune(lines[len(lines)-1]))
	e.Refresh()
}

// focusIndex is where the cursor is, in textFields order (-1: elsewhere).
func (f *patientForm) focusIndex() int {
	focused := f.ctx.Window.Canvas().Focused()
	if focused == nil {
		return -1
	}
	for i, o := range f.textFields() {
		if o == focused {
			return i
		}
	}
	return -1
}

// noteChange keeps the draft up to date after every change, or forgets
// it once the form is back as it opened.
func (f *patientForm) noteChange() {
	if !f.tracking {
		return
	}
	c := f.ctx.Clinic
	p, o := f.read()
	if f.unchanged(p, o) {
		patientDrafts.discard(c, f.owner)
		return
	}
	patientDrafts.keep(c, f.owner, &patientDraft{orig: f.orig, values: f.values(), name: patientFullName(p), focus: f.focusIndex()})
}

// discardDraft forgets the draft: the form was saved or left on purpose.
func (f *patientForm) discardDraft() {
	f.tracking = false
	patientDrafts.discard(f.ctx.Clinic, f.owner)
}

// restore puts a draft into a freshly built form.
func (f *patientForm) restore(d *patientDraft) {
	f.tracking = false
	f.setValues(d.values)
	f.tracking = true
	say(f.restored, widget.WarningImportance, d.restoredNote())
	f.noteChange() // the draft is this form's now; its reason starts afresh
	fields := f.textFields()
	if d.focus >= 0 && d.focus < len(fields) {
		f.ctx.Window.Canvas().Focus(fields[d.focus])
		cursorToEnd(entryOf(fields[d.focus]))
	} else {
		f.focusFirst()
	}
	if f.orig != nil {
		f.checkStillCurrent()
	}
}

// checkStillCurrent warns when the record being edited has been changed
// since the form opened (someone else signed in meanwhile, say): saving
// would overwrite their changes.
func (f *patientForm) checkStillCurrent() {
	c, orig := f.ctx.Clinic, *f.orig
	offUI(f.ctx, func() (app.Patient, error) { return c.Patient(orig.ID) }, func(now app.Patient, err error) {
		if f.screen.form != f {
			return // left meanwhile
		}
		switch {
		case err != nil:
			setMessage(f.summary, "This record could not be read again: "+plainError(err))
		case now.Status == "merged":
			setMessage(f.summary, patientFullName(orig)+"'s record has been merged into another since you started: these changes cannot be saved here.")
		case !now.UpdatedAt.Equal(orig.UpdatedAt):
			say(f.restored, widget.WarningImportance, f.restored.Text+" "+patientFullName(orig)+
				"'s details have been changed by someone else since you started: saving puts back what is in this form, so check it first.")
		}
	})
}

// --- the Patients module's side ---

// draftRestorer is module content that can reopen a kept draft.
type draftRestorer interface {
	restoreDraft() bool
}

// restoreDraft reopens the details form with what the signed-in user had
// typed, if there is a draft. Cancel on a restored edit goes to the record.
func (s *patientsScreen) restoreDraft() bool {
	c := s.ctx.Clinic
	d, ok := patientDrafts.get(c, sessionUserID(c))
	if !ok {
		return s.restoreRecordTyping()
	}
	say(s.message, widget.MediumImportance, "")
	var orig *app.Patient
	if d.orig != nil {
		p := *d.orig
		orig = &p
	}
	s.record = nil
	s.form = newPatientForm(s, orig)
	if orig != nil {
		id := orig.ID
		s.form.back = func() { s.form = nil; s.openRecord(id) }
	}
	s.show(s.form.build())
	s.form.restore(d)
	return true
}

// restoreRecordTyping reopens the record where a follow-up was being
// typed, or where a letter was being written when the screen locked (the
// letter dialog comes back over it). A letter kept but not reopened here
// (its screen left since) comes back with the next "Write a letter…" to
// that patient.
func (s *patientsScreen) restoreRecordTyping() bool {
	c := s.ctx.Clinic
	place := latestTyping(c, patientsModuleID, "")
	switch {
	case strings.HasPrefix(place, "follow-up "):
		s.openRecord(strings.TrimPrefix(place, "follow-up "))
	case strings.HasPrefix(place, letterPlacePrefix):
		if d, _ := keptTyping(c, sessionUserID(c), place); d == nil || d.reason != draftLocked {
			return false
		}
		id := strings.TrimPrefix(place, letterPlacePrefix)
		s.openRecord(id)
		openLetterDialog(s.ctx, id, "", "")
	default:
		return false
	}
	return true
}

package screens

import (
	"maps"
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2/widget"
)

// The forms other than the patient form keep their typing through one
// small helper, formDraft: the form names its fields once, and every
// change is copied into typingDrafts (draft.go) at the form's place. A
// form back as it opened keeps nothing, so the questions at sign-out and
// quit are only asked about real typing.

// typedDraft is one form's fields exactly as typed, by name.
type typedDraft struct {
	fields map[string]string
	reason draftReason
}

// draftField is one field a form keeps: how to read it and put it back.
type draftField struct {
	name string
	get  func() string
	set  func(string)
}

// formDraft ties one open form to its place in typingDrafts.
type formDraft struct {
	clinic   *app.Clinic
	owner    string // who opened the form: the draft is hers alone
	place    string // "complaint new", "follow-up <patient id>"…
	module   string // the module the navigation marks "(unsaved)"
	where    func() string
	fields   []draftField
	start    map[string]string // the form as it opened: nothing typed yet
	tracking bool
	// typed names what comes back, in the note begin returns ("the
	// booking you were making"); "" says "what you were typing".
	typed string
}

func newFormDraft(ctx *Context, place, module string, where func() string) *formDraft {
	return &formDraft{clinic: ctx.Clinic, owner: sessionUserID(ctx.Clinic), place: place, module: module, where: where}
}

// entry keeps a text box; its own OnChanged still runs first.
func (fd *formDraft) entry(name string, e *widget.Entry) {
	fd.field(name, func() string { return e.Text }, func(text string) { restoreTyped(e, text) })
	prev := e.OnChanged
	e.OnChanged = func(s string) {
		if prev != nil {
			prev(s)
		}
		fd.note()
	}
}

// restoreTyped puts text back as if its last letter had just been typed.
// Fyne counts text as typing only when it was typed (its undo history),
// and Escape on a dialog asks before throwing typing away (dialog_keys.go):
// typing put back must count as typing too, or one Escape would lose it.
func restoreTyped(e *widget.Entry, text string) {
	r := []rune(text)
	if len(r) == 0 || r[len(r)-1] == '\n' {
		e.SetText(text)
		return
	}
	e.SetText(string(r[:len(r)-1]))
	cursorToEnd(e)
	e.TypedRune(r[len(r)-1])
}

// radio keeps a choice of buttons.
func (fd *formDraft) radio(name string, r *widget.RadioGroup) {
	fd.field(name, func() string { return r.Selected }, r.SetSelected)
	prev := r.OnChanged
	r.OnChanged = func(s string) {
		if prev != nil {
			prev(s)
		}
		fd.note()
	}
}

// field keeps anything else; the form calls note when it changes.
func (fd *formDraft) field(name string, get func() string, set func(string)) {
	fd.fields = append(fd.fields, draftField{name: name, get: get, set: set})
}

func (fd *formDraft) values() map[string]string {
	v := map[string]string{}
	for _, f := range fd.fields {
		v[f.name] = f.get()
	}
	return v
}

// begin takes the form as it stands for "nothing typed", then puts back
// what the same person had typed here, if anything. It returns the note
// to show ("Restored what you were typing…"), or "" when nothing came back.
func (fd *formDraft) begin() string {
	fd.start = fd.values()
	restored := ""
	if d, ok := keptTyping(fd.clinic, fd.owner, fd.place); ok {
		for _, f := range fd.fields {
			if text, ok := d.fields[f.name]; ok && text != f.get() {
				f.set(text)
			}
		}
		restored = restoredNote(d.reason, fd.typed)
	}
	fd.tracking = true
	fd.note() // the draft is this form's now; its reason starts afresh
	return restored
}

// note copies the form into the draft, or forgets the draft once the
// form is back as it opened.
func (fd *formDraft) note() {
	if !fd.tracking {
		return
	}
	v := fd.values()
	if maps.Equal(v, fd.start) {
		typingDrafts.drop(fd.clinic, fd.owner, fd.place)
		return
	}
	typingDrafts.put(fd.clinic, fd.owner, fd.place, fd.module, fd.where(), &typedDraft{fields: v})
}

// done forgets the draft: saved, or thrown away on purpose.
func (fd *formDraft) done() {
	fd.tracking = false
	typingDrafts.drop(fd.clinic, fd.owner, fd.place)
}

// keptTyping is the user's draft at place, if any.
func keptTyping(c *app.Clinic, userID, place string) (*typedDraft, bool) {
	h, ok := typingDrafts.get(c, userID, place)
	if !ok {
		return nil, false
	}
	d, ok := h.value.(*typedDraft)
	return d, ok
}

// latestTyping is the place of the user's newest draft in module whose
// place starts with prefix ("" when none): where a module reopens after
// a lock.
func latestTyping(c *app.Clinic, module, prefix string) string {
	held := typingDrafts.held(c, sessionUserID(c), module)
	for i := len(held) - 1; i >= 0; i-- {
		if strings.HasPrefix(held[i].place, prefix) {
			if _, ok := held[i].value.(*typedDraft); ok {
				return held[i].place
			}
		}
	}
	return ""
}

// pickedField keeps the patient chosen in a patient search: id and name.
func pickedField(p *calendarPatientPick) (get func() string, set func(string)) {
	get = func() string {
		if p.id() == "" {
			return ""
		}
		return p.id() + "\n" + p.name()
	}
	set = func(v string) {
		id, name, ok := strings.Cut(v, "\n")
		if ok && id != "" {
			p.set(id, name)
			p.search.Show() // chosen by hand, so it can be changed by hand
		}
	}
	return get, set
}

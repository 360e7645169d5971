package screens

import (
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2/widget"
)

// complaintDraftPlace is where a new complaint, or corrections to one,
// are kept while typed.
func complaintDraftPlace(editing *app.ComplaintRecord) string {
	if editing == nil {
		return "complaint new"
	}
	return "complaint details " + editing.ID
}

// keepTyping keeps everything typed in the form through a lock or a
// change of screen, and puts back what was kept.
func (f *complaintForm) keepTyping() {
	where := func() string { return "the new complaint" }
	if f.editing != nil {
		ref := f.editing.Reference
		where = func() string { return "the changes to complaint " + ref }
	}
	d := newFormDraft(f.ctx, complaintDraftPlace(f.editing), complaintsModuleID, where)
	f.draft = d
	d.radio("complainant", f.complainant)
	get, set := pickedField(f.patient)
	d.field("patient", get, func(v string) {
		set(v)
		if f.patient.id() != "" {
			f.patientPicked(patients.PatientSummary{ID: f.patient.id(), Forenames: f.patient.name()})
		}
	})
	for _, e := range []struct {
		name  string
		entry *textBox
	}{{"name", f.name}, {"address", f.address}, {"phone", f.phone}, {"email", f.email},
		{"consent date", f.consentDate}, {"consent note", f.consentNote}, {"received", f.received},
		{"events", f.events}, {"aware", f.aware}, {"description", f.description}, {"outcome", f.outcome}, {"period", f.period}} {
		d.entry(e.name, &e.entry.Entry)
	}
	d.radio("consent", f.consent)
	d.radio("channel", f.channel)
	f.rules.keep(d)
	for name, g := range map[string]*checkGrid{"subjects": f.subjects, "staff": f.staffGroups} {
		d.field(name, func() string { return strings.Join(g.Selected(), "\n") },
			func(v string) { g.SetSelected(strings.Split(v, "\n")) })
		for _, c := range g.checks {
			c.OnChanged = func(bool) { d.note() }
		}
	}
	d.field("owner", func() string { return f.owner.Selected }, f.owner.SetSelected)
	f.owner.OnChanged = func(string) { d.note() }
	say(f.restored, widget.WarningImportance, d.begin())
}

// restoreTyping reopens, on the register, the page where the user's
// newest unsaved complaint typing is: after a lock or a change of screen
// she is back where she was typing.
func (s *complaintsScreen) restoreTyping() bool {
	if s.page != s.registerPage {
		return false // a file asked for from elsewhere is open
	}
	place := latestTyping(s.ctx.Clinic, complaintsModuleID, "complaint ")
	switch {
	case place == complaintDraftPlace(nil):
		s.openNewForm()
	case strings.HasPrefix(place, "complaint details "):
		s.openFile(strings.TrimPrefix(place, "complaint details "))
		s.file.onShown = s.file.editDetails
	case strings.HasPrefix(place, "complaint note "):
		s.openFile(strings.TrimPrefix(place, "complaint note "))
		cf := s.file
		cf.onShown = func() {
			if cf.noteText != nil {
				s.ctx.Window.Canvas().Focus(cf.noteText)
				cursorToEnd(&cf.noteText.Entry)
			}
		}
	default:
		return false
	}
	return true
}

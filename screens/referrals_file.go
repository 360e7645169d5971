package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// referralFile is one referral's page: what it is, its clock, its events,
// the desk's fields, its letters and what can be done to it.
type referralFile struct {
	s       *referralsScreen
	ctx     *Context
	id      string
	rec     app.ReferralRecord
	loaded  bool
	title   *widget.Label
	details *widget.Label
	clock   *fyne.Container
	events  *fyne.Container
	desk    *referralDeskForm
	message *widget.Label
	actions *fyne.Container
	body    *fyne.Container

	// The buttons, kept for the tests and for turning them off.
	recordButton, bookButton, closeButton *widget.Button
	letterButtons                         []*widget.Button
}

func newReferralFile(s *referralsScreen, id string) *referralFile {
	return &referralFile{s: s, ctx: s.ctx, id: id}
}

func (f *referralFile) build() fyne.CanvasObject {
	f.title = pageTitle("Reading the referral…")
	f.details = wrapped("")
	f.details.Selectable = true
	f.clock = container.NewVBox()
	f.events = container.NewVBox()
	f.message = note()
	f.actions = container.NewHBox()
	f.body = container.NewVBox()
	back := widget.NewButtonWithIcon("Back to the referrals", theme.NavigateBackIcon(), f.s.closeFile)
	f.reload()
	top := container.NewVBox(container.NewHBox(back, layout.NewSpacer()), f.title, f.actions)
	// The message goes under the page, so saying something moves nothing.
	return container.NewBorder(top, f.message, nil, nil, container.NewVScroll(container.NewPadded(f.body)))
}

func (f *referralFile) reload() {
	c, id := f.ctx.Clinic, f.id
	offUI(f.ctx, func() (app.ReferralRecord, error) { return c.Referral(id) }, f.show)
}

func (f *referralFile) show(rec app.ReferralRecord, err error) {
	if err != nil {
		f.title.SetText("The referral could not be opened")
		say(f.message, widget.DangerImportance, plainError(err))
		return
	}
	f.rec, f.loaded = rec, true
	r := rec.Referral
	if r.Direction == pathways.Out {
		f.title.SetText(fmt.Sprintf("%s: referred to %s on %s", rec.Patient, referralParty(r.Party), r.Date.Short()))
	} else {
		f.title.SetText(fmt.Sprintf("%s: referred by %s on %s", rec.Patient, referralParty(r.Party), r.Date.Short()))
	}
	f.details.SetText(f.detailText())
	f.clock.RemoveAll()
	for _, line := range clockSentences(rec) {
		l := wrapped(line)
		if rec.HasClock && rec.Clock.Breached && rec.Clock.Status == pathways.ClockRunning {
			l.Importance = widget.DangerImportance
		}
		f.clock.Add(l)
	}
	f.fillEvents()
	f.fillActions()
	f.desk = newReferralDeskForm(f)
	f.body.Objects = []fyne.CanvasObject{
		heading("The referral"), f.details,
		heading("The clock"), f.clock,
	}
	if r.Direction == pathways.In {
		f.body.Add(heading("What has happened"))
		f.body.Add(f.events)
	}
	f.body.Add(heading("Kept by the desk"))
	f.body.Add(f.desk.view())
	f.body.Refresh()
}

// detailText says the referral in a few lines.
func (f *referralFile) detailText() string {
	rec := f.rec
	r := rec.Referral
	var b strings.Builder
	fmt.Fprintf(&b, "Patient: %s", rec.Patient)
	if rec.NHSNumber != "" {
		fmt.Fprintf(&b, " (NHS number %s)", nhs.FormatNHSNumber(rec.NHSNumber))
	}
	who := "Referred by"
	if r.Direction == pathways.Out {
		who = "Referred to"
	}
	fmt.Fprintf(&b, "\n%s: %s", who, referralParty(r.Party))
	if r.Party.ODSCode != "" {
		fmt.Fprintf(&b, " (ODS code %s)", r.Party.ODSCode)
	}
	if r.Party.Address != "" {
		fmt.Fprintf(&b, "\n%s", strings.ReplaceAll(r.Party.Address, "\n", ", "))
	}
	fmt.Fprintf(&b, "\n%s on %s · %s · %s", capitalise(dateWord(r.Direction)), r.Date.LongWithDay(), r.Urgency.Label(), r.Kind.Label())
	fmt.Fprintf(&b, "\nReason: %s", r.Reason)
	if rec.Clinician != "" {
		fmt.Fprintf(&b, "\nClinician: %s", rec.Clinician)
	}
	fmt.Fprintf(&b, "\nStatus: %s", r.Status.Label())
	if r.Status == pathways.StatusClosed {
		fmt.Fprintf(&b, " on %s by %s: %s", ukcal.WallDate(r.ClosedAt).Short(), f.s.staffName(r.ClosedBy), r.CloseReason)
	}
	return b.String()
}

// fillEvents lists the pathway's events, oldest first: they are never
// changed, only added to.
func (f *referralFile) fillEvents() {
	f.events.RemoveAll()
	if len(f.rec.Events) == 0 {
		f.events.Add(wrapped("Nothing recorded yet."))
		return
	}
	for _, e := range f.rec.Events {
		what := widget.NewLabelWithStyle(e.Kind.Label()+" · "+e.On.LongWithDay(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		who := fmt.Sprintf("Recorded by %s on %s", f.s.staffName(e.By), ukcal.WallDateTime(e.At))
		if e.AppointmentID != "" {
			who += ", from the appointment"
		}
		lines := container.NewVBox(container.NewBorder(nil, nil, nil, widget.NewLabelWithStyle(who, fyne.TextAlignTrailing, fyne.TextStyle{Italic: true}), what))
		if e.Note != "" {
			lines.Add(wrapped(e.Note))
		}
		f.events.Add(lines)
	}
}

// fillActions offers what may be done to the referral, by its direction,
// its state and the role signed in.
func (f *referralFile) fillActions() {
	c := f.ctx.Clinic
	r := f.rec.Referral
	open := r.Status != pathways.StatusClosed
	f.actions.RemoveAll()
	f.letterButtons = nil
	f.recordButton = widget.NewButtonWithIcon("Record an event…", theme.ContentAddIcon(), f.recordEvent)
	// Later appointments are booked for the referral too: their DNAs feed it.
	book := "Book an appointment"
	if k := f.rec.Clock; f.rec.HasClock && (k.Status == pathways.ClockNullified || k.FirstBooked.IsZero() && k.FirstAttended.IsZero()) {
		book = "Book first appointment"
	}
	f.bookButton = widget.NewButtonWithIcon(book, theme.CalendarIcon(), f.bookFirst)
	f.closeButton = widget.NewButtonWithIcon("Close pathway…", theme.CancelIcon(), f.closePathway)
	if r.Direction == pathways.In && open && c.Can(app.PermReferralEvents) {
		f.actions.Add(f.recordButton)
	}
	if r.Direction == pathways.In && open && c.Can(app.PermBookAppointments) {
		f.actions.Add(f.bookButton)
	}
	if c.Can(app.PermPrintLetters) {
		letters := []struct{ label, template string }{{"Acknowledgement letter", app.ReferralAckTemplate}}
		if r.Direction == pathways.Out {
			letters = []struct{ label, template string }{{"Referral letter", app.ReferralOutTemplate}, {"Chase letter", app.ReferralChaseTemplate}}
		}
		for _, l := range letters {
			b := widget.NewButtonWithIcon(l.label+"…", theme.DocumentPrintIcon(), func() { f.letter(l.label, l.template) })
			f.letterButtons = append(f.letterButtons, b)
			f.actions.Add(b)
		}
	}
	if open && c.Can(app.PermClosePathway) {
		f.actions.Add(f.closeButton)
	}
	f.actions.Add(layout.NewSpacer())
	if c.Can(app.PermViewPatients) {
		f.actions.Add(widget.NewButtonWithIcon("Open the record", theme.AccountIcon(), func() { openPatientRecord(f.ctx, r.PatientID) }))
	}
}

// recordEvent asks what happened and on which day; the facade checks it
// against the pathway rules and refuses, in words, what they refuse.
func (f *referralFile) recordEvent() {
	var kinds []pathways.EventKind
	var labels []string
	for _, k := range pathways.EventKinds {
		if k != pathways.ReferralReceived {
			kinds = append(kinds, k)
			labels = append(labels, k.Label())
		}
	}
	what := widget.NewSelect(labels, nil)
	what.PlaceHolder = "Choose what happened"
	day := sarDateBox()
	text := newTextBox()
	text.SetPlaceHolder("A note, if it helps (optional)")
	content := container.NewVBox(
		wrapped("Events are kept as recorded and never changed: the clock is worked out from them. Record each once it has happened."),
		labelledField("What happened", what), labelledField("The day it happened (dd/mm/yyyy)", day), labelledField("Note", text))
	id := f.id
	sarDialog(f.ctx, "Record an event", "Record it", content, what, func() (func() (func(), error), error) {
		i := what.SelectedIndex()
		if i < 0 {
			return nil, fmt.Errorf("choose what happened")
		}
		on, err := parseUKDate(day.Text)
		if err != nil {
			return nil, err
		}
		kind, body := kinds[i], text.Text
		return func() (func(), error) {
			_, err := f.ctx.Clinic.RecordReferralEvent(id, kind, on, body)
			return func() { f.done("Recorded: " + strings.ToLower(kind.Label()) + ".") }, err
		}, nil
	})
}

// done says what happened and reads the referral again.
func (f *referralFile) done(what string) {
	say(f.message, widget.SuccessImportance, what)
	f.reload()
}

// bookFirst opens the Calendar to book the referral's first appointment,
// linked to it.
func (f *referralFile) bookFirst() {
	r := f.rec.Referral
	bookForReferral(f.ctx, r.PatientID, f.rec.Patient, r.ID, "from "+referralParty(r.Party)+", received "+r.Date.Short())
}

// closePathway closes the pathway by hand (a manager's decision), with
// the reason.
func (f *referralFile) closePathway() {
	why := newTextBox()
	why.SetPlaceHolder("Why: referred in error, patient moved away…")
	content := container.NewVBox(
		wrapped("Closing takes the pathway off the tracking list, and nothing more can be recorded on it. Say why: it is kept with the referral and in the audit trail."),
		labelledField("Reason", why))
	id := f.id
	sarDialog(f.ctx, "Close the pathway", "Close it", content, why, func() (func() (func(), error), error) {
		reason := why.Text
		return func() (func(), error) {
			_, err := f.ctx.Clinic.CloseReferral(id, reason)
			return func() { f.done("Pathway closed.") }, err
		}, nil
	})
}

// letter makes one of the referral's letters off the UI goroutine and
// offers it for printing or saving.
func (f *referralFile) letter(label, template string) {
	c, id := f.ctx.Clinic, f.id
	inBackground(f.ctx, "Writing the "+strings.ToLower(label)+"…", func() (app.LetterResult, error) {
		return c.ReferralLetter(id, template)
	}, func(res app.LetterResult, err error) {
		if err != nil {
			say(f.message, widget.DangerImportance, "The letter was not made: "+plainError(err))
			return
		}
		showPDF(f.ctx, madePDF{Title: label, PDF: res.PDF, FileName: res.FileName, Warnings: res.Warnings})
		f.reload() // printing the acknowledgement records the day it went
	})
}

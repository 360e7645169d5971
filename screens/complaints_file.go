package screens

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// complaintFile is one complaint: its deadlines as dates and words, the
// workflow buttons this user may press, the timeline of who did what and
// when, the letters, the notes, and the details recorded.
type complaintFile struct {
	ctx    *Context
	id     string
	onBack func(message string)
	region ukcal.Region
	today  ukcal.Date

	f       app.ComplaintFile
	page    *fyne.Container
	message *widget.Label
	body    *fyne.Container
	actions *fyne.Container // the workflow buttons
	dialog  dialog.Dialog   // the dialog open now, if any (tests look at it)
	form    *complaintForm  // the details being corrected, while shown
	// printed are the letters printed for the complaint, newest first;
	// printedErr says why they could not be read.
	printed    []app.ComplaintLetterEntry
	printedErr error
	// lastLetter is the letter or copy made last, as offered to open or save.
	lastLetter *madePDF

	noteKind  *widget.Select
	noteText  *textBox
	noteDraft *formDraft // the note being typed, kept through a lock (draft_typing.go)
	// names are the staff's full names by user name, for the timeline.
	names map[string]string
}

func newComplaintFile(ctx *Context, id string, onBack func(string)) *complaintFile {
	cf := &complaintFile{ctx: ctx, id: id, onBack: onBack, today: ukcal.Today(wallClock())}
	if cs, err := ctx.Clinic.CalendarSettings(); err == nil {
		cf.region, _ = ukcal.ParseRegion(cs.Region)
	}
	return cf
}

func (cf *complaintFile) build() fyne.CanvasObject {
	cf.names = map[string]string{}
	if staff, err := cf.ctx.Clinic.StaffList(); err == nil {
		for _, u := range staff {
			cf.names[u.Username] = u.FullName
		}
	}
	cf.message = note()
	cf.actions = container.NewHBox()
	cf.body = container.NewStack()
	cf.page = container.NewPadded(container.NewBorder(nil, nil, nil, nil, cf.body))
	cf.reload()
	return cf.page
}

// who is a member of staff's full name, or the user name of someone who
// has left.
func (cf *complaintFile) who(username string) string {
	if name := cf.names[username]; name != "" {
		return name
	}
	return username
}

// say shows what just happened above the file.
func (cf *complaintFile) say(imp widget.Importance, text string) { say(cf.message, imp, text) }

// reload reads the complaint again and redraws the file.
func (cf *complaintFile) reload() {
	f, err := cf.ctx.Clinic.Complaint(cf.id)
	if err != nil {
		back := widget.NewButtonWithIcon("Back to the register", theme.NavigateBackIcon(), func() { cf.onBack("") })
		cf.body.Objects = []fyne.CanvasObject{container.NewVBox(wrapped("This complaint cannot be opened: "+plainError(err)), container.NewHBox(back))}
		cf.body.Refresh()
		return
	}
	cf.f = f
	cf.printed, cf.printedErr = cf.ctx.Clinic.ComplaintLetters(cf.id)
	back := widget.NewButtonWithIcon("Register", theme.NavigateBackIcon(), func() { cf.onBack("") })
	title := heading(fmt.Sprintf("%s · %s", f.Reference, f.ComplainantName))
	title.Truncation = fyne.TextTruncateEllipsis
	status := widget.NewLabelWithStyle(f.Status.Label(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	cf.fillActions()
	top := container.NewVBox(
		container.NewBorder(nil, nil, back, status, title),
		container.NewHBox(cf.actions),
		cf.message,
		widget.NewSeparator(),
	)
	left := container.NewVBox(cf.detailsCard())
	right := container.NewVBox(cf.deadlinesCard(), cf.timelineCard(), cf.lettersCard(), cf.notesCard())
	cf.body.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil,
		newFocusScroll(container.NewGridWithColumns(2, left, right)))}
	cf.body.Refresh()
}

// --- deadlines ---

// deadlinesCard shows each deadline as a date and in words.
func (cf *complaintFile) deadlinesCard() fyne.CanvasObject {
	r := cf.f.ComplaintRecord
	grid := container.New(layout.NewFormLayout())
	add := func(label, text string, imp widget.Importance) {
		l := wrapped(text)
		l.Importance = imp
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(l)
	}
	when := func(d ukcal.Date) (string, widget.Importance) {
		words := complaints.Describe(d, cf.today, r.Rules.Region()) // the complaint's nation's working days
		if d.Before(cf.today) {
			return words, widget.DangerImportance
		}
		return words, widget.MediumImportance
	}

	add("Procedure", r.Rules.Label(), widget.MediumImportance)
	add("Received", r.Received.LongWithDay()+", "+channelWords(r.Channel), widget.MediumImportance)
	awaiting := r.Status == complaints.Received || r.Status == complaints.Acknowledged || r.Status == complaints.Investigating
	if !r.Due.Stage1By.IsZero() {
		stage1 := fmt.Sprintf("%s — %d working days after receipt", r.Due.Stage1By.LongWithDay(), r.Rules.Stage1WorkingDays())
		switch {
		case r.Due.AtStage1() && awaiting:
			words, imp := when(r.Due.Stage1By)
			add("Stage 1 answer", stage1+": "+words+". If it needs investigating, record the day it went to stage 2 (Edit details).", imp)
		case r.Due.AtStage1():
			add("Stage 1 answer", stage1+".", widget.MediumImportance)
		default:
			add("Stage 1 answer", stage1+". Went to stage 2 on "+r.Due.Stage2.Short()+".", widget.MediumImportance)
		}
	}
	from := "receipt"
	if r.Due.Stage2.After(r.Received) {
		from = "stage 2 began"
	}
	ack := fmt.Sprintf("%s — %d working days after %s", r.Due.AcknowledgeBy.LongWithDay(), r.Rules.AcknowledgeWorkingDays(), from)
	switch {
	case r.Due.AtStage1():
	case !r.Acknowledged.IsZero():
		add("Acknowledge by", ack+". Acknowledged on "+r.Acknowledged.Short()+".", widget.SuccessImportance)
	case r.Status == complaints.Received:
		words, imp := when(r.Due.AcknowledgeBy)
		add("Acknowledge by", ack+": "+words+".", imp)
	default:
		add("Acknowledge by", ack+".", widget.MediumImportance)
	}
	switch {
	case r.Due.AtStage1():
	case r.Due.ResponseDue.IsZero():
		add("Response due", "Not agreed yet: acknowledging the complaint sets the period Settings offer.", widget.MediumImportance)
	case awaiting:
		words, imp := when(r.Due.ResponseDue)
		add("Response due", fmt.Sprintf("%s (%s): %s.", r.Due.ResponseDue.LongWithDay(), responsePeriodWords(r), words), imp)
	default:
		add("Response due", fmt.Sprintf("%s (%s). The response has been sent.", r.Due.ResponseDue.LongWithDay(), responsePeriodWords(r)), widget.MediumImportance)
	}
	six := r.Due.SixMonths.LongWithDay()
	switch {
	case r.Due.SixMonths.IsZero():
		// Not under England's NHS procedure: no six-month delay letter.
	case r.DelayLetterOwed:
		add("Six months", six+": passed with no response. A delay letter is owed.", widget.DangerImportance)
	case !r.DelayLetterSent.IsZero():
		add("Six months", six+". Delay letter sent on "+r.DelayLetterSent.Short()+".", widget.MediumImportance)
	case r.Due.ExtensionAgreed():
		add("Six months", six+". A later response date was agreed.", widget.MediumImportance)
	case awaiting:
		add("Six months", six+": a delay letter is owed if there is no response by then.", widget.MediumImportance)
	default:
		add("Six months", six+".", widget.LowImportance)
	}
	switch {
	case r.Due.TimeLimit.IsZero():
		add("Time limit", "Not known: record the date of the events.", widget.LowImportance)
	case r.Due.OutOfTime:
		add("Time limit", fmt.Sprintf("Received after the 12-month limit (%s). The manager decides whether to investigate: the regulations allow it when there was good reason for the delay.",
			r.Due.TimeLimit.LongWithDay()), widget.WarningImportance)
	default:
		add("Time limit", fmt.Sprintf("In time: the 12-month limit runs to %s.", r.Due.TimeLimit.LongWithDay()), widget.MediumImportance)
	}
	if !r.RetainUntil.IsZero() {
		add("Keep until", fmt.Sprintf("%s: 10 years from closure on %s. The manager then decides on disposal.", r.RetainUntil.Short(), r.ClosedOn.Short()), widget.MediumImportance)
	}
	if r.ResolvedNextDay {
		add("Return", "Oral complaint resolved by the next working day: left out of the KO41(b) return.", widget.LowImportance)
	}
	return widget.NewCard("Deadlines", "", grid)
}

// --- workflow ---

// responsePeriodWords says where the response date comes from: the period
// agreed, or the nation's own period when none longer was agreed.
func responsePeriodWords(r app.ComplaintRecord) string {
	n := r.Rules.FixedResponseWorkingDays()
	if n == 0 {
		return r.ResponsePeriod.String()
	}
	start := r.Received
	if !r.Due.Stage2.IsZero() {
		start = r.Due.Stage2
	}
	if r.Rules.Region().AddWorkingDays(start, n) == r.Due.ResponseDue {
		return fmt.Sprintf("%d working days, as the procedure in %s sets", n, r.Rules.Nation.Label())
	}
	return r.ResponsePeriod.String() + ", a later date agreed"
}

// reviewerName names who reviews a complaint next under its rule set.
func reviewerName(rules complaints.Rules) string {
	if !rules.NHS() {
		return "the clinic's independent adjudicator"
	}
	rv, _ := rules.Reviewer(complaints.NoAdjudicator)
	return rv.Name
}

// moveButtonText is what the button for a move says.
func moveButtonText(from, to complaints.Status) string {
	switch to {
	case complaints.Acknowledged:
		return "Acknowledge"
	case complaints.Investigating:
		return "Start investigating"
	case complaints.ResponseSent:
		return "Send final response…"
	case complaints.ReferredPHSO:
		return "Refer to the Ombudsman…"
	case complaints.Closed:
		if from == complaints.Received {
			return "Resolved by the next working day…"
		}
		return "Close…"
	}
	return to.Label()
}

// mayMove mirrors the app's rule for the buttons it shows: receptionists
// acknowledge and start the investigation, the rest is a manager's. The
// app checks again whatever is shown.
func mayMove(c *app.Clinic, to complaints.Status) bool {
	if to == complaints.Acknowledged || to == complaints.Investigating {
		return c.Can(app.PermLogComplaints)
	}
	return c.Can(app.PermDecideComplaints)
}

// fillActions puts the moves this user may make now as buttons.
func (cf *complaintFile) fillActions() {
	cf.actions.Objects = nil
	r := cf.f.ComplaintRecord
	for _, to := range r.Status.Next() {
		if !mayMove(cf.ctx.Clinic, to) {
			continue
		}
		if r.Status == complaints.Received && to == complaints.Closed && r.Channel != complaints.Oral {
			continue // only an oral complaint can be resolved on the spot
		}
		b := widget.NewButton(moveButtonText(r.Status, to), func() { cf.startMove(to) })
		if to == complaints.Acknowledged || to == complaints.Investigating || to == complaints.ResponseSent {
			b.Importance = widget.HighImportance
		}
		cf.actions.Add(b)
	}
	// Details taken down wrongly can be put right until the file is closed.
	if r.Status.Open() && cf.ctx.Clinic.Can(app.PermLogComplaints) {
		cf.actions.Add(widget.NewButtonWithIcon("Edit details…", theme.DocumentCreateIcon(), cf.editDetails))
	}
	cf.actions.Refresh()
}

// editDetails shows the complaint form, filled in, in the file's place;
// saving or cancelling comes back to the file.
func (cf *complaintFile) editDetails() {
	cf.form = newComplaintEditForm(cf.ctx, cf.f.ComplaintRecord, func(rec *app.ComplaintRecord) {
		cf.form = nil
		cf.reload()
		if rec != nil {
			cf.say(widget.SuccessImportance, rec.Reference+": the details are saved.")
		}
	})
	cf.body.Objects = []fyne.CanvasObject{cf.form.build()}
	cf.body.Refresh()
}

// startMove makes a simple move at once and asks for what the others need.
func (cf *complaintFile) startMove(to complaints.Status) {
	if to == complaints.Acknowledged || to == complaints.Investigating {
		cf.move(to, complaints.NoOutcome, "", "")
		return
	}
	cf.askMove(to)
}

// move asks the app to move the complaint and says what came of it.
func (cf *complaintFile) move(to complaints.Status, outcome complaints.Outcome, signedOffBy, noteText string) error {
	rec, err := cf.ctx.Clinic.MoveComplaint(cf.id, to, outcome, signedOffBy, noteText)
	if err != nil {
		cf.say(widget.DangerImportance, plainError(err))
		return err
	}
	cf.reload()
	cf.say(widget.SuccessImportance, moveDoneText(rec))
	return nil
}

// moveDoneText says what a move did and what comes next.
func moveDoneText(r app.ComplaintRecord) string {
	switch r.Status {
	case complaints.Acknowledged:
		return fmt.Sprintf("%s acknowledged. The full response is due by %s. Send the acknowledgement letter if it has not gone.", r.Reference, r.Due.ResponseDue.LongWithDay())
	case complaints.Investigating:
		return r.Reference + " is being investigated. Record notes and actions below as you go."
	case complaints.ResponseSent:
		return fmt.Sprintf("Final response recorded (%s, signed off by %s).", strings.ToLower(r.Outcome.Label()), r.SignedOffBy)
	case complaints.Closed:
		return fmt.Sprintf("%s closed. Keep the file until %s.", r.Reference, r.RetainUntil.Short())
	case complaints.ReferredPHSO:
		return r.Reference + " referred to the Ombudsman."
	}
	return r.Reference + " is now " + strings.ToLower(r.Status.Label()) + "."
}

// askMove asks for the outcome, the sign-off and a note before a
// manager's move.
func (cf *complaintFile) askMove(to complaints.Status) {
	r := cf.f.ComplaintRecord
	problem := errorText()
	var outcome *widget.Select
	var signed *textBox
	items := []*widget.FormItem{}
	if to == complaints.ResponseSent || to == complaints.Closed {
		var labels []string
		for _, o := range complaints.Outcomes() {
			labels = append(labels, o.Label())
		}
		outcome = widget.NewSelect(labels, nil)
		outcome.PlaceHolder = "Choose the outcome"
		if r.Outcome.Decided() {
			outcome.Selected = r.Outcome.Label()
		}
		items = append(items, widget.NewFormItem("Outcome", outcome))
	}
	if to == complaints.ResponseSent {
		signed = newTextBox()
		if s, ok := cf.ctx.Clinic.Session(); ok {
			signed.SetText(s.User.FullName)
		}
		items = append(items, widget.NewFormItem("Signed off by", signed))
	}
	noteEntry := newTextArea()
	noteEntry.SetMinRowsVisible(2)
	noteEntry.Wrapping = fyne.TextWrapWord
	items = append(items, widget.NewFormItem("Note", noteEntry))
	explain := map[complaints.Status]string{
		complaints.ResponseSent: "The final response goes out signed by the responsible person, with the Ombudsman paragraph. Record the outcome and who signed it.",
		complaints.Closed:       "Close the file once nothing more is to be done. It is then kept for 10 years.",
		complaints.ReferredPHSO: "The complainant has asked " + reviewerName(r.Rules) + " to review the complaint.",
	}[to]
	if r.Status == complaints.Received && to == complaints.Closed {
		explain = "An oral complaint resolved to the complainant's satisfaction by the end of the next working day after it was made need not follow the full procedure, and is left out of the KO41(b) return."
	}
	content := container.NewVBox(wrapped(explain), widget.NewForm(items...), problem)
	confirm := widget.NewButtonWithIcon(strings.TrimSuffix(moveButtonText(r.Status, to), "…"), theme.ConfirmIcon(), nil)
	confirm.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", nil)
	content.Add(container.NewHBox(layout.NewSpacer(), cancel, confirm))
	d := dialog.NewCustomWithoutButtons(r.Reference+": "+strings.ToLower(strings.TrimSuffix(moveButtonText(r.Status, to), "…")), content, cf.ctx.Window)
	cancel.OnTapped = d.Hide
	confirm.OnTapped = func() {
		var o complaints.Outcome
		if outcome != nil {
			for _, x := range complaints.Outcomes() {
				if x.Label() == outcome.Selected {
					o = x
				}
			}
		}
		name := ""
		if signed != nil {
			name = signed.Text
		}
		rec, err := cf.ctx.Clinic.MoveComplaint(cf.id, to, o, name, noteEntry.Text)
		if err != nil {
			problem.SetText(plainError(err))
			problem.Show()
			return
		}
		d.Hide()
		cf.dialog = nil
		cf.reload()
		cf.say(widget.SuccessImportance, moveDoneText(rec))
	}
	cf.dialog = d
	fitDialog(d, content, 560)
	d.Show()
}

// --- timeline ---

// timelineItem is one line of the timeline: a move or a letter.
type timelineItem struct {
	at   time.Time
	text string
}

// timelineCard lists each step and letter with who and when, oldest first.
func (cf *complaintFile) timelineCard() fyne.CanvasObject {
	var items []timelineItem
	for _, h := range cf.f.History {
		text := stepText(h) + " — " + cf.who(h.By)
		if h.Note != "" {
			text += "\n" + h.Note
		}
		items = append(items, timelineItem{h.At, text})
	}
	for _, n := range cf.f.Notes {
		if app.IsComplaintLetterNote(n) {
			items = append(items, timelineItem{n.At, n.Body + " — " + cf.who(n.By)})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].at.Before(items[j].at) })
	box := container.NewVBox()
	for _, it := range items {
		when := widget.NewLabelWithStyle(ukcal.WallDateTime(it.at), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		box.Add(container.NewBorder(nil, nil, when, nil, wrapped(it.text)))
	}
	return widget.NewCard("Timeline", "", box)
}

// stepText says what a step of the workflow was: "Response sent
// (outcome: upheld; signed off by Dana Okafor)".
func stepText(h app.ComplaintStep) string {
	if h.Logged {
		return "Logged as received"
	}
	text := h.To.Label()
	if h.From == complaints.Received && h.To == complaints.Closed {
		text += ": oral complaint resolved by the next working day"
	}
	var extra []string
	if h.Outcome.Decided() {
		extra = append(extra, "outcome: "+strings.ToLower(h.Outcome.Label()))
	}
	if h.SignedOffBy != "" {
		extra = append(extra, "signed off by "+h.SignedOffBy)
	}
	if len(extra) > 0 {
		text += " (" + strings.Join(extra, "; ") + ")"
	}
	return text
}

// --- letters ---

// lettersCard offers the letters this complaint is ready for, then lists
// those printed, each to print again.
func (cf *complaintFile) lettersCard() fyne.CanvasObject {
	box := container.NewVBox()
	if offered := cf.offeredLetters(); len(offered.Objects) > 0 {
		box.Add(offered)
		box.Add(lowNote("Each letter is made as a PDF to print or save, logged on the timeline and listed here to print again."))
	} else {
		box.Add(wrapped("No letter is due at this stage."))
	}
	box.Add(widget.NewSeparator())
	box.Add(cf.printedLetters())
	return widget.NewCard("Letters", "", box)
}

// offeredLetters are the buttons for the letters this complaint is ready
// for, and this user may write.
func (cf *complaintFile) offeredLetters() *fyne.Container {
	r := cf.f.ComplaintRecord
	c := cf.ctx.Clinic
	box := container.NewHBox()
	if c.Can(app.PermPrintLetters) {
		if r.Status == complaints.Received || r.Status == complaints.Acknowledged {
			box.Add(widget.NewButtonWithIcon("Acknowledgement letter", theme.MailComposeIcon(), func() { cf.askLetter(app.ComplaintAckTemplate) }))
		}
		responseLate := r.HasNext && r.Overdue && r.Next.Key != "acknowledge_by"
		if r.DelayLetterOwed || responseLate {
			b := widget.NewButtonWithIcon("Delay letter", theme.MailComposeIcon(), func() { cf.askLetter(app.ComplaintDelayTemplate) })
			b.Importance = widget.DangerImportance
			box.Add(b)
		}
		if c.Can(app.PermDecideComplaints) && r.Status != complaints.Received && r.Status != complaints.Acknowledged {
			box.Add(widget.NewButtonWithIcon("Final response", theme.MailComposeIcon(), func() { cf.askLetter(app.ComplaintFinalTemplate) }))
		}
	}
	return box
}

// --- notes ---

var complaintNoteKinds = []struct{ kind, label string }{
	{app.ComplaintNoteKind, "Note"},
	{app.ComplaintActionKind, "Action"},
	{app.ComplaintLearningKind, "Learning"},
}

func noteKindLabel(kind string) string {
	for _, k := range complaintNoteKinds {
		if k.kind == kind {
			return k.label
		}
	}
	return kind
}

// notesCard lists the notes, actions and learning, newest last, with a
// box to add one.
func (cf *complaintFile) notesCard() fyne.CanvasObject {
	box := container.NewVBox()
	for _, n := range cf.f.Notes {
		if app.IsComplaintLetterNote(n) {
			continue
		}
		head := widget.NewLabelWithStyle(fmt.Sprintf("%s · %s · %s", noteKindLabel(n.Kind), ukcal.WallDateTime(n.At), cf.who(n.By)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		box.Add(container.NewVBox(head, wrapped(n.Body)))
	}
	if len(box.Objects) == 0 {
		box.Add(lowNote("No notes yet. Record what was done, actions agreed and what the practice has learnt."))
	}
	if cf.ctx.Clinic.Can(app.PermLogComplaints) {
		var labels []string
		for _, k := range complaintNoteKinds {
			labels = append(labels, k.label)
		}
		cf.noteKind = widget.NewSelect(labels, nil)
		cf.noteKind.Selected = labels[0]
		cf.noteText = newTextArea()
		cf.noteText.SetMinRowsVisible(2)
		cf.noteText.Wrapping = fyne.TextWrapWord
		cf.noteText.SetPlaceHolder("Add a note, an action agreed or learning")
		cf.keepNoteTyping()
		add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), cf.addNote)
		box.Add(widget.NewSeparator())
		box.Add(container.NewBorder(nil, nil, sized(cf.noteKind, 120), add, cf.noteText))
	}
	return widget.NewCard("Notes, actions and learning", "", box)
}

// addNote saves the note typed.
func (cf *complaintFile) addNote() {
	kind := app.ComplaintNoteKind
	for _, k := range complaintNoteKinds {
		if k.label == cf.noteKind.Selected {
			kind = k.kind
		}
	}
	if _, err := cf.ctx.Clinic.AddComplaintNote(cf.id, kind, cf.noteText.Text); err != nil {
		cf.say(widget.DangerImportance, plainError(err))
		return
	}
	cf.noteDraft.done()
	cf.noteText.SetText("")
	cf.reload()
	cf.say(widget.SuccessImportance, noteKindLabel(kind)+" added.")
}

// keepNoteTyping keeps the note being typed through a lock, a change of
// screen or the file being read again, and puts back what was kept.
func (cf *complaintFile) keepNoteTyping() {
	first := cf.noteDraft == nil // the file has just opened: say so if the note came back
	ref := cf.f.Reference
	d := newFormDraft(cf.ctx, "complaint note "+cf.id, complaintsModuleID, func() string { return "a note on complaint " + ref })
	d.field("kind", func() string { return cf.noteKind.Selected }, cf.noteKind.SetSelected)
	cf.noteKind.OnChanged = func(string) { d.note() }
	d.entry("text", &cf.noteText.Entry)
	cf.noteDraft = d
	d.typed = "the note you were typing"
	if restored := d.begin(); restored != "" && first {
		cf.say(widget.WarningImportance, restored)
	}
}

// --- details ---

// detailsCard shows what was recorded when the complaint was logged.
func (cf *complaintFile) detailsCard() fyne.CanvasObject {
	r := cf.f.ComplaintRecord
	grid := container.New(layout.NewFormLayout())
	add := func(label, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(wrapped(text))
	}
	add("Complainant", r.ComplainantName+" ("+strings.ToLower(r.Complainant.Label())+")")
	if r.Complainant == complaints.ComplainantOnBehalf {
		consent := "Not recorded yet"
		switch r.Consent {
		case app.ConsentGiven:
			consent = "Given on " + r.ConsentDate.Short()
		case app.ConsentRefused:
			consent = "Refused on " + r.ConsentDate.Short()
		}
		if r.ConsentNote != "" {
			consent += ": " + r.ConsentNote
		}
		add("Patient's consent", consent)
	}
	var contact []string
	if a := strings.Join(strings.Fields(strings.ReplaceAll(r.ComplainantAddress, "\n", ", ")), " "); a != "" {
		contact = append(contact, a)
	}
	if r.ComplainantPhone != "" {
		contact = append(contact, nhs.FormatPhone(r.ComplainantPhone))
	}
	if r.ComplainantEmail != "" {
		contact = append(contact, r.ComplainantEmail)
	}
	add("Contact", strings.Join(contact, "\n"))
	if r.PatientName != "" {
		grid.Add(widget.NewLabelWithStyle("Patient", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		name := wrapped(r.PatientName)
		if cf.ctx.Clinic.Can(app.PermViewPatients) {
			open := widget.NewButtonWithIcon("Open record", theme.AccountIcon(), func() { openPatientRecord(cf.ctx, r.PatientID) })
			open.Importance = widget.LowImportance
			grid.Add(container.NewBorder(nil, nil, nil, open, name))
		} else {
			grid.Add(name)
		}
	}
	if n := len(r.AppointmentIDs); n > 0 {
		add("Appointments", plural(int64(n), "appointment linked", "appointments linked"))
	}
	if !r.Events.IsZero() {
		add("Events", r.Events.LongWithDay())
	}
	if !r.Aware.IsZero() {
		add("Became aware", r.Aware.LongWithDay())
	}
	add("Subject areas", subjectsText(r.Subjects))
	var groups []string
	for _, g := range r.StaffGroups {
		groups = append(groups, g.Label())
	}
	add("Staff groups", strings.Join(groups, ", "))
	add("Description", r.Description)
	add("Desired outcome", r.DesiredOutcome)
	add("Owner", r.OwnerName)
	if r.Outcome.Decided() {
		add("Outcome", r.Outcome.Label())
	}
	add("Signed off by", r.SignedOffBy)
	add("Learning", r.Learning)
	add("Logged", fmt.Sprintf("%s by %s", ukcal.WallDateTime(r.CreatedAt), cf.who(r.CreatedBy)))
	return widget.NewCard("Details", "", grid)
}

// channelWords says how a complaint was made: "by phone or in person".
func channelWords(ch complaints.Channel) string {
	switch ch {
	case complaints.Oral:
		return "by phone or in person"
	case complaints.Written:
		return "in writing"
	case complaints.Email:
		return "by email"
	}
	return ch.Label()
}

// lowNote is a quiet line of guidance.
func lowNote(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.LowImportance
	return l
}

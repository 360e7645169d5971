package screens

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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

	f       app.ComplaintFile
	seq     int    // the newest read asked for (reload)
	onShown func() // run once the file is next drawn (the typing brought back after a lock)
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
	return &complaintFile{ctx: ctx, id: id, onBack: onBack}
}

func (cf *complaintFile) build() fyne.CanvasObject {
	cf.names = map[string]string{}
	// The staff are a few rows: read on the UI goroutine as the file is
	// built. Without them the timeline names staff by user name.
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

// complaintRead is what the file shows, read off the UI goroutine.
type complaintRead struct {
	f          app.ComplaintFile
	printed    []app.ComplaintLetterEntry
	printedErr error // the file still shows without its printed letters
}

// reload reads the complaint again, with its timeline and letters, off
// the UI goroutine, and redraws the file; an answer older than the last
// asked for is dropped.
func (cf *complaintFile) reload() {
	cf.seq++
	seq := cf.seq
	c, id := cf.ctx.Clinic, cf.id
	offUI(cf.ctx, func() (complaintRead, error) {
		f, err := c.Complaint(id)
		if err != nil {
			return complaintRead{}, err
		}
		r := complaintRead{f: f}
		r.printed, r.printedErr = c.ComplaintLetters(id)
		return r, nil
	}, func(r complaintRead, err error) {
		if seq == cf.seq {
			cf.show(r, err)
		}
	})
}

// show draws the file as read, or why it cannot be opened.
func (cf *complaintFile) show(r complaintRead, err error) {
	if err != nil {
		back := widget.NewButtonWithIcon("Back to the register", theme.NavigateBackIcon(), func() { cf.onBack("") })
		cf.body.Objects = []fyne.CanvasObject{container.NewVBox(wrapped("This complaint cannot be opened: "+plainError(err)), container.NewHBox(back))}
		cf.body.Refresh()
		return
	}
	f := r.f
	cf.f = f
	cf.printed, cf.printedErr = r.printed, r.printedErr
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
	if then := cf.onShown; then != nil {
		cf.onShown = nil
		then()
	}
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
	box := container.NewHBox()
	for _, template := range cf.ctx.Clinic.ComplaintLettersOffered(cf.f.ComplaintRecord) {
		switch template {
		case app.ComplaintAckTemplate:
			box.Add(widget.NewButtonWithIcon("Acknowledgement letter", theme.MailComposeIcon(), func() { cf.askLetter(template) }))
		case app.ComplaintDelayTemplate:
			b := widget.NewButtonWithIcon("Delay letter", theme.MailComposeIcon(), func() { cf.askLetter(template) })
			b.Importance = widget.DangerImportance
			box.Add(b)
		case app.ComplaintFinalTemplate:
			box.Add(widget.NewButtonWithIcon("Final response", theme.MailComposeIcon(), func() { cf.askLetter(template) }))
		}
	}
	return box
}

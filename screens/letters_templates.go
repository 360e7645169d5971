package screens

import (
	"errors"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsTabLetters is the Letters tab of Settings.
const settingsTabLetters = "Letters"

// examplePatient is the preview choice that uses the made-up example;
// exampleChild the made-up five-year-old, whose letters go to her parent.
const (
	examplePatient = "Example patient (made up)"
	exampleChild   = "Example child, 5 (made up)"
)

// lettersTab is Settings → Letters: printing a day's letters, slips and
// day lists for everyone who prints; and, for a manager, the template
// editor with its field picker, preview and line-numbered checks.
type lettersTab struct {
	ctx      *Context
	editable bool

	templates []letters.ClinicTemplate
	current   int
	list      *widget.List

	title, subject, body *widget.Entry
	picker               *widget.Select
	fields               []letters.FieldInfo
	previewFor           *widget.Select
	previewIDs           []string // patient ids behind previewFor's options; "" is the example
	search               *widget.Entry
	problem              *widget.Label
	status               *widget.Label
	preview              *widget.RichText
	previewPDF           []byte
	saveButton           *widget.Button
	resetButton          *widget.Button

	day *widget.Entry
	// window is the envelope window setting, for a manager only.
	window *letterWindowCard
}

func newLettersTab(ctx *Context) *lettersTab {
	return &lettersTab{ctx: ctx, editable: ctx.Clinic.Can(app.PermEditTemplates), current: -1}
}

func (t *lettersTab) build() fyne.CanvasObject {
	t.day = widget.NewEntry()
	t.day.SetText(ukcal.Today(wallClock()).AddDays(1).Short())
	dayCard := widget.NewCard("Print for a day", "",
		container.NewVBox(
			widget.NewForm(widget.NewFormItem("Day (dd/mm/yyyy)", t.day)),
			container.NewHBox(
				widget.NewButtonWithIcon("Reminder letters…", theme.MailSendIcon(), t.reminders),
				widget.NewButtonWithIcon("Appointment slips", theme.DocumentPrintIcon(), func() { t.forDay(printDaySlips) }),
				widget.NewButtonWithIcon("Print day lists", theme.ListIcon(), func() { t.forDay(printDayLists) }))))
	cards := container.NewVBox(dayCard)
	// The window is the clinic's stationery, so it is a manager's to set.
	if t.ctx.Clinic.Can(app.PermEditClinic) {
		t.window = newLetterWindowCard(t.ctx)
		cards.Add(t.window.build())
	}
	if !t.editable {
		return newFocusScroll(container.NewPadded(limitWidth(cards, 760)))
	}
	cards.Add(t.buildEditor())
	return newFocusScroll(container.NewPadded(cards))
}

// chosenDay reads the day entry, saying so when it is not a date.
func (t *lettersTab) chosenDay() (ukcal.Date, bool) {
	d, err := parseUKDate(t.day.Text)
	if err != nil {
		t.ctx.ShowError(errors.New("write the day as dd/mm/yyyy, e.g. 24/11/2026"))
		return ukcal.Date{}, false
	}
	return d, true
}

func (t *lettersTab) reminders() {
	if day, ok := t.chosenDay(); ok {
		openReminderBatch(t.ctx, day)
	}
}

func (t *lettersTab) forDay(print func(*Context, ukcal.Date)) {
	if day, ok := t.chosenDay(); ok {
		print(t.ctx, day)
	}
}

func (t *lettersTab) buildEditor() fyne.CanvasObject {
	var err error
	// The templates are a dozen rows: read on the UI goroutine.
	if t.templates, err = t.ctx.Clinic.LetterTemplates(); err != nil {
		return wrapped("The letter templates could not be read: " + plainError(err))
	}
	t.list = widget.NewList(func() int { return len(t.templates) },
		func() fyne.CanvasObject { return widget.NewLabel("Appointment confirmation (edited)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			text := t.templates[i].Title
			if t.templates[i].Edited {
				text += " (edited)"
			}
			o.(*widget.Label).SetText(text)
		})
	t.list.OnSelected = t.selectTemplate
	t.title = widget.NewEntry()
	t.subject = widget.NewEntry()
	t.body = widget.NewMultiLineEntry()
	t.body.SetMinRowsVisible(14)
	t.body.Wrapping = fyne.TextWrapWord
	t.fields = letters.FieldCatalogue()
	var names []string
	for _, f := range t.fields {
		names = append(names, f.Group+" › "+f.Name+" — "+f.Description)
	}
	t.picker = widget.NewSelect(names, t.insertField)
	t.picker.PlaceHolder = "Insert a field at the cursor…"
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder("Find a patient to preview with")
	t.search.OnSubmitted = func(string) { t.findPreviewPatients() }
	t.previewFor = widget.NewSelect([]string{examplePatient, exampleChild}, nil)
	t.previewIDs = []string{"", app.ExampleChild}
	t.previewFor.SetSelectedIndex(0)
	t.problem = errorText()
	t.status = note()
	t.preview = widget.NewRichText()
	t.preview.Wrapping = fyne.TextWrapWord
	t.saveButton = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), t.save)
	t.saveButton.Importance = widget.HighImportance
	t.resetButton = widget.NewButtonWithIcon("Back to the standard wording", theme.ContentUndoIcon(), t.reset)
	previewButton := widget.NewButtonWithIcon("Check and preview", theme.VisibilityIcon(), t.showPreview)
	openButton := widget.NewButtonWithIcon("Open PDF preview", theme.DocumentPrintIcon(), t.openPreview)

	editor := container.NewVBox(
		widget.NewForm(widget.NewFormItem("Title", t.title), widget.NewFormItem("Subject", t.subject)),
		t.picker, t.body, t.problem,
		container.NewHBox(t.saveButton, t.resetButton), t.status,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, t.previewFor, t.search),
		container.NewHBox(previewButton, openButton),
		t.preview)
	split := container.NewHSplit(t.list, editor)
	split.SetOffset(0.25)
	if len(t.templates) > 0 {
		t.list.Select(0)
	}
	// The explanation wraps with the window: as the card's subtitle it was
	// one line 1,900 pixels long, and it made the whole window that wide.
	how := wrapped("Fields in {{double braces}} are filled in from the records; {{#if field}}…{{/if}} keeps a part only when the field is not blank; " +
		"a line that starts with > and a space is set off, indented: text typed by staff, such as a reason, goes there, after a sentence that introduces it; " +
		"a line that starts with # and a space is a heading, printed in bold.")
	return widget.NewCard("Letter templates", "", container.NewBorder(how, nil, nil, nil, split))
}

// selectTemplate loads a template into the editor.
func (t *lettersTab) selectTemplate(i widget.ListItemID) {
	t.current = i
	lt := t.templates[i]
	t.title.SetText(lt.Title)
	t.subject.SetText(lt.Subject)
	t.body.SetText(lt.Body)
	setMessage(t.problem, "")
	say(t.status, widget.MediumImportance, "")
}

// insertField puts the chosen field's tag at the body's cursor.
func (t *lettersTab) insertField(choice string) {
	i := t.picker.SelectedIndex()
	if i < 0 {
		return
	}
	insertAtCursor(t.body, t.fields[i].Tag())
	t.picker.ClearSelected()
	t.ctx.Window.Canvas().Focus(t.body)
}

// insertAtCursor splices text into e where its cursor is.
func insertAtCursor(e *widget.Entry, text string) {
	lines := strings.Split(e.Text, "\n")
	row := min(max(e.CursorRow, 0), len(lines)-1)
	line := []rune(lines[row])
	col := min(max(e.CursorColumn, 0), len(line))
	lines[row] = string(line[:col]) + text + string(line[col:])
	e.SetText(strings.Join(lines, "\n"))
	e.CursorRow, e.CursorColumn = row, col+len([]rune(text))
	e.Refresh()
}

// save stores the edit, or names each line that is wrong and saves nothing.
func (t *lettersTab) save() {
	if t.current < 0 {
		return
	}
	lt, err := t.ctx.Clinic.SaveLetterTemplate(t.templates[t.current].Name, t.title.Text, t.subject.Text, t.body.Text)
	if err != nil {
		setMessage(t.problem, templateProblem(err))
		return
	}
	setMessage(t.problem, "")
	t.templates[t.current] = lt
	t.list.RefreshItem(t.current)
	say(t.status, widget.SuccessImportance, "Saved. Letters made from now on use this wording.")
}

// reset brings back the standard wording.
func (t *lettersTab) reset() {
	if t.current < 0 {
		return
	}
	lt, err := t.ctx.Clinic.ResetLetterTemplate(t.templates[t.current].Name)
	if err != nil {
		t.ctx.ShowError(err)
		return
	}
	t.templates[t.current] = lt
	t.list.RefreshItem(t.current)
	t.selectTemplate(t.current)
	say(t.status, widget.SuccessImportance, "The standard wording is back.")
}

// templateProblem is every line's problem, one a line.
func templateProblem(err error) string {
	var errs letters.TemplateErrors
	if errors.As(err, &errs) {
		return "Not saved. Please correct:\n" + errs.Error()
	}
	return plainError(err)
}

// findPreviewPatients offers the patients matching the search.
func (t *lettersTab) findPreviewPatients() {
	c, text := t.ctx.Clinic, t.search.Text
	offUI(t.ctx, func() ([]patients.PatientSummary, error) { return c.SearchPatients(text, false, 10) }, func(found []patients.PatientSummary, err error) {
		if err != nil {
			t.ctx.ShowError(err)
			return
		}
		options, ids := []string{examplePatient, exampleChild}, []string{"", app.ExampleChild}
		for _, p := range found {
			options, ids = append(options, fullName(p)+", born "+p.DOB.Short()), append(ids, p.ID)
		}
		t.previewFor.SetOptions(options)
		t.previewIDs = ids
		// The first patient found, or the example when none was.
		if len(options) > 2 {
			t.previewFor.SetSelectedIndex(2)
		} else {
			t.previewFor.SetSelectedIndex(0)
		}
	})
}

// makePreview fills the edited (unsaved) template in, off the UI
// goroutine (it lays out the whole letter), and hands it to done.
func (t *lettersTab) makePreview(done func(app.LetterPreview)) {
	if t.current < 0 {
		return
	}
	patientID := ""
	if i := t.previewFor.SelectedIndex(); i > 0 {
		patientID = t.previewIDs[i]
	}
	c, name, to, subject, body := t.ctx.Clinic, t.templates[t.current].Name, t.templates[t.current].AddressedTo, t.subject.Text, t.body.Text
	offUI(t.ctx, func() (app.LetterPreview, error) {
		return c.PreviewNamedLetterTemplate(name, to, subject, body, patientID)
	},
		func(p app.LetterPreview, err error) {
			if err != nil {
				setMessage(t.problem, templateProblem(err))
				return
			}
			setMessage(t.problem, "")
			done(p)
		})
}

// showPreview shows the letter's words as they will print.
func (t *lettersTab) showPreview() { t.makePreview(t.fillPreview) }

func (t *lettersTab) fillPreview(p app.LetterPreview) {
	t.previewPDF = p.PDF
	// Segments, not markdown: a name with an asterisk must print as typed.
	segs := []widget.RichTextSegment{
		// Bold on a line of its own: the strong style runs into the next.
		&widget.TextSegment{Text: p.Subject, Style: previewSubjectStyle},
		&widget.TextSegment{Text: p.Salutation, Style: widget.RichTextStyleParagraph},
	}
	for _, para := range p.Paragraphs {
		segs = append(segs, previewParagraph(para)...)
	}
	for _, w := range p.Warnings {
		segs = append(segs, &widget.TextSegment{Text: "Check: " + w, Style: widget.RichTextStyleEmphasis})
	}
	t.preview.Segments = segs
	t.preview.Refresh()
}

// The preview's own styles: each a block of its own.
var (
	previewSubjectStyle = widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText,
		TextStyle: fyne.TextStyle{Bold: true}}
	previewSetOffStyle = widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText,
		TextStyle: fyne.TextStyle{Italic: true}}
)

// previewSetOffIndent stands for the letter's indent: a RichText segment
// has no indent of its own.
const previewSetOffIndent = "        "

// previewParagraph shows a paragraph as the letter prints it: its set-off
// lines (text typed by staff, "> " in the template) as an indented quote
// without the mark, its headings ("# ") in bold, the rest as written.
func previewParagraph(para string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	var run []string
	quoted := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		style := widget.RichTextStyleParagraph
		if quoted {
			// Indented, as the letter prints it; Fyne's blockquote style
			// is inline and would run into the next paragraph.
			style = previewSetOffStyle
			for i := range run {
				run[i] = previewSetOffIndent + run[i]
			}
		}
		segs = append(segs, &widget.TextSegment{Text: strings.Join(run, "\n"), Style: style})
		run = nil
	}
	for _, line := range strings.Split(para, "\n") {
		if h, isHeading := strings.CutPrefix(strings.TrimLeft(line, " "), letters.HeadingMark); isHeading {
			// Bold, a block of its own, as the letter prints it.
			flush()
			segs = append(segs, &widget.TextSegment{Text: strings.TrimSpace(h), Style: previewSubjectStyle})
			continue
		}
		text, isQuote := strings.CutPrefix(strings.TrimLeft(line, " "), strings.TrimSpace(letters.SetOffMark))
		if isQuote != quoted {
			flush()
			quoted = isQuote
		}
		if isQuote {
			line = strings.TrimSpace(text)
		}
		run = append(run, line)
	}
	flush()
	return segs
}

// openPreview opens the preview PDF in the system viewer.
func (t *lettersTab) openPreview() {
	t.makePreview(func(p app.LetterPreview) {
		openToPrint(t.ctx, "Preview.pdf", p.PDF, func(err error) {
			if err != nil {
				t.ctx.ShowError(err)
			}
		})
	})
}

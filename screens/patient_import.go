package screens

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patientcsv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// notInFile is the choice for a patient field the spreadsheet has no
// column for.
const notInFile = "(not in this file)"

// importProgressOnUI updates the progress bar from the import's own
// goroutine. Tests replace it: they look at the report, not the bar.
var importProgressOnUI = fyne.Do

// patientImport is the import wizard, shown in place of the patient list:
// the file → which column holds what → a dry run and its report → the
// import itself.
type patientImport struct {
	screen *patientsScreen
	ctx    *Context
	name   string // the file's name, as shown

	body *fyne.Container // the step shown now
	page fyne.CanvasObject

	table   *patientcsv.Table
	options []string       // the Select choices: notInFile, then one per column
	column  map[string]int // choice -> column index
	selects map[string]*widget.Select

	ignored     *widget.Label
	mapProblem  *widget.Label
	checkButton *widget.Button

	rows   []app.ImportRow
	report app.ImportReport
	lines  []reportLine // the report's problems and warnings, as listed

	importAll  *widget.Button
	importGood *widget.Button
}

// reportLine is one line of the report's list.
type reportLine struct {
	text string
	imp  widget.Importance
}

// chooseImportFile asks for the spreadsheet to import.
func (s *patientsScreen) chooseImportFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.ctx.ShowError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		s.importFrom(r.URI().Name(), func() (io.ReadCloser, error) { return r, nil })
	}, s.ctx.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV"}))
	d.SetTitleText("Choose the spreadsheet to import (saved as CSV)")
	showFileDialog(d, s.ctx.Window)
}

// importFile starts the wizard on the file at path.
func (s *patientsScreen) importFile(path string) *patientImport {
	return s.importFrom(filepath.Base(path), func() (io.ReadCloser, error) { return os.Open(path) })
}

// importFrom reads the file off the UI goroutine and shows the columns
// step.
func (s *patientsScreen) importFrom(name string, open func() (io.ReadCloser, error)) *patientImport {
	say(s.message, widget.MediumImportance, "")
	s.record, s.form = nil, nil
	imp := &patientImport{screen: s, ctx: s.ctx, name: name}
	imp.body = container.NewStack()
	imp.page = container.NewPadded(imp.body)
	imp.step(heading("Import patients from a spreadsheet"), wrapped("Reading "+name+"…"))
	s.importing = imp
	s.show(imp.page)
	offUI(s.ctx, func() (*patientcsv.Table, error) {
		rc, err := open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return patientcsv.Read(rc)
	}, func(t *patientcsv.Table, err error) {
		if !imp.current() {
			return
		}
		if err != nil {
			imp.showFailure("The file "+name+" could not be read: "+plainError(err), false)
			return
		}
		imp.table = t
		imp.buildMapping()
		imp.showMapping()
	})
	return imp
}

// current reports whether the wizard is still on screen.
func (imp *patientImport) current() bool {
	return imp.screen.importing == imp && imp.screen.page == imp.page
}

// step shows a step: top, then a scrolling middle, then the buttons.
func (imp *patientImport) step(parts ...fyne.CanvasObject) {
	imp.body.Objects = []fyne.CanvasObject{container.NewVBox(parts...)}
	imp.body.Refresh()
}

func (imp *patientImport) stepWithMiddle(top, middle, bottom fyne.CanvasObject) {
	imp.body.Objects = []fyne.CanvasObject{container.NewBorder(top, bottom, nil, nil, middle)}
	imp.body.Refresh()
}

// cancel leaves the wizard for the list; nothing has been imported.
func (imp *patientImport) cancel() {
	imp.screen.importing = nil
	imp.screen.backToSearch("")
}

func (imp *patientImport) cancelButton() *widget.Button {
	return widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), imp.cancel)
}

// showFailure says what went wrong, with a way back.
func (imp *patientImport) showFailure(text string, backToColumns bool) {
	msg := errorText()
	setMessage(msg, text)
	buttons := []fyne.CanvasObject{imp.cancelButton()}
	if backToColumns {
		buttons = append(buttons, widget.NewButtonWithIcon("Back to the columns", theme.NavigateBackIcon(), imp.showMapping))
	} else {
		buttons = append(buttons, widget.NewButtonWithIcon("Choose another file…", theme.FolderOpenIcon(), imp.screen.chooseImportFile))
	}
	imp.step(heading("Import patients from a spreadsheet"), msg, container.NewHBox(buttons...))
}

// buildMapping makes one Select per patient field, filled in from the
// column headings.
func (imp *patientImport) buildMapping() {
	headers := imp.table.Headers
	imp.options = []string{notInFile}
	imp.column = map[string]int{}
	seen := map[string]bool{}
	for i, h := range headers {
		label := strings.TrimSpace(h)
		if label == "" || seen[label] || label == notInFile {
			label = fmt.Sprintf("column %d", i+1)
			if h := strings.TrimSpace(h); h != "" {
				label += " (" + h + ")"
			}
		}
		seen[label] = true
		imp.options = append(imp.options, label)
		imp.column[label] = i
	}
	auto := patientcsv.AutoMap(headers)
	imp.selects = map[string]*widget.Select{}
	for _, f := range patientcsv.Fields() {
		sel := widget.NewSelect(imp.options, func(string) { imp.mappingChanged() })
		choice := notInFile
		if col, ok := auto[f.Key]; ok && col >= 0 && col < len(headers) {
			choice = imp.options[col+1]
		}
		sel.Selected = choice
		imp.selects[f.Key] = sel
	}
	imp.ignored = wrapped("")
	imp.mapProblem = errorText()
	imp.checkButton = widget.NewButtonWithIcon("Check the file", theme.ConfirmIcon(), imp.check)
	imp.checkButton.Importance = widget.HighImportance
}

// mapping is the columns as chosen now.
func (imp *patientImport) mapping() patientcsv.Mapping {
	m := patientcsv.Mapping{}
	for key, sel := range imp.selects {
		if col, ok := imp.column[sel.Selected]; ok {
			m[key] = col
		}
	}
	return m
}

// mappingChanged says which columns are left out and whether the
// choice can be used.
func (imp *patientImport) mappingChanged() {
	m := imp.mapping()
	headers := imp.table.Headers
	var names []string
	for _, c := range m.Unmapped(headers) {
		names = append(names, c.String())
	}
	if len(names) == 0 {
		imp.ignored.SetText("Every column of the file is used.")
	} else {
		imp.ignored.SetText("These columns will be ignored: " + strings.Join(names, ", ") + ".")
	}
	if err := m.Validate(headers); err != nil {
		setMessage(imp.mapProblem, plainError(err))
		imp.checkButton.Disable()
	} else {
		setMessage(imp.mapProblem, "")
		imp.checkButton.Enable()
	}
}

// showMapping is the columns step.
func (imp *patientImport) showMapping() {
	grid := container.New(layout.NewFormLayout())
	for _, f := range patientcsv.Fields() {
		label := f.Label
		if f.Required {
			label += " (required)"
		}
		l := widget.NewLabel(label)
		if f.Required {
			l.TextStyle = fyne.TextStyle{Bold: true}
		}
		grid.Add(l)
		grid.Add(imp.selects[f.Key])
	}
	imp.mappingChanged()
	rows := len(imp.table.Records)
	top := container.NewVBox(
		heading("Import patients from a spreadsheet: which column holds what"),
		wrapped(fmt.Sprintf("%s has %s and %s. ClinicDesk has matched the column headings it recognises; "+
			"check each patient detail below and change any that are wrong. Fields marked “required” must come from the file. "+
			"Nothing is added until the file has been checked.",
			imp.name, plural(int64(len(imp.table.Headers)), "column", "columns"), plural(int64(rows), "row", "rows"))),
	)
	bottom := container.NewVBox(imp.ignored, imp.mapProblem,
		container.NewHBox(imp.cancelButton(), layout.NewSpacer(), imp.checkButton))
	imp.stepWithMiddle(top, container.NewVScroll(limitWidth(grid, 720)), bottom)
}

// progressStep shows a progress bar while rows are checked or added, and
// returns the callback that moves it.
func (imp *patientImport) progressStep(title, text string) func(done, total int) {
	bar := widget.NewProgressBar()
	bar.Max = float64(max(len(imp.rows), 1))
	imp.step(heading(title), wrapped(text), bar)
	return func(done, total int) {
		importProgressOnUI(func() {
			if total > 0 {
				bar.Max = float64(total)
			}
			bar.SetValue(float64(done))
		})
	}
}

// check runs a dry run off the UI goroutine and shows its report.
func (imp *patientImport) check() {
	m := imp.mapping()
	if err := m.Validate(imp.table.Headers); err != nil {
		setMessage(imp.mapProblem, plainError(err))
		return
	}
	imp.rows = app.ImportRowsFromCSV(m.Rows(imp.table))
	rows := imp.rows
	progress := imp.progressStep("Checking the file",
		fmt.Sprintf("Checking %s: dates, NHS numbers, postcodes, phone numbers and possible duplicates. Nothing is added yet.", plural(int64(len(rows)), "row", "rows")))
	c := imp.ctx.Clinic
	offUI(imp.ctx, func() (app.ImportReport, error) {
		r, err := c.ImportPatients(rows, app.ImportOptions{DryRun: true, Progress: progress})
		if errors.Is(err, app.ErrImportRejected) {
			err = nil // the report lists the rows with problems
		}
		return r, err
	}, func(r app.ImportReport, err error) {
		if !imp.current() {
			return
		}
		if err != nil {
			imp.showFailure("The file could not be checked: "+plainError(err), true)
			return
		}
		imp.report = r
		imp.showReport()
	})
}

// good is how many rows the dry run found nothing wrong with.
func (imp *patientImport) good() int { return imp.report.Rows - len(imp.report.Problems) }

// showReport is the dry run's report, with the ways on.
func (imp *patientImport) showReport() {
	r := imp.report
	good := imp.good()
	imp.lines = nil
	for _, p := range r.Problems {
		imp.lines = append(imp.lines, reportLine{p.String(), widget.DangerImportance})
	}
	for _, w := range r.Warnings {
		imp.lines = append(imp.lines, reportLine{w.String() + " (it will still be imported)", widget.WarningImportance})
	}

	summary := fmt.Sprintf("%s checked: %d ready to import, %d with problems, %s.", plural(int64(r.Rows), "row", "rows"),
		good, len(r.Problems), plural(int64(len(r.Warnings)), "possible duplicate to look at", "possible duplicates to look at"))
	var advice string
	switch {
	case r.Rows == 0:
		advice = "The file has no patient rows under its headings."
	case len(r.Problems) == 0:
		advice = "Every row can be imported."
	case good == 0:
		advice = "No row can be imported as it is. Fix the lines listed in the spreadsheet, save it as CSV and import it again, or go back and check the columns."
	default:
		advice = "Fix the lines listed in the spreadsheet and import it again, or import the good rows now and add the others by hand."
	}

	// A line with several problems wraps: each row is made as tall as its
	// text at the list's width, or the text would run into the next row.
	var list *widget.List
	heights := map[widget.ListItemID]float32{}
	list = widget.NewList(func() int { return len(imp.lines) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Wrapping = fyne.TextWrapWord; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = imp.lines[i].imp
			l.SetText(imp.lines[i].text)
			width := list.Size().Width - 2*theme.Padding()
			if width <= 0 {
				return
			}
			l.Resize(fyne.NewSize(width, l.MinSize().Height))
			if h := l.MinSize().Height; h != heights[i] {
				heights[i] = h
				list.SetItemHeight(i, h)
			}
		})
	var middle fyne.CanvasObject = list
	if len(imp.lines) == 0 {
		middle = wrapped("No problems found.")
	}

	imp.importAll = widget.NewButtonWithIcon(fmt.Sprintf("Import all %d patients", good), theme.ConfirmIcon(), func() { imp.run(false) })
	imp.importAll.Importance = widget.HighImportance
	imp.importGood = widget.NewButtonWithIcon(fmt.Sprintf("Import the %d good rows and skip the rest", good), theme.ConfirmIcon(), func() { imp.run(true) })
	if len(r.Problems) > 0 || good == 0 {
		imp.importAll.Hide()
	}
	if len(r.Problems) == 0 || good == 0 {
		imp.importGood.Hide()
	}
	back := widget.NewButtonWithIcon("Back to the columns", theme.NavigateBackIcon(), imp.showMapping)
	top := container.NewVBox(heading("Import patients: the check"), wrapped(imp.name), wrapped(summary), wrapped(advice))
	bottom := container.NewHBox(imp.cancelButton(), back, layout.NewSpacer(), imp.importGood, imp.importAll)
	imp.stepWithMiddle(top, middle, bottom)
}

// run imports for real, off the UI goroutine, then goes back to the list.
func (imp *patientImport) run(skipInvalid bool) {
	rows := imp.rows
	n := imp.good()
	progress := imp.progressStep("Importing patients", fmt.Sprintf("Adding %s to the clinic file…", plural(int64(n), "patient", "patients")))
	c := imp.ctx.Clinic
	s := imp.screen
	offUI(imp.ctx, func() (app.ImportReport, error) {
		return c.ImportPatients(rows, app.ImportOptions{SkipInvalid: skipInvalid, Progress: progress})
	}, func(r app.ImportReport, err error) {
		if err != nil {
			if imp.current() {
				imp.showFailure("Nothing was imported: "+plainError(err), true)
			} else {
				s.ctx.ShowError(err)
			}
			return
		}
		msg := fmt.Sprintf("Imported %s from %s.", plural(int64(r.Imported), "patient", "patients"), imp.name)
		if r.Skipped > 0 {
			msg += " " + plural(int64(r.Skipped), "row with problems was skipped", "rows with problems were skipped") +
				": add them by hand or import a corrected file."
		}
		if s.importing == imp {
			s.importing = nil
		}
		if s.page == imp.page {
			s.backToSearch(msg)
			return
		}
		say(s.message, widget.SuccessImportance, msg)
		if s.page == s.searchPage {
			s.runSearch()
		}
	})
}

package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// patientPage is one answer to a search or a page of the list.
type patientPage struct {
	patients []patients.PatientSummary
	more     bool
	total    int // every record in the clinic, archived included (list only; -1 when not counted)
	listed   int // how many the list holds in all: active, or archived (list only)
}

// runSearch searches for what is in the box off the UI goroutine. Each
// keystroke starts one; an answer that comes back after a newer search
// started is dropped, so typing is never held up and never shows stale
// results.
func (s *patientsScreen) runSearch() {
	s.seq++
	seq := s.seq
	text := strings.TrimSpace(s.search.Text)
	archived := s.archived.Checked
	limit := s.limit
	c := s.ctx.Clinic
	offUI(s.ctx, func() (patientPage, error) {
		return loadPatients(c, text, archived, "", limit)
	}, func(pg patientPage, err error) {
		if seq != s.seq {
			return // typed on since: a newer search is coming
		}
		s.applied = seq
		if err != nil {
			s.results, s.hasMore = nil, false
			s.list.Refresh()
			s.count.Importance = widget.DangerImportance
			s.count.SetText("The patients could not be read: " + plainError(err))
			return
		}
		s.shown = text
		s.results, s.hasMore = pg.patients, pg.more
		s.list.reset()
		if pg.total >= 0 {
			s.listed = pg.listed
		}
		s.showCount(pg.total)
		if s.focusWhenReady {
			s.focusWhenReady = false
			s.moveToResults()
		}
	})
}

// showMore adds the next page of the list, or asks a search for more.
func (s *patientsScreen) showMore() {
	if !s.hasMore {
		return
	}
	if s.shown != "" {
		s.limit = min(s.limit+patientsPageSize, patientsMaxResults)
		s.runSearch()
		return
	}
	s.seq++
	seq := s.seq
	last := s.results[len(s.results)-1]
	after := last.ID
	archived := s.archived.Checked
	c := s.ctx.Clinic
	offUI(s.ctx, func() (patientPage, error) {
		return loadPatients(c, "", archived, after, patientsPageSize)
	}, func(pg patientPage, err error) {
		if seq != s.seq {
			return
		}
		s.applied = seq
		if err != nil {
			s.count.Importance = widget.DangerImportance
			s.count.SetText("More patients could not be read: " + plainError(err))
			return
		}
		s.results = append(s.results, pg.patients...)
		s.hasMore = pg.more
		s.list.Refresh()
		s.showCount(-1)
	})
}

// loadPatients reads a page of patients by name (text empty) or searches.
func loadPatients(c *app.Clinic, text string, archived bool, after string, limit int) (patientPage, error) {
	pg := patientPage{total: -1}
	var err error
	if text == "" {
		listStatus := patients.Active
		if archived {
			listStatus = patients.Archived
		}
		var listed []patients.Patient
		listed, err = c.ListPatients(patients.PatientFilter{Status: listStatus, After: after, Limit: limit + 1})
		for _, p := range listed {
			pg.patients = append(pg.patients, p.Summary())
		}
		if err == nil && after == "" {
			pg.total, err = c.CountPatients("")
			if err == nil {
				pg.listed, err = c.CountPatients(listStatus)
			}
		}
	} else {
		pg.patients, err = c.SearchPatients(text, archived, limit+1)
	}
	if len(pg.patients) > limit {
		pg.patients, pg.more = pg.patients[:limit], true
	}
	return pg, err
}

// showCount says what the list shows, with guidance when it is empty.
func (s *patientsScreen) showCount(total int) {
	s.count.Importance = widget.MediumImportance
	n := int64(len(s.results))
	switch {
	case s.shown == "" && total == 0 && !s.archived.Checked:
		s.listArea.Objects = []fyne.CanvasObject{container.NewVScroll(s.guidance)}
		s.listArea.Refresh()
	default:
		if len(s.listArea.Objects) != 1 || s.listArea.Objects[0] != s.table {
			s.listArea.Objects = []fyne.CanvasObject{s.table}
			s.listArea.Refresh()
		}
	}
	switch {
	case s.shown == "" && s.archived.Checked && n == 0:
		s.count.SetText("There are no archived records.")
	case s.shown == "" && s.archived.Checked:
		s.count.SetText(fmt.Sprintf("Archived records by surname: %s of %s shown.", reports.Thousands(n), reports.Thousands(int64(s.listed))))
	case s.shown == "" && n == 0:
		s.count.SetText("")
	case s.shown == "":
		s.count.SetText(fmt.Sprintf("All patients by surname: %s of %s shown. Type in the box above to find someone.", reports.Thousands(n), reports.Thousands(int64(s.listed))))
	case n == 0:
		s.count.Importance = widget.WarningImportance
		hint := "No patient matches “" + s.shown + "”. Check the spelling, or try the date of birth (dd/mm/yyyy), NHS number or postcode."
		if !s.archived.Checked {
			hint += " Archived records are only searched with “Show archived records” ticked."
		}
		s.count.SetText(hint)
	case s.hasMore && s.limit >= patientsMaxResults:
		s.count.SetText(fmt.Sprintf("The first %s matching “%s”: type more of the name, or the date of birth, to narrow the search.", plural(n, "patient", "patients"), s.shown))
	case s.hasMore:
		s.count.SetText(fmt.Sprintf("The first %s matching “%s”. Type more to narrow the search, or show more.", plural(n, "patient", "patients"), s.shown))
	default:
		s.count.SetText(fmt.Sprintf("%s matching “%s”. Press Enter or the down arrow to move to the list, then Enter to open.", capitalise(plural(n, "patient", "patients")), s.shown))
	}
	if s.hasMore && (s.shown == "" || s.limit < patientsMaxResults) {
		s.more.Show()
	} else {
		s.more.Hide()
	}
}

// moveToResults moves the keyboard from the search box to the first
// result (Enter or ↓ in the box).
func (s *patientsScreen) moveToResults() {
	if s.applied != s.seq {
		s.focusWhenReady = true // the answer to the last keystroke is on its way
		return
	}
	if len(s.results) == 0 {
		return
	}
	s.list.cursor = 0
	s.list.Highlight(0)
	s.ctx.Window.Canvas().Focus(s.list)
}

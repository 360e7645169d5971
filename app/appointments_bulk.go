package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// DiarySetup is a whole calendar set-up added in one go: a generated
// clinic's settings, clinicians, rooms, appointment types and closures.
// IDs may be given (the appointments refer to them) or left empty.
type DiarySetup struct {
	Settings   schedule.CalendarSettings
	Clinicians []schedule.Clinician
	Rooms      []schedule.Room
	Types      []schedule.AppointmentType
	Closures   []schedule.Closure
}

// DiaryBatch is a generated diary to add to the clinic.
type DiaryBatch struct {
	// Setup is saved first; nil keeps the clinic's own.
	Setup *DiarySetup
	// NextDay hands over the appointments one day at a time, in date
	// order, until ok is false. Each day is checked against the rules a
	// booking is checked against before it is written.
	NextDay func() (day ukcal.Date, appts []schedule.HistoricAppointment, ok bool)
	// Waiting, called after the last day, is the waiting list to add.
	Waiting func() []schedule.WaitingEntry
	// Progress, if set, is told each day as it is written.
	Progress func(day ukcal.Date, appointments int)
}

// DiaryReport says what AddDiary added.
type DiaryReport struct {
	Appointments int
	Waiting      int
	Days         int
}

// DiaryRefusedError lists the generated appointments a booking would have
// refused (a clash, outside hours, a closed day); nothing was added.
type DiaryRefusedError struct {
	Problems []string
}

func (e *DiaryRefusedError) Error() string {
	shown := e.Problems
	if len(shown) > 3 {
		shown = shown[:3]
	}
	return fmt.Sprintf("the diary was not added: %d appointments break the booking rules (%s)", len(e.Problems), strings.Join(shown, "; "))
}

// AddDiary adds a generated diary in one transaction: the set-up, every
// appointment with its history and one audit row, and the waiting list.
// Appointments are not booked one by one through Book (a million would
// take hours); instead each day is checked in bulk by the same rules, and
// any appointment a booking would refuse without an override refuses the
// whole diary. Managers only.
func (c *Clinic) AddDiary(b DiaryBatch) (DiaryReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermCalendarSetup)
	if err != nil {
		return DiaryReport{}, err
	}
	if b.Setup != nil {
		if err := checkDiarySetup(b.Setup); err != nil {
			return DiaryReport{}, err
		}
	}
	var report DiaryReport
	err = c.writeAs(s, func(tx *writeTx) error {
		if b.Setup != nil {
			if err := c.saveDiarySetup(tx, s, b.Setup); err != nil {
				return err
			}
		}
		restore, err := tx.LargeCache()
		if err != nil {
			return err
		}
		defer restore()
		checker, err := newDayChecker(tx.Tx)
		if err != nil {
			return err
		}
		checker.now = c.clock()
		w, err := tx.AppointmentWriter()
		if err != nil {
			return err
		}
		defer w.Close()
		var problems []string
		var order bookingOrder
		write := func(appts []schedule.HistoricAppointment) error {
			for _, a := range appts {
				if err := c.addHistoric(tx, w, s, a); err != nil {
					return err
				}
			}
			report.Appointments += len(appts)
			return nil
		}
		for b.NextDay != nil {
			day, appts, ok := b.NextDay()
			if !ok {
				break
			}
			// Only appointments of earlier batches can be in the file on
			// this day: a batch makes each day once.
			existing, err := tx.OccupyingOn(day)
			if err != nil {
				return err
			}
			if p := checker.check(day, appts, existing); len(p) > 0 {
				problems = append(problems, p...)
				continue
			}
			if len(problems) > 0 {
				continue // keep checking, to report every problem; nothing will be written
			}
			order.add(appts)
			if err := write(order.ready(day)); err != nil {
				return err
			}
			report.Days++
			if b.Progress != nil {
				b.Progress(day, report.Appointments)
			}
		}
		if len(problems) > 0 {
			return &DiaryRefusedError{Problems: problems}
		}
		if err := write(order.rest()); err != nil {
			return err
		}
		if b.Waiting != nil {
			for _, e := range b.Waiting() {
				if err := c.addGeneratedWaiting(tx, s, e); err != nil {
					return err
				}
				report.Waiting++
			}
		}
		return tx.audit(auditEvent{Action: "appointment.generate", Entity: "diary", ID: uuid.Must(uuid.NewV7()).String(), Detail: fmt.Sprintf("%d generated appointments over %d days, %d waiting", report.Appointments, report.Days, report.Waiting)})
	})
	if err != nil {
		return DiaryReport{}, err
	}
	return report, nil
}

func checkDiarySetup(st *DiarySetup) error {
	if _, err := ukcal.ParseRegion(st.Settings.Region); err != nil {
		return err
	}
	if !slices.Contains(GridChoices, st.Settings.GridMinutes) {
		return fmt.Errorf("the diary grid must be 5, 10 or 15 minutes (not %d)", st.Settings.GridMinutes)
	}
	if err := checkHours(st.Settings.OpeningHours, "the clinic's opening"); err != nil {
		return err
	}
	for i := range st.Clinicians {
		cl := &st.Clinicians[i]
		if cl.Name = cleanText(cl.Name); cl.Name == "" {
			return errors.New("every clinician needs a name")
		}
		if err := errors.Join(checkColour(cl.Colour), checkHours(cl.Hours, cl.Name+"'s")); err != nil {
			return err
		}
	}
	for _, t := range st.Types {
		if t.Minutes < 5 || t.Minutes > 480 || t.Minutes%5 != 0 {
			return fmt.Errorf("%s: the length must be 5 minutes to 8 hours, in steps of 5 minutes", t.Name)
		}
		if err := checkColour(t.Colour); err != nil {
			return err
		}
	}
	return nil
}

// saveDiarySetup writes the set-up, audited as the set-up screens audit it.
func (c *Clinic) saveDiarySetup(tx *writeTx, s *Session, st *DiarySetup) error {
	now := c.clock().UTC()
	if err := tx.SaveCalendarSettings(st.Settings); err != nil {
		return err
	}
	if err := tx.audit(auditEvent{Action: "calendar.settings", Entity: "settings", ID: "calendar", Detail: fmt.Sprintf("region=%s grid=%d dna_window=%d", st.Settings.Region, st.Settings.GridMinutes, st.Settings.DNAWindowMonths)}); err != nil {
		return err
	}
	for i := range st.Clinicians {
		cl := &st.Clinicians[i]
		if cl.ID == "" {
			cl.ID = uuid.Must(uuid.NewV7()).String()
		}
		cl.CreatedAt, cl.UpdatedAt = now, now
		if err := tx.SaveClinician(*cl); err != nil {
			return fmt.Errorf("save clinician: %w", err)
		}
		if err := tx.audit(auditEvent{Action: "calendar.clinician.create", Entity: "clinician", ID: cl.ID, Detail: fmt.Sprintf("active=%t", cl.Active)}); err != nil {
			return err
		}
	}
	for i := range st.Rooms {
		r := &st.Rooms[i]
		if r.ID == "" {
			r.ID = uuid.Must(uuid.NewV7()).String()
		}
		if err := tx.SaveRoom(*r); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "calendar.room.create", Entity: "room", ID: r.ID, Detail: fmt.Sprintf("active=%t", r.Active)}); err != nil {
			return err
		}
	}
	for i := range st.Types {
		t := &st.Types[i]
		if t.ID == "" {
			t.ID = uuid.Must(uuid.NewV7()).String()
		}
		if err := tx.SaveAppointmentType(*t); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "calendar.type.create", Entity: "appointment_type", ID: t.ID, Detail: fmt.Sprintf("%d minutes, active=%t", t.Minutes, t.Active)}); err != nil {
			return err
		}
	}
	for i := range st.Closures {
		cl := &st.Closures[i]
		if cl.ID == "" {
			cl.ID = uuid.Must(uuid.NewV7()).String()
		}
		cl.CreatedBy, cl.CreatedAt = s.User.Username, now
		if err := tx.InsertClosure(*cl); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "calendar.closure.add", Entity: "closure", ID: cl.ID, Detail: cl.From.String() + " to " + cl.To.String()}); err != nil {
			return err
		}
	}
	return nil
}

// addHistoric writes one appointment with its history and the audit row a
// booking leaves, saying it was generated and where it stands.
func (c *Clinic) addHistoric(tx *writeTx, w *data.AppointmentWriter, s *Session, a schedule.HistoricAppointment) error {
	if a.ID == "" {
		a.ID = uuid.Must(uuid.NewV7()).String()
	}
	if a.CreatedBy == "" {
		a.CreatedBy = s.User.Username
	}
	if a.StatusBy == "" {
		a.StatusBy = s.User.Username
	}
	if err := w.Add(a); err != nil {
		return fmt.Errorf("add appointment on %s: %w", a.Date, err)
	}
	return tx.audit(auditEvent{Action: "appointment.book", Entity: "appointment", ID: a.ID, Patient: a.PatientID, Detail: fmt.Sprintf("%s %s–%s; generated, %s", a.Date, schedule.Clock(a.StartMin), schedule.Clock(a.EndMin), a.Status)})
}

func (c *Clinic) addGeneratedWaiting(tx *writeTx, s *Session, w schedule.WaitingEntry) error {
	now := c.clock().UTC()
	w.ID, w.Status, w.AppointmentID = uuid.Must(uuid.NewV7()).String(), schedule.WaitingOpen, ""
	w.CreatedBy, w.CreatedAt, w.UpdatedAt = s.User.Username, now, now
	if err := c.normaliseWaiting(tx.Tx, &w); err != nil {
		return err
	}
	if err := tx.SaveWaiting(w); err != nil {
		return err
	}
	return tx.audit(auditEvent{Action: "waiting.add", Entity: "waiting_list", ID: w.ID, Patient: w.PatientID, Detail: w.Priority})
}

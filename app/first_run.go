package app

import (
	"strings"
)

// FirstRun is how far a new clinic has got with what the desk needs before
// its first day: read from the clinic file, never from a "dismissed" flag,
// so the Today screen's checklist goes when the work is done and comes
// back if it is undone (the last clinician made inactive, the backup
// folder cleared).
type FirstRun struct {
	CliniciansWithHours bool // an active clinician with working hours: the diary has columns to book into
	AppointmentTypes    bool // an active appointment type: every booking needs one
	Phone, Address      bool // the clinic's, which head every letter and slip
	BackupFolder        bool // automatic backups have somewhere to go
	// Managers are the active practice managers' names, for whoever cannot
	// make the changes and must ask.
	Managers []string
}

// Done reports whether everything on the checklist is done.
func (f FirstRun) Done() bool {
	return f.CliniciansWithHours && f.AppointmentTypes && f.Phone && f.Address && f.BackupFolder
}

// FirstRun reads the checklist's state. Anyone signed in may: it says only
// whether each thing is set up, and who to ask, nothing of patients.
func (c *Clinic) FirstRun() (FirstRun, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var f FirstRun
	if c.session == nil {
		return f, ErrSignedOut
	}
	if c.session.Locked {
		return f, ErrLocked
	}
	clinicians, err := c.store.Clinicians(true)
	if err != nil {
		return f, err
	}
	for _, cl := range clinicians {
		for _, spans := range cl.Hours {
			if len(spans) > 0 {
				f.CliniciansWithHours = true
			}
		}
	}
	types, err := c.store.AppointmentTypes(true)
	if err != nil {
		return f, err
	}
	f.AppointmentTypes = len(types) > 0
	d, err := c.store.Clinic()
	if err != nil {
		return f, err
	}
	f.Phone, f.Address = strings.TrimSpace(d.Phone) != "", strings.TrimSpace(d.Address) != ""
	b, err := c.backupSettingsLocked()
	if err != nil {
		return f, err
	}
	f.BackupFolder = strings.TrimSpace(b.Folder) != ""
	users, err := c.store.Users()
	if err != nil {
		return f, err
	}
	for _, u := range users {
		if u.Active && Role(u.Role) == Manager {
			f.Managers = append(f.Managers, u.FullName)
		}
	}
	return f, nil
}

package app

import (
	"errors"

	"clinicdesk/app/patients"
	"clinicdesk/app/users"

	"github.com/google/uuid"
)

// AddNote adds a note to a patient's record.
func (c *Clinic) AddNote(patientID, body string) (patients.Note, error) {
	return c.addNote(patientID, "note", "", body)
}

// LogCall records a phone call, "in" or "out".
func (c *Clinic) LogCall(patientID, direction, body string) (patients.Note, error) {
	if direction != "in" && direction != "out" {
		return patients.Note{}, errors.New("say whether the call was incoming or outgoing")
	}
	return c.addNote(patientID, "call", direction, body)
}

func (c *Clinic) addNote(patientID, kind, direction, body string) (patients.Note, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return patients.Note{}, err
	}
	body = cleanText(body)
	if body == "" {
		return patients.Note{}, errors.New("write something first")
	}
	n := patients.Note{ID: uuid.Must(uuid.NewV7()).String(), PatientID: patientID, Kind: kind, Direction: direction,
		Body: body, CreatedBy: s.User.Username, CreatedAt: c.clock()}
	err = c.writeAs(s, func(tx *writeTx) error {
		if _, err := tx.Patient(patientID); err != nil {
			return err
		}
		if err := tx.InsertNote(n); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "patient." + kind, Entity: kind, ID: n.ID, Patient: patientID, Detail: direction})
	})
	return n, err
}

// StaffList lists active users for choosing a task's owner (anyone
// signed in may see who their colleagues are).
func (c *Clinic) StaffList() ([]users.User, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	everyone, err := c.store.Users()
	var active []users.User
	for _, u := range everyone {
		if u.Active {
			active = append(active, u)
		}
	}
	return active, err
}

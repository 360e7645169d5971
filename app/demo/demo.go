// Package demo makes throw-away clinics full of realistic fake data, for
// trying ClinicDesk out and for its end-to-end tests. Nothing in them is
// about a real person.
package demo

import (
	"fmt"
	"os"
	"path/filepath"

	"clinicdesk/app"
)

// Clinic is a demo clinic, signed in as its practice manager.
type Clinic struct {
	Clinic   *app.Clinic
	Path     string
	Username string
	Password string
}

// Password is every demo user's password: printed when the demo starts, so
// the demo can be unlocked after the idle lock.
const Password = "harbour-lantern-maple"

// Staff are the demo clinic's users; the first is the manager who is left
// signed in.
var Staff = []app.NewUser{
	{Username: "demo", FullName: "Dana Okafor", Role: app.Manager},
	{Username: "reception", FullName: "Rhys Llewellyn", Role: app.Receptionist},
	{Username: "physio", FullName: "Priya Raman", Role: app.Clinician},
}

// Details are the demo clinic's letterhead. The phone number is in
// Ofcom's drama range, so nobody real is ever rung.
var Details = app.ClinicDetails{
	Name:    "Riverside Physiotherapy Clinic",
	Address: "12 Mill Lane\nRiverside\nLeeds\nLS1 4AP",
	Phone:   "0113 496 0000",
	Email:   "reception@riverside-physio.example",
}

// Create makes a demo clinic in dir (a new temporary folder when empty).
func Create(dir string) (*Clinic, error) {
	if dir == "" {
		d, err := os.MkdirTemp("", "clinicdesk-demo-*")
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "demo-clinic.db")
	if app.Exists(path) {
		return nil, fmt.Errorf("a demo clinic already exists in %s: choose an empty folder", dir)
	}
	manager := Staff[0]
	manager.Password = Password
	c, _, err := app.Create(app.Setup{Path: path, Clinic: Details, Manager: manager})
	if err != nil {
		return nil, err
	}
	for _, u := range Staff[1:] {
		u.Password = Password
		if _, err := c.AddUser(u); err != nil {
			c.Close()
			return nil, err
		}
	}
	return &Clinic{Clinic: c, Path: path, Username: manager.Username, Password: Password}, nil
}

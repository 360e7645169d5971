package screens

import (
	"clinicdesk/app"
)

func (u *UI) title() string {
	if u.clinicName == "" {
		return "ClinicDesk"
	}
	return "ClinicDesk: " + u.clinicName
}

// The clinic file is encrypted, so its name cannot be read until someone
// signs in. It is remembered (it is not patient data) so the next login
// screen can show it.
func (u *UI) clinicNameKey() string { return "clinicName:" + u.opts.DBPath }

func (u *UI) rememberedClinicName() string {
	return u.app.Preferences().String(u.clinicNameKey())
}

// learnClinicName reads the name from the open clinic (signed in only).
func (u *UI) learnClinicName() {
	if name := doorClinicName(u.clinic); name != "" {
		u.clinicName = name
		u.app.Preferences().SetString(u.clinicNameKey(), name)
	}
}

func doorClinicName(c *app.Clinic) string {
	d, err := c.Details()
	if err != nil {
		return ""
	}
	return d.Name
}

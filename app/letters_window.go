package app

import (
	"bytes"
	"fmt"
	"strconv"

	"clinicdesk/app/letters"
	"clinicdesk/data"
)

// Settings of the envelope window, in millimetres (SPEC §2.5).
const (
	settingWindowLeft   = "letter.window_left_mm"
	settingWindowTop    = "letter.window_top_mm"
	settingWindowWidth  = "letter.window_width_mm"
	settingWindowHeight = "letter.window_height_mm"
)

// readLetterWindow is the clinic's envelope window, the DL default where
// a value was never set.
func readLetterWindow(store *data.Store) (letters.Window, error) {
	w := letters.DefaultWindow
	for _, s := range []struct {
		key  string
		into *float64
	}{{settingWindowLeft, &w.Left}, {settingWindowTop, &w.Top}, {settingWindowWidth, &w.Width}, {settingWindowHeight, &w.Height}} {
		v, ok, err := store.Setting(s.key)
		if err != nil {
			return w, err
		}
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return w, fmt.Errorf("the envelope window setting %s is %q, not a number of millimetres", s.key, v)
		}
		*s.into = f
	}
	return w, nil
}

// LetterWindow is where the clinic's envelopes have their address window.
func (c *Clinic) LetterWindow() (letters.Window, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return letters.Window{}, err
	}
	return readLetterWindow(c.store)
}

// SetLetterWindow changes the envelope window (managers). A window the
// letter layout cannot use is refused with the layout's own reason, found
// by laying out the example letter in it.
func (c *Clinic) SetLetterWindow(w letters.Window) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditClinic)
	if err != nil {
		return err
	}
	d, err := letters.LookupDefaultTemplate("appointment_reminder")
	if err != nil {
		return err
	}
	trial, err := exampleLetter(letters.ClinicTemplate{Name: d.Name, AddressedTo: d.AddressedTo, Subject: d.Subject, Body: d.Body}, w, s)
	if err != nil {
		return err
	}
	if _, err := letters.RenderLetter(&bytes.Buffer{}, trial); err != nil {
		return err
	}
	format := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	return c.writeAs(s, func(tx *writeTx) error {
		for key, v := range map[string]float64{settingWindowLeft: w.Left, settingWindowTop: w.Top, settingWindowWidth: w.Width, settingWindowHeight: w.Height} {
			if err := tx.SetSetting(key, format(v)); err != nil {
				return err
			}
		}
		return tx.audit(auditEvent{Action: "settings.update", Entity: "settings", ID: "letter.window", Detail: fmt.Sprintf("left=%s top=%s width=%s height=%s", format(w.Left), format(w.Top), format(w.Width), format(w.Height))})
	})
}

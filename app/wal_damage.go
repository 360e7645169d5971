package app

import (
	"fmt"
	"strings"

	"clinicdesk/data"
)

// WALProblem names damage found in the clinic file's write-ahead log (the
// changes after it could not be read back), with what to do; nil when
// there is none. It stands until a manager has dealt with it and deleted
// the copy of the log kept beside the clinic file.
func (c *Clinic) WALProblem() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.walProblemLocked()
}

func (c *Clinic) walProblemLocked() error {
	if c.store != nil {
		if d := c.store.WALDamage(); d != nil {
			return d
		}
	}
	copies := data.DamagedWALCopies(c.path)
	if len(copies) == 0 {
		return nil
	}
	return fmt.Errorf("the clinic file's write-ahead log was found damaged when it was opened, so what was saved after the damage could not be read back (the log as found is kept as %s). "+
		"Check the last things saved; if any are missing, restore from the newest backup. Delete the copy once this is dealt with", strings.Join(copies, ", "))
}

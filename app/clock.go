package app

import "time"

// SetClock makes now the clinic's one clock for every date and time it
// works out from here on (today's list, deadlines, audit times, sign-in
// waits): the CLI passes its Env.Now, tests a pinned clock. Nil is the
// system clock. Call it straight after Open or Create, before other use:
// the clock is not guarded for a change while the clinic is in use.
func (c *Clinic) SetClock(now func() time.Time) { c.now = now }

package screens

import "clinicdesk/app/testclock"

// The screens read the suite's clock, as the clinics the tests make do.
func init() { wallClock = testclock.Now }

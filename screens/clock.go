package screens

import "time"

// wallClock is where every screen reads the time: the system clock in the
// app; the tests set it to the suite's one clock (app/testclock), so no
// screen test depends on the day it runs.
var wallClock = time.Now

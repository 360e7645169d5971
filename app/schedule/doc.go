// Package schedule holds the appointment book's pure rules (SPEC §2.3):
// clocks and working hours, appointment statuses and when each may be set,
// clash and warning checks (booking problems as facts, which each door
// words), recurring series, the next-free-slot finder, waiting-list
// matching and the DNA policy.
//
// Nothing here reads a database or a clock: callers pass in what the rules
// need (the day's active bookings, the clinic's hours, "today"), so every
// answer can be tested from a table. Appointment times are clinic
// wall-clock times (Europe/London) on a plain calendar date; only At turns
// them into instants.
package schedule

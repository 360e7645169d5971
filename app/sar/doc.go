// Package sar holds the rules of a subject access request under UK GDPR
// as ClinicDesk applies them (SPEC §4.5), with no storage and no screens:
// the Request record of the register, its clock (one calendar month from
// receipt, moved on by the days the clock was paused while identity or a
// needed clarification was awaited — Data (Use and Access) Act 2025 — then
// off a weekend or bank holiday of the clinic's region), the two-month
// extension that needs a notice sent within the first month, and the
// status staff see. Permissions are checked by the app facade.
package sar

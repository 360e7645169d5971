// Package complaints holds the rules of the NHS complaints regulations
// (England, 2009) as ClinicDesk applies them, with no storage and no screens:
//
//   - the catalogues a complaint is recorded with (Channel, Status, Outcome,
//     and the KO41(b) return's SubjectArea, StaffGroup, AgeBand and
//     ComplainantStatus), each with a key for storage, a Label for people and
//     a ParseX function that accepts either;
//   - the deadlines (Deadlines, DueDates, Describe), counted in the working
//     days of the clinic's region by app/ukcal;
//   - the workflow (CanMove, Move, Transition, ResolvedNextDay), which refuses
//     a step in words a practice manager can act on and returns a Transition
//     for the audit trail;
//   - the annual KO41(b) return (Return, Report, Rows, CSV);
//   - retention of the complaint file (RetainUntil).
//
// Dates are ukcal.Date (clinic calendar dates); the instants of transitions
// are UTC. Permissions are not checked here: the app facade decides who may
// make a move (receptionists log and acknowledge; only a manager closes,
// signs the final response and produces the return).
package complaints

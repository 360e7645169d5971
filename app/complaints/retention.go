package complaints

import "clinicdesk/app/ukcal"

// RetentionYears is how long a complaint file is kept after closure (NHS
// Records Management Code of Practice; SPEC §4.7).
const RetentionYears = 10

// RetainUntil returns the date until which a complaint file closed on the
// date is kept: the same date ten years later (28 February for a file closed
// on 29 February). The app proposes it; the manager decides on disposal.
// A zero closing date (still open) gives the zero Date.
func RetainUntil(closed ukcal.Date) ukcal.Date {
	if closed.IsZero() {
		return ukcal.Date{}
	}
	return closed.AddMonths(RetentionYears * 12)
}

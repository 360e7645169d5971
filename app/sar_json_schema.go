package app

// The subject access copy for machines: the JSON layout, one struct per
// part, versioned by SARSchemaVersion (sar.go).

import "clinicdesk/app/patients"

// The JSON copy. Its field names are part of the schema: never rename one
// within a version. Every field is always present (null or "" when empty),
// so a reader can rely on the shape. Dates are "YYYY-MM-DD", instants
// RFC 3339 in UTC; codes come with their label in words.
//
// Left out on purpose: the audit chain's hashes (prev_hash, hash). They
// protect the clinic's whole trail, each covering the row before it, which
// is usually about someone else; they say nothing about the patient and
// would only let a reader probe the chain. The row numbers (seq) stay, as
// a reference for questions. Nothing of the keyring, passwords or data key
// is ever in the store's patient tables, so none of it can reach here; the
// clinic's logo is left out as it is not about the patient. The hashes of
// earlier copies are kept: the patient may use them to check that a copy
// they hold is the one the clinic made.
type sarJSON struct {
	Schema                string               `json:"schema"`
	SchemaVersion         int                  `json:"schema_version"`
	GeneratedAt           string               `json:"generated_at"`
	GeneratedBy           sarJSONStaff         `json:"generated_by"`
	Software              sarJSONSoftware      `json:"software"`
	Clinic                sarJSONClinic        `json:"clinic"`
	Request               sarJSONRequest       `json:"request"`
	Patient               sarJSONPatient       `json:"patient"`
	Appointments          []sarJSONAppointment `json:"appointments"`
	Referrals             []sarJSONReferral    `json:"referrals"`
	Notes                 []sarJSONNote        `json:"notes"`
	FollowUps             []sarJSONTask        `json:"follow_ups"`
	SubjectAccessRequests []sarJSONEarlier     `json:"subject_access_requests"`
	Merges                []sarJSONMerge       `json:"merges"`
	Audit                 []sarJSONAudit       `json:"audit"`
}

type sarJSONSoftware struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type sarJSONClinic struct {
	Name    string   `json:"name"`
	Address []string `json:"address"`
	Phone   string   `json:"phone"`
	Email   string   `json:"email"`
}

type sarJSONStaff struct {
	Username string `json:"username"`
	Name     string `json:"name"`
	Role     string `json:"role"` // their role now, not when they acted
}

type sarJSONRequest struct {
	ID          string `json:"id"`
	Received    string `json:"received"`
	Due         string `json:"due"`
	DueExtended string `json:"due_extended"`
	Region      string `json:"region"` // whose bank holidays the due dates skip
	RequestedBy string `json:"requested_by"`
	// Added with the register; version 1 only ever gains fields.
	Scope         string         `json:"scope"`
	IdentityCheck string         `json:"identity_check"`
	ExtensionSent *string        `json:"extension_sent"`
	Pauses        []sarJSONPause `json:"pauses"`
}

type sarJSONPause struct {
	From   string  `json:"from"`
	To     *string `json:"to"`
	Reason string  `json:"reason"`
}

type sarJSONCode struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

type sarJSONPatient struct {
	ID             string               `json:"id"`
	Status         patients.Status      `json:"status"`
	Title          string               `json:"title"`
	Forenames      string               `json:"forenames"`
	Surname        string               `json:"surname"`
	PreferredName  string               `json:"preferred_name"`
	UseKnownAs     bool                 `json:"preferred_name_in_letters"`
	DateOfBirth    *string              `json:"date_of_birth"`
	Sex            *sarJSONCode         `json:"sex"`
	GenderIdentity string               `json:"gender_identity"`
	NHSNumber      string               `json:"nhs_number"`
	Address        sarJSONAddress       `json:"address"`
	Phones         sarJSONPhones        `json:"phones"`
	Email          string               `json:"email"`
	GP             sarJSONGP            `json:"gp"`
	NextOfKin      sarJSONNextOfKin     `json:"next_of_kin"`
	Language       string               `json:"language"`
	Interpreter    bool                 `json:"interpreter_needed"`
	Consent        sarJSONConsent       `json:"contact_consent"`
	Alerts         []sarJSONAlert       `json:"alerts"`
	Communication  sarJSONCommunication `json:"communication_needs"`
	LastTreatment  *string              `json:"last_treatment"`
	DateOfDeath    *string              `json:"date_of_death,omitempty"` // left out for the living
	MergedInto     string               `json:"merged_into"`
	ArchivedAt     *string              `json:"archived_at"`
	CreatedAt      *string              `json:"created_at"`
	UpdatedAt      *string              `json:"updated_at"`
}

type sarJSONAddress struct {
	Line1    string `json:"line1"`
	Line2    string `json:"line2"`
	Town     string `json:"town"`
	County   string `json:"county"`
	Postcode string `json:"postcode"`
}

// sarJSONPhones are in E.164 ("+447700900123").
type sarJSONPhones struct {
	Mobile string `json:"mobile"`
	Home   string `json:"home"`
	Work   string `json:"work"`
}

type sarJSONGP struct {
	Name     string   `json:"name"`
	Practice string   `json:"practice"`
	Address  []string `json:"address"` // the practice's, one line each, postcode last
}

type sarJSONNextOfKin struct {
	Name         string `json:"name"`
	Relationship string `json:"relationship"`
	Phone        string `json:"phone"`
}

type sarJSONConsent struct {
	Letter bool `json:"letter"`
	Phone  bool `json:"phone"`
	SMS    bool `json:"sms"`
	Email  bool `json:"email"`
}

type sarJSONAlert struct {
	Kind sarJSONCode `json:"kind"`
	Text string      `json:"text"`
}

type sarJSONCommunication struct {
	Needs        []sarJSONCode `json:"needs"`
	Notes        string        `json:"notes"`
	LastReviewed *string       `json:"last_reviewed"`
}

// sarJSONAppointment is one appointment. Its date and times are the
// clinic's wall clock (Europe/London), as booked; the history's instants
// are UTC like every other.
type sarJSONAppointment struct {
	ID             string                `json:"id"`
	Date           string                `json:"date"`
	Start          string                `json:"start"` // "HH:MM"
	End            string                `json:"end"`
	Clinician      string                `json:"clinician"`
	Type           string                `json:"type"`
	Room           string                `json:"room"`
	Status         sarJSONCode           `json:"status"`
	CancelReason   string                `json:"cancel_reason"`
	OverrideReason string                `json:"override_reason"` // why it was booked in spite of a warning
	SeriesID       string                `json:"series_id"`
	Notes          string                `json:"notes"`
	BookedAt       *string               `json:"booked_at"`
	BookedBy       sarJSONStaff          `json:"booked_by"`
	History        []sarJSONStatusChange `json:"history"`
}

// sarJSONStatusChange is one row of an appointment's history: its first
// booking, a status change or a move (moved_from set).
type sarJSONStatusChange struct {
	At        *string      `json:"at"`
	By        sarJSONStaff `json:"by"`
	Status    sarJSONCode  `json:"status"`
	Reason    string       `json:"reason"`
	MovedFrom *sarJSONSlot `json:"moved_from"`
}

type sarJSONSlot struct {
	Date      string `json:"date"`
	Start     string `json:"start"`
	End       string `json:"end"`
	Clinician string `json:"clinician"`
}

type sarJSONNote struct {
	ID        string       `json:"id"`
	Kind      string       `json:"kind"`      // note, call
	Direction string       `json:"direction"` // calls: in (from the patient), out (to them)
	Text      string       `json:"text"`
	CreatedAt *string      `json:"created_at"`
	CreatedBy sarJSONStaff `json:"created_by"`
}

type sarJSONTask struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Note      string        `json:"note"`
	Due       *string       `json:"due"`
	Owner     *sarJSONStaff `json:"owner"`
	CreatedAt *string       `json:"created_at"`
	CreatedBy sarJSONStaff  `json:"created_by"`
	DoneAt    *string       `json:"done_at"`
	DoneBy    *sarJSONStaff `json:"done_by"`
}

type sarJSONEarlier struct {
	ID            string       `json:"id"`
	Received      string       `json:"received"`
	Due           string       `json:"due"`
	DueExtended   string       `json:"due_extended"`
	RequestedBy   string       `json:"requested_by"`
	Scope         string       `json:"scope"`
	ExtensionSent *string      `json:"extension_sent"`
	ProducedAt    *string      `json:"produced_at"`
	SHA256PDF     string       `json:"sha256_pdf"`
	SHA256JSON    string       `json:"sha256_json"`
	CreatedBy     sarJSONStaff `json:"created_by"`
}

type sarJSONMerge struct {
	ID         string        `json:"id"`
	SurvivorID string        `json:"survivor_id"`
	MergedID   string        `json:"merged_id"`
	MergedAt   *string       `json:"merged_at"`
	MergedBy   sarJSONStaff  `json:"merged_by"`
	UndoneAt   *string       `json:"undone_at"`
	UndoneBy   *sarJSONStaff `json:"undone_by"`
}

type sarJSONAudit struct {
	Seq         int64        `json:"seq"`
	At          *string      `json:"at"`
	By          sarJSONStaff `json:"by"`
	Action      string       `json:"action"`
	Description string       `json:"description"`
	Entity      string       `json:"entity"`
	EntityID    string       `json:"entity_id"`
	RecordID    string       `json:"record_id"` // the record it was about: this one, or a duplicate merged into it
	Detail      string       `json:"detail"`
}

package complaints

// Status is where a complaint is in the workflow (SPEC §2.4): received →
// acknowledged → investigating → response sent → closed, or referred to the
// Parliamentary and Health Service Ombudsman after the final response.
type Status string

const (
	Received      Status = "received"
	Acknowledged  Status = "acknowledged"
	Investigating Status = "investigating"
	ResponseSent  Status = "response_sent"
	Closed        Status = "closed"
	ReferredPHSO  Status = "referred_phso"
)

var statusOptions = []option[Status]{
	{Received, "Received", nil},
	{Acknowledged, "Acknowledged", nil},
	{Investigating, "Investigating", []string{"under investigation"}},
	{ResponseSent, "Response sent", []string{"final response sent", "responded"}},
	{Closed, "Closed", nil},
	{ReferredPHSO, "Referred to the Ombudsman (PHSO)", []string{"phso", "ombudsman", "referred to phso", "referred to the ombudsman"}},
}

// Statuses lists the statuses in workflow order.
func Statuses() []Status { return keysOf(statusOptions) }

// Label is the status as staff see it.
func (s Status) Label() string { return labelOf(s, statusOptions) }

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool { return known(s, statusOptions) }

// ParseStatus accepts a status's key or label in any case.
func ParseStatus(s string) (Status, error) { return parseOption("status", s, statusOptions) }

// Open reports whether the complaint file is still open: every valid status
// but Closed. (Deadlines run only until the final response: see
// DueDates.Next.)
func (s Status) Open() bool { return s.Valid() && s != Closed }

// Next lists the statuses a complaint may move to from s, in the order the
// screens offer them, before the facts of the complaint are checked (CanMove
// has the last word).
func (s Status) Next() []Status {
	switch s {
	case Received:
		return []Status{Acknowledged, Closed} // Closed: oral, resolved by the next working day
	case Acknowledged:
		return []Status{Investigating}
	case Investigating:
		return []Status{ResponseSent}
	case ResponseSent:
		return []Status{Closed, ReferredPHSO}
	case Closed:
		return []Status{ReferredPHSO}
	case ReferredPHSO:
		return []Status{Closed}
	}
	return nil
}

package app

import (
	"fmt"
	"slices"

	"clinicdesk/app/complaints"
	"clinicdesk/app/users"
	"clinicdesk/data"
)

// ComplaintList says which complaints a list shows.
type ComplaintList string

const (
	ComplaintsAll     ComplaintList = "all"
	ComplaintsOpen    ComplaintList = "open"     // not closed
	ComplaintsDueSoon ComplaintList = "due_soon" // next deadline within Within working days, not yet passed
	ComplaintsOverdue ComplaintList = "overdue"  // next deadline passed
)

// ComplaintQuery is a list of the register with its filters.
type ComplaintQuery struct {
	List    ComplaintList // "" is ComplaintsAll
	Within  int           // working days, for ComplaintsDueSoon; 0 means 5
	Status  complaints.Status
	OwnerID string
	// Search matches the reference, the complainant's name or the
	// description, ignoring case and accents.
	Search string
	Limit  int
}

// dueSoonDays is how far ahead "due soon" looks unless asked otherwise.
const dueSoonDays = 5

// awaitingResponse are the statuses with a deadline running.
var awaitingResponse = []complaints.Status{complaints.Received, complaints.Acknowledged, complaints.Investigating}

// ListComplaints lists the register, newest received first, or for the
// due-soon and overdue lists soonest deadline first.
func (c *Clinic) ListComplaints(q ComplaintQuery) ([]ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewComplaints); err != nil {
		return nil, err
	}
	return c.listComplaints(q)
}

func (c *Clinic) listComplaints(q ComplaintQuery) ([]ComplaintRecord, error) {
	cc, err := c.complaintContext(c.store)
	if err != nil {
		return nil, err
	}
	f := data.ComplaintFilter{OwnerID: q.OwnerID, Search: q.Search}
	within := q.Within
	if within <= 0 {
		within = dueSoonDays
	}
	switch q.List {
	case "", ComplaintsAll:
		f.Limit = q.Limit
	case ComplaintsOpen:
		for _, st := range complaints.Statuses() {
			if st.Open() {
				f.Statuses = append(f.Statuses, st)
			}
		}
		f.Limit = q.Limit
	case ComplaintsOverdue, ComplaintsDueSoon:
		f.Statuses = awaitingResponse
		// The stored deadline narrows the read; the deadlines are worked
		// out again below, so a change of region since cannot mislead the
		// list. A fortnight's slack covers any bank holiday shift.
		bound := cc.today
		if q.List == ComplaintsDueSoon {
			// The clinic's region; complaints of other nations count
			// their own days, within the fortnight's slack.
			bound = cc.region.AddWorkingDays(cc.today, within)
		}
		f.DueBy = bound.AddDays(14)
	default:
		return nil, fmt.Errorf("unknown complaint list %q", string(q.List))
	}
	if q.Status != "" {
		if !q.Status.Valid() {
			return nil, fmt.Errorf("%q is not a complaint status", string(q.Status))
		}
		if f.Statuses != nil && !slices.Contains(f.Statuses, q.Status) {
			return nil, nil
		}
		f.Statuses = []complaints.Status{q.Status}
	}
	stored, err := c.store.Complaints(f)
	if err != nil {
		return nil, err
	}
	var out []ComplaintRecord
	for _, s := range stored {
		var history []complaints.Transition
		if !s.Status.Open() || s.Status == complaints.ReferredPHSO {
			if history, err = c.store.ComplaintHistory(s.ID); err != nil {
				return nil, err
			}
		}
		rec := cc.record(s, history)
		switch q.List {
		case ComplaintsOverdue:
			if !rec.HasNext || !rec.Overdue {
				continue
			}
		case ComplaintsDueSoon:
			if !rec.HasNext || !rec.Next.DueWithin(cc.today, within, rec.Rules.Region()) {
				continue
			}
		}
		out = append(out, rec)
	}
	if q.List == ComplaintsOverdue || q.List == ComplaintsDueSoon {
		slices.SortStableFunc(out, func(a, b ComplaintRecord) int { return a.Next.Due.Compare(b.Next.Due) })
		if q.Limit > 0 && len(out) > q.Limit {
			out = out[:q.Limit]
		}
	}
	return out, c.complaintNames(out)
}

// OverdueComplaints lists the complaints whose acknowledgement or final
// response is overdue, most overdue first (the Today screen).
func (c *Clinic) OverdueComplaints() ([]ComplaintRecord, error) {
	return c.ListComplaints(ComplaintQuery{List: ComplaintsOverdue})
}

// ComplaintsDueSoon lists the complaints whose next deadline falls within
// the next n working days (today included), soonest first.
func (c *Clinic) ComplaintsDueSoon(n int) ([]ComplaintRecord, error) {
	return c.ListComplaints(ComplaintQuery{List: ComplaintsDueSoon, Within: n})
}

// ComplaintOwners lists who may own a complaint: active receptionists and
// practice managers.
func (c *Clinic) ComplaintOwners() ([]users.User, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewComplaints); err != nil {
		return nil, err
	}
	everyone, err := c.store.Users()
	if err != nil {
		return nil, err
	}
	var out []users.User
	for _, u := range everyone {
		if u.Active && Role(u.Role) != Clinician {
			out = append(out, u)
		}
	}
	return out, nil
}

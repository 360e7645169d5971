// Package audit holds the record of the audit trail: one entry per thing
// somebody did, and the filter a listing of them takes. The store keeps the
// entries append-only in a hash chain.
package audit

import (
	"time"
)

// Entry is one thing somebody did: who, what, to which record, for
// which patient, when (UTC).
type Entry struct {
	Seq      int64
	At       time.Time
	Username string
	Action   string
	Entity   string
	EntityID string
	Patient  string
	Detail   string
	PrevHash string
	Hash     string
}

// Filter narrows an audit listing. Empty fields match everything.
type Filter struct {
	Username string
	Patient  string
	Action   string
	From, To time.Time
	Before   int64 // page backwards from this seq (0: newest)
	Limit    int
}

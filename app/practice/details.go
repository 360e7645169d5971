// Package practice holds the clinic's own details as a record: the name,
// address and contacts that letterheads, slips and the top bar show.
package practice

import (
	"time"
)

// Details are the practice's own name, address and contacts:
// what the letterhead and the top bar show.
type Details struct {
	Name      string
	Address   string
	Phone     string
	Email     string
	Logo      []byte // PNG or JPEG, optional
	UpdatedAt time.Time
}

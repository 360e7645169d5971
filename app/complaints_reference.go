package app

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"clinicdesk/app/complaints"
	"clinicdesk/data"
)

// complaintReference reads a complaint's reference as people type what
// the screen and the letters show: "C-2026-014", "c-2026-14", "C 2026 014".
var complaintReference = regexp.MustCompile(`^\s*[Cc]?[\s/-]*(\d{4})[\s/-]+(\d{1,6})\s*$`)

// complaintByIDOrReference reads the complaint with that id, or failing
// that with that reference.
func complaintByIDOrReference(store *data.Store, idOrRef string) (complaints.Complaint, error) {
	stored, err := store.Complaint(idOrRef)
	if !errors.Is(err, data.ErrNotFound) {
		return stored, err
	}
	m := complaintReference.FindStringSubmatch(idOrRef)
	if m == nil {
		return stored, notFound(err, "that complaint is not in the register")
	}
	year, _ := strconv.Atoi(m[1])
	seq, _ := strconv.Atoi(m[2])
	id, err := store.ComplaintIDByNumber(year, seq)
	if err != nil {
		return stored, notFound(err, fmt.Sprintf("no complaint in the register has the reference C-%d-%03d", year, seq))
	}
	return store.Complaint(id)
}

package data

import (
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"
)

// ComplaintLetter is one letter printed for a complaint, kept so it can be
// printed again.
type ComplaintLetter struct {
	ID          string
	ComplaintID string
	Template    string // complaint_ack, complaint_delay, complaint_final
	Title       string // what the complaint file calls it: "Acknowledgement letter"
	Content     string // JSON of what was printed, to print it again
	SHA256      string // hex, of the PDF
	CreatedBy   string
	CreatedAt   time.Time
}

const complaintLetterColumns = `id, complaint_id, template, title, content, sha256, created_by, created_at`

// InsertComplaintLetter keeps a complaint letter as printed.
func (t *Tx) InsertComplaintLetter(l ComplaintLetter) error {
	_, err := t.tx.Exec(`INSERT INTO complaint_letters (`+complaintLetterColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		l.ID, l.ComplaintID, l.Template, l.Title, l.Content, l.SHA256, l.CreatedBy, utc(l.CreatedAt))
	return err
}

// ComplaintLetters lists the letters printed for a complaint, newest
// first, as the patient's correspondence log is.
func (s *Store) ComplaintLetters(complaintID string) ([]ComplaintLetter, error) {
	rows, err := s.db.Query(`SELECT `+complaintLetterColumns+` FROM complaint_letters WHERE complaint_id = ?`, complaintID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ComplaintLetter
	for rows.Next() {
		l, err := scanComplaintLetter(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	// Sorted here, not by the stored text: RFC 3339 times drop trailing
	// zeros of the fraction, so they do not sort as text. Ids are UUIDv7,
	// in the order they were made, for letters of the same instant.
	slices.SortStableFunc(out, func(a, b ComplaintLetter) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	return out, rows.Err()
}

// ComplaintLetter reads one printed complaint letter.
func (s *Store) ComplaintLetter(id string) (ComplaintLetter, error) {
	l, err := scanComplaintLetter(s.db.QueryRow(`SELECT `+complaintLetterColumns+` FROM complaint_letters WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrNotFound
	}
	return l, err
}

func scanComplaintLetter(sc rowScanner) (ComplaintLetter, error) {
	var l ComplaintLetter
	var at string
	err := sc.Scan(&l.ID, &l.ComplaintID, &l.Template, &l.Title, &l.Content, &l.SHA256, &l.CreatedBy, &at)
	l.CreatedAt, _ = time.Parse(time.RFC3339Nano, at)
	return l, err
}

package data

import (
	"database/sql"
	"errors"
	"time"

	"clinicdesk/app/users"
)

// ErrNotFound: no such record.
var ErrNotFound = errors.New("not found")

const userColumns = `id, username, full_name, role, active, created_at, password_changed_at`

func scanUser(sc interface{ Scan(...any) error }) (users.User, error) {
	var u users.User
	var created, changed string
	if err := sc.Scan(&u.ID, &u.Username, &u.FullName, &u.Role, &u.Active, &created, &changed); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return u, ErrNotFound
		}
		return u, err
	}
	u.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	u.PasswordChangedAt, _ = time.Parse(time.RFC3339Nano, changed)
	return u, nil
}

// InsertUser adds a member of staff.
func (t *Tx) InsertUser(u users.User) error {
	_, err := t.tx.Exec(`INSERT INTO users (`+userColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.Username, u.FullName, u.Role, u.Active,
		u.CreatedAt.UTC().Format(time.RFC3339Nano), u.PasswordChangedAt.UTC().Format(time.RFC3339Nano))
	return err
}

// UpdateUser saves a user's name, role and whether they may sign in.
func (t *Tx) UpdateUser(u users.User) error {
	res, err := t.tx.Exec(`UPDATE users SET full_name = ?, role = ?, active = ? WHERE id = ?`,
		u.FullName, u.Role, u.Active, u.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// PasswordChanged records when a user's password was last set.
func (t *Tx) PasswordChanged(userID string, at time.Time) error {
	_, err := t.tx.Exec(`UPDATE users SET password_changed_at = ? WHERE id = ?`, at.UTC().Format(time.RFC3339Nano), userID)
	return err
}

// UserByName finds a user by login name, ignoring case.
func (t *Tx) UserByName(username string) (users.User, error) {
	return scanUser(t.tx.QueryRow(`SELECT `+userColumns+` FROM users WHERE username = ?`, username))
}

// UserByName finds a user by login name, ignoring case.
func (s *Store) UserByName(username string) (users.User, error) {
	return scanUser(s.db.QueryRow(`SELECT `+userColumns+` FROM users WHERE username = ?`, username))
}

// UserByID finds a user by id.
func (s *Store) UserByID(id string) (users.User, error) {
	return scanUser(s.db.QueryRow(`SELECT `+userColumns+` FROM users WHERE id = ?`, id))
}

// Users lists every user, active first, then by name.
func (s *Store) Users() ([]users.User, error) {
	rows, err := s.db.Query(`SELECT ` + userColumns + ` FROM users ORDER BY active DESC, full_name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []users.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// ActiveManagers counts managers who can still sign in, so the last one is
// never disabled or demoted.
func (t *Tx) ActiveManagers() (int, error) {
	var n int
	err := t.tx.QueryRow(`SELECT count(*) FROM users WHERE role = 'manager' AND active = 1`).Scan(&n)
	return n, err
}

// UserByID reads a user inside the transaction.
func (t *Tx) UserByID(id string) (users.User, error) {
	return scanUser(t.tx.QueryRow(`SELECT `+userColumns+` FROM users WHERE id = ?`, id))
}

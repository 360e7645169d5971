// Package users holds the record of a member of staff with a login. Who may
// do what (roles and permissions) is the facade's, which checks it.
package users

import (
	"time"
)

// User is a member of staff with a login.
type User struct {
	ID                string
	Username          string
	FullName          string
	Role              string
	Active            bool
	CreatedAt         time.Time
	PasswordChangedAt time.Time
}

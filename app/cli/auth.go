package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
)

// authFlags are the flags every command that opens a clinic takes. The
// password is never a flag or an environment variable: it is one line on
// standard input.
type authFlags struct {
	db            *string
	user          *string
	passwordStdin *bool
}

func addAuthFlags(fs *flag.FlagSet) authFlags {
	return authFlags{
		db:            fs.String("db", "", "the clinic file"),
		user:          fs.String("user", "", "your ClinicDesk user name"),
		passwordStdin: fs.Bool("password-stdin", false, "read the password from standard input"),
	}
}

// readSecret reads one line from standard input, without its line ending.
func readSecret(env *Env) (string, error) {
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", usagef("no password on standard input (pipe it in: --password-stdin reads one line)")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func (a authFlags) credentials(env *Env) (user, password string, err error) {
	if *a.user == "" {
		return "", "", usagef("--user NAME is required")
	}
	if !*a.passwordStdin {
		return "", "", usagef("--password-stdin is required: the password is read from standard input, never from the command line")
	}
	password, err = readSecret(env)
	return *a.user, password, err
}

// open opens the clinic file and signs the user in. Only a wrong user
// name or password is an AuthError (exit 3), and it changes nothing in the
// clinic file. Everything else keeps its own message and exits 1: a file
// that is not a clinic, a missing or damaged keyring, a full disk, a
// disabled account (the password was right: asking again will not help),
// and a try refused because there have been too many wrong passwords
// (the password was never checked, so it is not "wrong"; the message says
// how long to wait).
func (a authFlags) open(env *Env) (*app.Clinic, error) {
	if *a.db == "" {
		return nil, usagef("--db PATH is required")
	}
	if st, err := os.Stat(*a.db); err == nil && st.IsDir() {
		return nil, usagef("--db %s is a folder: give the clinic file in it (e.g. %s)", *a.db, filepath.Join(*a.db, "clinic.db"))
	}
	user, password, err := a.credentials(env)
	if err != nil {
		return nil, err
	}
	c, err := app.Open(*a.db)
	if err != nil {
		return nil, err
	}
	c.SetClock(env.Now) // one clock for the whole command, sign-in included
	if err := c.SignIn(user, password); err != nil {
		c.Close()
		return nil, authError(err)
	}
	if w := c.SyncFolderWarning(); w != "" {
		fmt.Fprintf(env.Stderr, "clinicdesk: warning: %s\n", w)
	}
	return c, nil
}

// authError marks a wrong user name or password as an AuthError and
// leaves every other sign-in error as it is.
func authError(err error) error {
	if errors.Is(err, app.ErrWrongPassword) {
		return &AuthError{Err: err}
	}
	return err
}

package cli

import (
	"bufio"
	"errors"
	"flag"
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

// open opens the clinic file and signs the user in; a wrong password is an
// AuthError (exit 3) and changes nothing.
func (a authFlags) open(env *Env) (*app.Clinic, error) {
	if *a.db == "" {
		return nil, usagef("--db PATH is required")
	}
	user, password, err := a.credentials(env)
	if err != nil {
		return nil, err
	}
	c, err := app.Open(*a.db)
	if err != nil {
		return nil, err
	}
	if err := c.SignIn(user, password); err != nil {
		c.Close()
		if errors.Is(err, app.ErrWrongPassword) || errors.Is(err, app.ErrAccountDisabled) {
			return nil, &AuthError{Err: err}
		}
		return nil, err
	}
	return c, nil
}

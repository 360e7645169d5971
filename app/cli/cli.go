// Package cli is ClinicDesk's command line: the same app.Clinic as the GUI,
// so every rule and every audit row is the same whichever door is used.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	"clinicdesk/app"
)

// Exit codes, as SPEC §3 sets them.
const (
	ExitOK        = 0
	ExitFailure   = 1
	ExitUsage     = 2
	ExitWrongAuth = 3
)

// Env is what a command may touch: its streams and the clock.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	// Self is this program's executable, for commands that time it in a
	// child process (bench). Empty (e.g. under go test): those rows are
	// not measured, so a test binary never runs itself.
	Self string
}

// command is one sub-command.
type command struct {
	name    string
	usage   string // arguments after the name, for the help text
	summary string
	run     func(env *Env, args []string) error
	hidden  bool // used by bench only, not listed in help
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// UsageError is a mistake in how the command was called (exit 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, a ...any) error { return &UsageError{Msg: fmt.Sprintf(format, a...)} }

// AuthError means the user name or password was wrong (exit 3). Only an
// error that is app.ErrWrongPassword is one (see ExitCode).
type AuthError struct{ Err error }

func (e *AuthError) Error() string { return e.Err.Error() }
func (e *AuthError) Unwrap() error { return e.Err }

// Has reports whether name is a command-line sub-command (not the GUI).
func Has(name string) bool { _, ok := commands[name]; return ok }

// Run runs one sub-command and returns the process exit code. Errors are a
// single line on stderr.
func Run(args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Stdin == nil {
		env.Stdin = os.Stdin
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(env.Stdout)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "clinicdesk: unknown command %q (try: clinicdesk help)\n", args[0])
		return ExitUsage
	}
	err := c.run(&env, args[1:])
	if err == nil {
		return ExitOK
	}
	fmt.Fprintf(env.Stderr, "clinicdesk %s: %s\n", c.name, errorLine(err))
	return ExitCode(err)
}

// ExitCode maps an error to the exit status SPEC §3 gives it. Exit 3 is
// for a wrong user name or password and nothing else, because a script
// that sees it will ask for the password again: a file that is not a
// clinic, a damaged or missing keyring, a full disk, a disabled account or
// a sign-in that must wait are failures (1), each with its own message.
func ExitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue), errors.Is(err, flag.ErrHelp):
		return ExitUsage
	case errors.Is(err, app.ErrWrongPassword):
		return ExitWrongAuth
	}
	return ExitFailure
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "ClinicDesk — front-desk software for a small UK clinic.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  clinicdesk [--db PATH]")
	fmt.Fprintln(w, "      open the app on a clinic file (first run: the setup wizard)")
	fmt.Fprintln(w, "  clinicdesk demo [--dir DIR] [--screen today|patients|settings|audit]")
	fmt.Fprintln(w, "      open a throw-away demo clinic, signed in as its practice manager")
	var names []string
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  clinicdesk %s %s\n      %s\n", c.name, c.usage, c.summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "Commands that open a clinic take --user NAME --password-stdin (the password is one line on standard input).")
	fmt.Fprintln(w, "Exit status: 0 success, 1 failure, 2 usage error, 3 wrong user or password.")
}

// newFlags makes a flag set that reports mistakes as usage errors instead of
// printing and exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, allowing flags after positional arguments, and
// turns any mistake into a UsageError.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// flagError says in plain words what the flag package found wrong: an
// option the command does not have, one without its value, or a value
// that is not a number (or yes/no).
var badValue = regexp.MustCompile(`^invalid (boolean )?value "(.*)" for (?:flag )?-+([^:]+):`)

func flagError(fs *flag.FlagSet, err error) error {
	msg := err.Error()
	cmd := "clinicdesk " + fs.Name()
	switch {
	case errors.Is(err, flag.ErrHelp):
		return usagef("the options of %s are listed by clinicdesk help", cmd)
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
		return usagef("%s has no option --%s (see clinicdesk help)", cmd, name)
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return usagef("--%s needs a value after it", name)
	case badValue.MatchString(msg):
		// invalid value "junk" for flag -patients: parse error
		// invalid boolean value "maybe" for -force: parse error
		m := badValue.FindStringSubmatch(msg)
		if m[1] != "" {
			return usagef("--%s takes no value (not %s): give it alone to mean yes", m[3], m[2])
		}
		return usagef("--%s %s is not a whole number", m[3], m[2])
	}
	return usagef("%s", msg)
}

package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"clinicdesk/app/cli"
	"clinicdesk/app/demo"
	"clinicdesk/screens"
)

// runDemo opens a throw-away clinic full of fake data, signed in.
func runDemo(args []string) int {
	fs, dir, screen := demoFlags()
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cli.ExitOK
		}
		fmt.Fprintln(os.Stderr, "clinicdesk demo:", err)
		return cli.ExitUsage
	}
	if !slices.Contains(screens.ScreenIDs(), *screen) {
		fmt.Fprintf(os.Stderr, "clinicdesk demo: there is no screen %q: choose one of %s\n", *screen, strings.Join(screens.ScreenIDs(), ", "))
		return cli.ExitUsage
	}
	d, err := demo.Create(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "clinicdesk demo:", err)
		return cli.ExitFailure
	}
	fmt.Printf("Demo clinic at %s. Sign in as %q with password %q.\n", d.Path, d.Username, d.Password)
	tuneWindowMemory()
	a := newFyneApp(appID + ".demo")
	screens.New(a, screens.Options{DBPath: d.Path, Clinic: d.Clinic, Screen: *screen,
		DemoNote: fmt.Sprintf("Demo clinic: sign in as %s / %s", d.Username, d.Password)}).ShowAndRun()
	return cli.ExitOK
}

// demoFlags are the demo's options: where to put its clinic, and the
// screen to open on.
func demoFlags() (fs *flag.FlagSet, dir, screen *string) {
	fs = flag.NewFlagSet("demo", flag.ContinueOnError)
	dir = fs.String("dir", "", "folder for the demo clinic (default: a new temporary folder)")
	screen = fs.String("screen", "today", "the screen to open on: "+strings.Join(screens.ScreenIDs(), ", "))
	return fs, dir, screen
}

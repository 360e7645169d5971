// ClinicDesk: front-desk software for a small UK clinic. Without a
// sub-command it opens the GUI; otherwise it runs the command line.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/cli"
	"clinicdesk/app/demo"
	"clinicdesk/assets"
	"clinicdesk/screens"
	_ "clinicdesk/screens/rendercache" // before Fyne's init: see the package

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

const appID = "uk.co.clinicdesk.desk"

func main() {
	args := os.Args[1:]
	switch {
	case len(args) > 0 && args[0] == "demo":
		useParentConsole()
		os.Exit(runDemo(args[1:]))
	case len(args) == 0 || args[0] == "--db" || len(args[0]) > 5 && args[0][:5] == "--db=":
		os.Exit(runGUI(args))
	}
	useParentConsole()
	self, _ := os.Executable()
	os.Exit(cli.Run(args, cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Self: self}))
}

// runGUI opens the clinic file (or the setup wizard on first run).
func runGUI(args []string) int {
	fs := flag.NewFlagSet("clinicdesk", flag.ContinueOnError)
	db := fs.String("db", app.DefaultPath(), "the clinic file")
	if err := fs.Parse(args); err != nil {
		return cli.ExitUsage
	}
	tuneWindowMemory() // gui_memory.go
	a := newFyneApp(appID)
	opts := screens.Options{DBPath: *db}
	if app.Exists(*db) {
		c, err := app.Open(*db)
		if err != nil {
			screens.ShowStartupError(a, err)
			quitIfBenchScripted(a, err) // nobody is there to press Close
			a.Run()
			return cli.ExitFailure
		}
		opts.Clinic = c
	}
	if os.Getenv(cli.BenchStartupEnv) != "" {
		quitWhenShown(a) // `clinicdesk bench` times start to login screen
	}
	u := screens.New(a, opts)
	playBenchScript(a, u) // `clinicdesk bench` measures the window's memory
	u.ShowAndRun()
	return cli.ExitOK
}

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

func demoFlags() (fs *flag.FlagSet, dir, screen *string) {
	fs = flag.NewFlagSet("demo", flag.ContinueOnError)
	dir = fs.String("dir", "", "folder for the demo clinic (default: a new temporary folder)")
	screen = fs.String("screen", "today", "the screen to open on: "+strings.Join(screens.ScreenIDs(), ", "))
	return fs, dir, screen
}

func newFyneApp(id string) fyne.App {
	a := fyneapp.NewWithID(id)
	a.SetIcon(fyne.NewStaticResource("clinicdesk.png", assets.Icon))
	return a
}

func quitWhenShown(a fyne.App) {
	a.Lifecycle().SetOnStarted(func() {
		go fyne.Do(a.Quit)
	})
}

package main

import (
	"flag"
	"os"

	"clinicdesk/app"
	"clinicdesk/app/cli"
	"clinicdesk/screens"

	"fyne.io/fyne/v2"
)

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
	keepWindowMemory(u.SweepLeftScreens)
	playBenchScript(a, u) // `clinicdesk bench` measures the window's memory
	u.ShowAndRun()
	return cli.ExitOK
}

// quitWhenShown closes the window as soon as it is up: `clinicdesk bench`
// times the start to the login screen.
func quitWhenShown(a fyne.App) {
	a.Lifecycle().SetOnStarted(func() {
		go fyne.Do(a.Quit)
	})
}

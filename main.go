// ClinicDesk: front-desk software for a small UK clinic. Without a
// sub-command it opens the window (gui.go); "demo" opens a clinic of made-up
// patients (demo.go); anything else is the command line (app/cli).
package main

import (
	"os"
	"strings"

	"clinicdesk/app/cli"
	"clinicdesk/assets"
	_ "clinicdesk/screens/rendercache" // before Fyne's init: see the package

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

func main() {
	args := os.Args[1:]
	switch {
	case len(args) > 0 && args[0] == "demo":
		useParentConsole()
		os.Exit(runDemo(args[1:]))
	case len(args) == 0 || args[0] == "--db" || strings.HasPrefix(args[0], "--db="):
		os.Exit(runGUI(args))
	}
	useParentConsole()
	self, _ := os.Executable()
	os.Exit(cli.Run(args, cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Self: self}))
}

// newFyneApp is the one door to Fyne's own app package.
func newFyneApp(id string) fyne.App {
	a := fyneapp.NewWithID(id)
	a.SetIcon(fyne.NewStaticResource("clinicdesk.png", assets.Icon))
	return a
}

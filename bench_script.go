package main

import (
	"fmt"
	"os"
	"strconv"

	"clinicdesk/app/cli"
	"clinicdesk/screens"

	"fyne.io/fyne/v2"
)

// playBenchScript makes the window play `clinicdesk bench`'s stretch of
// desk use once it is up, when CLINICDESK_BENCH_SCRIPT gives the rounds,
// writing its memory at each point for the bench to read.
func playBenchScript(a fyne.App, u *screens.UI) {
	rounds, err := strconv.Atoi(os.Getenv(cli.BenchScriptEnv))
	if err != nil || rounds < 0 {
		return
	}
	user, password, searches, err := cli.ReadBenchScriptInput(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "clinicdesk:", err)
		return
	}
	s := screens.BenchScript{User: user, Password: password, Searches: searches, Rounds: rounds,
		Mark: func(stage string) { cli.BenchMark(os.Stdout, stage) }}
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			if err := u.RunBenchScript(s); err != nil {
				fmt.Fprintln(os.Stderr, "clinicdesk bench script:", err)
				fyne.Do(a.Quit)
			}
		}()
	})
}

// quitIfBenchScripted ends a scripted window that could not open the
// clinic, saying why, rather than leave `clinicdesk bench` waiting.
func quitIfBenchScripted(a fyne.App, err error) {
	if os.Getenv(cli.BenchScriptEnv) == "" {
		return
	}
	fmt.Fprintln(os.Stderr, "clinicdesk bench script: the window could not open the clinic file:", err)
	a.Lifecycle().SetOnStarted(func() { go fyne.Do(a.Quit) })
}

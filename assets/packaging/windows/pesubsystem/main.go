// Command pesubsystem makes the console companion of a Windows program:
// it copies a GUI .exe and sets its PE subsystem to "console", as
// Microsoft's `editbin /subsystem:console` does. The two programs are then
// the same code with the same icon and version resources; only what
// Windows does at start differs (a console program gets a console, and
// cmd.exe waits for it and sees its exit code).
//
//	go run ./assets/packaging/windows/pesubsystem GUI.exe CONSOLE.exe
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: pesubsystem GUI.exe CONSOLE.exe")
		os.Exit(2)
	}
	exe, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "pesubsystem:", err)
		os.Exit(1)
	}
	if err := setSubsystem(exe, subsystemConsole); err != nil {
		fmt.Fprintf(os.Stderr, "pesubsystem: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	if err := os.WriteFile(os.Args[2], exe, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "pesubsystem:", err)
		os.Exit(1)
	}
}

//go:build !windows

package main

// useParentConsole matters on Windows only (see console_windows.go): on
// macOS and Linux a program started from a terminal always has one.
func useParentConsole() {}

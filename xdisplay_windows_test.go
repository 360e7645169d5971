//go:build windows

package main

// xDisplayFree: there is no X server on Windows (the Xvfb tests skip).
func xDisplayFree(int) bool { return false }

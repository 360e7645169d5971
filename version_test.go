package main

import (
	"os"
	"regexp"
	"testing"

	"clinicdesk/app"
)

// The installers take their version from FyneApp.toml (the Windows
// program's version resource, the MSI's ProductVersion, the Mac app's
// Info.plist); `clinicdesk version` prints app.Version. A release where
// the two disagree would upgrade to a version it does not say it is.
func TestInstallersAndTheProgramSayTheSameVersion(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if got := string(m[1]); got != app.Version {
		t.Fatalf("FyneApp.toml says version %s, the program says %s: change both together", got, app.Version)
	}
}

package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"clinicdesk/app"
)

// The installers take their version from FyneApp.toml (the Windows
// program's version resource, the MSI's ProductVersion, the Mac app's
// Info.plist); `clinicdesk version` prints app.Version. A release where
// the two disagree would upgrade to a version it does not say it is.
func TestInstallersAndTheProgramSayTheSameVersion(t *testing.T) {
	if want := packagedVersion(t); app.Version != want {
		t.Fatalf("FyneApp.toml says version %s, the program says %s", want, app.Version)
	}
}

// The binary `make build` made (with -trimpath) says it too.
func TestEndToEndVersionIsFyneAppTOMLs(t *testing.T) {
	bin := e2eBinary(t)
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", bin, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	if want := "ClinicDesk " + packagedVersion(t); first != want {
		t.Fatalf("%s version says %q, want %q (FyneApp.toml)", bin, first, want)
	}
}

func TestTheReleaseIsReadFromDetails(t *testing.T) {
	v, err := releaseOf([]byte("Website = \"x\"\n\n[Details]\n  Name = \"ClinicDesk\"\n  Version = \"2.3.4\"\n  Build = 7\n"))
	if err != nil || v != "2.3.4" {
		t.Errorf("releaseOf = %q, %v; want 2.3.4", v, err)
	}
	for _, bad := range []string{"[Details]\n  Name = \"ClinicDesk\"\n", "Version = \"1.0.0\"\n", "[Details\n"} {
		if v, err := releaseOf([]byte(bad)); err == nil {
			t.Errorf("releaseOf(%q) = %q, want an error", bad, v)
		}
	}
}

// packagedVersion reads FyneApp.toml as the packaging scripts read it
// (the first Version line), not through the program's own reader.
func packagedVersion(t *testing.T) string {
	t.Helper()
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	return string(m[1])
}

// The window keeps its preferences under the ID FyneApp.toml gives the
// installers: a program built with another would lose the clinic's window
// size and remembered clinic on upgrade.
func TestTheAppIDIsFyneAppTOMLs(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no ID")
	}
	if appID != string(m[1]) || appID != "uk.co.clinicdesk.desk" {
		t.Fatalf("the program's ID is %q, FyneApp.toml's %q; both must stay uk.co.clinicdesk.desk", appID, m[1])
	}
}

package main

import (
	"bytes"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// buildWindowsGUI cross-builds a tiny Windows GUI program (no cgo, so it
// needs nothing but Go).
func buildWindowsGUI(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	src := "package main\n\nfunc main() {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module tiny\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "tiny.exe")
	// `go test` puts its own GOROOT/bin first on the PATH, so "go" is the
	// toolchain running this test (runtime.GOROOT is empty under -trimpath).
	cmd := exec.Command("go", "build", "-ldflags=-H=windowsgui", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("cross-build: %v\n%s", err, msg)
	}
	exe, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

func subsystemOf(t *testing.T, exe []byte) uint16 {
	t.Helper()
	f, err := pe.NewFile(bytes.NewReader(exe))
	if err != nil {
		t.Fatalf("the result is no longer a PE file: %v", err)
	}
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		return h.Subsystem
	case *pe.OptionalHeader32:
		return h.Subsystem
	}
	t.Fatal("no optional header")
	return 0
}

// The console companion must be the GUI program with only its subsystem
// changed: same code, same resources, and Windows sees a console program.
func TestConsoleCompanionDiffersFromTheWindowOnlyInItsSubsystem(t *testing.T) {
	gui := buildWindowsGUI(t)
	if got := subsystemOf(t, gui); got != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Fatalf("the -H=windowsgui build has subsystem %d", got)
	}
	console := bytes.Clone(gui)
	if err := setSubsystem(console, subsystemConsole); err != nil {
		t.Fatal(err)
	}
	if got := subsystemOf(t, console); got != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Fatalf("companion has subsystem %d, want console (%d)", got, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	}
	changed := 0
	for i := range gui {
		if gui[i] != console[i] {
			changed++
		}
	}
	if changed != 1 || len(console) != len(gui) {
		t.Fatalf("%d bytes changed (length %d to %d): only the subsystem's low byte may", changed, len(gui), len(console))
	}
}

func TestSubsystemToolRefusesFilesThatAreNotWindowsPrograms(t *testing.T) {
	gui := buildWindowsGUI(t)
	notPE := bytes.Clone(gui)
	copy(notPE[0x3c:], []byte{0xff, 0xff, 0, 0}) // PE header pointer beyond the file
	for name, data := range map[string][]byte{
		"empty":           nil,
		"a PDF":           []byte("%PDF-1.4\n%%EOF\n"),
		"a broken header": notPE,
	} {
		before := bytes.Clone(data)
		if err := setSubsystem(data, subsystemConsole); err == nil {
			t.Errorf("%s: accepted", name)
		}
		if !bytes.Equal(before, data) {
			t.Errorf("%s: changed although refused", name)
		}
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/data"
)

// Exit 3 is for a wrong user name or password only (SPEC §3): a script
// that sees it asks for the password again, which cannot help with a
// damaged file, a missing keyring, a full disk or a disabled account.
func TestWrongPasswordIsTheOnlyExitThree(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{app.ErrWrongPassword, ExitWrongAuth},
		{&AuthError{Err: app.ErrWrongPassword}, ExitWrongAuth},
		{fmt.Errorf("sign in: %w", app.ErrWrongPassword), ExitWrongAuth},
		{&app.SignInWaitError{Username: "asmith", Wait: time.Second, Checked: true}, ExitWrongAuth},
		{&app.SignInWaitError{Username: "asmith", Wait: time.Second}, ExitFailure},
		{app.ErrAccountDisabled, ExitFailure},
		{&AuthError{Err: app.ErrAccountDisabled}, ExitFailure},
		{fmt.Errorf("open: %w", data.ErrNotAClinic), ExitFailure},
		{&data.KeyringError{Entry: "user:asmith"}, ExitFailure},
		{fmt.Errorf("save: %w", data.ErrDiskFull), ExitFailure},
		{errors.New("anything else"), ExitFailure},
		{usagef("--db PATH is required"), ExitUsage},
	}
	for _, c := range cases {
		if got := ExitCode(c.err); got != c.want {
			t.Errorf("%v: exit %d, want %d", c.err, got, c.want)
		}
	}
}

// The clinic file's side of these is the lead's (data.ErrNotAClinic,
// data.KeyringError); the command line must pass their message on and
// exit 1, never "wrong user name or password" with exit 3.
func TestFileThatIsNotAClinicIsNotAWrongPassword(t *testing.T) {
	db := initClinic(t)
	full, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cases := map[string]func(path string){
		"empty":     func(p string) { os.WriteFile(p, nil, 0o600) },
		"truncated": func(p string) { os.WriteFile(p, full[:len(full)/3], 0o600) },
		"text":      func(p string) { os.WriteFile(p, []byte("Dear Sir,\nthis is a letter, not a clinic.\n"), 0o600) },
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".db")
			make(path)
			// A keyring beside it, as if the clinic file alone was damaged.
			kr, _ := os.ReadFile(data.KeyringPath(db))
			os.WriteFile(data.KeyringPath(path), kr, 0o600)
			before, _ := os.ReadFile(path)
			r := run(pw+"\n", "verify", "--db", path, "--user", "manager", "--password-stdin")
			if r.code != ExitFailure || strings.Contains(r.stderr, "wrong user name or password") || !strings.Contains(r.stderr, path) {
				t.Errorf("exit %d: %s", r.code, r.stderr)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("opening changed a file that is not a clinic")
			}
		})
	}
	// A file that is not a clinic and has no keyring: it is not a clinic,
	// not "keyring missing: restore it from a backup".
	lone := filepath.Join(dir, "lone.db")
	os.WriteFile(lone, nil, 0o600)
	r := run(pw+"\n", "verify", "--db", lone, "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || strings.Contains(r.stderr, "keyring") || !strings.Contains(r.stderr, "not a ClinicDesk clinic file") {
		t.Errorf("empty file, no keyring: exit %d: %s", r.code, r.stderr)
	}
}

func TestMissingOrDamagedKeyringIsNotAWrongPassword(t *testing.T) {
	db := initClinic(t)
	kr := data.KeyringPath(db)
	good, _ := os.ReadFile(kr)
	// The keyring has a second copy beside it; both are gone or both
	// damaged, or the second copy would rightly save the day.
	copies := []string{kr, data.MirrorPath(kr)}

	for _, p := range copies {
		os.Remove(p)
	}
	r := run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "keyring") || strings.Contains(r.stderr, "wrong user name or password") {
		t.Errorf("missing keyring: exit %d: %s", r.code, r.stderr)
	}

	// The manager's entry damaged: the right password must not be told it
	// is wrong, and the message names the keyring.
	damaged := damageEntryNonce(t, good, "user:manager")
	for _, p := range copies {
		os.WriteFile(p, damaged, 0o600)
	}
	r = run(pw+"\n", "verify", "--db", db, "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || strings.Contains(r.stderr, "wrong user name or password") || !strings.Contains(r.stderr, "keyring") {
		t.Errorf("damaged keyring entry: exit %d: %s", r.code, r.stderr)
	}
}

// damageEntryNonce gives the keyring entry id a nonce of the wrong length,
// as a bad disk sector or a careless edit might.
func damageEntryNonce(t *testing.T, keyring []byte, id string) []byte {
	t.Helper()
	var f map[string]any
	if err := json.Unmarshal(keyring, &f); err != nil {
		t.Fatal(err)
	}
	entries, _ := f["entries"].([]any)
	for _, e := range entries {
		if m, ok := e.(map[string]any); ok && m["id"] == id {
			m["nonce"] = "AAAAAAA="
			b, err := json.MarshalIndent(f, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no keyring entry %s to damage", id)
	return nil
}

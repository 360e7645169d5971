package screens

import (
	"os"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/data"

	"fyne.io/fyne/v2/test"
)

// Item 7: a manager who signs in is shown a damaged keyring entry by name,
// with what to do; a receptionist is not (they cannot mend it).
func TestManagerIsShownADamagedRecoveryEntryAfterSignIn(t *testing.T) {
	c, _ := fdCreate(t)
	path := c.Path()
	if _, err := c.AddUser(app.NewUser{Username: "rhys", FullName: "Rhys Llewellyn", Role: app.Receptionist, Password: "kettle bramble quartz ferry"}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	kr := data.KeyringPath(path)
	for _, p := range []string{kr, data.MirrorPath(kr)} {
		b, _ := os.ReadFile(p)
		i := strings.Index(string(b), `"id": "recovery"`)
		j := i + strings.Index(string(b[i:]), `"nonce": "`) + len(`"nonce": "`)
		os.WriteFile(p, append(append(append([]byte{}, b[:j]...), "AAAA"...), b[j+16:]...), 0o600)
	}
	opened, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	tpHoldResults(t) // background results wait for the test's own goroutine
	u := New(a, Options{Clinic: opened, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	t.Cleanup(func() { u.closeClinic() })

	fdTry(u, "rhys", "kettle bramble quartz ferry")
	if joined := strings.Join(tcTexts(u.win), "\n"); strings.Contains(joined, "recovery key's entry") {
		t.Fatal("a receptionist is shown the keyring problem")
	}
	u.clinic.SignOut()
	u.showLogin(false)
	u.settle()
	fdTry(u, "sjones", fdPassword)
	joined := strings.Join(tcTexts(u.win), "\n")
	if !strings.Contains(joined, "recovery key's entry is damaged") || !strings.Contains(joined, "Settings (Security tab)") {
		t.Fatalf("the manager is not shown the damaged entry:\n%s", joined)
	}
}

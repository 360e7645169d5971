package app

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The sheet of the key made with the clinic is not saved until someone
// says so; saving is recorded for that key only, a new key needs its own
// sheet and retires the old one, and only a manager can do or see any of it.
func TestRecoverySheetSavedIsRecordedPerRecoveryKeyForManagersOnly(t *testing.T) {
	c, path, firstKey := newClinic(t)
	addUser(t, c, "reception", Receptionist)

	st, err := c.RecoverySheet()
	if err != nil || st.Saved || st.KeyMade.IsZero() || st.KeyMadeBy != "Ann Manager" {
		t.Fatalf("a new clinic's sheet: %+v, %v (want not saved, key made by Ann Manager)", st, err)
	}

	// Someone who is not a manager can neither mark it nor ask.
	if err := c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	var perm *PermissionError
	if err := c.MarkRecoverySheetSaved(); !errors.As(err, &perm) {
		t.Fatalf("a receptionist marked the sheet saved: %v", err)
	}
	if _, err := c.RecoverySheetSaved(); !errors.As(err, &perm) {
		t.Fatalf("a receptionist was told about the sheet: %v", err)
	}

	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	if err := c.MarkRecoverySheetSaved(); err != nil {
		t.Fatal(err)
	}
	c = reopen(t, c, path)
	if err := c.SignIn("amanager", managerPassword); err != nil {
		t.Fatal(err)
	}
	st, err = c.RecoverySheet()
	if err != nil || !st.Saved || st.SavedBy != "Ann Manager" || st.SavedAt.Before(st.KeyMade) {
		t.Fatalf("after saving the sheet and reopening: %+v, %v", st, err)
	}

	// A new key: its sheet is not saved yet, whatever was said of the old one.
	newKey, err := c.NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	if saved, err := c.RecoverySheetSaved(); err != nil || saved {
		t.Fatalf("a new key's sheet counts as saved (%v, %v): the old sheet's record must not carry over", saved, err)
	}
	if err := c.MarkRecoverySheetSaved(); err != nil {
		t.Fatal(err)
	}
	if saved, err := c.RecoverySheetSaved(); err != nil || !saved {
		t.Fatalf("the new key's sheet, saved: %v, %v", saved, err)
	}
	if err := c.RecoverAccess(firstKey, "amanager", "brand-new-manager-words"); err == nil {
		t.Fatal("the old recovery key still opens the clinic after a new one was made")
	}
	if err := c.RecoverAccess(newKey, "amanager", "brand-new-manager-words"); err != nil {
		t.Fatalf("the new recovery key: %v", err)
	}

	// Each saving is in the audit trail, which still verifies.
	if n := countOf(auditActions(t, c), "amanager recovery.sheet_saved"); n != 2 {
		t.Fatalf("%d recovery.sheet_saved rows, want 2: %q", n, auditActions(t, c))
	}
	if _, err := c.store.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func countOf(list []string, s string) int {
	n := 0
	for i := slices.Index(list, s); i >= 0; i = slices.Index(list, s) {
		n++
		list = list[i+1:]
	}
	return n
}

// The sheet is assembled in one place from the clinic: its name, where
// its file is, the key given and the manager signed in; nobody else may
// print one, and there is nothing to print without a key.
func TestWriteRecoverySheetTakesTheClinicsDetailsForManagersOnly(t *testing.T) {
	c, path, key := newClinic(t)
	addUser(t, c, "reception", Receptionist)
	d, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	made := c.clock()
	var pdf bytes.Buffer
	if err := c.WriteRecoverySheet(&pdf, key, made); err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, pdf.Bytes())
	abs, _ := filepath.Abs(path)
	for _, want := range []string{d.Name, key, "Ann Manager", filepath.Base(abs)} {
		if !strings.Contains(text, want) {
			t.Errorf("the sheet does not say %q:\n%s", want, text)
		}
	}
	if err := c.WriteRecoverySheet(&bytes.Buffer{}, "", made); err == nil {
		t.Error("a sheet was printed without a key")
	}
	if err := c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	var perm *PermissionError
	var out bytes.Buffer
	if err := c.WriteRecoverySheet(&out, key, made); !errors.As(err, &perm) || out.Len() != 0 {
		t.Fatalf("a receptionist printed the sheet: %v (%d bytes)", err, out.Len())
	}
}

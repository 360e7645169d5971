package app

import "testing"

// Item 10: closing anchors the trail up to its last row (the sign-out), so
// no row written in a session is left for the next one to anchor.
func TestClosingAnchorsTheTrailToItsLastRow(t *testing.T) {
	c, path, _ := newClinic(t)
	addUser(t, c, "anchored", Receptionist)
	c2 := reopen(t, c, path)
	mustSignIn(t, c2, "amanager", managerPassword)
	head, _, err := c2.store.AuditHead()
	if err != nil {
		t.Fatal(err)
	}
	a, err := c2.store.CheckAuditAnchor()
	if err != nil {
		t.Fatal(err)
	}
	// Everything before this sign-in, the first session's sign-out
	// included, is anchored: only the new sign-in row is past it.
	if !a.Anchored || a.Seq != head-1 {
		t.Fatalf("anchor at %d, head %d: the last session's rows are not anchored", a.Seq, head)
	}
}

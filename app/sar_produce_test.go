package app

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"clinicdesk/app/sar"
)

// onWrite is a writer that runs f on its first write: what the desk
// might do while a copy is being saved.
type onWrite struct {
	bytes.Buffer
	f    func()
	done bool
}

func (w *onWrite) Write(b []byte) (int, error) {
	if !w.done {
		w.done = true
		w.f()
	}
	return w.Buffer.Write(b)
}

// A copy is written with the clinic free for everyone else: the rest of
// the desk does not wait on rendering a long record or on a slow disk.
func TestSubjectAccessWritesTheCopyWithoutHoldingTheClinic(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	held := false
	pdf := &onWrite{f: func() {
		if c.mu.TryLock() {
			c.mu.Unlock()
		} else {
			held = true
		}
	}}
	req, err := c.SubjectAccess(p.ID, sd("2026-11-20"), "", pdf, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if held {
		t.Error("the clinic was held while the copy was written")
	}
	if !strings.HasPrefix(pdf.String(), "%PDF") || req.SHA256PDF != sarSum(pdf.Bytes()) {
		t.Errorf("the copy recorded is not the one written (%q…)", pdf.String()[:min(8, pdf.Len())])
	}
}

// Two people answering the same request at once: the first copy recorded
// counts, the second is refused (its files are discarded by the caller),
// and the request is produced once.
func TestProduceSARTwiceAtOnceRecordsOneCopy(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	req, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-20"), IdentityCheck: "known to the practice"})
	if err != nil {
		t.Fatal(err)
	}
	var first sar.Request
	var firstErr error
	pdf := &onWrite{f: func() { first, firstErr = c.ProduceSAR(req.ID, &bytes.Buffer{}, &bytes.Buffer{}) }}
	_, err = c.ProduceSAR(req.ID, pdf, &bytes.Buffer{})
	if firstErr != nil || first.ProducedAt.IsZero() {
		t.Fatalf("the copy made first: %v", firstErr)
	}
	if err == nil {
		t.Fatal("a second copy of an answered request was recorded")
	}
	stored, err := c.SARRequest(req.ID)
	if err != nil || stored.SHA256PDF != first.SHA256PDF {
		t.Fatalf("the request holds %q, want the first copy's %q (%v)", stored.SHA256PDF, first.SHA256PDF, err)
	}
	if n := len(slices.DeleteFunc(sarActions(t, c, req.ID), func(a string) bool { return a != "patient.sar" })); n != 1 {
		t.Errorf("%d copies audited, want 1", n)
	}
}

// Locked while the copy was being written: nothing is recorded, and the
// caller is told, so the files are not kept as if handed over.
func TestSubjectAccessLockedMeanwhileRecordsNothing(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	pdf := &onWrite{f: c.Lock}
	if _, err := c.SubjectAccess(p.ID, sd("2026-11-20"), "", pdf, &bytes.Buffer{}); err == nil {
		t.Fatal("a copy made across a lock was recorded")
	}
	if err := c.Unlock("mossy-kettle-harbour"); err != nil {
		t.Fatal(err)
	}
	reqs, err := c.SARRequests(p.ID)
	if err != nil || len(reqs) != 0 {
		t.Fatalf("requests after the refused copy: %+v %v", reqs, err)
	}
}

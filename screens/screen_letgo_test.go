package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// A screen left lets go of what it read, and of what was still being
// read for it: Fyne keeps a left screen's widgets for 12 to 22 s, and
// they must not keep the patients found, the record open or the
// register with them (after a lock, least of all).
func TestAScreenLeftLetsGoOfWhatItRead(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	ann := tpAdd(t, c, "Ann", "Ashworth", "1970-01-02")
	trReferral(t, c, ann.ID, d.patel.ID, 3)

	s, r, _ := tpOpen(t, c, ann)
	if len(s.results) == 0 || r.data.p.ID != ann.ID {
		t.Fatalf("the Patients screen read %d patients and the record of %q", len(s.results), r.data.p.ID)
	}
	r.load(true) // the record read again: its answer is on its way as the desk leaves
	s.runSearch()
	s.ctx.enterScreen()
	tpIdle(t)
	if s.results != nil || r.data.p.ID != "" || r.data.timeline != nil {
		t.Errorf("the Patients screen left still holds %d patients and the record of %q", len(s.results), r.data.p.ID)
	}

	rs, _, _ := trScreen(t, c)
	if len(rs.items) != 1 || len(rs.shown) != 1 {
		t.Fatalf("the register read %d referrals, shows %d", len(rs.items), len(rs.shown))
	}
	rs.reload()
	rs.ctx.leaveScreen() // a lock
	tpIdle(t)
	if rs.items != nil || rs.shown != nil {
		t.Errorf("the Referrals screen left still holds %d referrals", len(rs.items))
	}

	obj, _, _ := tcBuild(t, c, calendarModuleID)
	cs := obj.(*calendarScreen)
	tpIdle(t)
	if cs.entries == nil {
		t.Fatal("the Calendar read no day")
	}
	cs.reload()
	cs.ctx.enterScreen()
	tpIdle(t)
	if cs.entries != nil {
		t.Errorf("the Calendar left still holds %d appointments", len(cs.entries))
	}
}

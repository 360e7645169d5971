package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// A record opens on its details without building its timeline: the tabs
// measure every tab they hold, so a built timeline was a row of widgets
// per event, kept for a tab nobody had opened. The timeline is there,
// whole, once its tab is chosen, and after the record is read again.
func TestARecordBuildsItsTimelineWhenItsTabIsChosen(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ann := tpAdd(t, c, "Ann", "Ashworth", "1970-01-02")
	_, r, w := tpOpen(t, c, ann)
	if r.timelineBox != nil {
		t.Fatal("the record built its timeline to show its details")
	}
	r.selectTab(recordTabTimeline)
	if r.timelineBox == nil || len(r.timelineBox.Objects) == 0 {
		t.Fatal("the Timeline tab shows nothing")
	}
	if !tpShows(w, "Record created") {
		t.Errorf("the timeline does not say the record was created: %q", tpTexts(w))
	}
	r.load(false) // read again, as after a note is added
	tpIdle(t)
	if !tpShows(w, "Record created") {
		t.Errorf("the timeline read again lost its events: %q", tpTexts(w))
	}
}

// Settings opens on the clinic's details with the other tabs unbuilt,
// and builds each as it is chosen, by a click or from elsewhere (Today's
// checklist opens Calendar set-up on its own tab).
func TestSettingsBuildsEachTabWhenItIsChosen(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcSettings(t, c)
	if s.users == nil || s.users.list != nil || s.security.idleMinutes != nil {
		t.Fatal("Settings built the Users and Security tabs to show the clinic's details")
	}
	s.tabs.SelectIndex(1) // as a click on Users does
	if s.users.list == nil || !tcShows(w, "Everyone has their own sign-in") {
		t.Fatalf("the Users tab chosen shows %q", tpTexts(w))
	}
	if s.security.idleMinutes != nil {
		t.Fatal("choosing Users built Security too")
	}

	pendingSettingsTab, pendingCalendarSetupTab = settingsTabCalendar, setupTabTypes
	cs, _, _ := tcSettings(t, c)
	if cs.calendar.tabs == nil || cs.calendar.tabs.Selected() == nil || cs.calendar.tabs.Selected().Text != setupTabTypes {
		t.Fatal("Settings opened from the checklist did not show Calendar set-up's types")
	}
}

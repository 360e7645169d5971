package screens

import (
	"strings"
	"testing"

	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// "tomorrow" then Enter adds a follow-up due tomorrow, and the line under
// the field said which day that was before it was added.
func TestFollowUpDateAcceptsSpokenDates(t *testing.T) {
	test.NewTempApp(t)
	tpHoldResults(t)
	c := tcClinic(t)
	p := tpAdd(t, c, "Amelia", "Taylor", "1990-01-01")
	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabTasks)
	tomorrow := patientToday().AddDays(1)

	tpType(t, w, r.taskTitle, "Ring about the scan")
	tpType(t, w, r.taskDue, "Tomorrow")
	if !tpShows(w, "Due "+tomorrow.LongWithDay()) {
		t.Fatalf("the field does not say which day tomorrow is: %q", tpTexts(w))
	}
	tpKey(t, r.taskDue, fyne.KeyReturn)
	tpIdle(t)
	got, err := c.Tasks(tasks.Filter{PatientID: p.ID})
	if err != nil || len(got) != 1 || got[0].Due != tomorrow || got[0].Title != "Ring about the scan" {
		t.Fatalf("Enter did not add a follow-up due %s: %+v %v", tomorrow, got, err)
	}
	if r.taskDue.Text != "" || r.taskTitle.Text != "" {
		t.Errorf("the fields were not cleared for the next one: %q %q", r.taskTitle.Text, r.taskDue.Text)
	}
	if w.Canvas().Focused() != r.taskTitle {
		t.Errorf("after adding, the keyboard is not back in the follow-up box for the next one")
	}

	// A word that is not a date is refused in words, and stays to be put right.
	tpType(t, w, r.taskTitle, "Chase the GP letter")
	tpType(t, w, r.taskDue, "tuesdy")
	if !tpShows(w, `"tuesdy" is not a date`) {
		t.Fatalf("the line under the field does not say tuesdy is not a date: %q", tpTexts(w))
	}
	tpKey(t, r.taskDue, fyne.KeyReturn)
	if !strings.Contains(r.taskProblem.Text, "tuesdy") || !strings.Contains(r.taskProblem.Text, "tomorrow") || r.taskDue.Text != "tuesdy" {
		t.Fatalf("refusal %q, field %q", r.taskProblem.Text, r.taskDue.Text)
	}
	// "tuesday" is the next Tuesday after today, never today.
	r.taskDue.SetText("tuesday")
	tpKey(t, r.taskDue, fyne.KeyReturn)
	tpIdle(t)
	want, _ := ukcal.ParseSpoken("tuesday", patientToday(), ukcal.Ahead)
	if got, _ = c.Tasks(tasks.Filter{PatientID: p.ID}); len(got) != 2 || !hasTaskDue(got, want) || want == patientToday() {
		t.Fatalf("tuesday: %+v, want one due %s", got, want)
	}
}

func hasTaskDue(tasks []tasks.Task, due ukcal.Date) bool {
	for _, k := range tasks {
		if k.Due == due {
			return true
		}
	}
	return false
}

// The booking dialog's date takes "thursday": the line under it names the
// day, Enter writes it as dd/mm/yyyy and moves on to the time, and Book
// books that day.
func TestBookingDateAcceptsSpokenDates(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpAdd(t, c, "Jane", "O'Neill", "1980-03-12")
	s, w := ctScreen(t, c)
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 10*60+15)
	b := s.booking
	if b == nil {
		t.Fatal("tapping an empty slot did not open the booking dialog")
	}
	ctChoosePatient(t, w, b, "O'Neill")
	thursday, err := ukcal.ParseSpoken("thursday", patientToday(), ukcal.Ahead)
	if err != nil || thursday.Weekday() != 4 || !thursday.After(patientToday()) {
		t.Fatalf("thursday = %s, %v", thursday, err)
	}

	b.date.SetText("")
	tpType(t, w, b.date, "thurs")
	if b.dateHint.Text != thursday.LongWithDay() {
		t.Fatalf("the line under the date says %q, want %q", b.dateHint.Text, thursday.LongWithDay())
	}
	tpKey(t, b.date, fyne.KeyReturn)
	if b.date.Text != thursday.Short() {
		t.Errorf("Enter left the date as %q, want it written %s", b.date.Text, thursday.Short())
	}
	if w.Canvas().Focused() != b.start {
		t.Errorf("Enter in the date did not move on to the time")
	}

	// Words that are no date stay in the field and say why.
	b.date.SetText("")
	tpType(t, w, b.date, "thursdy")
	tpKey(t, b.date, fyne.KeyReturn)
	if b.date.Text != "thursdy" || !strings.Contains(b.problem.Text, `"thursdy"`) || !strings.Contains(b.dateHint.Text, "tomorrow") {
		t.Fatalf("field %q, problem %q, hint %q", b.date.Text, b.problem.Text, b.dateHint.Text)
	}

	b.date.SetText("thu")
	tpIdle(t)
	if b.blocking || b.book.Disabled() {
		t.Fatalf("a free slot on %s asks for a reason: %q", thursday, b.warnings.Text)
	}
	test.Tap(b.book)
	tpIdle(t)
	if got := ctDiaryOn(t, c, thursday); len(got) != 1 {
		t.Fatalf("%d appointments on %s, want the one booked for thursday", len(got), thursday)
	}
}

package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/letters"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// ltTab builds Settings → Letters for the signed-in user in a test window.
func ltTab(t *testing.T, c *app.Clinic) (*lettersTab, *tcShell) {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 900))
	sh := &tcShell{}
	ctx := &Context{Window: w, Clinic: c, Runner: tpRun, ShowError: func(err error) { sh.errors = append(sh.errors, err) }}
	tab := newLettersTab(ctx)
	w.SetContent(tab.build())
	return tab, sh
}

func TestTemplateEditorNamesTheLineOfAnUnknownFieldAndSavesNothing(t *testing.T) {
	c := tcClinic(t)
	tpHoldResults(t)
	tab, _ := ltTab(t, c)
	tpIdle(t)
	if len(tab.templates) != len(letters.DefaultTemplateNames()) || tab.current != 0 {
		t.Fatalf("%d templates, current %d", len(tab.templates), tab.current)
	}
	before := tab.templates[0]
	tab.body.SetText("Thank you for booking.\n\nWe look forward to {{patient.forname}}.\n")
	test.Tap(tab.saveButton)
	if !tab.problem.Visible() || !strings.Contains(tab.problem.Text, "line 3") || !strings.Contains(tab.problem.Text, "patient.forname") {
		t.Fatalf("problem shown: %v %q", tab.problem.Visible(), tab.problem.Text)
	}
	stored, err := c.LetterTemplateNamed(before.Name)
	if err != nil || stored.Body != before.Body || stored.Edited {
		t.Fatalf("a template with a mistake was saved: %v", err)
	}

	// The picker puts the tag where the cursor is.
	tab.body.SetText("Dear friend,\nSee you soon.")
	tab.body.CursorRow, tab.body.CursorColumn = 1, 4
	for i, f := range tab.fields {
		if f.Name == "patient.forenames" {
			tab.picker.SetSelectedIndex(i)
		}
	}
	if tab.body.Text != "Dear friend,\nSee {{patient.forenames}}you soon." {
		t.Fatalf("inserted: %q", tab.body.Text)
	}
	tab.body.SetText("See you soon, {{patient.forenames}}.\n")
	tab.showPreview()
	tpIdle(t)
	if tab.problem.Visible() || len(tab.preview.Segments) < 3 || !strings.Contains(tab.preview.String(), "See you soon, Zoë.") {
		t.Fatalf("preview: %q %q", tab.problem.Text, tab.preview.String())
	}
	test.Tap(tab.saveButton)
	if stored, _ := c.LetterTemplateNamed(before.Name); !stored.Edited || !strings.Contains(stored.Body, "See you soon") {
		t.Fatalf("a good edit was not saved: %+v", stored)
	}
}

func TestReceptionistGetsDayPrintingButNoEditor(t *testing.T) {
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "desk", FullName: "Dee Desk", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("desk", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	tab, _ := ltTab(t, c)
	if tab.editable || tab.list != nil || tab.day == nil {
		t.Fatal("a receptionist was given the template editor")
	}
}

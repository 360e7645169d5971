package screens

import (
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app/complaints"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsTabComplaints is the Settings tab for the complaints register.
const settingsTabComplaints = "Complaints"

// complaintSettingsTab sets the response period offered to complainants
// and the longest one the desk may agree (practice managers).
type complaintSettingsTab struct {
	ctx        *Context
	defaultDay *widget.Entry
	maxDays    *widget.Entry
	status     *widget.Label
	rules      *complaintRulesFields
	saved      complaints.Settings
}

func newComplaintSettingsTab(ctx *Context) *complaintSettingsTab {
	return &complaintSettingsTab{ctx: ctx}
}

func (t *complaintSettingsTab) build() fyne.CanvasObject {
	t.defaultDay = widget.NewEntry()
	t.maxDays = widget.NewEntry()
	t.status = note()
	cs, err := t.ctx.Clinic.ComplaintSettings()
	if err == nil {
		t.saved = cs
		t.defaultDay.SetText(strconv.Itoa(cs.DefaultResponseDays))
		t.maxDays.SetText(strconv.Itoa(cs.MaxResponseDays))
	} else {
		say(t.status, widget.DangerImportance, "The complaint settings could not be read: "+plainError(err))
	}
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), t.save)
	save.Importance = widget.HighImportance
	t.maxDays.OnSubmitted = func(string) { t.save() }
	form := widget.NewForm(
		widget.NewFormItem("Response period offered", container.NewHBox(sized(t.defaultDay, 80), widget.NewLabel("working days"))),
		widget.NewFormItem("Longest period allowed", container.NewHBox(sized(t.maxDays, 80), widget.NewLabel("working days"))),
	)
	intro := wrapped("When a complaint is acknowledged, the complainant is offered a date for the full response. " +
		"ClinicDesk offers the period below, counted in working days from the day after receipt; the desk may agree a " +
		"different one with the complainant, up to the longest allowed. Periods already agreed do not change.")
	six := lowNote("Six months after receipt with no response, the regulations expect a delay letter; 130 working days is about six months.")
	t.rules = newComplaintRulesFields(cs, t.ctx.Clinic.ComplaintNation())
	return newFocusScroll(container.NewPadded(limitWidth(container.NewVBox(
		heading("Complaint response periods"), intro, form, six, widget.NewSeparator(), t.rules.section(),
		container.NewHBox(save), t.status), 760)))
}

// save checks and saves the two periods.
func (t *complaintSettingsTab) save() {
	def, err1 := strconv.Atoi(strings.TrimSpace(t.defaultDay.Text))
	longest, err2 := strconv.Atoi(strings.TrimSpace(t.maxDays.Text))
	if err1 != nil || err2 != nil {
		say(t.status, widget.DangerImportance, "Type whole numbers of working days, such as 25 and 130.")
		return
	}
	cs := t.saved
	cs.DefaultResponseDays, cs.MaxResponseDays = def, longest
	t.rules.apply(&cs)
	if err := t.ctx.Clinic.SaveComplaintSettings(cs); err != nil {
		say(t.status, widget.DangerImportance, plainError(err))
		return
	}
	// The tidied copy as stored; unread, what was saved stands for it.
	t.saved = cs
	if fresh, err := t.ctx.Clinic.ComplaintSettings(); err == nil {
		t.saved = fresh
		t.rules.ods.SetText(fresh.ODSCode)
	}
	say(t.status, widget.SuccessImportance, fmt.Sprintf("Saved: %d working days offered, at most %d.", def, longest))
}

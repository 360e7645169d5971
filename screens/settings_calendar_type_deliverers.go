package screens

import (
	"slices"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The two answers to "Who can deliver it" in a type's dialog.
const (
	setupDeliverAnyone = "Anyone"
	setupDeliverOnly   = "Only these roles or clinicians"
)

// setupDeliverersChooser is "Who can deliver it" in an appointment type's
// dialog: anyone, or only clinicians with the roles ticked and the
// clinicians ticked. Booking someone else warns, and the next free slot
// offers only them.
type setupDeliverersChooser struct {
	mode       *widget.RadioGroup
	roleNames  []string
	roles      []*widget.Check
	team       []schedule.Clinician
	clinicians []*widget.Check
	ticks      *fyne.Container // shown when not anyone
	problem    *widget.Label
	box        *fyne.Container
	refit      func()
}

// newSetupDeliverersChooser shows d for the clinicians of the clinic
// (inactive ones only when d names them, so a choice is never lost
// unseen). refit is called as the ticks show and hide.
func newSetupDeliverersChooser(d schedule.Deliverers, team []schedule.Clinician, refit func()) *setupDeliverersChooser {
	c := &setupDeliverersChooser{problem: errorText(), refit: refit}
	var active []schedule.Clinician
	for _, cl := range team {
		if cl.Active || slices.Contains(d.ClinicianIDs, cl.ID) {
			c.team = append(c.team, cl)
		}
		if cl.Active {
			active = append(active, cl)
		}
	}
	c.roleNames = app.ClinicianRoles(active)
	for _, r := range d.Roles { // a role nobody has now stays, ticked
		if !slices.ContainsFunc(c.roleNames, func(x string) bool { return strings.EqualFold(x, r) }) {
			c.roleNames = append(c.roleNames, r)
		}
	}
	var roleChecks []fyne.CanvasObject
	for _, r := range c.roleNames {
		ch := widget.NewCheck(r, func(bool) { c.tidy() })
		ch.SetChecked(slices.ContainsFunc(d.Roles, func(x string) bool { return strings.EqualFold(x, r) }))
		c.roles = append(c.roles, ch)
		roleChecks = append(roleChecks, ch)
	}
	var clinChecks []fyne.CanvasObject
	for _, cl := range c.team {
		text := cl.Name
		if cl.Role != "" {
			text += " (" + cl.Role + ")"
		}
		if !cl.Active {
			text += ", no longer working here"
		}
		ch := widget.NewCheck(text, func(bool) { c.tidy() })
		ch.SetChecked(slices.Contains(d.ClinicianIDs, cl.ID))
		c.clinicians = append(c.clinicians, ch)
		clinChecks = append(clinChecks, ch)
	}
	c.ticks = container.NewVBox(wrapped("Booking anyone else asks for a reason, and the next free slot offers only those ticked."))
	if len(roleChecks) > 0 {
		c.ticks.Add(widget.NewLabel("Anyone whose role is:"))
		c.ticks.Add(container.NewGridWithColumns(2, roleChecks...))
	}
	if len(clinChecks) > 0 {
		c.ticks.Add(widget.NewLabel("And these clinicians:"))
		c.ticks.Add(container.NewGridWithColumns(2, clinChecks...))
	}
	if len(roleChecks)+len(clinChecks) == 0 {
		c.ticks.Add(wrapped("No clinicians are set up yet: add them on the Clinicians tab first."))
	}
	c.mode = widget.NewRadioGroup([]string{setupDeliverAnyone, setupDeliverOnly}, func(string) { c.tidy() })
	c.mode.Horizontal = true
	c.mode.Required = true
	if d.Anyone() {
		c.mode.SetSelected(setupDeliverAnyone)
	} else {
		c.mode.SetSelected(setupDeliverOnly)
	}
	// The problem goes under the choice, where it is seen: the ticks below
	// may run past the dialog's scroll.
	c.box = container.NewVBox(c.mode, c.problem, c.ticks)
	c.tidy()
	return c
}

// tidy shows the ticks only when they count, and clears a problem once a
// tick answers it.
func (c *setupDeliverersChooser) tidy() {
	if c.box == nil {
		return // still being built
	}
	if c.mode.Selected == setupDeliverOnly {
		c.ticks.Show()
	} else {
		c.ticks.Hide()
	}
	if _, ok := c.chosen(); ok && c.problem.Text != "" {
		// The words go but their line stays, so the ticks below do not
		// jump up under the pointer between two ticks.
		c.problem.SetText("")
	}
	if c.refit != nil {
		c.refit()
	}
}

// chosen is who the dialog says delivers the type; false when "only" is
// chosen with nothing ticked.
func (c *setupDeliverersChooser) chosen() (schedule.Deliverers, bool) {
	var d schedule.Deliverers
	if c.mode.Selected != setupDeliverOnly {
		return d, true
	}
	for i, ch := range c.roles {
		if ch.Checked {
			d.Roles = append(d.Roles, c.roleNames[i])
		}
	}
	for i, ch := range c.clinicians {
		if ch.Checked {
			d.ClinicianIDs = append(d.ClinicianIDs, c.team[i].ID)
		}
	}
	return d, !d.Anyone()
}

// check says what is wrong, if anything, and reports whether all is well.
func (c *setupDeliverersChooser) check() (schedule.Deliverers, bool) {
	d, ok := c.chosen()
	if ok {
		setMessage(c.problem, "")
	} else {
		setMessage(c.problem, "Tick at least one role or clinician, or choose Anyone.")
	}
	return d, ok
}

package screens

import (
	"strings"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// missingDetails names what letters need that the clinic's details lack:
// the address goes at the top of every letter and slip, and the phone
// number is what they ask patients to ring. Empty when nothing is missing.
func missingDetails(d app.ClinicDetails) string {
	var missing []string
	if strings.TrimSpace(d.Address) == "" {
		missing = append(missing, "address")
	}
	if strings.TrimSpace(d.Phone) == "" {
		missing = append(missing, "phone number")
	}
	return strings.Join(missing, " and ")
}

// detailsCard is Today's reminder that letters cannot be sent until the
// clinic's address or phone is added (the setup wizard lets them be left
// out), with the way there for someone who may add them; nil when the
// details are complete or cannot be read.
func detailsCard(ctx *Context) *widget.Card {
	d, err := ctx.Clinic.Details()
	if err != nil {
		return nil
	}
	missing := missingDetails(d)
	if missing == "" {
		return nil
	}
	verb := "is"
	if strings.Contains(missing, " and ") {
		verb = "are"
	}
	text := "Letters and appointment slips need the clinic's " + missing + ", which " + verb + " not filled in yet."
	var action *widget.Button
	if ctx.Clinic.Can(app.PermEditClinic) {
		// A short label: the side column is narrow, and a wide button
		// would widen every card in it past the column's edge.
		action = widget.NewButtonWithIcon("Clinic details", theme.SettingsIcon(), func() {
			openSettingsTab(ctx, settingsTabDetails)
		})
		action.Importance = widget.HighImportance
	} else {
		text += " Ask a practice manager to fill it in (Settings, Clinic details)."
		if verb == "are" {
			text = strings.Replace(text, "fill it in", "fill them in", 1)
		}
	}
	message := wrapped(text)
	message.Importance = widget.WarningImportance
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	var buttons fyne.CanvasObject // a nil interface, not a nil *Container
	if action != nil {
		buttons = container.NewHBox(action)
	}
	body := container.NewBorder(nil, buttons, container.NewVBox(icon), nil, message)
	return widget.NewCard("Letters", "Needs attention", body)
}

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
	text := "Letters and appointment slips need the clinic's " + missing + ", and ClinicDesk does not have it yet."
	var action *widget.Button
	if ctx.Clinic.Can(app.PermEditClinic) {
		text += " Add it in Clinic details."
		action = widget.NewButtonWithIcon("Add the clinic's "+missing, theme.SettingsIcon(), func() {
			openSettingsTab(ctx, settingsTabDetails)
		})
		action.Importance = widget.HighImportance
	} else {
		text += " Ask a practice manager to add it in Settings, Clinic details."
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

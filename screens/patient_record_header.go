package screens

import (
	"fmt"
	"image/color"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (r *patientRecord) buildHeader() fyne.CanvasObject {
	p := r.data.p
	name := widget.NewLabelWithStyle(patientFullName(p), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	name.Truncation = fyne.TextTruncateEllipsis
	var facts []string
	if p.PreferredName != "" && p.PreferredName != p.Forenames {
		facts = append(facts, "Known as "+p.PreferredName)
	}
	if !p.DOB.IsZero() {
		born := "Born " + p.DOB.Short()
		age, died, ok := r.ctx.Clinic.PatientAge(p)
		switch {
		case died:
			// Said at the top, so nobody books or rings a patient who has died.
			born += ", died " + p.DateOfDeath.Short()
			if ok {
				born += fmt.Sprintf(" aged %d", age)
			}
		case ok:
			born += fmt.Sprintf(", aged %d", age)
		}
		facts = append(facts, born)
	}
	if p.NHSNumber != "" {
		facts = append(facts, "NHS number "+nhs.FormatNHSNumber(p.NHSNumber))
	} else {
		facts = append(facts, "No NHS number recorded")
	}
	if p.Address.Postcode != "" {
		facts = append(facts, postcodeText(p.Address.Postcode))
	}
	if p.Phones.Mobile != "" {
		facts = append(facts, "Mobile "+nhs.FormatPhone(p.Phones.Mobile))
	}
	line := wrapped(strings.Join(facts, "   ·   "))

	r.editButton = widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), r.edit)
	if !r.ctx.Clinic.Can(app.PermEditPatients) || p.Status == patients.Merged {
		r.editButton.Hide()
	}
	r.bookButton = widget.NewButtonWithIcon("Book appointment…", theme.CalendarIcon(), r.book)
	if !r.ctx.Clinic.Can(app.PermBookAppointments) || p.Status != patients.Active {
		r.bookButton.Hide()
	}
	parts := []fyne.CanvasObject{container.NewBorder(nil, nil, r.backButton(), container.NewHBox(letterButton(r.ctx, p.ID), r.bookButton, r.editButton), name), line}
	switch p.Status {
	case patients.Archived:
		l := wrapped(fmt.Sprintf("Archived on %s. It is kept for its retention period and can be brought back from the Record tab.", ukDate(p.ArchivedAt)))
		l.Importance = widget.WarningImportance
		parts = append(parts, l)
	case patients.Merged:
		l := wrapped("This record was merged into another and is kept only so the merge can be undone. Use the other record.")
		l.Importance = widget.WarningImportance
		open := widget.NewButtonWithIcon("Open the record it was merged into", theme.NavigateNextIcon(), func() { r.screen.openRecord(p.MergedInto) })
		parts = append(parts, l, container.NewHBox(open))
	}
	r.alerts, r.needs = alertsBanner(p), needsBanner(p)
	if r.alerts != nil {
		parts = append(parts, r.alerts)
	}
	if r.needs != nil {
		parts = append(parts, r.needs)
	}
	// The line is kept while empty: "Note added." pushed the tabs, and the
	// button under the pointer, down a line.
	parts = append(parts, keepLine(r.status))
	return container.NewVBox(parts...)
}

// postcodeText is a postcode, with what an NHS pseudo-postcode means.
func postcodeText(pc string) string {
	if label, ok := nhs.PseudoPostcodeLabel(pc); ok {
		return capitalise(label) + " (" + pc + ")"
	}
	return pc
}

// banner is a tinted, outlined box with an icon, for what staff must not
// miss about a patient.
func banner(colour fyne.ThemeColorName, icon fyne.Resource, lines ...fyne.CanvasObject) fyne.CanvasObject {
	c := theme.Color(colour)
	cr, cg, cb, _ := c.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x26})
	bg.StrokeColor = c
	bg.StrokeWidth = 2
	bg.CornerRadius = theme.InputRadiusSize()
	i := widget.NewIcon(icon)
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(container.NewCenter(i)), nil, container.NewVBox(lines...)))
}

// alertsBanner shows every alert in red, or is nil when there are none.
func alertsBanner(p patients.Patient) fyne.CanvasObject {
	if len(p.Alerts) == 0 {
		return nil
	}
	var lines []fyne.CanvasObject
	for _, a := range p.Alerts {
		l := wrapped(alertLabel(a))
		l.TextStyle.Bold = true
		l.Importance = widget.DangerImportance
		lines = append(lines, l)
	}
	return banner(theme.ColorNameError, theme.NewErrorThemedResource(theme.WarningIcon()), lines...)
}

// needsBanner shows the Accessible Information Standard needs (and an
// interpreter), or is nil when there are none.
func needsBanner(p patients.Patient) fyne.CanvasObject {
	needs := needLabels(p)
	if len(needs) == 0 {
		return nil
	}
	// One paragraph, so the banner takes as little height as it can.
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: "Communication needs: " + strings.Join(needs, " · ") + ".",
		Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}}}
	var more []string
	if p.AIS.Notes != "" {
		more = append(more, sentence(p.AIS.Notes))
	}
	if len(p.AIS.Needs) > 0 {
		if !p.AIS.Reviewed.IsZero() {
			more = append(more, "Last reviewed "+p.AIS.Reviewed.Short()+".")
		} else {
			more = append(more, "Not reviewed yet: check them with the patient.")
		}
	}
	if len(more) > 0 {
		segs = append(segs, &widget.TextSegment{Text: "  " + strings.Join(more, " "), Style: widget.RichTextStyleInline})
	}
	text := widget.NewRichText(segs...)
	text.Wrapping = fyne.TextWrapWord
	return banner(theme.ColorNamePrimary, theme.NewPrimaryThemedResource(theme.InfoIcon()), text)
}

package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// detailsCard shows what was recorded when the complaint was logged.
func (cf *complaintFile) detailsCard() fyne.CanvasObject {
	r := cf.f.ComplaintRecord
	grid := container.New(layout.NewFormLayout())
	add := func(label, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(wrapped(text))
	}
	add("Complainant", r.ComplainantName+" ("+strings.ToLower(r.Complainant.Label())+")")
	if r.Complainant == complaints.ComplainantOnBehalf {
		consent := "Not recorded yet"
		switch r.Consent {
		case complaints.ConsentGiven:
			consent = "Given on " + r.ConsentDate.Short()
		case complaints.ConsentRefused:
			consent = "Refused on " + r.ConsentDate.Short()
		}
		if r.ConsentNote != "" {
			consent += ": " + r.ConsentNote
		}
		add("Patient's consent", consent)
	}
	var contact []string
	if a := strings.Join(strings.Fields(strings.ReplaceAll(r.ComplainantAddress, "\n", ", ")), " "); a != "" {
		contact = append(contact, a)
	}
	if r.ComplainantPhone != "" {
		contact = append(contact, nhs.FormatPhone(r.ComplainantPhone))
	}
	if r.ComplainantEmail != "" {
		contact = append(contact, r.ComplainantEmail)
	}
	add("Contact", strings.Join(contact, "\n"))
	if r.PatientName != "" {
		grid.Add(widget.NewLabelWithStyle("Patient", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		name := wrapped(r.PatientName)
		if cf.ctx.Clinic.Can(app.PermViewPatients) {
			open := widget.NewButtonWithIcon("Open record", theme.AccountIcon(), func() { openPatientRecord(cf.ctx, r.PatientID) })
			open.Importance = widget.LowImportance
			grid.Add(container.NewBorder(nil, nil, nil, open, name))
		} else {
			grid.Add(name)
		}
	}
	if n := len(r.AppointmentIDs); n > 0 {
		add("Appointments", plural(int64(n), "appointment linked", "appointments linked"))
	}
	if !r.Events.IsZero() {
		add("Events", r.Events.LongWithDay())
	}
	if !r.Aware.IsZero() {
		add("Became aware", r.Aware.LongWithDay())
	}
	add("Subject areas", subjectsText(r.Subjects))
	var groups []string
	for _, g := range r.StaffGroups {
		groups = append(groups, g.Label())
	}
	add("Staff groups", strings.Join(groups, ", "))
	add("Description", r.Description)
	add("Desired outcome", r.DesiredOutcome)
	add("Owner", r.OwnerName)
	if r.Outcome.Decided() {
		add("Outcome", r.Outcome.Label())
	}
	add("Signed off by", r.SignedOffBy)
	add("Learning", r.Learning)
	add("Logged", fmt.Sprintf("%s by %s", ukcal.WallDateTime(r.CreatedAt), cf.who(r.CreatedBy)))
	return widget.NewCard("Details", "", grid)
}

// channelWords says how a complaint was made: "by phone or in person".
func channelWords(ch complaints.Channel) string {
	switch ch {
	case complaints.Oral:
		return "by phone or in person"
	case complaints.Written:
		return "in writing"
	case complaints.Email:
		return "by email"
	}
	return ch.Label()
}

// lowNote is a quiet line of guidance.
func lowNote(text string) *widget.Label {
	l := wrapped(text)
	l.Importance = widget.LowImportance
	return l
}

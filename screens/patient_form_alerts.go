package screens

import (
	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// alertRow is one alert being edited.
type alertRow struct {
	kind   *widget.Select
	text   *formEntry
	remove *widget.Button
	box    *fyne.Container
}

// addAlert adds a row for one alert.
func (f *patientForm) addAlert(a patients.Alert) {
	var kinds []string
	for _, o := range patients.AlertKinds {
		kinds = append(kinds, o.Label)
	}
	r := &alertRow{kind: widget.NewSelect(kinds, nil), text: f.entry("What staff need to know")}
	r.kind.PlaceHolder = "Choose the kind of alert"
	if a.Kind != "" {
		r.kind.SetSelected(patients.Label(patients.AlertKinds, a.Kind))
	}
	r.text.SetText(a.Text)
	r.kind.OnChanged = func(string) { f.noteChange() }
	r.text.OnChanged = func(string) { f.noteChange() }
	r.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { f.removeAlert(r) })
	r.box = container.NewBorder(nil, nil, sized(r.kind, 230), r.remove, r.text)
	f.alerts = append(f.alerts, r)
	f.alertsBox.Add(r.box)
	f.noteChange()
}

func (f *patientForm) removeAlert(r *alertRow) {
	for i, x := range f.alerts {
		if x == r {
			f.alerts = append(f.alerts[:i], f.alerts[i+1:]...)
			break
		}
	}
	f.alertsBox.Remove(r.box)
	f.noteChange()
}

package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// referralDeskForm is what the desk keeps on a referral as it is worked:
// who looks after it, what came with it, and the dates of acknowledging
// (in), chasing and the reply (out). Saved in one go.
type referralDeskForm struct {
	f          *referralFile
	name       *textBox
	org        *textBox
	address    *textBox
	ods        *textBox
	owner      *widget.Select
	clinician  *widget.Select
	documents  *textBox
	acked      *textBox
	replyDue   *textBox
	chases     *textBox
	replyOn    *textBox
	save       *widget.Button
	problem    *widget.Label
	clinicians []schedule.Clinician
}

func newReferralDeskForm(f *referralFile) *referralDeskForm {
	d := &referralDeskForm{f: f, problem: errorText()}
	r := f.rec.Referral
	var owners []string
	for _, u := range f.s.staff {
		owners = append(owners, u.FullName)
	}
	d.owner = widget.NewSelect(owners, nil)
	for i, u := range f.s.staff {
		if u.ID == r.OwnerID {
			d.owner.SetSelectedIndex(i)
		}
	}
	d.clinicians, _ = f.ctx.Clinic.Clinicians(false)
	who := []string{referralNoOne}
	for _, cl := range d.clinicians {
		who = append(who, cl.Name)
	}
	d.clinician = widget.NewSelect(who, nil)
	d.clinician.SetSelectedIndex(0)
	for i, cl := range d.clinicians {
		if cl.ID == r.ClinicianID {
			d.clinician.SetSelectedIndex(i + 1)
		}
	}
	d.name, d.org, d.ods, d.address = newTextBox(), newTextBox(), newTextBox(), newTextArea()
	d.address.SetMinRowsVisible(3)
	d.name.SetText(r.Party.Name)
	d.name.SetPlaceHolder("Who: Dr A Khan, or the department")
	d.org.SetText(r.Party.Organisation)
	d.org.SetPlaceHolder("Organisation")
	d.address.SetText(r.Party.Address)
	d.address.SetPlaceHolder("Address, one line each: the letters go to it")
	d.ods.SetText(r.Party.ODSCode)
	d.ods.SetPlaceHolder("ODS code, if known")
	d.documents, d.acked, d.replyDue, d.chases, d.replyOn = newTextBox(), newTextBox(), newTextBox(), newTextBox(), newTextBox()
	d.documents.SetText(r.Documents)
	d.documents.SetPlaceHolder("What came with it: GP letter, X-ray report")
	d.acked.SetText(r.AcknowledgedOn.Short())
	d.replyDue.SetText(r.ReplyDueBy.Short())
	var chases []string
	for _, c := range r.ChaseDates {
		chases = append(chases, c.Short())
	}
	d.chases.SetText(strings.Join(chases, ", "))
	d.replyOn.SetText(r.ReplyOn.Short())
	for _, b := range []*textBox{d.acked, d.replyDue, d.replyOn} {
		b.SetPlaceHolder("dd/mm/yyyy")
	}
	d.chases.SetPlaceHolder("dd/mm/yyyy, earliest first, separated by commas")
	d.save = widget.NewButtonWithIcon("Save changes", theme.DocumentSaveIcon(), d.saveChanges)
	return d
}

// view is the form, or the same fields to read when the referral is
// closed or the role may not change it.
func (d *referralDeskForm) view() fyne.CanvasObject {
	r := d.f.rec.Referral
	c := d.f.ctx.Clinic
	if r.Status == pathways.StatusClosed || !c.Can(app.PermEditReferrals) {
		return wrapped(d.readOnly())
	}
	who := "Referred by"
	if r.Direction == pathways.Out {
		who = "Referred to"
	}
	party := container.NewGridWithColumns(2, container.NewVBox(d.name, d.org, d.ods), d.address)
	grid := container.NewGridWithColumns(2, labelledField("Looked after by", d.owner), labelledField("Clinician", d.clinician))
	box := container.NewVBox(labelledField(who, party), grid, labelledField("Documents noted", d.documents))
	if r.Direction == pathways.In {
		box.Add(labelledField("Acknowledgement sent on", d.acked, fieldHint("Printing the acknowledgement letter fills this in.")))
	} else {
		box.Add(container.NewGridWithColumns(2, labelledField("Reply expected by", d.replyDue), labelledField("Reply received on", d.replyOn)))
		box.Add(labelledField("Chase on", d.chases))
	}
	box.Add(d.problem)
	box.Add(container.NewHBox(d.save))
	return box
}

// readOnly says the desk's fields in words.
func (d *referralDeskForm) readOnly() string {
	r := d.f.rec.Referral
	lines := []string{"Looked after by " + d.f.s.staffName(r.OwnerID)}
	if r.Documents != "" {
		lines = append(lines, "Documents noted: "+r.Documents)
	}
	if r.Direction == pathways.In {
		if !r.AcknowledgedOn.IsZero() {
			lines = append(lines, "Acknowledgement sent on "+r.AcknowledgedOn.Short())
		} else {
			lines = append(lines, "Not acknowledged yet")
		}
		return strings.Join(lines, "\n")
	}
	if !r.ReplyDueBy.IsZero() {
		lines = append(lines, "Reply expected by "+r.ReplyDueBy.Short())
	}
	if !r.ReplyOn.IsZero() {
		lines = append(lines, "Reply received on "+r.ReplyOn.Short())
	}
	return strings.Join(lines, "\n")
}

// desk reads the form; it says which date does not read.
func (d *referralDeskForm) desk() (app.ReferralDesk, error) {
	out := app.ReferralDesk{Documents: d.documents.Text}
	if i := d.owner.SelectedIndex(); i >= 0 && i < len(d.f.s.staff) {
		out.OwnerID = d.f.s.staff[i].ID
	}
	if i := d.clinician.SelectedIndex(); i > 0 && i-1 < len(d.clinicians) {
		out.ClinicianID = d.clinicians[i-1].ID
	}
	dates := []struct {
		name string
		box  *textBox
		into *ukcal.Date
	}{{"acknowledgement", d.acked, &out.AcknowledgedOn}, {"reply expected by", d.replyDue, &out.ReplyDueBy}, {"reply received on", d.replyOn, &out.ReplyOn}}
	for _, x := range dates {
		v, err := parseUKDate(x.box.Text)
		if err != nil {
			return out, fmt.Errorf("the %s date: %w", x.name, err)
		}
		*x.into = v
	}
	for _, part := range strings.FieldsFunc(d.chases.Text, func(r rune) bool { return r == ',' || r == ';' }) {
		v, err := parseUKDate(part)
		if err != nil {
			return out, fmt.Errorf("the chase dates: %w", err)
		}
		if !v.IsZero() {
			out.ChaseDates = append(out.ChaseDates, v)
		}
	}
	return out, nil
}

// saveChanges saves the desk's fields: one row and its audit entry.
func (d *referralDeskForm) saveChanges() {
	setMessage(d.problem, "")
	in, err := d.desk()
	if err != nil {
		setMessage(d.problem, plainError(err))
		return
	}
	party := pathways.Party{Name: d.name.Text, Organisation: d.org.Text, Address: d.address.Text, ODSCode: d.ods.Text}
	if _, err := d.f.ctx.Clinic.SaveReferralPage(d.f.id, party, in); err != nil {
		setMessage(d.problem, "Not saved: "+plainError(err))
		return
	}
	d.f.done("Changes saved.")
}

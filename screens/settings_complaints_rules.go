package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"clinicdesk/app/complaints"
)

// complaintRulesFields are the Settings fields of the rule set new
// complaints start with, the adjudicator of private complaints, and the
// practice code and form of the KO41(b) return.
type complaintRulesFields struct {
	nation, funding, adjudicator, variant *widget.Select
	ods                                   *widget.Entry
	regionNation                          complaints.Nation
}

// nationFollowRegion is the nation choice that follows the bank-holiday region.
func nationFollowRegion(n complaints.Nation) string {
	return "As the bank holidays (" + n.Label() + ")"
}

func newComplaintRulesFields(cs complaints.Settings, regionNation complaints.Nation) *complaintRulesFields {
	f := &complaintRulesFields{regionNation: regionNation}
	nations := []string{nationFollowRegion(regionNation)}
	for _, n := range complaints.Nations() {
		nations = append(nations, n.Label())
	}
	f.nation = widget.NewSelect(nations, nil)
	if n := complaints.Nation(cs.Nation); n.Valid() {
		f.nation.SetSelected(n.Label())
	} else {
		f.nation.SetSelectedIndex(0)
	}
	f.funding = widget.NewSelect([]string{"NHS-funded", "Private"}, nil)
	if cs.Funding == string(complaints.Private) {
		f.funding.SetSelectedIndex(1)
	} else {
		f.funding.SetSelectedIndex(0)
	}
	adjs := []string{complaints.NoAdjudicator.Label()}
	for _, a := range complaints.Adjudicators() {
		adjs = append(adjs, a.Label())
	}
	f.adjudicator = widget.NewSelect(adjs, nil)
	f.adjudicator.SetSelected(complaints.Adjudicator(cs.Adjudicator).Label())
	f.ods = widget.NewEntry()
	f.ods.SetPlaceHolder("e.g. A81001")
	f.ods.SetText(cs.ODSCode)
	var variants []string
	for _, v := range complaints.ReturnVariants() {
		variants = append(variants, v.Label())
	}
	f.variant = widget.NewSelect(variants, nil)
	if v := complaints.ReturnVariant(cs.ReturnVariant); v.Valid() {
		f.variant.SetSelected(v.Label())
	} else {
		f.variant.SetSelectedIndex(0)
	}
	return f
}

// section lays the fields out under their heading, with what each is for.
func (f *complaintRulesFields) section() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Complaints procedure", sized(f.nation, 300)),
		widget.NewFormItem("Care is usually", sized(f.funding, 300)),
		widget.NewFormItem("Independent adjudicator", sized(f.adjudicator, 300)),
		widget.NewFormItem("Practice code (ODS code)", sized(f.ods, 160)),
		widget.NewFormItem("KO41(b) form", sized(f.variant, 300)),
	)
	intro := wrapped("Each complaint records the nation whose NHS procedure applies and whether the care was NHS-funded or private; " +
		"a new complaint starts with the choices below, and the desk can change them on the complaint. The nation decides the " +
		"deadlines, the bank holidays they are counted in and the ombudsman named in the letters.")
	adj := lowNote("Private care follows the clinic's own procedure: its letters name the independent adjudicator the clinic belongs to " +
		"(ISCAS, or the Dental Complaints Service for private dentistry). The final response to a private complaint cannot be written until one is chosen.")
	ret := lowNote("The KO41(b) return counts NHS complaints in England only, under the practice code above, on the GP or the dental form.")
	return container.NewVBox(heading("Complaints procedure and return"), intro, form, adj, ret)
}

// apply copies the choices onto the settings to save.
func (f *complaintRulesFields) apply(cs *complaints.Settings) {
	cs.Nation = ""
	for _, n := range complaints.Nations() {
		if f.nation.Selected == n.Label() {
			cs.Nation = string(n)
		}
	}
	cs.Funding = string(complaints.NHSFunded)
	if f.funding.SelectedIndex() == 1 {
		cs.Funding = string(complaints.Private)
	}
	cs.Adjudicator = ""
	for _, a := range complaints.Adjudicators() {
		if f.adjudicator.Selected == a.Label() {
			cs.Adjudicator = string(a)
		}
	}
	cs.ODSCode = f.ods.Text
	cs.ReturnVariant = string(complaints.GPReturn)
	for _, v := range complaints.ReturnVariants() {
		if f.variant.Selected == v.Label() {
			cs.ReturnVariant = string(v)
		}
	}
}

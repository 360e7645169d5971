package complaints

import (
	"errors"
	"fmt"
	"strings"
)

// Reviewer is who a complainant not satisfied with the clinic's answer can
// go to next: the nation's ombudsman for NHS care, the clinic's
// independent adjudicator for private care. The letters print its
// paragraphs; the words are ours, the facts from each body's own pages.
type Reviewer struct {
	Name  string // "the Scottish Public Services Ombudsman (SPSO)"
	Phone string // "0800 377 7330"; "" where the body asks people to use its website
	Web   string // "www.spso.org.uk"
	// Final is the closing paragraph of the final response.
	Final string
	// Delay is the paragraph of the delay letter.
	Delay string
	// Advocacy is the acknowledgement's offer of free help to complain;
	// "" where there is no such service (private care).
	Advocacy string
}

// ErrNoAdjudicator is returned for private care when the clinic has not
// said in Settings which independent adjudicator it belongs to.
var ErrNoAdjudicator = errors.New("choose the independent adjudicator the clinic belongs to (ISCAS, or the Dental Complaints Service) in Settings, Complaints: a letter about private care must say who can review the complaint")

type ombudsman struct {
	name, phone, web, limit, independent, advocacy string
}

var ombudsmen = map[Nation]ombudsman{
	England: {"the Parliamentary and Health Service Ombudsman", "0345 015 4033", "www.ombudsman.org.uk",
		"within 12 months of when you first knew about the problem", "of the NHS and of government",
		"If you would like help to make your complaint, your local council can put you in touch with a free, independent NHS complaints advocacy service."},
	Wales: {"the Public Services Ombudsman for Wales", "0300 790 0203", "www.ombudsman.wales",
		"within 12 months of when you first knew about the problem", "of the NHS and of the Welsh Government",
		"If you would like help to make your complaint, Llais, the independent body that speaks for people in Wales about their health and care, can help you free of charge."},
	Scotland: {"the Scottish Public Services Ombudsman (SPSO)", "0800 377 7330", "www.spso.org.uk",
		"within 12 months of when you first knew about the problem", "of the NHS and of the Scottish Government",
		"If you would like help to make your complaint, the Patient Advice and Support Service (PASS) can help you free of charge. Your local Citizens Advice can put you in touch with them."},
	NorthernIreland: {"the Northern Ireland Public Services Ombudsman (NIPSO)", "0800 34 34 24", "www.nipso.org.uk",
		"within six months of our final response", "of Health and Social Care and of government",
		"If you would like help to make your complaint, the Patient and Client Council can help you free of charge."},
}

// Reviewer returns who reviews a complaint under the rule set next: the
// nation's ombudsman for NHS care; for private care the clinic's
// adjudicator (ErrNoAdjudicator when none is set).
func (r Rules) Reviewer(adj Adjudicator) (Reviewer, error) {
	r = r.orDefault()
	if r.Funding == Private {
		return adjudicatorReviewer(adj)
	}
	o := ombudsmen[r.Nation]
	o.phone = keepTogether(o.phone)
	return Reviewer{
		Name: o.name, Phone: o.phone, Web: o.web,
		Final: fmt.Sprintf("If you are not happy with our response, you can ask %s to look at your complaint. "+
			"The Ombudsman is independent %s, and their service is free. You can call them on %s or visit %s. "+
			"They usually expect you to contact them %s.", o.name, o.independent, o.phone, o.web, o.limit),
		Delay: fmt.Sprintf("If you are unhappy about the delay, you can ask %s for advice. Their service is free. "+
			"You can call them on %s or visit %s.", o.name, o.phone, o.web),
		Advocacy: o.advocacy,
	}, nil
}

// keepTogether joins a phone number's groups with no-break spaces, so a
// letter never splits it across two lines.
func keepTogether(phone string) string { return strings.ReplaceAll(phone, " ", "\u00a0") }

func adjudicatorReviewer(adj Adjudicator) (Reviewer, error) {
	switch adj {
	case ISCAS:
		name, web := "the Independent Sector Complaints Adjudication Service (ISCAS)", "iscas.cedr.com"
		return Reviewer{Name: name, Web: web,
			Final: "If you are not happy with our response, please write to us within six months and ask for your complaint " +
				"to be reviewed by a senior manager who has not been involved. If you are still not happy after that review, " +
				"you can ask " + name + ", which we belong to, to look at your complaint independently. " +
				"Their service is free to you. You can find out more at " + web + ".",
			Delay: "If you are unhappy about the delay, please tell us. You can also find out how " + name +
				", which we belong to, can help at " + web + ".",
		}, nil
	case DentalComplaintsService:
		name, phone, web := "the Dental Complaints Service", keepTogether("020 8253 0800"), "dcs.gdc-uk.org"
		return Reviewer{Name: name, Phone: phone, Web: web,
			Final: "If you are not happy with our response, you can contact " + name + ", which helps patients and dental " +
				"professionals settle complaints about private dental care. Their service is free. You can call them on " +
				phone + " or visit " + web + ".",
			Delay: "If you are unhappy about the delay, you can ask " + name + " for advice. Their service is free. " +
				"You can call them on " + phone + " or visit " + web + ".",
		}, nil
	}
	return Reviewer{}, ErrNoAdjudicator
}

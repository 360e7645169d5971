package complaints

import (
	"fmt"
	"strings"
	"unicode"
)

// ReturnVariant is which KO41(b) form the practice makes: GP practices
// return theirs to NHS England, dental practices theirs to the NHS Business
// Services Authority. The forms differ in the staff breakdown: the GP
// form's "Staff group", the dental form's "Professional area".
type ReturnVariant string

const (
	GPReturn     ReturnVariant = "gp"
	DentalReturn ReturnVariant = "dental"
)

var variantOptions = []option[ReturnVariant]{
	{GPReturn, "GP practice", []string{"general practice", "gp practice"}},
	{DentalReturn, "Dental practice", []string{"dentist", "dentistry", "dental practice"}},
}

// ReturnVariants lists the forms, GP first.
func ReturnVariants() []ReturnVariant { return keysOf(variantOptions) }

// Label names the form's practice type.
func (v ReturnVariant) Label() string { return labelOf(v, variantOptions) }

// Valid reports whether v is one of the forms.
func (v ReturnVariant) Valid() bool { return known(v, variantOptions) }

// ParseReturnVariant accepts "gp" or "dental" (or their names).
func ParseReturnVariant(s string) (ReturnVariant, error) {
	return parseOption("KO41(b) form", s, variantOptions)
}

// StaffGroups lists the staff groups of the form, in its order.
func (v ReturnVariant) StaffGroups() []StaffGroup {
	if v == DentalReturn {
		return []StaffGroup{StaffDentist, StaffDentalCare, StaffAdministration, StaffOther}
	}
	return []StaffGroup{StaffGP, StaffNursing, StaffAdministration, StaffAlliedHealth, StaffOther}
}

// StaffHeading is the form's name for the staff breakdown.
func (v ReturnVariant) StaffHeading() string {
	if v == DentalReturn {
		return "Professional area"
	}
	return ByStaffGroup.Label()
}

// ParseODSCode tidies the practice code the return is made under: the
// ODS code of a GP practice (a letter and five digits, e.g. A81001) or a
// dental practice's code or NHS contract number. "" is allowed (not set
// yet); otherwise letters, digits, "/" and "-", 3 to 20 of them.
func ParseODSCode(s string) (string, error) {
	code := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if code == "" {
		return "", nil
	}
	ok := len(code) >= 3 && len(code) <= 20
	for _, r := range code {
		ok = ok && (r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '-'))
	}
	if !ok {
		shown := s
		if r := []rune(shown); len(r) > 24 {
			shown = string(r[:24]) + "…"
		}
		return "", fmt.Errorf("%q is not a practice code: use the practice's ODS code, letters and digits such as A81001 (a dental practice may use its NHS contract number)", shown)
	}
	return code, nil
}

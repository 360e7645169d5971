package cli

import (
	"fmt"
	"strings"

	"clinicdesk/app/nhs"
)

func init() {
	register(&command{
		name:    "check",
		usage:   "nhs|postcode|phone VALUE",
		summary: "validate one value: prints its normalised form (exit 0) or the reason it is wrong (exit 1)",
		run:     runCheck,
	})
}

// runCheck needs no clinic file and no sign-in: it only applies the rules in
// app/nhs, so practice IT can test a value before importing it.
func runCheck(env *Env, args []string) error {
	if len(args) < 2 {
		return usagef("usage: clinicdesk check nhs|postcode|phone VALUE")
	}
	// The rest of the line is one value, so an unquoted "SW1A 1AA" or
	// "943 476 5919" works as well as a quoted one.
	value := strings.Join(args[1:], " ")
	var out string
	switch kind := strings.ToLower(args[0]); kind {
	case "nhs":
		d, err := nhs.ParseNHSNumber(value)
		if err != nil {
			return err
		}
		out = nhs.FormatNHSNumber(d)
		if nhs.IsTestNHSNumber(d) {
			out += " (test NHS number)"
		}
	case "postcode":
		pc, err := nhs.NormalisePostcodeAllowingPseudo(value)
		if err != nil {
			return err
		}
		out = pc
		if label, ok := nhs.PseudoPostcodeLabel(pc); ok {
			out += " (NHS pseudo-postcode: " + label + ")"
		}
	case "phone":
		e164, err := nhs.ParsePhone(value)
		if err != nil {
			return err
		}
		out = e164 + " (" + nhs.FormatPhone(e164)
		if nhs.IsDramaNumber(e164) {
			out += ", Ofcom drama number"
		}
		out += ")"
	default:
		return usagef("cannot check %q: the kinds are nhs, postcode and phone", args[0])
	}
	_, err := fmt.Fprintln(env.Stdout, out)
	return err
}

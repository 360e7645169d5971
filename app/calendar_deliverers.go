package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"clinicdesk/app/schedule"
	"clinicdesk/data"
)

// scheduleDeliverers is a type's deliverers as the rules see them.
func scheduleDeliverers(t schedule.AppointmentType) schedule.Deliverers {
	return schedule.Deliverers{ClinicianIDs: t.Deliverers.ClinicianIDs, Roles: t.Deliverers.Roles}
}

// Delivers reports whether the clinician usually delivers the type: a type
// with no deliverers is open to anyone.
func Delivers(t schedule.AppointmentType, cl schedule.Clinician) bool {
	return scheduleDeliverers(t).Delivers(cl.ID, cl.Role)
}

// ClinicianRoles are the roles the clinicians have, in the order first
// met, each once whatever its case: what a type may be limited to.
func ClinicianRoles(clinicians []schedule.Clinician) []string {
	var roles []string
	for _, cl := range clinicians {
		r := strings.TrimSpace(cl.Role)
		if r != "" && !slices.ContainsFunc(roles, func(x string) bool { return strings.EqualFold(x, r) }) {
			roles = append(roles, r)
		}
	}
	return roles
}

// cleanDeliverers tidies what a manager chose: roles trimmed, each role and
// clinician once. Every clinician must be in the clinic.
func cleanDeliverers(d schedule.Deliverers, known func(id string) error) (schedule.Deliverers, error) {
	var out schedule.Deliverers
	for _, r := range d.Roles {
		r = cleanText(r)
		if r != "" && !slices.ContainsFunc(out.Roles, func(x string) bool { return strings.EqualFold(x, r) }) {
			out.Roles = append(out.Roles, r)
		}
	}
	for _, id := range d.ClinicianIDs {
		if id == "" || slices.Contains(out.ClinicianIDs, id) {
			continue
		}
		if err := known(id); err != nil {
			if errors.Is(err, data.ErrNotFound) {
				return out, errors.New("one of the clinicians chosen to deliver it is not set up in this clinic: choose again")
			}
			return out, err
		}
		out.ClinicianIDs = append(out.ClinicianIDs, id)
	}
	return out, nil
}

// NobodyDelivers is what WhoDelivers says of a type whose deliverers have
// all left.
const NobodyDelivers = "nobody in the diary"

// WhoDelivers says in plain words who usually delivers the type, from the
// clinicians given (inactive ones are left out): "Priya Raman and Callum
// MacLeod", "physiotherapists", or "" for a type open to anyone.
func WhoDelivers(t schedule.AppointmentType, clinicians []schedule.Clinician) string {
	if t.Deliverers.Anyone() {
		return ""
	}
	var who []string
	for _, r := range t.Deliverers.Roles {
		who = append(who, pluralRole(r))
	}
	for _, cl := range clinicians {
		named := slices.Contains(t.Deliverers.ClinicianIDs, cl.ID)
		if named && cl.Active && !slices.ContainsFunc(t.Deliverers.Roles, func(r string) bool { return strings.EqualFold(r, cl.Role) }) {
			who = append(who, cl.Name)
		}
	}
	if len(who) == 0 {
		return NobodyDelivers
	}
	return andList(who)
}

// notDelivered is why the next-free-slot finder offers nothing when asked
// for a clinician who does not usually deliver the type: "Dr Eze does not
// usually deliver Physio 45 min; Priya Raman and Callum MacLeod do." (A
// booking gets a schedule.Problem instead, which each door words.)
func notDelivered(cl schedule.Clinician, t schedule.AppointmentType, clinicians []schedule.Clinician) string {
	who := WhoDelivers(t, clinicians)
	if who == NobodyDelivers {
		return fmt.Sprintf("%s does not usually deliver %s, and nobody in the diary is set up to: a manager can choose who does in Settings, Calendar, Appointment types.", cl.Name, t.Name)
	}
	return fmt.Sprintf("%s does not usually deliver %s; %s do.", cl.Name, t.Name, who)
}

// pluralRole says a role of several people, in the middle of a sentence:
// "Physiotherapist" as "physiotherapists", "GP" as "GPs".
func pluralRole(role string) string {
	r := []rune(strings.TrimSpace(role))
	if len(r) == 0 {
		return ""
	}
	if len(r) == 1 || !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	s := string(r)
	if !strings.HasSuffix(s, "s") {
		s += "s"
	}
	return s
}

// andList joins names as people do: "A", "A and B", "A, B and C".
func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

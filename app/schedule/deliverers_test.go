package schedule

import "testing"

// A type delivered by named clinicians or by roles is delivered by them
// alone; roles match however they were typed; no deliverers is anyone.
func TestDeliverersSayWhoDeliversAType(t *testing.T) {
	named := Deliverers{ClinicianIDs: []string{drOkafor}}
	byRole := Deliverers{Roles: []string{"Practice nurse"}}
	both := Deliverers{ClinicianIDs: []string{drOkafor}, Roles: []string{"Practice nurse"}}
	for _, c := range []struct {
		name       string
		d          Deliverers
		id, role   string
		wantReturn bool
	}{
		{"anyone delivers an open type", Deliverers{}, locum, "", true},
		{"the named clinician", named, drOkafor, "GP", true},
		{"someone not named", named, nursePrice, "Practice nurse", false},
		{"the role", byRole, nursePrice, "Practice nurse", true},
		{"the role typed in another case, with spaces", byRole, nursePrice, "  practice NURSE ", true},
		{"another role", byRole, drOkafor, "GP", false},
		{"no role at all", byRole, locum, "", false},
		{"named, by either", both, drOkafor, "GP", true},
		{"role, by either", both, nursePrice, "Practice nurse", true},
		{"neither", both, locum, "Locum", false},
	} {
		if got := c.d.Delivers(c.id, c.role); got != c.wantReturn {
			t.Errorf("%s: Delivers(%s, %q) = %v", c.name, c.id, c.role, got)
		}
	}
}

// Booking a type with a clinician who does not deliver it is a warning of
// its own kind; with one who does, or for an open type, there is none.
func TestCheckDelivererWarnsOnlyWhenTheClinicianDoesNotDeliverTheType(t *testing.T) {
	a := appt("", nursePrice, "", "p1", "2026-11-23", "10:00", "10:30")
	nurses := Deliverers{Roles: []string{"Practice nurse"}}
	doctor := Deliverers{ClinicianIDs: []string{drOkafor}}
	if ps := CheckDeliverer(a, "Practice nurse", nurses); len(ps) != 0 {
		t.Fatalf("a nurse booked for a nurses' type: %+v", ps)
	}
	if ps := CheckDeliverer(a, "Practice nurse", Deliverers{}); len(ps) != 0 {
		t.Fatalf("a type open to anyone: %+v", ps)
	}
	ps := CheckDeliverer(a, "Practice nurse", doctor)
	if len(ps) != 1 || ps[0].Kind != TypeNotDelivered || !ps[0].Blocks || ps[0].Clinician.ID != nursePrice || ps[0].OtherID != "" {
		t.Fatalf("a nurse booked for Dr Okafor's type: %+v", ps)
	}
	if !HasKind(ps, TypeNotDelivered) {
		t.Fatal("HasKind misses the warning")
	}
}

// The next free slot offers only clinicians who deliver the type, even
// when someone who does not is free earlier; a type nobody offered
// delivers finds nothing.
func TestNextFreeOffersOnlyWhoDeliversTheType(t *testing.T) {
	// Nurse Price starts at 08:30, Dr Okafor at 09:00: for anyone the nurse
	// comes first.
	q := SlotQuery{ClinicianIDs: []string{nursePrice, drOkafor}, Minutes: 20, From: date("2026-11-23"), Max: 2,
		RoleOf: map[string]string{nursePrice: "Practice nurse", drOkafor: "GP"}}
	if got, want := show(NextFree(q, nil, clinicRules())), "2026-11-23 08:30 nurse-price\n2026-11-23 08:35 nurse-price"; got != want {
		t.Fatalf("open to anyone:\n%s\nwant\n%s", got, want)
	}

	q.Deliverers = Deliverers{Roles: []string{"GP"}}
	if got, want := show(NextFree(q, nil, clinicRules())), "2026-11-23 09:00 dr-okafor\n2026-11-23 09:05 dr-okafor"; got != want {
		t.Fatalf("GPs only:\n%s\nwant\n%s", got, want)
	}

	q.Deliverers = Deliverers{ClinicianIDs: []string{nursePrice}}
	for _, c := range NextFree(q, nil, clinicRules()) {
		if c.ClinicianID != nursePrice {
			t.Fatalf("Nurse Price's type offered with %s", c.ClinicianID)
		}
	}

	q.ClinicianIDs = []string{drOkafor} // asked for Dr Okafor, who does not deliver it
	if got := NextFree(q, nil, clinicRules()); len(got) != 0 {
		t.Fatalf("a clinician who does not deliver the type was offered:\n%s", show(got))
	}
}

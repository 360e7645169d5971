package screens

import (
	"strconv"
	"strings"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/widget"
)

// bookingPlace is where the booking dialog's typing is kept: one at a time.
const bookingPlace = "booking"

// keepTyping keeps the patient chosen, the notes and the rest of the
// dialog through a lock, and puts back what was kept: the receptionist
// who found the patient and typed the notes does not do it twice.
func (b *calendarBooking) keepTyping() {
	d := newFormDraft(b.s.ctx, bookingPlace, calendarModuleID, func() string {
		if name := b.patient.name(); name != "" {
			return "a booking for " + name
		}
		return "a booking"
	})
	// Where the dialog opened, so it can open there again.
	slot := b.slot
	for name, v := range map[string]string{"slot clinician": slot.ClinicianID, "slot date": slot.Date.String(),
		"slot start": strconv.Itoa(int(slot.Start)), "slot type": slot.TypeID, "slot waiting": slot.WaitingID,
		"slot referral": slot.ReferralID, "slot referral from": slot.ReferralFrom, "slot patient": slot.PatientID + "\n" + slot.PatientName} {
		d.field(name, func() string { return v }, func(string) {})
	}
	get, set := pickedField(b.patient)
	d.field("patient", get, set)
	d.field("type", func() string { return b.typeSelect.Selected }, b.typeSelect.SetSelected)
	d.field("clinician", func() string { return b.whoSelect.Selected }, b.whoSelect.SetSelected)
	d.field("room", func() string { return b.roomSelect.Selected }, b.roomSelect.SetSelected)
	for _, sel := range []*widget.Select{b.typeSelect, b.whoSelect, b.roomSelect} {
		prev := sel.OnChanged
		sel.OnChanged = func(v string) {
			if prev != nil {
				prev(v)
			}
			d.note()
		}
	}
	d.entry("date", &b.date.Entry)
	d.entry("start", &b.start.Entry)
	d.entry("minutes", &b.minutes.Entry)
	d.entry("notes", &b.notes.Entry)
	d.entry("reason", &b.reason.Entry)
	// The search, while nobody is chosen: who was being looked for, or the
	// new patient's name and date of birth.
	search := b.patient.search
	d.field("search", func() string {
		if b.patient.id() != "" {
			return ""
		}
		return search.Text
	}, func(text string) { restoreTyped(&search.Entry, text) })
	prev := search.OnChanged
	search.OnChanged = func(text string) {
		prev(text)
		d.note()
	}
	d.field("new patient", func() string { return b.newPatient.kept() }, func(v string) { b.keptNew = v })
	b.draft = d
	d.typed = "the booking you were making"
	if restored := d.begin(); restored != "" {
		say(b.restored, widget.WarningImportance, restored)
	}
}

// restoreDraft reopens, when the Calendar is shown again after a lock,
// the booking dialog as it was left, on its day.
func (s *calendarScreen) restoreDraft() bool {
	c := s.ctx.Clinic
	d, ok := keptTyping(c, sessionUserID(c), bookingPlace)
	if !ok || s.booking != nil || len(s.clinicians) == 0 {
		return false
	}
	slot := calendarSlot{ClinicianID: d.fields["slot clinician"], TypeID: d.fields["slot type"], WaitingID: d.fields["slot waiting"],
		ReferralID: d.fields["slot referral"], ReferralFrom: d.fields["slot referral from"]}
	// A booking from the waiting list or for a referral is for that
	// patient, and stays linked to the entry or the referral (only while
	// that patient is the one chosen: see request).
	held := d.fields["slot patient"]
	if held == "" || held == "\n" {
		held = d.fields["patient"]
	}
	if id, name, ok := strings.Cut(held, "\n"); ok && (slot.WaitingID != "" || slot.ReferralID != "") {
		slot.PatientID, slot.PatientName = id, name
	}
	var err error
	if slot.Date, err = ukcal.ParseDate(d.fields["slot date"]); err != nil {
		return false
	}
	start, err := strconv.Atoi(d.fields["slot start"])
	if err != nil {
		return false // as for the date: a draft that does not read is not brought back
	}
	slot.Start = schedule.Clock(start)
	if slot.Date != s.date {
		s.goTo(slot.Date)
	}
	s.openBooking(slot)
	return true
}

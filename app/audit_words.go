package app

import (
	"sort"
	"strings"
)

// auditWords says each action the app writes to the audit trail as a
// practice manager would say it. It lives here, not in the screens, so the
// window, the command line and exports say the same thing;
// TestEveryAuditActionHasWords reads the app's source for every action
// written and fails when one is missing here.
var auditWords = map[string]string{
	// Signing in and the session.
	"sign_in":        "Signed in",
	"sign_in_failed": "Failed to sign in",
	"failures.seen":  "Was shown the failed sign-ins",
	"sign_out":       "Signed out",
	"lock":           "Locked ClinicDesk",
	"unlock":         "Unlocked ClinicDesk",

	// The clinic, its users and its keys.
	"clinic.create":        "Created the clinic file",
	"clinic.update":        "Changed the clinic details",
	"user.create":          "Added a user",
	"user.update":          "Changed a user",
	"user.disable":         "Disabled a user",
	"user.enable":          "Re-enabled a user",
	"password.change":      "Changed their own password",
	"password.reset":       "Reset a password",
	"recovery.issue":       "Made a recovery key",
	"recovery.used":        "Used the recovery key",
	"recovery.sheet_saved": "Saved the Emergency recovery sheet",
	"key.rotate":           "Re-encrypted the clinic file",
	"settings.update":      "Changed a setting",
	"backup.create":        "Made a backup",
	"backup.verify":        "Tested a backup",
	"backup.restore":       "Restored a backup",
	"backup.not_restored":  "Tried to restore a backup (it did not go ahead)",
	"verify":               "Checked the clinic file",
	"audit.anchor_reset":   "Reset the audit trail's safe copy",

	// Patients' records.
	"patient.view":                "Viewed the record",
	"patient.create":              "Added a patient",
	"patient.registrations_dated": "Dated generated patients' registrations (seed or demo only)",
	"patient.update":              "Changed the patient's details",
	"patient.archive":             "Archived the record",
	"patient.unarchive":           "Brought the record back from the archive",
	"patient.merge":               "Merged a duplicate record into this one",
	"patient.merged_into":         "Merged this record into another",
	"patient.unmerge":             "Undid a merge",
	"patient.delete":              "Deleted the record",
	"patient.export":              "Exported patients' records",
	"patient.import":              "Imported patients from a spreadsheet",
	"patient.sar":                 "Made a subject access copy",
	"sar.log":                     "Logged a subject access request",
	"sar.pause":                   "Paused a subject access request's clock",
	"sar.resume":                  "Restarted a subject access request's clock",
	"sar.extend":                  "Extended a subject access request",
	"patient.note":                "Added a note",
	"patient.call":                "Logged a phone call",
	"task.create":                 "Added a task",
	"task.auto":                   "A task was made by ClinicDesk's rules",
	"task.auto_done":              "A task was marked done by ClinicDesk's rules: its reason had gone",
	"task.view":                   "Opened a task",
	"task.update":                 "Changed a task",
	"task.snooze":                 "Snoozed a task",
	"task.done":                   "Marked a task done",
	"task.reopen":                 "Reopened a task marked done",

	// The appointment book.
	"appointment.book":          "Booked an appointment",
	"appointment.series":        "Booked a series of appointments",
	"appointment.move":          "Moved an appointment",
	"appointment.status":        "Changed an appointment's status",
	"safeguarding.prompt":       "Prompted the clinician to consider safeguarding (child not brought)",
	"safeguarding.acknowledge":  "Acknowledged a safeguarding prompt",
	"appointment.generate":      "Filled the diary with sample appointments",
	"appointment.export":        "Exported appointments",
	"waiting.add":               "Added to the waiting list",
	"waiting.update":            "Changed a waiting-list entry",
	"waiting.remove":            "Took off the waiting list",
	"waiting.book":              "Booked from the waiting list",
	"calendar.settings":         "Changed the appointment book settings",
	"calendar.clinician.create": "Added a clinician",
	"calendar.clinician.update": "Changed a clinician",
	"calendar.room.create":      "Added a room",
	"calendar.room.update":      "Changed a room",
	"calendar.type.create":      "Added an appointment type",
	"calendar.type.update":      "Changed an appointment type",
	"calendar.closure.add":      "Closed the clinic for some days",
	"calendar.closure.remove":   "Removed a closure",

	// Letters and slips.
	"daylist.print":          "Printed the day list",
	"letter.generate":        "Printed a letter",
	"letter.reprint":         "Printed a letter again",
	"slip.generate":          "Printed an appointment slip",
	"slip.reprint":           "Printed an appointment slip again",
	"letter_template.update": "Changed a letter template",
	"letter_template.reset":  "Put a letter template back to the standard wording",

	// Complaints.
	"complaint.log":            "Logged a complaint",
	"complaint.view":           "Opened a complaint",
	"complaint.update":         "Changed a complaint's details",
	"complaint.note":           "Added a note to a complaint",
	"complaint.move":           "Moved a complaint on",
	"complaint.letter":         "Wrote a complaint letter",
	"complaint_letter.reprint": "Printed a complaint letter again",
	"complaints.settings":      "Changed the complaints settings",
	"complaints.return":        "Produced the KO41(b) complaints return",
	"report.run":               "Ran a report (counts only, no patient named)",
	"report.export":            "Saved a report as a file (counts only, no patient named)",
	"complaints.export":        "Exported the complaints register",

	// Referrals and pathways.
	"referral.add":    "Added a referral",
	"referral.view":   "Opened a referral",
	"referral.list":   "Looked at a list of referrals",
	"referral.update": "Changed a referral's details",
	"referral.event":  "Recorded a pathway event",
	"referral.close":  "Closed a pathway by hand",
	"referral.export": "Exported referrals",
	"ptl.view":        "Looked at the patient tracking list",
	"ptl.export":      "Exported the patient tracking list",
}

// ActionWords is an audit action in words ("patient.view" is "Viewed the
// record"). An action it does not know (written by a newer version) is
// made readable rather than shown as a code: "Patient: referral sent".
func ActionWords(action string) string {
	if w, ok := auditWords[action]; ok {
		return w
	}
	words := strings.TrimSpace(strings.NewReplacer(".", " ", "_", " ").Replace(action))
	if words == "" {
		return "Something was done"
	}
	first, rest, _ := strings.Cut(words, " ")
	w := strings.ToUpper(first[:1]) + first[1:]
	if rest != "" {
		w += ": " + rest
	}
	return w
}

// AuditActions are the actions that have words, in the order of their
// words, for a filter's choices.
func AuditActions() []string {
	out := make([]string, 0, len(auditWords))
	for a := range auditWords {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return auditWords[out[i]] < auditWords[out[j]] })
	return out
}

// arrowWords replaces the arrows older versions wrote into audit details
// ("Received → Acknowledged"): the window's fonts have no arrow, so it
// showed as a broken character.
var arrowWords = strings.NewReplacer(" → ", ", then ", "→", " then ")

// PlainDetail is an audit entry's detail as it may be shown: arrows in
// words.
func PlainDetail(detail string) string { return arrowWords.Replace(detail) }

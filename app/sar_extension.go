package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"clinicdesk/app/letters"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// The extension notice is a fixed letter in the sar_cover style, not an
// editable template: what it must say (the one month, why more time is
// needed, the new date, the ICO) is set by law, and a clinic changing it
// could make the extension invalid. The typed reason stands as a
// paragraph of its own, so the sentences around it read whatever is typed.
const (
	sarExtensionTitle   = "Subject access extension notice"
	sarExtensionSubject = "Your request for a copy of your records"
	sarExtensionBefore  = `We received a request for a copy of the personal information we hold about you on {{sar.received}}.

The law gives us one month to answer a request like this. When a request is complex, it lets us take up to two more months, as long as we tell you within the first month and explain why. We need this extra time, for this reason:`
	sarExtensionAfter = `We will send your copy by {{sar.due}} at the latest. If it is ready sooner, we will send it then.

If you have any questions, please call us on {{clinic.phone}}{{#if clinic.email}} or email {{clinic.email}}{{/if}}.

If you are not happy with how we are dealing with your request, please tell us. You can also complain to the Information Commissioner's Office. You can call them on 0303 123 1113 or visit ico.org.uk.`
)

// ExtendSAR takes the two further months for an open request, with the
// notice sent on the day sent (within the first month) giving why. It
// returns the notice to print or send, logged on the patient's
// correspondence and audited with the extension in one transaction.
func (c *Clinic) ExtendSAR(id string, sent ukcal.Date, why string) (sar.Request, LetterResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		return sar.Request{}, LetterResult{}, err
	}
	req, err := c.openSARLocked(id)
	if err != nil {
		return req, LetterResult{}, err
	}
	region, today := c.bankHolidayRegionLocked(), c.today()
	if err := req.Extend(sent, sarReasonText(why), region, today); err != nil {
		return sar.Request{}, LetterResult{}, err
	}
	p, err := c.prepareSARExtension(s, req, region, today)
	if err != nil {
		return sar.Request{}, LetterResult{}, err
	}
	res, err := renderPrepared(&p)
	if err != nil {
		return sar.Request{}, LetterResult{}, err
	}
	due, dueExt := req.Due(region, today), req.DueExtended(region, today)
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.UpdateSAR(req, due, dueExt); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "sar.extend", Entity: "sar", ID: req.ID, Patient: req.PatientID, Detail: "notice sent " + sent.String() + ", due " + due.String()}); err != nil {
			return err
		}
		if err := logLetter(tx, p.record); err != nil {
			return err
		}
		return tx.closeGoneSARTasks(req.ID) // due later now: a new task when it comes near
	})
	if err != nil {
		return sar.Request{}, LetterResult{}, err
	}
	return req, res, nil
}

// prepareSARExtension lays out the notice for req as it will be once
// extended. Caller holds c.mu.
func (c *Clinic) prepareSARExtension(s *Session, req sar.Request, region ukcal.Region, today ukcal.Date) (preparedLetter, error) {
	window, err := readLetterWindow(c.store)
	if err != nil {
		return preparedLetter{}, err
	}
	src, err := readLetterSource(c.store, req.PatientID, "", today)
	if err != nil {
		return preparedLetter{}, err
	}
	src.sar, src.region = &req, region
	tmpl := letters.ClinicTemplate{Name: "sar_extension", Title: sarExtensionTitle, AddressedTo: letters.ToPatient,
		Subject: sarExtensionSubject, Body: sarExtensionBefore + "\n\n" + sarExtensionAfter}
	l, err := buildLetter(src, tmpl, window, s)
	if err != nil {
		return preparedLetter{}, err
	}
	// Dated the day it goes, which may be before the day it is recorded.
	l.Date = req.ExtensionSent
	// The reason goes after the paragraphs that lead up to it.
	at := len(strings.Split(sarExtensionBefore, "\n\n"))
	if at > len(l.Paragraphs) {
		at = len(l.Paragraphs)
	}
	l.Paragraphs = append(l.Paragraphs[:at], append([]string{req.ExtensionWhy}, l.Paragraphs[at:]...)...)
	return preparedLetter{
		record: data.LetterRecord{ID: uuid.Must(uuid.NewV7()).String(), PatientID: req.PatientID, Kind: data.LetterKindLetter,
			Template: tmpl.Name, Title: tmpl.Title, CreatedBy: s.User.Username, CreatedAt: c.clock().UTC()},
		letter:   l,
		warnings: aisWarnings(src.patient),
	}, nil
}

// sarReasonText is typed text made to stand as a paragraph: one Unicode
// form, a capital first letter and a closing full stop.
func sarReasonText(s string) string {
	s = strings.Join(strings.Fields(typedText(s)), " ")
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if last, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune(".!?…", last) {
		s = strings.TrimRight(s, ",;: ") + "."
	}
	return s
}

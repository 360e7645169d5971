package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
)

const (
	letterUsage = "--db PATH --template NAME (--patient ID|NHSNUMBER [--appointment ID] | --complaint REFERENCE | --referral ID) " +
		"[--subject TEXT --text FILE] [--outcome upheld|partially_upheld|not_upheld] --out FILE.pdf --user NAME --password-stdin"
	slipsUsage = "--db PATH --date YYYY-MM-DD --out FILE.pdf --user NAME --password-stdin"
)

func init() {
	register(&command{name: "letter", usage: letterUsage,
		summary: "write one letter from its template as a PDF (the general letter takes --subject and --text)", run: runLetter})
	register(&command{name: "slips", usage: slipsUsage,
		summary: "the appointment slips for a day, ten to an A4 sheet with cut marks", run: runSlips})
}

func runLetter(env *Env, args []string) error {
	fs := newFlags("letter")
	auth := addAuthFlags(fs)
	template := fs.String("template", "", "the template's name, e.g. appointment_reminder")
	patient := fs.String("patient", "", "the patient's id or NHS number")
	appointment := fs.String("appointment", "", "the appointment's id")
	complaint := fs.String("complaint", "", "the complaint's reference as shown, C-2026-014 (or its id)")
	referral := fs.String("referral", "", "the referral's id, for referral_ack, referral_out and referral_chase")
	reason := fs.String("reason", "", "complaint_delay: why the response is late")
	newDue := fs.String("new-due", "", "complaint_delay: the new date the response is expected by, YYYY-MM-DD")
	investigation := fs.String("investigation", "", "complaint_final: a UTF-8 text file saying how the complaint was looked into")
	conclusions := fs.String("conclusions", "", "complaint_final: a UTF-8 text file with what was found")
	actions := fs.String("actions", "", "complaint_final: a UTF-8 text file with what has been done")
	signedOffBy := fs.String("signed-off-by", "", "complaint_final: the responsible person who signs it, by name")
	outcome := fs.String("outcome", "", "complaint_final: the decision it states, upheld, partially_upheld or not_upheld (needed unless recorded on the complaint)")
	subject := fs.String("subject", "", "the general letter's subject")
	textFile := fs.String("text", "", "a UTF-8 text file with the general letter's text")
	out := fs.String("out", "", "the PDF to write")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected %s: clinicdesk letter %s", strings.Join(rest, " "), letterUsage)
	}
	switch {
	case *template == "":
		return usagef("--template NAME is required (%s)", strings.Join(letters.DefaultTemplateNames(), ", "))
	case *referral != "" && (*patient != "" || *appointment != "" || *complaint != ""):
		return usagef("a referral letter is written from its referral: give --referral ID alone")
	case *complaint != "" && (*patient != "" || *appointment != ""):
		return usagef("give either --patient or --complaint, not both")
	case *complaint == "" && *patient == "" && *referral == "":
		return usagef("say who the letter is for: --patient ID|NHSNUMBER, --complaint REFERENCE or --referral ID")
	case *template == "general" && (*subject == "" || *textFile == ""):
		return usagef("the general letter needs --subject TEXT and --text FILE")
	case *complaint == "" && (*reason != "" || *newDue != "" || *investigation != "" || *conclusions != "" || *actions != "" || *signedOffBy != "" || *outcome != ""):
		return usagef("--reason, --new-due, --investigation, --conclusions, --actions, --signed-off-by and --outcome are for complaint letters (--complaint REFERENCE)")
	case *outcome != "" && *template != app.ComplaintFinalTemplate:
		return usagef("--outcome is for the final response (--template %s)", app.ComplaintFinalTemplate)
	case *template != "general" && (*subject != "" || *textFile != ""):
		return usagef("--subject and --text are for the general letter only")
	}
	if err := checkNewOut(*out); err != nil {
		return err
	}
	if *referral != "" {
		return runReferralLetter(env, auth, *referral, *template, *out)
	}
	if *complaint != "" {
		decided, err := complaints.ParseOutcome(*outcome)
		if err != nil {
			return usagef("--outcome: %v", err)
		}
		return runComplaintLetter(env, auth, app.ComplaintLetterRequest{ComplaintID: *complaint, Template: *template,
			DelayReason: *reason, SignedOffBy: *signedOffBy, Outcome: decided}, *newDue, *investigation, *conclusions, *actions, *out)
	}
	var text app.LetterText
	if *textFile != "" {
		body, err := readTextFile("--text", *textFile)
		if err != nil {
			return err
		}
		text = app.LetterText{Subject: *subject, Body: body}
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermPrintLetters); err != nil {
		return err
	}
	patientID, err := findPatient(c, *patient)
	if err != nil {
		return err
	}
	// The letter is made (and logged) before the file is written, so the
	// log holds every letter that left the building.
	res, err := c.RenderLetter(app.LetterRequest{Template: *template, PatientID: patientID, AppointmentID: *appointment, Text: text})
	if err != nil {
		return err
	}
	if err := writeNewPDF(*out, res.PDF); err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "warning: %s\n", oneLine(w))
	}
	fmt.Fprintf(env.Stdout, "Wrote the %s letter to %s (SHA-256 %s).\n", *template, *out, res.SHA256)
	return nil
}

func runSlips(env *Env, args []string) error {
	fs := newFlags("slips")
	auth := addAuthFlags(fs)
	date := fs.String("date", "", "the day, YYYY-MM-DD")
	out := fs.String("out", "", "the PDF to write")
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("unexpected %s: clinicdesk slips %s", strings.Join(rest, " "), slipsUsage)
	}
	if *date == "" {
		return usagef("--date YYYY-MM-DD is required: the day to print the slips for")
	}
	day, err := parseDate("--date", *date)
	if err != nil {
		return err
	}
	if err := checkNewOut(*out); err != nil {
		return err
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := canDo(c, app.PermPrintLetters); err != nil {
		return err
	}
	res, err := c.DaySlips(day)
	if err != nil {
		return err
	}
	if err := writeNewPDF(*out, res.PDF); err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "warning: %s\n", oneLine(w))
	}
	fmt.Fprintf(env.Stdout, "Wrote %s for %s to %s.\n", plural(res.Slips, "slip"), day.LongWithDay(), *out)
	return nil
}

// checkNewOut refuses, before anything is opened, an --out that is missing,
// not a PDF, already there, or in a folder that is not.
func checkNewOut(out string) error {
	if err := checkOutName(out, "the PDF", ".pdf"); err != nil {
		return err
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s already exists: choose a new file name (a letter never overwrites a file)", out)
	}
	if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
		return fmt.Errorf("the folder %s does not exist: create it first or choose another place", filepath.Dir(out))
	}
	return nil
}

// writeNewPDF writes pdf to a new file, never replacing one.
func writeNewPDF(out string, pdf []byte) error {
	_, err := exportToNewFile(out, func(w io.Writer) (int, error) { return w.Write(pdf) })
	return err
}

// findPatient takes a patient's id or NHS number, spaced as the screens
// and letters print it ("943 476 5919") or not.
func findPatient(c *app.Clinic, idOrNHS string) (string, error) {
	number, err := nhs.ParseNHSNumber(idOrNHS)
	if err != nil && strings.Trim(idOrNHS, "0123456789 -") == "" {
		// Only digits: an NHS number typed wrong, not an id.
		return "", fmt.Errorf("--patient %s: %v", strings.TrimSpace(idOrNHS), err)
	}
	if err != nil {
		return strings.TrimSpace(idOrNHS), nil // an id; the letter says if it is not a patient's
	}
	found, err := c.SearchPatients(number, true, 5)
	if err != nil {
		return "", err
	}
	for _, p := range found {
		if p.NHSNumber == number {
			return p.ID, nil
		}
	}
	return "", errors.New("no patient has NHS number " + nhs.FormatNHSNumber(number))
}

// runReferralLetter writes one of a referral's letters, to the referrer
// or the service it went to.
func runReferralLetter(env *Env, auth authFlags, referralID, template, out string) error {
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	res, err := c.ReferralLetter(referralID, template)
	if err != nil {
		return err
	}
	if err := writeNewPDF(out, res.PDF); err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "warning: %s\n", oneLine(w))
	}
	fmt.Fprintf(env.Stdout, "Wrote the %s letter to %s (SHA-256 %s).\n", template, out, res.SHA256)
	return nil
}

// runComplaintLetter writes one of the complaint letters. The final
// response's findings come from text files, as they run to paragraphs.
func runComplaintLetter(env *Env, auth authFlags, req app.ComplaintLetterRequest, newDue, investigation, conclusions, actions, out string) error {
	if newDue != "" {
		d, err := parseDate("--new-due", newDue)
		if err != nil {
			return err
		}
		req.NewResponseDue = d
	}
	for _, f := range []struct {
		flag, path string
		into       *string
	}{{"--investigation", investigation, &req.Investigation}, {"--conclusions", conclusions, &req.Conclusions}, {"--actions", actions, &req.Actions}} {
		if f.path == "" {
			continue
		}
		text, err := readTextFile(f.flag, f.path)
		if err != nil {
			return err
		}
		*f.into = strings.TrimSpace(text)
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	res, err := c.RenderComplaintLetter(req)
	if errors.Is(err, app.ErrNoOutcome) {
		return fmt.Errorf("%w: give --outcome upheld, partially_upheld or not_upheld", err)
	}
	if err != nil {
		return err
	}
	if err := writeNewPDF(out, res.PDF); err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(env.Stderr, "warning: %s\n", oneLine(w))
	}
	fmt.Fprintf(env.Stdout, "Wrote the %s letter to %s (SHA-256 %s).\n", req.Template, out, res.SHA256)
	return nil
}

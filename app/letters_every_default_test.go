package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// Every default letter, from the records, for a patient with a long
// Welsh and Polish name and for one who needs large print and has no
// title: the greeting, the envelope's post town, typed text set off
// whatever was typed, and the final response's decision. Set
// CLINICDESK_LETTERS_OUT to a folder to keep the PDFs for looking at.
func TestEveryDefaultLetterForLongNamesAndLargePrint(t *testing.T) {
	for _, who := range []struct {
		name       string
		patient    patients.Patient
		salutation string
		envelope   string
	}{
		{"sian", patients.Patient{Title: "Ms", Forenames: "Siân Małgorzata", Surname: "Llywelyn-Wójcik", DOB: ukcal.MustParseDate("1979-02-28"),
			NHSNumber: nhs.TestNHSNumber(7), Address: patients.Address{Line1: "Fflat 2, Tŷ'r Ysgol", Line2: "14 Heol y Bont",
				Town: "Pontypridd", County: "Rhondda Cynon Taf", Postcode: "CF37 1AA"}},
			"Dear Ms Llywelyn-Wójcik,", "Ms Siân Małgorzata Llywelyn-Wójcik Fflat 2, Tŷ'r Ysgol 14 Heol y Bont PONTYPRIDD Rhondda Cynon Taf CF37 1AA"},
		{"large-print", patients.Patient{Forenames: "Gruffydd Bolesław", Surname: "Ó Briain-Wiśniewski", DOB: ukcal.MustParseDate("1950-07-01"),
			NHSNumber: nhs.TestNHSNumber(8), Address: patients.Address{Line1: "7 Stryd Fawr", Town: "Llanfairpwllgwyngyll", Postcode: "LL61 5UJ"},
			AIS: patients.AIS{Needs: []string{"large_print"}}},
			"Dear Gruffydd Ó Briain-Wiśniewski,", "Gruffydd Bolesław Ó Briain-Wiśniewski 7 Stryd Fawr LLANFAIRPWLLGWYNGYLL LL61 5UJ"},
	} {
		t.Run(who.name, func(t *testing.T) {
			d := newDiary(t)
			p := who.patient
			p.GP = patients.GP{Name: "Dr Ffion Nowak", Practice: "Meddygfa'r Bont", Address: []string{"3 Heol yr Eglwys", "Pontypridd", "CF37 4AB"}}
			pt, err := d.c.CreatePatient(p, PatientOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// Two missed, one moved, one cancelled with a reason typed as badly as can be.
			var missed []string
			for _, at := range [][2]string{{"2026-11-16", "09:00"}, {"2026-11-23", "09:00"}} {
				a := d.book(t, BookingRequest{PatientID: pt.ID, ClinicianID: d.evans.ID, TypeID: d.followUp.ID,
					Date: ukcal.MustParseDate(at[0]), Start: schedule.MustParseClock(at[1]), OverrideReason: "in the past"})
				if _, err := d.c.SetStatus(a.ID, schedule.StatusDNA, ""); err != nil {
					t.Fatal(err)
				}
				missed = append(missed, a.ID)
			}
			next := d.book(t, d.req(pt, d.patel, "2026-11-30", "14:00"))
			moved := d.book(t, d.req(pt, d.patel, "2026-12-01", "09:00"))
			if _, _, err := d.c.Move(moved.ID, MoveRequest{ClinicianID: d.patel.ID, Date: ukcal.MustParseDate("2026-12-02"), Start: schedule.MustParseClock("10:30")}); err != nil {
				t.Fatal(err)
			}
			cancelled := d.book(t, d.req(pt, d.patel, "2026-12-03", "11:00"))
			if _, err := d.c.SetStatus(cancelled.ID, schedule.StatusCancelledClinic, "because ur physio is unwell.. back next week!?"); err != nil {
				t.Fatal(err)
			}
			if _, err := d.c.SubjectAccess(pt.ID, ukcal.MustParseDate("2026-11-20"), "the patient", &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
				t.Fatal(err)
			}

			write := func(name string, res LetterResult) string {
				t.Helper()
				if dir := os.Getenv("CLINICDESK_LETTERS_OUT"); dir != "" {
					os.MkdirAll(dir, 0o755)
					os.WriteFile(filepath.Join(dir, who.name+"-"+name+".pdf"), res.PDF, 0o644)
				}
				return pdfTextOf(t, res.PDF)
			}
			for _, tc := range []struct {
				template, appointment string
				want                  []string
			}{
				{"appointment_confirmation", next.ID, nil},
				{"appointment_reminder", next.ID, nil},
				{"appointment_cancelled", cancelled.ID, []string{"We have noted this reason for the cancellation: Ur physio is unwell. back next week!? "}},
				{"appointment_moved", moved.ID, nil},
				{"dna_first", missed[0], []string{"This means your care with us would end."}},
				{"dna_second", missed[1], []string{"This means your care with us would end."}},
				{"sar_cover", "", nil},
				{"general", "", []string{"Croeso. Dziękujemy."}},
			} {
				req := LetterRequest{Template: tc.template, PatientID: pt.ID, AppointmentID: tc.appointment}
				if tc.template == "general" {
					req.Text = LetterText{Subject: "Eich cynllun ymarfer", Body: "Croeso. Dziękujemy."}
				}
				res, err := d.c.RenderLetter(req)
				if err != nil {
					t.Fatalf("%s: %v", tc.template, err)
				}
				text := write(tc.template, res)
				for _, want := range append([]string{who.salutation, who.envelope}, tc.want...) {
					if !strings.Contains(text+" ", want) {
						t.Errorf("%s lacks %q:\n%s", tc.template, want, text)
					}
				}
				if strings.Contains(text, "refer you again") || strings.Contains(text, "..") {
					t.Errorf("%s:\n%s", tc.template, text)
				}
			}
			gp, err := d.c.RenderLetter(LetterRequest{Template: "gp_letter", PatientID: pt.ID})
			if err != nil {
				t.Fatal(err)
			}
			if text := write("gp_letter", gp); !strings.Contains(text, "Dear Dr Nowak,") || !strings.Contains(text, "3 Heol yr Eglwys PONTYPRIDD CF37 4AB") ||
				!strings.Contains(text, "please let us know.") || strings.Contains(text, "new referral") {
				t.Errorf("gp_letter:\n%s", text)
			}

			r, err := d.c.LogComplaint(complaints.Details{Complainant: complaints.ComplainantPatient, PatientID: pt.ID,
				Channel: complaints.Written, Received: ukcal.MustParseDate("2026-11-20"),
				Description: "could not get through on the phone for 3 days, then was told \"no appointments\"..",
				Subjects:    []complaints.SubjectArea{complaints.SubjectWaitingTimes}, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration}})
			if err != nil {
				t.Fatal(err)
			}
			ack, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.Reference, Template: ComplaintAckTemplate})
			if err != nil {
				t.Fatal(err)
			}
			if text := write("complaint_ack", ack); !strings.Contains(text, who.salutation) ||
				!strings.Contains(text, `This is how we have understood your complaint: Could not get through on the phone for 3 days, then was told "no appointments". If we have`) {
				t.Errorf("complaint_ack:\n%s", text)
			}
			for _, to := range []complaints.Status{complaints.Acknowledged, complaints.Investigating} {
				if _, err := d.c.MoveComplaint(r.ID, to, "", "", ""); err != nil {
					t.Fatal(err)
				}
			}
			delay, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintDelayTemplate,
				DelayReason: "  because we are waiting… the receptionist is on leave..  ", NewResponseDue: ukcal.MustParseDate("2027-01-15")})
			if err != nil {
				t.Fatal(err)
			}
			if text := write("complaint_delay", delay); !strings.Contains(text, "This is the reason for the delay: We are waiting… the receptionist is on leave. We now expect") {
				t.Errorf("complaint_delay:\n%s", text)
			}
			final, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintFinalTemplate,
				Summary:       "You could not get through on the phone.",
				Investigation: "I listened to the call records for those three days and spoke to the reception team.",
				Conclusions:   "The phone lines were short-staffed on two of the three mornings.",
				Actions:       "- A second receptionist now answers the phone from 8am.\n- We have apologised to you.",
				Outcome:       complaints.PartiallyUpheld, SignedOffBy: "Ann Manager"})
			if err != nil {
				t.Fatal(err)
			}
			if text := write("complaint_final", final); !strings.Contains(text, "Our decision is that your complaint is partially upheld.") || !strings.Contains(text, who.salutation) {
				t.Errorf("complaint_final:\n%s", text)
			}
		})
	}
}

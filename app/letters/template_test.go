package letters

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"clinicdesk/app/ukcal"
)

// renderBody parses and renders body (with a fixed subject) for f.
func renderBody(t *testing.T, body string, f Fields) []string {
	t.Helper()
	tp, err := ParseTemplate("test", "Subject", body)
	if err != nil {
		t.Fatalf("ParseTemplate(%q): %v", body, err)
	}
	r, err := tp.Render(f)
	if err != nil {
		t.Fatalf("Render(%q): %v", body, err)
	}
	return r.Paragraphs
}

func TestTemplateMergeFields(t *testing.T) {
	f := ExampleFields()
	tests := []struct {
		field, want string
	}{
		{"patient.title", "Ms"},
		{"patient.forenames", "Zoë"},
		{"patient.surname", "Price"},
		{"patient.full_name", "Zoë Price"},
		{"patient.salutation", "Dear Ms Price"},
		{"patient.nhs_number", "999 000 0018"},
		{"patient.dob", "4 March 1985"},
		{"patient.address", "12 Chapel Lane\nHeadingley\nLeeds\nLS6 3BW"},
		{"patient.address_one_line", "12 Chapel Lane, Headingley, Leeds, LS6 3BW"},
		{"patient.postcode", "LS6 3BW"},
		{"patient.gp_name", "Dr Amara Okafor"},
		{"patient.gp_practice", "Hyde Park Surgery"},
		{"patient.gp_address", "7 Mayfield Row\nLeeds\nLS6 9ZZ"},
		{"patient.gp_salutation", "Dear Dr Okafor"},
		{"appointment.date", "Tuesday 1 December 2026"},
		{"appointment.time", "09:30"},
		{"appointment.end_time", "10:15"},
		{"appointment.duration", "45 minutes"},
		{"appointment.type", "Follow-up physiotherapy"},
		{"appointment.clinician", "Tom Ellis"},
		{"appointment.room", "Room 2"},
		{"appointment.previous_date", "Thursday 26 November 2026"},
		{"appointment.previous_time", "14:00"},
		{"appointment.cancel_reason", "your physiotherapist is unwell"},
		{"clinician.name", "Tom Ellis"},
		{"clinician.role", "Physiotherapist"},
		{"clinic.name", "Moorside Physiotherapy"},
		{"clinic.phone", "0113 496 0123"},
		{"clinic.email", "reception@moorside.example"},
		{"clinic.address", "40 Otley Road\nLeeds\nLS6 2AL"},
		{"clinic.address_one_line", "40 Otley Road, Leeds, LS6 2AL"},
		{"complaint.reference", "C-2026-014"},
		{"complaint.received", "18 November 2026"},
		{"complaint.acknowledge_by", "Monday 23 November 2026"},
		{"complaint.response_due", "Friday 15 January 2027"},
		{"complaint.complainant", "Zoë Price"},
		{"complaint.salutation", "Dear Ms Price"},
		{"complaint.handler", "Priya Shah, Practice Manager"},
		{"dna.count", "2"},
		{"dna.appointments", "2 appointments"},
		{"dna.dates", "- Monday 12 October 2026 at 10:00\n- Monday 9 November 2026 at 11:15"},
		{"sar.received", "2 November 2026"},
		{"sar.due", "Wednesday 2 December 2026"},
		{"letter.subject", "Your exercise plan"},
		{"today", "23 November 2026"},
	}
	for _, tt := range tests {
		got := renderBody(t, "{{"+tt.field+"}}", f)
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("{{%s}} = %q, want %q", tt.field, got, tt.want)
		}
	}
}

func TestTemplateFieldFormats(t *testing.T) {
	tests := []struct {
		name, field string
		appt        AppointmentFields
		want        string
	}{
		{"hour", "appointment.duration", AppointmentFields{Minutes: 60}, "1 hour"},
		{"hour and minutes", "appointment.duration", AppointmentFields{Minutes: 75}, "1 hour 15 minutes"},
		{"one minute", "appointment.duration", AppointmentFields{Minutes: 1}, "1 minute"},
		{"unknown length", "appointment.duration", AppointmentFields{}, ""},
		{"midnight", "appointment.time", AppointmentFields{StartMinute: 0}, "00:00"},
		{"evening, 24-hour", "appointment.time", AppointmentFields{StartMinute: 18*60 + 5}, "18:05"},
		{"not moved", "appointment.previous_time", AppointmentFields{StartMinute: 600}, ""},
		{"no end without a length", "appointment.end_time", AppointmentFields{StartMinute: 600}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			appt := tt.appt
			got := renderBody(t, "x {{"+tt.field+"}}", Fields{Appointment: &appt})
			if want := strings.TrimSpace("x " + tt.want); len(got) != 1 || got[0] != want {
				t.Errorf("{{%s}} = %q, want %q", tt.field, got, want)
			}
		})
	}
	one := renderBody(t, "{{dna.appointments}}", Fields{DNA: &DNAFields{Missed: []MissedAppointment{{Date: ukcal.NewDate(2026, 11, 2)}}}})
	if !reflect.DeepEqual(one, []string{"1 appointment"}) {
		t.Errorf("one missed appointment = %q, want [1 appointment]", one)
	}
	blankNHS := renderBody(t, "NHS number: {{patient.nhs_number}}.", Fields{Patient: &PatientFields{Surname: "Price"}})
	if !reflect.DeepEqual(blankNHS, []string{"NHS number: ."}) {
		t.Errorf("unrecorded NHS number = %q", blankNHS)
	}
}

func TestTemplateSections(t *testing.T) {
	full := ExampleFields()
	noRoom := ExampleFields()
	noRoom.Appointment.Room = ""
	noDNA := ExampleFields()
	noDNA.DNA = &DNAFields{}
	general := Fields{Today: full.Today, Patient: full.Patient, Clinic: full.Clinic}

	tests := []struct {
		name string
		body string
		f    Fields
		want []string
	}{
		{"if kept", "Come to {{#if appointment.room}}{{appointment.room}}{{/if}}.", full, []string{"Come to Room 2."}},
		{"if dropped", "Come to reception{{#if appointment.room}} then {{appointment.room}}{{/if}}.", noRoom, []string{"Come to reception."}},
		{"else", "{{#if appointment.room}}Room: {{appointment.room}}{{else}}Ask at reception{{/if}}", noRoom, []string{"Ask at reception"}},
		{"unless", "{{#unless appointment.room}}Ask at reception.{{/unless}}", noRoom, []string{"Ask at reception."}},
		{"unless with room", "{{#unless appointment.room}}Ask at reception.{{else}}Go to {{appointment.room}}.{{/unless}}", full, []string{"Go to Room 2."}},
		{"nested", "{{#if appointment}}{{#if appointment.room}}In {{appointment.room}}{{else}}No room{{/if}} with {{appointment.clinician}}{{/if}}",
			noRoom, []string{"No room with Tom Ellis"}},
		{"part present", "{{#if appointment}}About your appointment.{{else}}A letter.{{/if}}", full, []string{"About your appointment."}},
		{"part absent skips its fields", "{{#if appointment}}On {{appointment.date}}.{{else}}No appointment.{{/if}}", general, []string{"No appointment."}},
		{"unless part", "{{#unless complaint}}Hello.{{/unless}}", general, []string{"Hello."}},
		{"count of zero is false", "{{#if dna.count}}Missed {{dna.count}}.{{else}}None missed.{{/if}}", noDNA, []string{"None missed."}},
		{"count above zero is true", "{{#if dna.count}}Missed {{dna.count}}.{{/if}}", full, []string{"Missed 2."}},
		{"tags alone on their lines leave no gap",
			"Day: {{appointment.date}}\n{{#if appointment.room}}\nRoom: {{appointment.room}}\n{{/if}}\nWith: {{appointment.clinician}}",
			noRoom, []string{"Day: Tuesday 1 December 2026\nWith: Tom Ellis"}},
		{"indented standalone tags",
			"A\n  {{#if appointment.room}}  \n  Room: {{appointment.room}}\n  {{/if}}\nB",
			full, []string{"A\nRoom: Room 2\nB"}},
		{"section across paragraphs",
			"First.\n\n{{#if appointment.room}}\nSecond.\n\nThird.\n{{/if}}\n\nLast.",
			full, []string{"First.", "Second.", "Third.", "Last."}},
		{"dropped section between paragraphs",
			"First.\n\n{{#if appointment.room}}\nSecond.\n{{/if}}\n\nLast.",
			noRoom, []string{"First.", "Last."}},
		{"spaces inside tags", "{{ #if  appointment.room }}{{ appointment.room }}{{ /if }}", full, []string{"Room 2"}},
		{"deep nesting", strings.Repeat("{{#if today}}", 10) + "deep" + strings.Repeat("{{/if}}", 10), full, []string{"deep"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderBody(t, tt.body, tt.f); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTemplateParagraphs(t *testing.T) {
	f := ExampleFields()
	f.Patient.AddressLine2 = ""
	f.Complaint.Conclusions = "We agree.\n\nWe are sorry."
	tests := []struct {
		name, body string
		want       []string
	}{
		{"blank lines split, runs of them too", "One.\n\nTwo.\n\n\n  \nThree.", []string{"One.", "Two.", "Three."}},
		{"single breaks stay", "Line one\nline two", []string{"Line one\nline two"}},
		{"windows line ends", "One.\r\n\r\nTwo\r\nlines", []string{"One.", "Two\nlines"}},
		{"empty field leaves no empty line",
			"{{patient.address_line1}}\n{{patient.address_line2}}\n{{patient.town}}",
			[]string{"12 Chapel Lane\nLeeds"}},
		{"address block has no empty line", "{{patient.address}}", []string{"12 Chapel Lane\nLeeds\nLS6 3BW"}},
		{"blank line in a value starts a paragraph", "Found: {{complaint.conclusions}}", []string{"Found: We agree.", "We are sorry."}},
		{"bullet list kept as lines starting \"- \"", "We will:\n\n- call you\n- write to you", []string{"We will:", "- call you\n- write to you"}},
		{"bullets from a field", "{{complaint.actions}}", []string{
			"- Reception staff now tell patients when a clinician is running more than 15 minutes late.\n- Patients are offered a new appointment if they cannot wait."}},
		{"lines trimmed", "  Indented  \n\ttabbed\t", []string{"Indented\ntabbed"}},
		{"never HTML-escaped", "<b>Tom & Jerry's</b> \"quote\"", []string{"<b>Tom & Jerry's</b> \"quote\""}},
		{"single braces are text", "Costs {5} and }} too", []string{"Costs {5} and }} too"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := renderBody(t, tt.body, f); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTemplateSubject(t *testing.T) {
	tp, err := ParseTemplate("s", "Your appointment on {{appointment.date}}{{#if appointment.room}} in {{appointment.room}}{{/if}}", "Body")
	if err != nil {
		t.Fatal(err)
	}
	r, err := tp.Render(ExampleFields())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Your appointment on Tuesday 1 December 2026 in Room 2"; r.Subject != want {
		t.Errorf("subject = %q, want %q", r.Subject, want)
	}
	// A value with line breaks still gives a one-line subject.
	tp, _ = ParseTemplate("s", "Re: {{patient.address}}", "Body")
	r, _ = tp.Render(ExampleFields())
	if want := "Re: 12 Chapel Lane Headingley Leeds LS6 3BW"; r.Subject != want {
		t.Errorf("subject = %q, want %q", r.Subject, want)
	}
	if errs := Validate("Line one\nline two", "Body"); len(errs) != 1 || errs[0].Error() != "subject: the subject must be a single line" {
		t.Errorf("two-line subject: %v", errs)
	}
}

func TestTemplateParseErrors(t *testing.T) {
	tests := []struct {
		name, subject, body string
		want                []string
	}{
		{"unknown field with suggestion", "", "Dear patient,\n\nThis is\nabout {{patient.surnam}}.",
			[]string{"line 4: unknown field {{patient.surnam}} — did you mean {{patient.surname}}?"}},
		{"missing group", "", "{{surname}}", []string{"line 1: unknown field {{surname}} — did you mean {{patient.surname}}?"}},
		{"wrong case", "", "x\n{{Patient.NHS_Number}}", []string{"line 2: unknown field {{Patient.NHS_Number}} — did you mean {{patient.nhs_number}}?"}},
		{"unknown in a condition", "", "{{#if appointment.rooom}}x{{/if}}",
			[]string{"line 1: unknown field {{#if appointment.rooom}} — did you mean {{#if appointment.room}}?"}},
		{"nothing close", "", "{{favourite.colour}}", []string{"line 1: unknown field {{favourite.colour}} — pick one from the field list"}},
		{"a part is not a field", "", "{{appointment}}",
			[]string{"line 1: {{appointment}} is a group of fields, not one field; pick one from the field list, such as {{appointment.date}}"}},
		{"never closed", "", "a\nb\nc\nd\ne\nf\ng\nh\n{{#if appointment.room}}\nRoom\n",
			[]string{"line 9: {{#if appointment.room}} is never closed"}},
		{"stray close", "", "One\n\n{{/if}}", []string{"line 3: {{/if}} without an opening {{#if}}"}},
		{"stray close unless", "", "{{/unless}}", []string{"line 1: {{/unless}} without an opening {{#unless}}"}},
		{"mismatched close", "", "{{#if appointment.room}}\nx\n{{/unless}}",
			[]string{"line 3: {{/unless}} cannot close {{#if appointment.room}} from line 1; use {{/if}}",
				"line 1: {{#if appointment.room}} is never closed"}},
		{"stray else", "", "x\n{{else}}", []string{"line 2: {{else}} without an opening {{#if}} or {{#unless}}"}},
		{"two elses", "", "{{#if today}}\na\n{{else}}\nb\n{{else}}\nc\n{{/if}}",
			[]string{"line 5: a second {{else}} in {{#if today}} from line 1"}},
		{"unknown section", "", "{{#each dna.dates}}{{/each}}",
			[]string{"line 1: {{#each dna.dates}} is not a field or a section", "line 1: {{/each}} is not a field or a section"}},
		{"condition without a name", "", "{{#if}}x{{/if}}",
			[]string{"line 1: {{#if}} needs a field name, as in {{#if appointment.room}}"}},
		{"empty tag", "", "a {{ }} b", []string{"line 1: {{ }} is not a field or a section"}},
		{"unclosed braces", "", "one\ntwo {{patient.surname", []string{"line 2: “{{” is never closed with “}}”"}},
		{"error in the subject", "About {{apointment.date}}", "Body",
			[]string{"subject: unknown field {{apointment.date}} — did you mean {{appointment.date}}?"}},
		{"empty body", "Subject", " \n ", []string{"line 1: the letter has no text"}},
		{"every error is listed", "", "{{patient.surnam}}\n{{clinic.phnoe}}",
			[]string{"line 1: unknown field {{patient.surnam}} — did you mean {{patient.surname}}?",
				"line 2: unknown field {{clinic.phnoe}} — did you mean {{clinic.phone}}?"}},
		{"line numbers after removed tag lines", "", "{{#if today}}\n\n{{/if}}\n\n{{patient.surnam}}",
			[]string{"line 5: unknown field {{patient.surnam}} — did you mean {{patient.surname}}?"}},
		{"line numbers after a multi-line tag", "", "{{#if\ntoday}}x{{/if}}\n{{nope.nope}}",
			[]string{"line 3: unknown field {{nope.nope}} — pick one from the field list"}},
		{"too deep", "", strings.Repeat("{{#if today}}", 11) + strings.Repeat("{{/if}}", 11),
			[]string{"line 1: {{#if today}} is inside more than 10 sections; simplify it"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTemplate("t", tt.subject, tt.body)
			var errs TemplateErrors
			if !errors.As(err, &errs) {
				t.Fatalf("ParseTemplate error = %v, want TemplateErrors", err)
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n got %q\nwant %q", got, tt.want)
			}
			if v := Validate(tt.subject, tt.body); !reflect.DeepEqual(v, errs) {
				t.Errorf("Validate = %v, want the same as ParseTemplate: %v", v, errs)
			}
			if err.Error() != strings.Join(tt.want, "\n") {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

func TestTemplateMissingPartIsAnError(t *testing.T) {
	tp, err := ParseTemplate("general", "Letter for {{patient.full_name}}",
		"Hello.\n\nYour appointment is on\n{{appointment.date}} at {{appointment.time}}.\n\n{{#if complaint.reference}}x{{/if}}")
	if err != nil {
		t.Fatal(err)
	}
	_, err = tp.Render(Fields{Today: ukcal.NewDate(2026, 11, 23)})
	var errs TemplateErrors
	if !errors.As(err, &errs) {
		t.Fatalf("Render error = %v, want TemplateErrors", err)
	}
	want := "subject: {{patient.full_name}} needs a patient, and this letter has none\n" +
		"line 4: {{appointment.date}} needs an appointment, and this letter has none\n" +
		"line 4: {{appointment.time}} needs an appointment, and this letter has none\n" +
		"line 6: {{#if complaint.reference}} needs a complaint, and this letter has none"
	if err.Error() != want {
		t.Errorf("Render error:\n%s\nwant:\n%s", err, want)
	}
	if errs[1].Line != 4 || errs[0].InSubject != true {
		t.Errorf("error positions = %+v", errs)
	}

	tp, _ = ParseTemplate("dated", "S", "Dated {{today}}")
	if _, err := tp.Render(Fields{}); err == nil || err.Error() != "line 1: {{today}} needs today's date, and this letter has none" {
		t.Errorf("no date: %v", err)
	}
}

func TestTemplateFieldsUsed(t *testing.T) {
	tp, err := ParseTemplate("u", "{{clinic.name}}", "{{#if appointment}}{{appointment.date}}\n{{#unless appointment.room}}x{{/unless}}{{else}}{{today}}{{/if}}")
	if err != nil {
		t.Fatal(err)
	}
	wantUses := []string{"appointment", "appointment.date", "appointment.room", "clinic.name", "today"}
	if got := tp.Uses(); !reflect.DeepEqual(got, wantUses) {
		t.Errorf("Uses = %q, want %q", got, wantUses)
	}
	f := ExampleFields()
	f.Appointment = nil
	r, err := tp.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	// Only what this letter actually read.
	if want := []string{"appointment", "clinic.name", "today"}; !reflect.DeepEqual(r.Fields, want) {
		t.Errorf("Rendered.Fields = %q, want %q", r.Fields, want)
	}
	if tp.Name() != "u" {
		t.Errorf("Name = %q", tp.Name())
	}
}

func TestSalutationFor(t *testing.T) {
	tests := []struct {
		title, forenames, surname, want string
	}{
		{"Ms", "Zoë", "Price", "Dear Ms Price"},
		{"", "Zoë", "Price", "Dear Zoë Price"},
		{"  ", " Zoë ", " Price ", "Dear Zoë Price"},
		{"Dr", "Asha", "Patel", "Dear Dr Patel"},
		{"Mx", "Sam", "Rowe", "Dear Mx Rowe"},
		{"Mrs.", "Ann", "Lee", "Dear Mrs. Lee"},
		{"Sir", "John Arthur", "Smith", "Dear Sir John"},
		{"Dame", "Judi", "Dench", "Dear Dame Judi"},
		{"Sir", "", "Smith", "Dear Sir Smith"},
		{"Mr", "Ахмед", "", "Dear Ахмед"},
		{"", "", "Ахмед", "Dear Ахмед"},
		{"Ms", "", "", "Dear Sir or Madam"},
		{"", "", "", "Dear Sir or Madam"},
		{"Ms", "Zoë", "Łukasiewicz-O'Brien", "Dear Ms Łukasiewicz-O'Brien"},
		{"", "Siân", "Ŵyn", "Dear Siân Ŵyn"},
		// Middle names are for the envelope, not the greeting.
		{"Ms", "Siân Małgorzata", "Llywelyn-Wójcik", "Dear Ms Llywelyn-Wójcik"},
		{"", "Siân Małgorzata", "Llywelyn-Wójcik", "Dear Siân Llywelyn-Wójcik"},
		{"", "  Siân   Małgorzata ", "Llywelyn-Wójcik", "Dear Siân Llywelyn-Wójcik"},
	}
	for _, tt := range tests {
		if got := SalutationFor(tt.title, tt.forenames, tt.surname); got != tt.want {
			t.Errorf("SalutationFor(%q, %q, %q) = %q, want %q", tt.title, tt.forenames, tt.surname, got, tt.want)
		}
	}
}

func TestGPSalutationFor(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Dr Amara Okafor", "Dear Dr Okafor"},
		{"Amara Okafor", "Dear Dr Okafor"},
		{"Dr A. Okafor", "Dear Dr Okafor"},
		{"dr. okafor", "Dear dr. okafor"},
		{"Doctor Siân Ŵyn", "Dear Dr Ŵyn"},
		{"Prof Helen Hughes", "Dear Prof Hughes"},
		{"Mr James O'Neill-Hart", "Dear Mr O'Neill-Hart"},
		{"Dr Ana de la Cruz", "Dear Dr de la Cruz"},
		{"Dr Pieter van Dijk", "Dear Dr van Dijk"},
		{"Dr Ахмед Иванов", "Dear Dr Иванов"},
		{"Okafor", "Dear Dr Okafor"},
		{"Dr", "Dear Doctor"},
		{"", "Dear Doctor"},
		{"   ", "Dear Doctor"},
	}
	for _, tt := range tests {
		if got := GPSalutationFor(tt.name); got != tt.want {
			t.Errorf("GPSalutationFor(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFieldsSalutation(t *testing.T) {
	f := ExampleFields()
	f.Complaint.ComplainantTitle, f.Complaint.ComplainantForenames, f.Complaint.ComplainantSurname = "Mr", "Ahmed", "Khan"
	for to, want := range map[string]string{ToPatient: "Dear Ms Price", ToGP: "Dear Dr Okafor", ToComplainant: "Dear Mr Khan"} {
		if got, err := f.Salutation(to); err != nil || got != want {
			t.Errorf("Salutation(%s) = %q, %v; want %q", to, got, err, want)
		}
	}
	if _, err := (Fields{}).Salutation(ToComplainant); err == nil {
		t.Error("Salutation to a complainant with no complaint: want an error")
	}
	if _, err := f.Salutation("solicitor"); err == nil {
		t.Error("Salutation to an unknown recipient: want an error")
	}
}

func TestTemplateUnicodeNamesByteExact(t *testing.T) {
	names := []PatientFields{
		{Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien"},
		{Forenames: "Siân", Surname: "Ŵyn"},
		{Title: "Mr", Forenames: "Ахмед", Surname: "Иванов"},
	}
	for _, p := range names {
		p := p
		got := renderBody(t, "{{patient.full_name}}|{{patient.surname}}|{{patient.salutation}}", Fields{Patient: &p})
		want := p.Forenames + " " + p.Surname + "|" + p.Surname + "|" + SalutationFor(p.Title, p.Forenames, p.Surname)
		if len(got) != 1 || got[0] != want {
			t.Errorf("got %q, want %q", got, want)
		}
		if !strings.Contains(got[0], p.Surname) || []byte(got[0])[len(p.Forenames)] != ' ' {
			t.Errorf("%q is not byte-exact", got[0])
		}
	}
	// Text typed in decomposed form (e + combining diaeresis) comes out
	// composed, the form names are stored in.
	nfd := norm.NFD.String("Zoë")
	got := renderBody(t, "{{patient.forenames}} "+norm.NFD.String("Siân"), Fields{Patient: &PatientFields{Forenames: nfd}})
	if want := "Zoë Siân"; len(got) != 1 || got[0] != want {
		t.Errorf("NFD input gave %q (% x), want NFC %q", got, got, want)
	}
}

func TestFieldCatalogue(t *testing.T) {
	groups := []string{"Patient", "Appointment", "Clinician", "Clinic", "Complaint", "Missed appointments", "Subject access", "Referral", "This letter", "Today"}
	order := map[string]int{}
	for i, g := range groups {
		order[g] = i
	}
	cat := FieldCatalogue()
	seen := map[string]bool{}
	last := 0
	for _, fi := range cat {
		g, ok := order[fi.Group]
		if !ok {
			t.Errorf("%s: unknown group %q", fi.Name, fi.Group)
		}
		if g < last {
			t.Errorf("%s: group %q out of the picker's order", fi.Name, fi.Group)
		}
		last = g
		if seen[fi.Name] {
			t.Errorf("%s listed twice", fi.Name)
		}
		seen[fi.Name] = true
		if fi.Description == "" || !strings.HasSuffix(fi.Description, ".") {
			t.Errorf("%s: description %q should be a full sentence", fi.Name, fi.Description)
		}
		if fi.Example == "" && fi.Name != "patient.county" && fi.Name != "complaint.on_behalf_of" && fi.Name != "patient.gp_referral" &&
			fi.Name != "patient.child" { // the example patient is an adult
			t.Errorf("%s: no example", fi.Name)
		}
		if Validate("", fi.Tag()) != nil {
			t.Errorf("%s: its own tag %s does not validate", fi.Name, fi.Tag())
		}
	}
	for _, name := range []string{"patient.salutation", "appointment.date", "clinician.role", "clinic.email",
		"complaint.acknowledge_by", "dna.count", "sar.due", "today"} {
		if !seen[name] {
			t.Errorf("catalogue lacks %s", name)
		}
	}
}

func FuzzParseTemplate(f *testing.F) {
	f.Add("Subject {{today}}", "Dear {{patient.surname}}\n\n{{#if appointment.room}}Room {{appointment.room}}{{else}}none{{/if}}")
	f.Add("", "{{#unless dna.count}}\n- a\n- b\n{{/unless}}\n\n{{dna.dates}}")
	f.Add("{{", "{{/if}}{{else}}{{#if}}{{#each x}}")
	f.Add("x", "{{#if appointment}}{{#if complaint}}{{complaint.summary}}{{/if}}")
	f.Add("\r\n", "\f\x00{{ patient.full_name }}\r\n\r\n}}{{")
	f.Fuzz(func(t *testing.T, subject, body string) {
		tp, err := ParseTemplate("fuzz", subject, body)
		errs := Validate(subject, body)
		if (err == nil) != (len(errs) == 0) {
			t.Fatalf("ParseTemplate error %v but Validate %v", err, errs)
		}
		if err != nil {
			for _, e := range errs {
				if e.Line < 1 || e.Line > strings.Count(body, "\n")+strings.Count(body, "\r")+1 {
					t.Fatalf("error %q has line %d outside the body", e.Error(), e.Line)
				}
			}
			return
		}
		for _, fields := range []Fields{ExampleFields(), {}} {
			r, err := tp.Render(fields)
			if err != nil {
				var terrs TemplateErrors
				if !errors.As(err, &terrs) || len(terrs) == 0 {
					t.Fatalf("Render failed without placing the error: %v", err)
				}
				continue
			}
			if strings.ContainsAny(r.Subject, "\n\f") {
				t.Fatalf("subject %q is not one line", r.Subject)
			}
			for _, p := range r.Paragraphs {
				if p == "" || strings.Contains(p, "\n\n") || strings.Contains(p, tmplParagraphBreak) || !norm.NFC.IsNormalString(p) {
					t.Fatalf("bad paragraph %q", p)
				}
			}
		}
	})
}

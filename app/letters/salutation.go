package letters

import (
	"fmt"
	"strings"
)

// Salutation is the greeting for a letter addressed to, one of ToPatient,
// ToGP or ToComplainant, worked out by the same rules as the merge fields.
func (f Fields) Salutation(addressedTo string) (string, error) {
	switch addressedTo {
	case ToPatient, ToGP:
		if f.Patient == nil {
			return "", fmt.Errorf("letters: a letter to the patient or their GP needs the patient's details")
		}
		if addressedTo == ToGP {
			return GPSalutationFor(f.Patient.GPName), nil
		}
		return SalutationKnownAs(f.Patient.Title, f.Patient.Forenames, f.Patient.Surname, f.Patient.KnownAs), nil
	case ToParent:
		return parentSalutation(f)
	case ToReferrer, ToService:
		if f.Referral == nil {
			return "", fmt.Errorf("letters: a letter about a referral needs the referral's details")
		}
		return ReferralSalutation(f.Referral.PartyName), nil
	case ToComplainant:
		c := f.Complaint
		if c == nil {
			return "", fmt.Errorf("letters: a letter to a complainant needs the complaint's details")
		}
		return SalutationKnownAs(c.ComplainantTitle, c.ComplainantForenames, c.ComplainantSurname, c.ComplainantKnownAs), nil
	}
	return "", fmt.Errorf("letters: no salutation rule for a letter to %q", addressedTo)
}

// SalutationFor is the greeting for a person: "Dear Ms Llywelyn-Wójcik"
// from title and surname, "Dear Siân Llywelyn-Wójcik" (the first forename
// only, as people greet each other) when there is no title, "Dear Sir
// John" for a knight or dame, and "Dear Sir or Madam" when there is no
// name. Names are used exactly as given.
func SalutationFor(title, forenames, surname string) string {
	title, surname = strings.TrimSpace(title), strings.TrimSpace(surname)
	first := ""
	if words := strings.Fields(forenames); len(words) > 0 {
		first = words[0]
	}
	switch {
	case title != "" && isHonorific(title) && first != "":
		return "Dear " + title + " " + first
	case title != "" && surname != "":
		return "Dear " + title + " " + surname
	case first != "" || surname != "":
		return "Dear " + joinNonEmpty(" ", first, surname)
	}
	return "Dear Sir or Madam"
}

// SalutationKnownAs is SalutationFor for someone whose record says letters
// should use the name they are known by: "Dear Bob Smith" for Mr Robert
// Smith known as Bob. A patient who asked to be called by another name
// gets it in the greeting, but a clinic letter stays as formal as one to
// someone without a title: "Dear Bob" alone is too familiar, and "Dear Mr
// Bob Smith" is neither form. A known-as name of several words ("Alex
// Morgan") is the whole name they go by and is used as it is; Sir and Dame
// go with it ("Dear Sir Jack"). With no known-as name it is SalutationFor.
func SalutationKnownAs(title, forenames, surname, knownAs string) string {
	words := strings.Fields(knownAs)
	if len(words) == 0 {
		return SalutationFor(title, forenames, surname)
	}
	title, surname = strings.TrimSpace(title), strings.TrimSpace(surname)
	switch {
	case isHonorific(title):
		return "Dear " + title + " " + words[0]
	case len(words) > 1:
		return "Dear " + strings.Join(words, " ")
	}
	return "Dear " + joinNonEmpty(" ", words[0], surname)
}

// isHonorific reports titles used with the first name: Sir John, Dame Judi.
func isHonorific(title string) bool {
	t := strings.ToLower(strings.TrimSuffix(title, "."))
	return t == "sir" || t == "dame"
}

// GPSalutationFor is the greeting for a GP from the name as recorded:
// "Dr Amara Okafor" and "Amara Okafor" both give "Dear Dr Okafor"; a title
// such as Mr or Prof is kept; an empty name gives "Dear Doctor". Surname
// particles written in lower case stay with the surname ("Dear Dr de la
// Cruz").
func GPSalutationFor(name string) string {
	words := strings.Fields(name)
	title := "Dr"
	if len(words) > 0 && isGPTitle(words[0]) {
		title = words[0]
		if strings.EqualFold(strings.TrimSuffix(title, "."), "doctor") {
			title = "Dr"
		}
		words = words[1:]
	}
	if len(words) == 0 {
		return "Dear Doctor"
	}
	start := len(words) - 1
	for start > 1 && isSurnameParticle(words[start-1]) {
		start--
	}
	return "Dear " + title + " " + strings.Join(words[start:], " ")
}

func isGPTitle(word string) bool {
	switch strings.ToLower(strings.TrimSuffix(word, ".")) {
	case "dr", "doctor", "mr", "mrs", "ms", "miss", "mx", "prof", "professor":
		return true
	}
	return false
}

// isSurnameParticle reports a lower-case word such as "de" or "van" that
// belongs to the surname after it.
func isSurnameParticle(word string) bool {
	for _, r := range word {
		return r >= 'a' && r <= 'z'
	}
	return false
}

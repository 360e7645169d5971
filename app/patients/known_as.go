package patients

// LetterKnownAs is the name letters greet the patient by when their record
// says letters should use it (they asked to be called something other
// than their legal forenames), and "" otherwise: then letters use the
// title and surname. The envelope always keeps the legal name.
func LetterKnownAs(p Patient) string {
	if !p.UseKnownAs {
		return ""
	}
	return p.PreferredName
}

// knownAsProblem is what is wrong with asking letters to use a known-as
// name, or "" when nothing is.
func knownAsProblem(p Patient) string {
	if p.UseKnownAs && p.PreferredName == "" {
		return "enter the name the patient is known by, or untick \"Use the known-as name in letters\""
	}
	return ""
}

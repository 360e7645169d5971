package app

import (
	"testing"

	"clinicdesk/data"
)

// A default template no manager has edited follows a corrected default
// after an update; one a manager has edited keeps the manager's words.
func TestUneditedTemplatesFollowTheDefaultWording(t *testing.T) {
	d := newDiary(t)
	if _, err := d.c.LetterTemplates(); err != nil { // copies the defaults in
		t.Fatal(err)
	}
	current, err := d.c.LetterTemplateNamed("dna_second")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := d.c.LetterTemplateNamed("dna_first")
	// As an older version left them: dna_second in old words, unedited;
	// dna_first in the manager's own words.
	err = d.c.store.Write(func(tx *data.Tx) error {
		old := current
		old.Body = "We wrote to you the last time this happened.\n"
		if err := tx.SaveLetterTemplate(old); err != nil {
			return err
		}
		mine := first
		mine.Body, mine.Edited = "Our own words, {{patient.forenames}}.\n", true
		return tx.SaveLetterTemplate(mine)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.LetterTemplates(); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.c.LetterTemplateNamed("dna_second"); got.Body != current.Body || got.Edited {
		t.Errorf("an unedited template kept the old wording: %q", got.Body)
	}
	if got, _ := d.c.LetterTemplateNamed("dna_first"); got.Body != "Our own words, {{patient.forenames}}.\n" || !got.Edited {
		t.Errorf("a manager's template was replaced: %q", got.Body)
	}
}

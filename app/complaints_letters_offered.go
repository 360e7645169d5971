package app

// ComplaintLettersOffered lists the letters the complaint is ready for and
// the signed-in user may write, in the order the file offers them: the
// acknowledgement while it is new, a delay letter once owed or a response
// is late, the final response once investigated. RenderComplaintLetter
// asks the same.
func (c *Clinic) ComplaintLettersOffered(r ComplaintRecord) []string {
	if !c.Can(PermPrintLetters) || !c.Can(PermLogComplaints) {
		return nil
	}
	var out []string
	if checkLetterStage(ComplaintAckTemplate, r.Status) == nil {
		out = append(out, ComplaintAckTemplate)
	}
	responseLate := r.HasNext && r.Overdue && r.Next.Key != "acknowledge_by"
	if (r.DelayLetterOwed || responseLate) && checkLetterStage(ComplaintDelayTemplate, r.Status) == nil {
		out = append(out, ComplaintDelayTemplate)
	}
	if c.Can(PermDecideComplaints) && checkLetterStage(ComplaintFinalTemplate, r.Status) == nil {
		out = append(out, ComplaintFinalTemplate)
	}
	return out
}

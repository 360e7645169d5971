package app

// privateFolderSDDL is the Windows access list for the print folder, in
// SDDL: protected ("P": nothing inherited from %LocalAppData%, so no
// administrator or backup group added there reaches the letters), full
// control ("FA") for the signed-in user's SID and for SYSTEM ("SY") only,
// passed on to the files and folders made inside ("OICI").
func privateFolderSDDL(userSID string) string {
	return "D:P(A;OICI;FA;;;" + userSID + ")(A;OICI;FA;;;SY)"
}

//go:build windows

package app

import (
	"errors"

	"golang.org/x/sys/windows"
)

// makePrivate gives dir an access list naming only the current user (from
// the process token) and SYSTEM, not inherited from the folder above;
// Windows passes it on to the letters already inside and to new ones.
// chmod means nothing on Windows.
func makePrivate(dir string) error {
	sid, err := currentUserSID()
	if err != nil {
		return err
	}
	sd, err := windows.SecurityDescriptorFromString(privateFolderSDDL(sid))
	if err != nil {
		return err
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return err
	}
	return windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)
}

// currentUserSID is the SID ClinicDesk runs as, e.g. "S-1-5-21-…-1001".
func currentUserSID() (string, error) {
	tok, err := windows.OpenCurrentProcessToken()
	if err != nil {
		return "", err
	}
	defer tok.Close()
	u, err := tok.GetTokenUser()
	if err != nil {
		return "", err
	}
	return u.User.Sid.String(), nil
}

// inUse: the file is open in another program that did not allow deleting
// it (a PDF viewer holding the letter).
func inUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}

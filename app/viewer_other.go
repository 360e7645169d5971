//go:build !windows

package app

import "errors"

// shellOpen is Windows' ShellExecuteW; openerFor never picks it elsewhere.
func shellOpen(string) error {
	return errors.New("ShellExecute is only on Windows")
}

//go:build windows

package data

// syncDir is a no-op on Windows: NTFS renames are journalled and folders
// cannot be opened for fsync.
func syncDir(string) error { return nil }

//go:build !linux && !darwin && !windows

package data

func isRemoteFS(string) (bool, string) { return false, "" }

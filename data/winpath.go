package data

import (
	"path/filepath"
	"strings"
)

// winPathKind is what a Windows path names, judged from its spelling
// alone so that the rules can be tested on any machine.
type winPathKind int

const (
	// winLocal: C:\…, \\?\C:\… (a long path on this PC), \\?\Volume{…}\…
	winLocal winPathKind = iota
	// winShare: \\server\share\… or \\?\UNC\server\share\…
	winShare
	// winDevice: \\.\… or another \\?\ name: a device, not a folder.
	winDevice
)

// classifyWindowsPath says what p names and, for a local long path,
// gives it without its \\?\ prefix (\\?\C:\x is C:\x) so that the checks
// that follow see an ordinary drive path. Either slash is accepted, as
// Windows does. A Unix path (one leading slash) is always local.
func classifyWindowsPath(p string) (winPathKind, string) {
	if len(p) < 2 || !isSlash(p[0]) || !isSlash(p[1]) {
		return winLocal, p
	}
	if len(p) < 4 || !isSlash(p[3]) || (p[2] != '.' && p[2] != '?') {
		return winShare, p // \\server\share
	}
	if p[2] == '.' {
		return winDevice, p
	}
	rest := p[4:]
	switch {
	case hasDriveLetter(rest):
		return winLocal, rest
	case len(rest) >= 3 && strings.EqualFold(rest[:3], "UNC") && (len(rest) == 3 || isSlash(rest[3])):
		return winShare, p
	case len(rest) >= 7 && strings.EqualFold(rest[:7], "Volume{"):
		return winLocal, p // a disk of this PC named by its volume id
	}
	return winDevice, p // \\?\GLOBALROOT\… and the like
}

// isUNCPath spots network shares: \\server\share, //server/share and
// \\?\UNC\server\share. A local long path (\\?\C:\…) is not one.
func isUNCPath(p string) bool {
	k, _ := classifyWindowsPath(p)
	return k == winShare
}

func isSlash(c byte) bool { return c == '\\' || c == '/' }

// hasDriveLetter: "C:" or "C:\…".
func hasDriveLetter(s string) bool {
	if len(s) < 2 || s[1] != ':' {
		return false
	}
	c := s[0] | 0x20
	return c >= 'a' && c <= 'z' && (len(s) == 2 || isSlash(s[2]))
}

// sqlitePath is the clinic file's path as SQLite's connection string can
// take it: on Windows a local long path loses its \\?\ prefix, whose '?'
// would start the string's options.
func sqlitePath(p string) string { return sqlitePathFor(p, filepath.Separator == '\\') }

func sqlitePathFor(p string, windows bool) string {
	if k, plain := classifyWindowsPath(p); windows && k == winLocal {
		return plain
	}
	return p
}

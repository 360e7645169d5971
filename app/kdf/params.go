// Package kdf holds the cost of deriving a key from a password (Argon2id):
// the record each keyring entry keeps, and the cost real entries are made
// with. The derivation itself is the store's.
package kdf

// Params are the Argon2id costs for one keyring entry.
type Params struct {
	Time      uint32 `json:"t"`
	MemoryKiB uint32 `json:"m"`
	Threads   uint8  `json:"p"`
}

// Default is the cost every real entry is made with: 64 MiB and three
// passes, about half a second on a two-core desk PC. The cost is the point:
// it is what makes guessing a stolen keyring's passwords slow.
var Default = Params{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}

package cli

// SQLite is linked in once, by the sqlite3mc driver (data); this asks it
// how much memory it holds in the process, for the bench's memory rows.

/*
long long sqlite3_memory_used(void);
*/
import "C"

func sqliteMemoryUsed() int64 { return int64(C.sqlite3_memory_used()) }

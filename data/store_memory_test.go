package data

import (
	"context"
	"database/sql"
	"testing"
)

// The window's memory (SPEC §5, 200 MB; `clinicdesk bench` rss_day_mb)
// leaves SQLite 16 MiB: every pooled connection's page cache fits in it
// together, so a day of use never holds more (64 MiB a connection once
// made the window hold 112 MiB of pages within minutes).
func TestSQLitePageCachesFitTheWindowsMemoryBudget(t *testing.T) {
	s, _, _ := newStore(t)
	ctx := context.Background()
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	const pool = 4
	for i := 0; i < pool; i++ {
		c, err := s.DB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var cache, limit int64
		if err := c.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA soft_heap_limit").Scan(&limit); err != nil {
			t.Fatal(err)
		}
		// A negative cache_size is KiB; a positive one pages.
		bytes := -cache << 10
		if cache > 0 {
			bytes = cache * pageSize
		}
		if limit > 16<<20 || bytes*pool > limit || bytes < 2<<20 {
			t.Fatalf("connection %d: page cache %d bytes, SQLite's limit %d: the pool's caches must fit within 16 MiB and each keep at least SQLite's own 2 MiB", i, bytes, limit)
		}
	}
}

package ukcal

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"clinicdesk/assets"
)

// substituteNote is the feed's note on a holiday moved off a weekend.
const substituteNote = "Substitute day"

// regionFeed is one division of the feed, grouped by year.
type regionFeed struct {
	first, last int // the years the feed covers
	byYear      map[int][]Holiday
}

// loadFeed parses the embedded feed the first time it is needed; sync.Once
// makes that safe from any number of goroutines.
var loadFeed = sync.OnceValues(func() (map[Region]*regionFeed, error) {
	return parseFeed(assets.BankHolidays)
})

// parseFeed reads the GOV.UK bank-holidays JSON. It insists on all three
// divisions and on every date being valid, so a damaged copy is noticed
// rather than quietly making days into working days.
func parseFeed(data []byte) (map[Region]*regionFeed, error) {
	var raw map[string]struct {
		Division string `json:"division"`
		Events   []struct {
			Title string `json:"title"`
			Date  string `json:"date"`
			Notes string `json:"notes"`
		} `json:"events"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("bank-holiday feed: %w", err)
	}
	feed := make(map[Region]*regionFeed, len(Regions))
	for _, r := range Regions {
		div, ok := raw[string(r)]
		if !ok || len(div.Events) == 0 {
			return nil, fmt.Errorf("bank-holiday feed: no events for %s", r)
		}
		rf := &regionFeed{byYear: map[int][]Holiday{}}
		for _, e := range div.Events {
			d, err := ParseDate(e.Date)
			if err != nil {
				return nil, fmt.Errorf("bank-holiday feed, %s: %w", r, err)
			}
			if e.Title == "" {
				return nil, fmt.Errorf("bank-holiday feed, %s: holiday on %s has no title", r, d)
			}
			y := d.Year()
			rf.byYear[y] = append(rf.byYear[y], Holiday{Date: d, Title: e.Title, Substitute: e.Notes == substituteNote})
			if rf.first == 0 || y < rf.first {
				rf.first = y
			}
			rf.last = max(rf.last, y)
		}
		for _, hs := range rf.byYear {
			sortHolidays(hs)
		}
		feed[r] = rf
	}
	return feed, nil
}

// FeedYears returns the first and last years the embedded GOV.UK feed covers
// for the region; other years come from the rules. The error says the
// embedded copy could not be read (every year then comes from the rules,
// which reproduce the feed for the years it covers).
func FeedYears(r Region) (first, last int, err error) {
	feed, err := loadFeed()
	if err != nil {
		return 0, 0, err
	}
	rf := feed[r.orDefault()]
	if rf == nil {
		return 0, 0, errors.New("bank-holiday feed: region missing")
	}
	return rf.first, rf.last, nil
}

func sortHolidays(hs []Holiday) {
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
}

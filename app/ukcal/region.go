package ukcal

import (
	"fmt"
	"strings"
)

// Region is one of the three UK bank-holiday divisions, named as the GOV.UK
// feed names them. The zero value means the default, England and Wales.
type Region string

const (
	EnglandAndWales Region = "england-and-wales"
	Scotland        Region = "scotland"
	NorthernIreland Region = "northern-ireland"

	// DefaultRegion is the division the complaint rules use (SPEC §2.4).
	DefaultRegion = EnglandAndWales
)

// Regions lists every region in the feed's order.
var Regions = []Region{EnglandAndWales, Scotland, NorthernIreland}

// ParseRegion turns a region name (as in the feed, any case, surrounding
// spaces ignored) into a Region. The empty string is the default region.
func ParseRegion(s string) (Region, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == "" {
		return DefaultRegion, nil
	}
	for _, r := range Regions {
		if name == string(r) {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown region %q: use england-and-wales, scotland or northern-ireland", s)
}

// String returns the region's feed name.
func (r Region) String() string { return string(r.orDefault()) }

// Name returns the region's name for people, e.g. "England and Wales".
func (r Region) Name() string {
	switch r.orDefault() {
	case Scotland:
		return "Scotland"
	case NorthernIreland:
		return "Northern Ireland"
	}
	return "England and Wales"
}

// orDefault maps the zero Region to the default and panics on a value that
// did not come from the constants or ParseRegion: a wrong region would give
// wrong statutory deadlines, which is worse than stopping.
func (r Region) orDefault() Region {
	switch r {
	case "":
		return DefaultRegion
	case EnglandAndWales, Scotland, NorthernIreland:
		return r
	}
	panic(fmt.Sprintf("ukcal: invalid Region %q (convert names with ParseRegion)", string(r)))
}

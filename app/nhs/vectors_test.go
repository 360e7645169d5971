package nhs

import (
	"testing"

	"clinicdesk/app/testvectors"
)

type nhsVectors struct {
	Valid     []string          `json:"valid"`
	Invalid   []string          `json:"invalid"`
	Format    map[string]string `json:"format"`
	TestRange []string          `json:"test_range_examples"`
}

type postcodeVectors struct {
	Normalise map[string]string `json:"normalise"`
	Valid     []string          `json:"valid"`
	Invalid   []string          `json:"invalid"`
	Pseudo    map[string]string `json:"pseudo"`
}

func loadNHSVectors(t testing.TB) nhsVectors {
	var v nhsVectors
	testvectors.Load(t, "nhs_numbers.json", &v)
	if len(v.Valid) == 0 || len(v.Invalid) == 0 || len(v.Format) == 0 || len(v.TestRange) == 0 {
		t.Fatalf("nhs_numbers.json has an empty section: %+v", v)
	}
	return v
}

func loadPostcodeVectors(t testing.TB) postcodeVectors {
	var v postcodeVectors
	testvectors.Load(t, "postcodes.json", &v)
	if len(v.Normalise) == 0 || len(v.Valid) == 0 || len(v.Invalid) == 0 || len(v.Pseudo) == 0 {
		t.Fatalf("postcodes.json has an empty section: %+v", v)
	}
	return v
}

package nhs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The shared test vectors live beside the repository, in /work/shared.
func loadVectors(t testing.TB, name string, into any) {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "testdata", name)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("test vectors %s are missing (expected at %s from the package directory): %v", name, path, err)
	}
	if err := json.Unmarshal(raw, into); err != nil {
		t.Fatalf("test vectors %s do not parse: %v", path, err)
	}
}

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
	loadVectors(t, "nhs_numbers.json", &v)
	if len(v.Valid) == 0 || len(v.Invalid) == 0 || len(v.Format) == 0 || len(v.TestRange) == 0 {
		t.Fatalf("nhs_numbers.json has an empty section: %+v", v)
	}
	return v
}

func loadPostcodeVectors(t testing.TB) postcodeVectors {
	var v postcodeVectors
	loadVectors(t, "postcodes.json", &v)
	if len(v.Normalise) == 0 || len(v.Valid) == 0 || len(v.Invalid) == 0 || len(v.Pseudo) == 0 {
		t.Fatalf("postcodes.json has an empty section: %+v", v)
	}
	return v
}

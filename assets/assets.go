// Package assets holds the files ClinicDesk embeds in its binary, so a clinic
// PC needs nothing beside the executable.
package assets

import _ "embed"

// BankHolidays is a copy of the GOV.UK bank-holidays feed
// (https://www.gov.uk/bank-holidays.json); years beyond it come from rules.
//
//go:embed bank-holidays.json
var BankHolidays []byte

// DejaVu Sans covers Latin, Greek and Cyrillic, so patients' names print as
// typed. Licence: fonts/DejaVu-LICENSE.txt.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

//go:embed icon.png
var Icon []byte

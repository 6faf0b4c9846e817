package xlsx

import "strings"

// statusWords are the words a reader sees for the contract's status codes. The codes
// themselves (green, not_rated, ...) stay as they are on the Data sheet, which scripts read.
var statusWords = map[string]string{
	"green":     "Green",
	"amber":     "Amber",
	"red":       "Red",
	"not_rated": "Not rated",
	"no_data":   "No data",
	"above":     "Above",
	"within":    "Within",
	"below":     "Below",
}

var directionWords = map[string]string{
	"improving":    "Improving",
	"stable":       "Stable",
	"worsening":    "Worsening",
	"insufficient": "Insufficient data",
	"rising":       "Rising",
	"falling":      "Falling",
}

// statusWord gives the reader's word for a status code; an unknown code is still shown,
// tidied, rather than dropped, so a newer engine's status is not lost.
func statusWord(code string) string {
	if w, ok := statusWords[code]; ok {
		return w
	}
	return tidyCode(code)
}

func directionWord(code string) string {
	if w, ok := directionWords[code]; ok {
		return w
	}
	return tidyCode(code)
}

// tidyCode turns a snake_case code into a capitalised phrase: special_cause -> Special cause.
func tidyCode(code string) string {
	s := strings.ReplaceAll(code, "_", " ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// unitWords are the unit column's words.
var unitWords = map[string]string{
	"percent":  "%",
	"number":   "number",
	"days":     "days",
	"currency": "£",
	"rate":     "rate",
}

func unitWord(unit string) string {
	if w, ok := unitWords[unit]; ok {
		return w
	}
	return unit
}

// yesNo is how a flag reads on the sheets people read; the Data sheet keeps true booleans.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

func derefString(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

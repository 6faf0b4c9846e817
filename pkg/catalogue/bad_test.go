package catalogue

import (
	"errors"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// head is six lines that every case below builds on, so a case's own lines start at line 7.
const head = `directorates:
  - {code: CED, name: CE}
indicators:
  - code: CS01
    name: Calls
    directorate: CED
`

func TestParseReportsProblems(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"misspelt key",
			head + "    polarity: higher\n    target: 85\n    flor: 80\n",
			`c.yaml:9: unknown key "flor" in indicator CS01; did you mean "floor"?`},
		{"unknown key far from any",
			head + "    polarity: higher\n    colour: red\n",
			`c.yaml:8: unknown key "colour" in indicator CS01; valid keys are code, name, description, directorate, type, polarity, unit, decimals, frequency, aggregate, max_lag, thresholds, target, floor, expected, lower, upper, tags, trend, basis, spc, projection, owner, benchmark, definition, numerator, denominator, source, target_rationale, data_quality`},
		{"misspelt meaning key",
			head + "    polarity: higher\n    defintion: Calls answered\n",
			`c.yaml:8: unknown key "defintion" in indicator CS01; did you mean "definition"?`},
		{"blank definition",
			head + "    polarity: higher\n    definition: \"  \"\n",
			`c.yaml:8: definition is blank; say what is counted and how, or leave definition out`},
		{"data quality rating misspelt",
			head + "    polarity: higher\n    data_quality: {rating: adequte}\n",
			`c.yaml:8: rating "adequte" in the data_quality of indicator CS01 is not valid; did you mean "adequate"? use good, adequate or poor`},
		{"data quality without a rating",
			head + "    polarity: higher\n    data_quality:\n      note: Estimated for March\n",
			`c.yaml:9: data_quality of indicator CS01 has no rating; add rating: with good, adequate or poor`},
		{"data quality key misspelt",
			head + "    polarity: higher\n    data_quality: {rating: good, note: a, notes: b}\n",
			`c.yaml:8: unknown key "notes" in the data_quality of indicator CS01; did you mean "note"?`},
		{"data quality as a word",
			head + "    polarity: higher\n    data_quality: good\n",
			`c.yaml:8: data_quality must be a mapping such as data_quality: {rating: good, note: ...}; found "good"`},
		{"misspelt top-level key",
			head + "    polarity: higher\norganization: X\n",
			`c.yaml:8: unknown key "organization" at the top level of the catalogue; did you mean "organisation"?`},
		{"key with capital",
			head + "    Polarity: higher\n",
			"c.yaml:4: indicator CS01 is a kpi but has no polarity; add polarity: higher (higher is better) or polarity: lower (lower is better)\n" +
				`c.yaml:7: unknown key "Polarity" in indicator CS01; did you mean "polarity"?`},
		{"bad polarity",
			head + "    polarity: up\n",
			`c.yaml:7: polarity "up" is not valid; use higher or lower`},
		{"floor above target, higher is better",
			head + "    polarity: higher\n    target: 85\n    floor: 90\n",
			`c.yaml:9: floor 90 is above target 85 for a higher-is-better indicator; the floor must be at or below the target`},
		{"floor below target, lower is better",
			head + "    polarity: lower\n    thresholds:\n      2023/24: {target: 10, floor: 8.5}\n",
			`c.yaml:9: floor 8.5 is below target 10 for a lower-is-better indicator; the floor must be at or above the target`},
		{"kpi without polarity",
			head + "    unit: percent\n",
			`c.yaml:4: indicator CS01 is a kpi but has no polarity; add polarity: higher (higher is better) or polarity: lower (lower is better)`},
		{"floor without target",
			head + "    polarity: higher\n    floor: 80\n",
			`c.yaml:8: floor 80 has no target beside it in indicator CS01; add target: as well (the floor only splits amber from red below the target)`},
		{"floor without target in a year",
			head + "    polarity: higher\n    thresholds:\n      2023/24:\n        floor: 80\n",
			`c.yaml:10: floor 80 has no target beside it in thresholds 2023/24 of indicator CS01; add target: as well (the floor only splits amber from red below the target)`},
		{"year entry without anything",
			head + "    polarity: higher\n    thresholds:\n      2023/24: {}\n",
			`c.yaml:9: thresholds 2023/24 of indicator CS01 has no target; give target: (and optionally floor:), or null to stop rating from that year`},
		{"year of three years",
			head + "    polarity: higher\n    thresholds:\n      2023/25: {target: 85}\n",
			`c.yaml:9: year "2023/25" in thresholds of indicator CS01 is not a financial year; a financial year names two consecutive years, e.g. 2023/24`},
		{"year given twice in two spellings",
			head + "    polarity: higher\n    thresholds:\n      2023/24: {target: 85}\n      2023-24: null\n",
			`c.yaml:10: year 2023/24 is given twice in thresholds of indicator CS01 (first at line 9); give each year once`},
		{"January year with a two-year label",
			"year_start: 1\n" + head + "    polarity: higher\n    thresholds:\n      2023/24: {target: 85}\n",
			`c.yaml:10: year "2023/24" in thresholds of indicator CS01 is not a financial year; the financial year starts in January, so a year is one calendar year, e.g. 2023`},
		{"unknown unit",
			head + "    polarity: higher\n    unit: percentage\n",
			`c.yaml:8: unit "percentage" is not valid; use percent, number, days, currency or rate`},
		{"unknown type",
			head + "    type: measure\n",
			`c.yaml:7: type "measure" is not valid; use kpi or activity`},
		{"unknown frequency and aggregate",
			head + "    polarity: higher\n    frequency: weekly\n    aggregate: median\n",
			"c.yaml:8: frequency \"weekly\" is not valid; use quarterly or monthly\n" +
				`c.yaml:9: aggregate "median" is not valid; use last, sum, mean or ratio`},
		{"unknown trend method",
			"trend: {method: linear}\n" + head + "    polarity: higher\n",
			`c.yaml:1: method "linear" is not valid; use regression, mann-kendall, spc, last-change or year-on-year`},
		{"target not a number",
			head + "    polarity: higher\n    target: eighty\n",
			`c.yaml:8: target "eighty" is not a number; write a plain number such as 85`},
		{"target infinite",
			head + "    polarity: higher\n    target: .inf\n",
			`c.yaml:8: target .inf is not a finite number; write a plain number such as 85`},
		{"target empty",
			head + "    polarity: higher\n    target:\n",
			`c.yaml:8: target is empty; write a plain number such as 85`},
		{"negative decimals and max_lag",
			head + "    polarity: higher\n    decimals: -1\n    max_lag: -2\n",
			"c.yaml:8: decimals -1 is negative; use a whole number of decimal places, 0 or more\n" +
				`c.yaml:9: max_lag -2 is negative; use a whole number of quarters, 0 or more`},
		{"decimals not whole",
			head + "    polarity: higher\n    decimals: 1.5\n",
			`c.yaml:8: decimals "1.5" is not a whole number; use a whole number of decimal places, 0 or more`},
		{"too many decimals",
			head + "    polarity: higher\n    decimals: 11\n",
			`c.yaml:8: decimals 11 is more than 10; use a whole number of decimal places, 0 to 10`},
		{"negative window in an indicator's trend",
			head + "    polarity: higher\n    trend:\n      window: -3\n",
			`c.yaml:9: window -3 is negative; use a whole number of quarters, 1 or more`},
		{"window beyond twenty years",
			"trend: {window: 81}\n" + head + "    polarity: higher\n",
			`c.yaml:1: window 81 is more than 80 quarters; use 1 to 80`},
		{"max_lag beyond ten years",
			head + "    polarity: higher\n    max_lag: 41\n",
			`c.yaml:8: max_lag 41 is more than 40; use 0 to 40 quarters`},
		{"zero window",
			"trend: {window: 0}\n" + head + "    polarity: higher\n",
			`c.yaml:1: window 0 is too small; use a whole number of quarters, 1 or more`},
		{"alpha out of range and unknown trend key",
			head + "    polarity: higher\n    trend: {alpha: 5, windows: 4}\n",
			"c.yaml:8: unknown key \"windows\" in the trend of indicator CS01; did you mean \"window\"?\n" +
				`c.yaml:8: alpha 5 is not a significance level; use a number between 0 and 1, e.g. 0.05`},
		{"screening not a boolean",
			"trend: {screening: maybe}\n" + head + "    polarity: higher\n",
			`c.yaml:1: screening "maybe" is not valid; use true or false`},
		{"year_start out of range",
			"year_start: 13\n" + head + "    polarity: higher\n",
			`c.yaml:1: year_start "13" is not a month; use the number of the month the financial year starts in, 1 (January) to 12 (December); 4 is April`},
		{"duplicate code, ignoring case",
			head + "    polarity: higher\n  - {code: cs01, name: Other, directorate: CED, polarity: lower}\n",
			`c.yaml:8: indicator code "cs01" is already used at line 4; each indicator needs its own code (codes are matched ignoring case)`},
		{"unknown directorate",
			"directorates:\n  - {code: CED, name: CE}\n  - {code: ASC, name: Adults}\nindicators:\n  - {code: CS01, name: Calls, directorate: HR, polarity: higher}\n",
			`c.yaml:5: indicator CS01 is in unknown directorate "HR"; known directorates are CED, ASC`},
		{"directorate in the wrong case",
			head[:len(head)-len("    directorate: CED\n")] + "    directorate: ced\n    polarity: higher\n",
			`c.yaml:6: indicator CS01 is in unknown directorate "ced"; known directorates are CED; did you mean "CED"?`},
		{"no directorate",
			"directorates: [{code: CED, name: CE}]\nindicators:\n  - code: CS01\n    name: Calls\n    polarity: higher\n",
			`c.yaml:3: indicator CS01 has no directorate; add directorate: with one of CED`},
		{"duplicate directorate",
			"directorates:\n  - {code: CED, name: CE}\n  - {code: CED, name: Again}\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher}\n",
			`c.yaml:3: directorate code "CED" is already used at line 2; each directorate needs its own code`},
		{"expected for a kpi",
			head + "    polarity: higher\n    expected: {2023/24: {lower: 1}}\n",
			`c.yaml:8: key "expected" is for an activity indicator, but indicator CS01 is a kpi; give its target with thresholds: or target:/floor: instead`},
		{"target for an activity indicator",
			head + "    type: activity\n    target: 5\n",
			`c.yaml:8: key "target" is for a kpi, but indicator CS01 is an activity indicator; give its expected range with expected: or lower:/upper: instead`},
		{"lower above upper",
			head + "    type: activity\n    lower: 130\n    upper: 100\n",
			`c.yaml:8: lower 130 is above upper 100 in indicator CS01; lower must be at or below upper`},
		{"both thresholds and target",
			head + "    polarity: higher\n    thresholds: {2023/24: {target: 1}}\n    target: 2\n",
			`c.yaml:9: indicator CS01 has both thresholds: and target:; use thresholds: for values that change by year, or target: alone for values that never change, not both`},
		{"key given twice",
			head + "    polarity: higher\n    polarity: lower\n",
			`c.yaml:8: key "polarity" is given twice in indicator CS01 (first at line 7); give it once`},
		{"tags not a list",
			head + "    polarity: higher\n    tags: qpr\n",
			`c.yaml:8: tags must be a list, not "qpr"; write a list such as tags: [qpr, dashboard]`},
		{"indicators not a list",
			"directorates: [{code: CED, name: CE}]\nindicators:\n  code: CS01\n",
			`c.yaml:3: indicators must be a list of entries, each starting with "- ", as in indicators: [{code: CS01, name: ..., directorate: CED, polarity: higher}]; found a mapping`},
		{"malformed YAML",
			head + "    polarity: higher\n   unit: percent\n",
			// The complaint is the yaml package's own; the line is where the slip is.
			`c.yaml:8: not valid YAML: did not find expected '-' indicator; check the indentation and punctuation on this line and the one before`},
		{"empty file", "", `c.yaml: the catalogue is empty; it needs at least directorates: and indicators:`},
		{"only comments", "# nothing yet\n", `c.yaml: the catalogue is empty; it needs at least directorates: and indicators:`},
		{"a list, not a mapping", "- CS01\n", `c.yaml:1: the catalogue must be a mapping of keys such as organisation:, directorates: and indicators:; found a list`},
		{"two documents",
			head + "    polarity: higher\n---\ntitle: X\n",
			`c.yaml:8: a second YAML document starts here; the catalogue must be a single document, so remove this --- and what follows or merge it into the first`},
		{"no indicators",
			"directorates: [{code: CED, name: CE}]\n",
			`c.yaml: the catalogue has no indicators; add indicators: with at least one indicator (code, name, directorate)`},
		{"pack with unknown directorate, code and tag",
			head + "    polarity: higher\n    tags: [qpr]\npacks:\n  - id: ced\n    include: {directorates: [CEX], codes: [CS10], tags: [qrp]}\n",
			"c.yaml:11: pack ced includes tag \"qrp\", which no indicator has; did you mean \"qpr\"?\n" +
				"c.yaml:11: pack ced includes unknown directorate \"CEX\"; known directorates are CED; did you mean \"CED\"?\n" +
				`c.yaml:11: pack ced includes unknown indicator code "CS10"; did you mean "CS01"?`},
		{"duplicate pack ids and an unsafe id",
			head + "    polarity: higher\npacks:\n  - {id: qpr}\n  - {id: QPR}\n  - {id: \"ced/hr\"}\n",
			"c.yaml:10: pack id \"QPR\" is already used at line 9; each pack needs its own id (ids are compared ignoring case, as file names may be)\n" +
				`c.yaml:11: pack id "ced/hr" cannot be used in a file name; use only letters, digits, - and _, e.g. ced-hr`},
		{"unquoted comma in a flow mapping",
			"directorates:\n  - {code: CED, name: Growth, Environment and Transport}\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher}\n",
			`c.yaml:2: unknown key "Environment and Transport" in directorate CED; a comma ends a value inside { }, so put the whole value in quotes: name: "Growth, Environment and Transport"`},
		{"unreadable directorates are not also reported as unknown",
			"directorates: CED\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher}\npacks:\n  - {id: ced, include: {directorates: [CED]}}\n",
			`c.yaml:1: directorates must be a list of entries, each starting with "- ", as in directorates: [{code: CED, name: Chief Executive's Department}]; found "CED"`},
		{"threshold year that is a plain number",
			head + "    polarity: higher\n    thresholds:\n      2023/24: 85\n",
			`c.yaml:9: thresholds 2023/24 must be a mapping such as {target: 85, floor: 80}; found "85"`},
		{"merge of something that is not a mapping",
			head + "    polarity: higher\n    <<: 5\n",
			`c.yaml:8: merge key << must name a mapping, e.g. <<: *defaults; found "5"`},
		{"control character",
			head + "    polarity: higher\n    unit: per\x01cent\n",
			`c.yaml:8: control character U+0001 is not allowed in YAML; remove it`},
		{"not UTF-8",
			head + "    polarity: higher\n    name: Caf\xe9\n",
			`c.yaml:8: the file is not valid UTF-8 text; save it as UTF-8`},
		{"a fault in a merged mapping is told once",
			"base: &base {unit: percnt}\n" + head + "    polarity: higher\n    <<: *base\n  - {<<: *base, code: CS02, name: B, directorate: CED, polarity: lower}\n",
			"c.yaml:1: unknown key \"base\" at the top level of the catalogue; valid keys are organisation, title, language, year_start, trend, projection, owners, directorates, indicators, packs, events, comparators\n" +
				`c.yaml:1: unit "percnt" is not valid; use percent, number, days, currency or rate`},
		{"pack include that selects nothing",
			head + "    polarity: higher\npacks:\n  - {id: qpr, include: {}}\n",
			`c.yaml:9: include of pack qpr selects nothing; give tags:, directorates: or codes:, or leave include out to take every indicator`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cat, err := Parse("c.yaml", []byte(c.src))
			if err == nil {
				t.Fatalf("no error; catalogue %+v", cat)
			}
			if cat != nil {
				t.Errorf("a catalogue came back beside the error")
			}
			var errs *diag.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error is %T, want *diag.Errors", err)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("error:\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// Every problem in a file is reported in one run, in line order, not just the first.
func TestParseReportsAllProblems(t *testing.T) {
	src := `indicators:
  - code: CS01
    name: Calls
    directorate: CEX
    polarity: up
  - code: CS02
    directorate: CED
    unit: percnt
directorates:
  - {code: CED, name: CE}
`
	want := []diag.Problem{
		{Place: diag.Place{File: "c.yaml", Line: 4}, Message: `indicator CS01 is in unknown directorate "CEX"; known directorates are CED; did you mean "CED"?`},
		{Place: diag.Place{File: "c.yaml", Line: 5}, Message: `polarity "up" is not valid; use higher or lower`},
		{Place: diag.Place{File: "c.yaml", Line: 6}, Message: `indicator CS02 has no name; add name: with the name readers should see`},
		{Place: diag.Place{File: "c.yaml", Line: 6}, Message: `indicator CS02 is a kpi but has no polarity; add polarity: higher (higher is better) or polarity: lower (lower is better)`},
		{Place: diag.Place{File: "c.yaml", Line: 8}, Message: `unit "percnt" is not valid; use percent, number, days, currency or rate`},
	}
	_, err := Parse("c.yaml", []byte(src))
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error = %v, want *diag.Errors", err)
	}
	if len(errs.Problems) != len(want) {
		t.Fatalf("got %d problems:\n%v", len(errs.Problems), err)
	}
	for i, w := range want {
		if g := errs.Problems[i]; g.Place != w.Place || g.Message != w.Message || g.Severity != diag.Error {
			t.Errorf("problem %d:\n got %v\nwant %v", i, g, w)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/no-such-catalogue.yaml")
	want := "testdata/no-such-catalogue.yaml: catalogue file not found; check the path (qpr init DIR writes a starter catalogue)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

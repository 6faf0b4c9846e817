package catalogue

import (
	"testing"

	"github.com/example/qpr/pkg/period"
)

func TestProfileIsReadAndUsedByQuarter(t *testing.T) {
	src := head + `    polarity: higher
    unit: percent
    basis: ytd
    thresholds:
      2023/24:
        target: 97.5
        floor: 96
        profile: {q1: {target: 29, floor: 28}, Q2: {target: 56}, Q3: {target: 84, floor: 82}}
`
	cat, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ind := cat.Indicators[0]
	cases := []struct {
		q             int
		target, floor float64 // floor 0: none
	}{{1, 29, 28}, {2, 56, 0}, {3, 84, 82}, {4, 97.5, 96}}
	for _, c := range cases {
		th, ok := ind.ThresholdsAt(period.Quarter{Year: 2023, Q: c.q})
		if !ok || *th.Target != c.target || (c.floor == 0) != (th.Floor == nil) || (th.Floor != nil && *th.Floor != c.floor) {
			t.Errorf("Q%d: %+v, want target %v floor %v", c.q, th, c.target, c.floor)
		}
	}
	if !ind.Profiled(2023) || ind.Profiled(2022) {
		t.Errorf("Profiled(2023) %v, Profiled(2022) %v; want true, false", ind.Profiled(2023), ind.Profiled(2022))
	}
}

func TestProfileProblems(t *testing.T) {
	year := head + "    polarity: higher\n    thresholds:\n      2023/24:\n        target: 97.5\n"
	cases := []struct{ name, src, want string }{
		{"not a quarter", year + "        profile: {Q5: {target: 29}}\n",
			`c.yaml:11: "Q5" in the profile of thresholds 2023/24 of indicator CS01 is not a quarter; did you mean "Q1"? a profile is keyed by quarter of the year, Q1 to Q4`},
		{"a quarter twice", year + "        profile: {Q1: {target: 29}, q1: {target: 30}}\n",
			`c.yaml:11: Q1 is given twice in the profile of thresholds 2023/24 of indicator CS01 (first at line 11); give each quarter once`},
		{"floor above target", year + "        profile: {Q1: {target: 29, floor: 30}}\n",
			`c.yaml:11: floor 30 is above target 29 for a higher-is-better indicator; the floor must be at or below the target`},
		{"floor without target", year + "        profile: {Q1: {floor: 28}}\n",
			`c.yaml:11: floor 28 has no target beside it in Q1 of the profile of thresholds 2023/24 of indicator CS01; add target: as well (the floor only splits amber from red below the target)`},
		{"misspelt key", year + "        profile: {Q1: {taget: 29}}\n",
			"c.yaml:11: unknown key \"taget\" in Q1 of the profile of thresholds 2023/24 of indicator CS01; did you mean \"target\"?\n" +
				"c.yaml:11: Q1 of the profile of thresholds 2023/24 of indicator CS01 has no target; give target: (and optionally floor:), or leave the quarter out to use the year's"},
		{"a list", year + "        profile: [29, 56, 84]\n",
			`c.yaml:11: profile must be a mapping such as profile: {Q1: {target: 29, floor: 28}, Q2: {target: 56, floor: 54}}; found a list`},
		{"misspelt profile", year + "        profil: {Q1: {target: 29}}\n",
			`c.yaml:11: unknown key "profil" in thresholds 2023/24 of indicator CS01; did you mean "profile"?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(c.src))
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != c.want {
				t.Errorf("error:\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

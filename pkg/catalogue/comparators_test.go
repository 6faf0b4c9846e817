package catalogue

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

// cmpHead is a catalogue with one comparator group of three areas, ending inside indicator
// CS01 (line 10 is its last line) so that a case can add the indicator's benchmark.
const cmpHead = `comparators:
  - id: cipfa
    name: CIPFA nearest neighbours
    us: E1
    members: [{code: E1, name: Example}, {code: E2, name: Northshire}, {code: E3, name: Southby}]
    files: [comparators/cipfa.csv]
directorates: [{code: CED, name: CE}]
indicators:
  - {code: CS01, name: Calls, directorate: CED, polarity: higher}
  - code: CS02
    name: Answered
    directorate: CED
    polarity: higher
`

func TestComparatorsAreRead(t *testing.T) {
	src := cmpHead + "    benchmark: {metric: calls_answered, groups: [CIPFA]}\n"
	cat, err := Parse(filepath.Join("project", "catalogue.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Comparators) != 1 {
		t.Fatalf("got %d groups, want 1", len(cat.Comparators))
	}
	g := cat.Comparators[0]
	if g.ID != "cipfa" || g.Name != "CIPFA nearest neighbours" || g.Us != "E1" || g.Line != 2 {
		t.Errorf("group = %+v", g)
	}
	wantMembers := []Area{{"E1", "Example"}, {"E2", "Northshire"}, {"E3", "Southby"}}
	if !slices.Equal(g.Members, wantMembers) {
		t.Errorf("members = %v, want %v", g.Members, wantMembers)
	}
	if want := filepath.Join("project", "comparators", "cipfa.csv"); len(g.Paths) != 1 || g.Paths[0] != want {
		t.Errorf("paths = %v, want [%s] (relative to the catalogue's folder)", g.Paths, want)
	}
	if us := g.UsArea(); us.Name != "Example" {
		t.Errorf("us = %+v", us)
	}
	cs02, _ := cat.Indicator("CS02")
	// The group is named as the catalogue defines it, whatever case the benchmark used.
	if b := cs02.Benchmark; b == nil || b.Metric != "calls_answered" || !slices.Equal(b.Groups, []string{"cipfa"}) {
		t.Errorf("benchmark = %+v", b)
	}
	if cs01, _ := cat.Indicator("CS01"); cs01.Benchmark != nil {
		t.Errorf("CS01 has a benchmark it was not given: %+v", cs01.Benchmark)
	}
}

func TestComparatorProblems(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown group, near one",
			cmpHead + "    benchmark: {metric: m, groups: [cipfaa]}\n",
			`c.yaml:14: comparator group "cipfaa" in the benchmark of indicator CS02 is not defined; groups are cipfa; did you mean "cipfa"?`},
		{"group without comparators",
			"directorates: [{code: CED, name: CE}]\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher, benchmark: {metric: m, groups: [cipfa]}}\n",
			`c.yaml:3: comparator group "cipfa" in the benchmark of indicator CS01 is not defined: the catalogue has no comparators:; add the group under comparators: at the top level (id, name, us, members, files)`},
		{"misspelt benchmark key",
			cmpHead + "    benchmark: {metric: m, group: [cipfa]}\n",
			"c.yaml:14: unknown key \"group\" in the benchmark of indicator CS02; did you mean \"groups\"?\n" +
				`c.yaml:14: the benchmark of indicator CS02 has no groups; add groups: with the ids of the comparator groups to compare with, e.g. groups: [cipfa]`},
		{"benchmark without metric",
			cmpHead + "    benchmark: {groups: [cipfa]}\n",
			`c.yaml:14: the benchmark of indicator CS02 has no metric; add metric: with the id the comparator files give its values under`},
		{"group named twice",
			cmpHead + "    benchmark: {metric: m, groups: [cipfa, Cipfa]}\n",
			`c.yaml:14: group "Cipfa" is named twice in the benchmark of indicator CS02; name each group once`},
		{"us not a member",
			"comparators:\n  - {id: g, name: G, us: E9, members: [{code: E1, name: A}, {code: E2, name: B}], files: [g.csv]}\ndirectorates: [{code: CED, name: CE}]\nindicators: [{code: CS01, name: C, directorate: CED, polarity: higher}]\n",
			`c.yaml:2: us "E9" is not a member of comparator group g; us is our own area code and must be one of the members; did you mean "E1"?`},
		{"member twice",
			"comparators:\n  - id: g\n    name: G\n    us: E1\n    members:\n      - {code: E1, name: A}\n      - {code: e1, name: B}\n    files: [g.csv]\ndirectorates: [{code: CED, name: CE}]\nindicators: [{code: CS01, name: C, directorate: CED, polarity: higher}]\n",
			`c.yaml:7: area "e1" is already a member of comparator group g at line 6; list each area once`},
		{"group without files or us",
			"comparators:\n  - {id: g, name: G, members: [{code: E1, name: A}]}\ndirectorates: [{code: CED, name: CE}]\nindicators: [{code: CS01, name: C, directorate: CED, polarity: higher}]\n",
			"c.yaml:2: comparator group g has no us; add us: with our own area code, which must be one of the members\n" +
				`c.yaml:2: comparator group g has no files; add files: with the comparator files (csv or xlsx) that hold the members' values, relative to the catalogue, e.g. [comparators/cipfa.csv]`},
		{"two groups with one id",
			"comparators:\n  - {id: g, name: G, us: E1, members: [{code: E1, name: A}], files: [g.csv]}\n  - {id: G, name: H, us: E1, members: [{code: E1, name: A}], files: [h.csv]}\ndirectorates: [{code: CED, name: CE}]\nindicators: [{code: CS01, name: C, directorate: CED, polarity: higher}]\n",
			`c.yaml:3: comparator group id "G" is already used at line 2; each group needs its own id`},
		{"member without a name, unknown key",
			"comparators:\n  - {id: g, name: G, us: E1, members: [{code: E1, nmae: A}], files: [g.csv]}\ndirectorates: [{code: CED, name: CE}]\nindicators: [{code: CS01, name: C, directorate: CED, polarity: higher}]\n",
			"c.yaml:2: unknown key \"nmae\" in member E1 of comparator group g; did you mean \"name\"?\n" +
				`c.yaml:2: member E1 of comparator group g has no name; add name: with the area's name as readers should see it`},
		{"an unreadable group is not also an unknown one",
			"comparators: cipfa\ndirectorates: [{code: CED, name: CE}]\nindicators: [{code: CS01, name: C, directorate: CED, polarity: higher, benchmark: {metric: m, groups: [cipfa]}}]\n",
			`c.yaml:1: comparators must be a list of entries, each starting with "- ", as in comparators: [{id: cipfa, name: CIPFA nearest neighbours, us: E10000016, members: [{code: E10000016, name: Example County}, ...], files: [comparators/cipfa.csv]}]; found "cipfa"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(c.src))
			var errs *diag.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error = %v, want *diag.Errors", err)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("error:\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

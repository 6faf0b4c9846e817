package reportdiff

import (
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	ind := func(extra string) string {
		return `{"code": "K1", "name": "K", "type": "kpi", "unit": "percent", "polarity": "higher", ` + extra + `}`
	}
	report := func(period string, inds ...string) []byte {
		return []byte(`{"period": "` + period + `", "indicators": [` + strings.Join(inds, ",") + `]}`)
	}
	withReturns := func(status, outstanding string, inds ...string) []byte {
		return []byte(`{"period": "2023/24 Q3", "status": "` + status + `", "outstanding": [` + outstanding + `], "indicators": [` + strings.Join(inds, ",") + `]}`)
	}
	cases := []struct {
		name     string
		old, new []byte
		want     string
	}{
		{"the draft becomes final: GET's late return came in, ASCH's was signed off",
			withReturns("draft", `{"owner": "GET", "name": "Growth", "reason": "missing"}, {"owner": "ASCH", "name": "Adults", "reason": "unsigned"}`, ind(`"value": null`)),
			withReturns("final", ``, ind(`"value": 84, "value_period": "2023/24 Q3"`)),
			"2023/24 Q3 status: draft -> final (returns)\n2023/24 Q3 outstanding GET: missing -> none (returns)\n2023/24 Q3 outstanding ASCH: unsigned -> none (returns)\nK1 2023/24 Q3 value: none -> 84 (late)"},
		{"a return that was missing comes in unsigned",
			withReturns("draft", `{"owner": "GET", "name": "Growth", "reason": "missing"}`),
			withReturns("draft", `{"owner": "GET", "name": "Growth", "reason": "unsigned"}`),
			"2023/24 Q3 outstanding GET: missing -> unsigned (returns)"},
		{"a report from before returns reads as final",
			report("2023/24 Q3"),
			withReturns("draft", `{"owner": "GET", "name": "Growth", "reason": "missing"}`),
			"2023/24 Q3 status: final -> draft (returns)\n2023/24 Q3 outstanding GET: none -> missing (returns)"},
		{"a revised value turns a rating red",
			report("2023/24 Q2", ind(`"value": 90, "value_period": "2023/24 Q2", "target": 85, "floor": 80, "rag": "green", "trend": {"method": "regression", "window": 8, "direction": "stable"}`)),
			report("2023/24 Q2", ind(`"value": 70, "value_period": "2023/24 Q2", "target": 85, "floor": 80, "rag": "red", "trend": {"method": "regression", "window": 8, "direction": "worsening"}, "revisions": [{"period": "2023/24 Q2", "from": 90, "to": 70, "source": "r.xlsx"}]`)),
			"K1 2023/24 Q2 value: 90 -> 70 (revised)\nK1 2023/24 Q2 rag: green -> red (revised)\nK1 2023/24 Q2 direction: stable -> worsening (revised)"},
		{"a late value replaces a stale one",
			report("2023/24 Q2", ind(`"value": 90, "value_period": "2023/24 Q1", "stale": true, "target": 85, "rag": "green"`)),
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "target": 85, "rag": "red"`)),
			"K1 2023/24 Q2 value: 90 -> 84 (late)\nK1 2023/24 Q2 rag: green -> red (late)"},
		{"a new target",
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "target": 85, "floor": 80, "rag": "amber"`)),
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "target": 80, "floor": 75, "rag": "green"`)),
			"K1 2023/24 Q2 target: 85 -> 80 (threshold)\nK1 2023/24 Q2 floor: 80 -> 75 (threshold)\nK1 2023/24 Q2 rag: amber -> green (threshold)"},
		{"nothing in the inputs changed, yet the direction did",
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "trend": {"method": "regression", "window": 8, "direction": "stable"}`)),
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "trend": {"method": "regression", "window": 8, "direction": "improving"}`)),
			"K1 2023/24 Q2 direction: stable -> improving (rule)"},
		{"a trend method changed in the catalogue; a late history value",
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "history": [{"period": "2023/24 Q1", "value": null}], "trend": {"method": "regression", "window": 8, "direction": "stable"}`)),
			report("2023/24 Q2", ind(`"value": 84, "value_period": "2023/24 Q2", "history": [{"period": "2023/24 Q1", "value": 80}], "trend": {"method": "spc", "window": 8, "direction": "improving"}`)),
			"K1 2023/24 Q1 history: none -> 80 (late)\nK1 2023/24 Q2 direction: stable -> improving (catalogue)"},
		{"an indicator added and one removed",
			report("2023/24 Q2", `{"code": "OLD", "name": "Gone"}`),
			report("2023/24 Q2", ind(`"value": 1, "value_period": "2023/24 Q2"`)),
			"K1 2023/24 Q2 indicator: none -> K (catalogue)\nOLD 2023/24 Q2 indicator: Gone -> none (catalogue)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := Parse(c.old)
			if err != nil {
				t.Fatal(err)
			}
			n, err := Parse(c.new)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ch := range Compare(o, n).Changes {
				got = append(got, ch.Text())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

func TestParseRefusesOtherJSON(t *testing.T) {
	if _, err := Parse([]byte(`{"problems": []}`)); err == nil || !strings.Contains(err.Error(), "not a report's JSON: it has no period") {
		t.Errorf("error %v", err)
	}
}

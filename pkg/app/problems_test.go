package app

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

func TestProblemJSONGivesThePlaceInParts(t *testing.T) {
	cases := []struct {
		p    diag.Problem
		want string
	}{
		{diag.Problem{Place: diag.CellAt("q2.xlsx", "KPIs", 7, 3), Message: `"lots" is not a number; write a number such as 85`},
			`{"severity":"error","file":"q2.xlsx","line":null,"sheet":"KPIs","cell":"C7","message":"\"lots\" is not a number","hint":"write a number such as 85","code":null,"period":null}`},
		{diag.Problem{Place: diag.Place{File: "c.yaml", Line: 9}, Message: "CS01 is red", Severity: diag.Warning},
			`{"severity":"warning","file":"c.yaml","line":9,"sheet":null,"cell":null,"message":"CS01 is red","hint":null,"code":null,"period":null}`},
		// A problem about an indicator names it and its period, so a script need not parse
		// the message.
		{diag.Problem{Place: diag.Place{File: "c.yaml", Line: 9}, Message: "CS01 is red at 2023/24 Q2 but has no management action", Severity: diag.Warning}.About("CS01", "2023/24 Q2"),
			`{"severity":"warning","file":"c.yaml","line":9,"sheet":null,"cell":null,"message":"CS01 is red at 2023/24 Q2 but has no management action","hint":null,"code":"CS01","period":"2023/24 Q2"}`},
		// A message that carries its own place, as template errors do, is split into one.
		{diag.Problem{Message: "tmpl/key.tmpl:3:18: executing \"red\": bad"},
			`{"severity":"error","file":"tmpl/key.tmpl","line":3,"sheet":null,"cell":null,"message":"executing \"red\": bad","hint":null,"code":null,"period":null}`},
		{diag.Problem{Message: "--period: 2025/26 Q1 is after the latest data; give --allow-empty"},
			`{"severity":"error","file":null,"line":null,"sheet":null,"cell":null,"message":"--period: 2025/26 Q1 is after the latest data","hint":"give --allow-empty","code":null,"period":null}`},
	}
	for _, c := range cases {
		got, err := json.Marshal(toJSON(c.p))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("%+v\n got %s\nwant %s", c.p, got, c.want)
		}
	}
}

func TestWriteErrorJSONListsEveryProblemWithTheExitStatus(t *testing.T) {
	var l diag.List
	l.Errorf(diag.Place{File: "a.csv", Line: 2}, "one")
	l.Errorf(diag.Place{File: "a.csv", Line: 3}, "two")
	var b strings.Builder
	WriteErrorJSON(&b, &ExitError{Code: ExitFailOn, Err: l.Err()})
	var doc struct {
		Problems []struct {
			Line    int    `json:"line"`
			Message string `json:"message"`
		} `json:"problems"`
		ExitStatus int `json:"exit_status"`
	}
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("%v in %s", err, b.String())
	}
	if len(doc.Problems) != 2 || doc.Problems[1].Line != 3 || doc.Problems[1].Message != "two" || doc.ExitStatus != 3 {
		t.Errorf("got %+v", doc)
	}
	b.Reset()
	WriteErrorJSON(&b, UsageError("--window: 0"))
	if !strings.Contains(b.String(), `"exit_status": 2`) || !strings.Contains(b.String(), `"message": "--window: 0"`) {
		t.Errorf("usage error: %s", b.String())
	}
	b.Reset()
	WriteErrorJSON(&b, errors.New("plain"))
	if !strings.Contains(b.String(), `"exit_status": 1`) {
		t.Errorf("plain error: %s", b.String())
	}
}

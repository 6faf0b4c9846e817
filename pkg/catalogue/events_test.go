package catalogue

import (
	"testing"

	"github.com/example/qpr/pkg/period"
)

func TestEventsAndRebaseReasonsAreRead(t *testing.T) {
	src := head + `    polarity: higher
    frequency: monthly
    spc: {rebase: ["2022-10", {at: 2023/24 Q2, reason: new triage process}]}
events:
  - {code: cs01, period: 2023-03, text: Staff sickness}
  - {code: ALL, period: 2022/23 Q3, text: Period of national mourning}
`
	cat, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ind := cat.Indicators[0]
	got := cat.EventsFor(ind)
	if len(got) != 2 || got[0].Code != "cs01" || cat.Calendar.PeriodLabel(got[0].Period) != "2023-03" || got[0].Text != "Staff sickness" ||
		got[1].Code != AllIndicators || cat.Calendar.PeriodLabel(got[1].Period) != "2022/23 Q3" {
		t.Errorf("events %+v", got)
	}
	pts := ind.SPC.Points
	// a quarter given for a monthly indicator means its first month, 2023-07
	if len(pts) != 2 || pts[0].Reason != "" || pts[1].Reason != "new triage process" || pts[1].Index != (2023*12+7-1) || pts[0].Line != 9 {
		t.Errorf("rebase points %+v", pts)
	}
	if len(ind.SPC.Rebase) != 2 || ind.SPC.Rebase[1] != pts[1].Index {
		t.Errorf("rebase %v", ind.SPC.Rebase)
	}
}

func TestEventProblems(t *testing.T) {
	ok := head + "    polarity: higher\n"
	cases := []struct{ name, src, want string }{
		{"unknown code", ok + "events:\n  - {code: CS10, period: 2023-03, text: x}\n",
			`c.yaml:9: event #1 is for indicator "CS10", which is not in the catalogue; did you mean "CS01"?`},
		{"no text", ok + "events:\n  - {code: all, period: 2023-03}\n",
			`c.yaml:9: event #1 has no text; each event needs code (an indicator's code, or all), period and text`},
		{"bad period", ok + "events:\n  - {code: all, period: March, text: x}\n",
			`c.yaml:9: period "March" in event #1: ` + mustErr("March")},
		{"misspelt key", ok + "events:\n  - {code: all, period: 2023-03, txt: x}\n",
			"c.yaml:9: unknown key \"txt\" in event #1; did you mean \"text\"?\nc.yaml:9: event #1 has no text; each event needs code (an indicator's code, or all), period and text"},
		{"rebase without at", ok + "    spc: {rebase: [{reason: new system}]}\n",
			`c.yaml:8: a rebase of indicator CS01 has no at; give the period the limits start afresh from, e.g. rebase: [{at: "2023-03", reason: new triage process}]`},
		{"rebase reason misspelt", ok + "    spc: {rebase: [{at: 2023-03, reasn: new system}]}\n",
			`c.yaml:8: unknown key "reasn" in a rebase of indicator CS01; did you mean "reason"?`},
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

// mustErr is the period parser's own message for s, which the event message passes on.
func mustErr(s string) string {
	_, err := period.DefaultCalendar.ParsePeriod(s)
	return err.Error()
}

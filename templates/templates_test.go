package templates

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/template"
)

// counts mirrors the shape of the report's summary as the narrative sees it.
type rag struct{ Green, Amber, Red, NotRated, NoData int }
type trend struct{ Improving, Stable, Worsening, Insufficient int }
type activity struct{ Above, Within, Below, NotRated, NoData int }
type summary struct {
	KPIs, ActivityCount  int
	RAG, RAGPrevious     rag
	Trend, TrendPrevious trend
	Activity             activity
}
type reportData struct{ Summary summary }

func kccSummary() reportData {
	return reportData{Summary: summary{
		KPIs:          38,
		RAG:           rag{Green: 15, Amber: 15, Red: 8},
		RAGPrevious:   rag{Green: 16, Amber: 11, Red: 11},
		Trend:         trend{Improving: 7, Stable: 19, Worsening: 12},
		TrendPrevious: trend{Improving: 4, Stable: 24, Worsening: 10},
	}}
}

func TestDefaultNarrativeReadsLikeTheCommitteeReport(t *testing.T) {
	got, err := Default().Narrative(kccSummary())
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(got), " ")
	want := []string{
		"Of the 38 KPIs in this report, 15 achieved or exceeded target (rated Green; one fewer than the previous quarter),",
		"15 achieved or exceeded the floor standard but did not meet the target (rated Amber; four more than the previous quarter),",
		"and 8 did not meet the floor standard (rated Red; three fewer than the previous quarter).",
		"The direction of travel is positive for 7 indicators (three more than the previous quarter), 19 are stable or show no clear trend (five fewer than the previous quarter), and 12 show a negative trend (two more than the previous quarter).",
		"The KPIs rated Red are listed below",
	}
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("narrative lacks %q\ngot: %s", w, flat)
		}
	}
	if strings.Contains(flat, "activity") {
		t.Errorf("narrative mentions activity indicators when there are none: %s", flat)
	}
	if !strings.Contains(got, "\n\n") {
		t.Errorf("narrative should have paragraphs separated by a blank line: %q", got)
	}
}

func TestNarrativeWithoutPreviousQuarterMakesNoComparison(t *testing.T) {
	d := kccSummary()
	d.Summary.RAGPrevious = rag{}
	d.Summary.TrendPrevious = trend{}
	got, err := Default().Narrative(d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "previous quarter") {
		t.Errorf("no previous quarter was reported, yet: %s", got)
	}
}

func TestDirectorateNarrative(t *testing.T) {
	d := struct {
		KPIs, ActivityCount int
		RAG                 rag
		Trend               trend
		Activity            activity
	}{KPIs: 1, ActivityCount: 2, RAG: rag{Red: 1}, Trend: trend{Insufficient: 1}, Activity: activity{Within: 2}}
	got, err := Default().DirectorateNarrative(d)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(got), " ")
	want := "1 KPI: 0 rated Green, 0 Amber and 1 Red. The direction of travel is improving for 0, stable for 0 and worsening for 0 (1 with too little data). 2 activity indicators: 2 within the expected range, 0 above and 0 below."
	if flat != want {
		t.Errorf("got  %q\nwant %q", flat, want)
	}
}

func TestKeyMethodDescribesTheMethodUsed(t *testing.T) {
	s := Default()
	type trendDefaults struct {
		Method string
		Window int
		Alpha  float64
	}
	cases := map[string][]string{
		"regression":   {"least-squares regression", "last 8 quarters", "5% level", "p below 0.05"},
		"mann-kendall": {"Mann-Kendall", "last 8 quarters", "5% level"},
		"spc":          {"Making Data Count", "2.66"},
		"last-change":  {"previous quarter's"},
		"year-on-year": {"a year earlier"},
	}
	for method, want := range cases {
		got, err := s.Key("method", trendDefaults{method, 8, 0.05})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: key lacks %q: %s", method, w, got)
			}
		}
	}
	for _, e := range KeyEntries {
		if got, err := s.Key(e, trendDefaults{"regression", 8, 0.05}); err != nil || got == "" {
			t.Errorf("key entry %s: %q, %v", e, got, err)
		}
	}
	if _, err := s.Key("purple", nil); err == nil {
		t.Error("an unknown key entry should be an error")
	}
}

func TestFuncs(t *testing.T) {
	cases := []struct {
		now, before int
		want        string
	}{
		{7, 4, "three more than"}, {11, 12, "one fewer than"}, {5, 5, "the same as"}, {40, 10, "30 more than"},
	}
	for _, c := range cases {
		if got := Diff(c.now, c.before); got != c.want {
			t.Errorf("Diff(%d, %d) = %q, want %q", c.now, c.before, got, c.want)
		}
	}
	if got, _ := Total(rag{1, 2, 3, 4, 5}); got != 15 {
		t.Errorf("Total = %d, want 15", got)
	}
	if _, err := Total(3); err == nil {
		t.Error("Total of a number should be an error")
	}
	if got := Percent(0.05); got != "5%" {
		t.Errorf("Percent(0.05) = %q", got)
	}
	if got := Percent(0.025); got != "2.5%" {
		t.Errorf("Percent(0.025) = %q", got)
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadOverridesOnlyTheFilesPresent(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, NarrativeFile, "{{.Summary.KPIs}} KPIs this quarter.{{define \"directorate\"}}{{.KPIs}}{{end}}")
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Narrative(kccSummary())
	if err != nil || got != "38 KPIs this quarter." {
		t.Errorf("overridden narrative = %q, %v", got, err)
	}
	if got, _ := s.Key("red", nil); got != "Red: did not meet the floor standard." {
		t.Errorf("key should be the built-in one, got %q", got)
	}
	if s.Style() != Default().Style() {
		t.Error("style should be the built-in one")
	}
	if s.Logo() != nil {
		t.Error("no logo file, yet a logo")
	}
}

func TestParseErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, NarrativeFile, "Line one.\nLine two {{.Summary.KPIs | nosuchfunc}}.\n")
	_, err := Load(dir)
	want := filepath.Join(dir, NarrativeFile) + ":2: "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "nosuchfunc") {
		t.Fatalf("error = %v, want it to start with %q and name the function", err, want)
	}
}

func TestExecErrorNamesFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, NarrativeFile, "Fine.\n\n{{.Summary.Greens}}\n{{define \"directorate\"}}{{end}}")
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Narrative(kccSummary())
	want := filepath.Join(dir, NarrativeFile) + ":3:"
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "Greens") {
		t.Fatalf("error = %v, want it to start with %q and name the field", err, want)
	}
	var execErr template.ExecError
	if !errors.As(err, &execErr) {
		t.Errorf("the text/template error should stay reachable with errors.As")
	}
}

func TestMissingKeyBlockIsAnError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, KeyFile, `{{define "green"}}G{{end}}`)
	_, err := Load(dir)
	if err == nil || !strings.Contains(err.Error(), `{{define "amber"}}`) || !strings.HasPrefix(err.Error(), filepath.Join(dir, KeyFile)+": ") {
		t.Fatalf("error = %v", err)
	}
}

func TestStyleOverrideKeepsOmittedKeys(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, StyleFile, "colours:\n  accent: \"#000000\"\nfonts:\n  body: 11\n")
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Style()
	if st.Colours.Accent != (Colour{0, 0, 0}) || st.Fonts.Body != 11 {
		t.Errorf("overrides not applied: %+v", st)
	}
	if st.Colours.Green != Default().Style().Colours.Green || st.Fonts.Title != Default().Style().Fonts.Title {
		t.Errorf("omitted keys lost their built-in values: %+v", st)
	}
}

func TestStyleErrors(t *testing.T) {
	cases := map[string]string{
		"colours:\n  green: \"#00703C\"\n  red: \"#FFAAAA\"\n": ":3: colour red #FFAAAA has a contrast of 1.81:1", // by hand: L = 0.2126 + 0.7874*0.4020 = 0.5291, 1.05/0.5791
		"colours:\n  green: green\n":                           ":2: \"green\" is not a colour",
		"colours:\n  pink: \"#C0281C\"\n":                      ":2: unknown key \"pink\"; style.yaml has colours (green, amber,",
		"colours:\n  gren: \"#00703C\"\n":                      ":2: unknown key \"gren\"; did you mean \"green\"?",
		"fonts:\n  bodyy: 10\n":                                ":2: unknown key \"bodyy\"; did you mean \"body\"?",
		"colors:\n  green: \"#00703C\"\n":                      ":1: unknown key \"colors\"; did you mean \"colours\"?",
		"fonts:\n  body: 0\n":                                  ":2: font size body is 0",
	}
	for text, want := range cases {
		dir := t.TempDir()
		writeFile(t, dir, StyleFile, text)
		_, err := Load(dir)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), filepath.Join(dir, StyleFile)) {
			t.Errorf("style %q: error = %v, want it to contain %q", text, err, want)
		}
	}
}

// Every problem in style.yaml is told in one run, in line order, as the catalogue's are.
func TestStyleErrorsAllTold(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, StyleFile, "colours:\n  gren: \"#00703C\"\n  amber: amber\n  red: \"#FFAAAA\"\nfonts:\n  body: 0\n")
	_, err := Load(dir)
	if err == nil {
		t.Fatal("no error")
	}
	file := filepath.Join(dir, StyleFile)
	want := []string{
		file + `:2: unknown key "gren"; did you mean "green"?`,
		file + `:3: "amber" is not a colour`,
		file + `:4: colour red #FFAAAA has a contrast of 1.81:1`, // worked by hand in TestStyleErrors
		file + `:6: font size body is 0`,
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want it to start %q", i+1, got[i], want[i])
		}
	}
}

func TestLogo(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, LogoFile, "not a png")
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is not a PNG image") {
		t.Errorf("error = %v", err)
	}
}

func TestLoadMissingDirectory(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope")); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("error = %v", err)
	}
}

// The files qpr init writes are the built-in ones, and read back as the built-in set.
func TestDefaultsRoundTrip(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for _, f := range Defaults() {
		names = append(names, f.Name)
		if string(f.Data) != string(mustBuiltin(f.Name)) {
			t.Errorf("%s is not the built-in file", f.Name)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{NarrativeFile, KeyFile, StyleFile}; strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("Defaults gives %v, want %v", names, want)
	}
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Narrative(kccSummary())
	b, _ := Default().Narrative(kccSummary())
	if a != b {
		t.Error("written defaults do not read back the same")
	}
}

// A key.tmpl written before the "abbreviations" entry was added still loads, and the key
// takes that entry's built-in wording.
func TestOlderKeyFileGetsNewEntriesBuiltIn(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for _, e := range KeyEntries {
		b.WriteString(`{{define "` + e + `"}}own ` + e + `{{end}}`)
	}
	writeFile(t, dir, KeyFile, b.String())
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Key("red", nil); got != "own red" {
		t.Errorf("red = %q, want the user's", got)
	}
	data := struct {
		Abbreviations []struct{ Short, Meaning string }
	}{[]struct{ Short, Meaning string }{{"G", "Green"}}}
	got, err := s.Key("abbreviations", data)
	if err != nil || !strings.Contains(got, "G Green.") {
		t.Errorf("abbreviations = %q, %v; want the built-in wording", got, err)
	}
	if _, err := s.Key("nonsense", nil); err == nil {
		t.Error("an unknown entry should be an error")
	}
}

// Three activity indicators, one without data: the counts add up to three (issue: "3
// indicators, 1 within, 0 above and 1 below").
func TestDirectorateNarrativeCountsActivityWithoutData(t *testing.T) {
	d := struct {
		KPIs, ActivityCount int
		RAG                 rag
		Trend               trend
		Activity            activity
	}{ActivityCount: 3, Activity: activity{Within: 1, Below: 1, NoData: 1}}
	got, err := Default().DirectorateNarrative(d)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(got), " ")
	want := "3 activity indicators: 1 within the expected range, 0 above and 1 below, 1 with no data."
	if flat != want {
		t.Errorf("got  %q\nwant %q", flat, want)
	}
}

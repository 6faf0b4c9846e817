package present

import (
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

func f(v float64) *float64 { return &v }
func s(v string) *string   { return &v }

func rating(v report.Rating) *report.Rating                   { return &v }
func activity(v report.ActivityStatus) *report.ActivityStatus { return &v }
func polarity(v catalogue.Polarity) *catalogue.Polarity       { return &v }

func q(t *testing.T, label string) report.Period {
	t.Helper()
	p, err := report.ParsePeriod(label, 4)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestStatusLooks(t *testing.T) {
	cases := []struct {
		s           Status
		word, short string
		shape       Shape
		tone        Tone
		verdict     string
	}{
		{Green, "Green", "G", ShapeCircle, ToneGreen, "GREEN"},
		{Amber, "Amber", "A", ShapeDiamond, ToneAmber, "AMBER"},
		{Red, "Red", "R", ShapeSquare, ToneRed, "RED"},
		{NotRated, "Not rated", "NR", ShapeHollowCircle, ToneGrey, "NOT RATED"},
		{NoData, "No data", "ND", ShapeDash, ToneGrey, "NO DATA"},
		{Above, "Above", "Hi", ShapeTriangleUp, ToneActivity, "ABOVE"},
		{Within, "Within", "In", ShapeBar, ToneActivity, "WITHIN"},
		{Below, "Below", "Lo", ShapeTriangleDown, ToneActivity, "BELOW"},
		{Improving, "Improving", "Improving", ShapeArrowUp, ToneText, "IMPROVING"},
		{Stable, "Stable", "Stable", ShapeArrowBoth, ToneText, "STABLE"},
		{Worsening, "Worsening", "Worsening", ShapeArrowDown, ToneText, "WORSENING"},
		{Insufficient, "Insufficient data", "Insufficient data", ShapeShortDash, ToneGrey, "INSUFFICIENT DATA"},
		// a status a newer engine adds is shown tidied, never dropped
		{Status("special_cause"), "Special cause", "Special cause", ShapeShortDash, ToneGrey, "SPECIAL CAUSE"},
	}
	for _, c := range cases {
		if c.s.Word() != c.word || c.s.Short() != c.short || c.s.Shape() != c.shape || c.s.Tone() != c.tone || c.s.Verdict() != c.verdict {
			t.Errorf("%s: %q %q %v %v %q; want %q %q %v %v %q", c.s, c.s.Word(), c.s.Short(), c.s.Shape(), c.s.Tone(), c.s.Verdict(),
				c.word, c.short, c.shape, c.tone, c.verdict)
		}
	}
	// every shape differs within a group, so no status depends on colour alone
	for _, g := range KeyGroups {
		seen := map[Shape]Status{}
		for _, st := range g.Statuses {
			if other, dup := seen[st.Shape()]; dup && !(st == Rising && other == Improving) && !(st == Falling && other == Worsening) {
				t.Errorf("%s and %s share a shape in %q", st, other, g.Title)
			}
			seen[st.Shape()] = st
		}
	}
}

func TestStatusOf(t *testing.T) {
	kpi := &report.Indicator{RAG: rating(report.Amber)}
	act := &report.Indicator{Type: catalogue.Activity, Activity: activity(report.Below)}
	none := &report.Indicator{}
	if StatusOf(kpi) != Amber || StatusOf(act) != Below || StatusOf(none) != NoData {
		t.Errorf("StatusOf = %s %s %s", StatusOf(kpi), StatusOf(act), StatusOf(none))
	}
	if DirectionOf(none) != Insufficient || DirectionOf(&report.Indicator{Trend: &report.Trend{Direction: report.Worsening}}) != Worsening {
		t.Error("DirectionOf")
	}
	if StatusLabel(kpi) != "Rating" || StatusLabel(act) != "Against range" {
		t.Errorf("StatusLabel = %q %q", StatusLabel(kpi), StatusLabel(act))
	}
}

func TestValue(t *testing.T) {
	cases := []struct {
		value    *float64
		display  *string
		unit     catalogue.Unit
		decimals int
		want     string
		places   int
	}{
		{f(82.4), s("82"), catalogue.Percent, 0, "82%", 0},
		{f(89.96), s("89.96"), catalogue.Percent, 1, "89.96%", 2}, // widened by the engine to keep Amber against 90
		{f(1234), s("1234"), catalogue.Currency, 0, "£1,234", 0},
		{f(-1234.5), s("-1234.5"), catalogue.Currency, 1, "-£1,234.5", 1},
		{f(12.34), s("12.3"), catalogue.Days, 1, "12.3 days", 1},
		{f(1), s("1"), catalogue.Days, 0, "1 day", 0},
		{f(1234567), s("1234567"), catalogue.Number, 0, "1,234,567", 0},
		{f(999.5), s("1000"), catalogue.Rate, 0, "1,000", 0}, // half away from zero, as Excel shows it
		{f(0.04), s("0.0"), catalogue.Number, 1, "0.0", 1},
		{f(30), s("30.00"), catalogue.Rate, 2, "30.00", 2},
		{f(89.96), nil, catalogue.Percent, 1, "89.96%", 2}, // no shown form: its own places, never rounded across 90
		{nil, nil, catalogue.Percent, 0, "No data", 0},
	}
	for _, c := range cases {
		// the model carries the places of its shown form as a number; the display string is
		// only the JSON's
		in := &report.Indicator{Value: c.value, Display: c.display, Unit: c.unit, Decimals: c.decimals}
		if c.display != nil {
			in.Places = c.places
		}
		got := Value(in)
		if got.Text != c.want || (got.OK && got.Places != c.places) || got.OK != (c.value != nil) {
			t.Errorf("Value(%v, %v, %s, %d) = %+v, want %q with %d places", c.value, c.display, c.unit, c.decimals, got, c.want, c.places)
		}
	}
}

func TestThreshold(t *testing.T) {
	cases := []struct {
		v        *float64
		unit     catalogue.Unit
		decimals int
		want     string
	}{
		{f(85), catalogue.Percent, 0, "85%"},
		{f(90), catalogue.Percent, 1, "90.0%"},   // the indicator's decimals
		{f(57.5), catalogue.Percent, 0, "57.5%"}, // never shown as 58
		{f(2500000), catalogue.Currency, 0, "£2,500,000"},
		{nil, catalogue.Percent, 0, "–"},
	}
	for _, c := range cases {
		in := &report.Indicator{Unit: c.unit, Decimals: c.decimals}
		if got := Threshold(in, c.v).Text; got != c.want {
			t.Errorf("Threshold(%v, %s, %d) = %q, want %q", c.v, c.unit, c.decimals, got, c.want)
		}
	}
}

// A chart point is shown with the places that keep its rating against that period's own
// thresholds: 84.6 against a target of 85 is 84.6%, not 85%.
func TestPointValue(t *testing.T) {
	in := &report.Indicator{Unit: catalogue.Percent, Polarity: polarity(catalogue.Higher)}
	cases := []struct {
		p    report.ChartPoint
		want string
	}{
		{report.ChartPoint{Value: f(84.6), Target: f(85), Floor: f(75)}, "84.6%"},
		{report.ChartPoint{Value: f(84.4), Target: f(85), Floor: f(75)}, "84%"},
		{report.ChartPoint{Value: f(84.6)}, "85%"}, // no thresholds charted: plain rounding
		{report.ChartPoint{}, "–"},
	}
	for _, c := range cases {
		if got := PointValue(in, c.p).Text; got != c.want {
			t.Errorf("PointValue(%v) = %q, want %q", c.p.Value, got, c.want)
		}
	}
	lower := &report.Indicator{Unit: catalogue.Days, Decimals: 0, Polarity: polarity(catalogue.Lower)}
	if got := PointValue(lower, report.ChartPoint{Value: f(20.4), Target: f(20)}).Text; got != "20.4 days" {
		t.Errorf("lower is better: %q, want 20.4 days (20 would read as on target)", got)
	}
}

func TestPeriodLabels(t *testing.T) {
	cases := []struct {
		p                  report.Period
		label, top, bottom string
	}{
		{q(t, "2023/24 Q2"), "2023/24 Q2", "23/24", "Q2"},
		{q(t, "2022/23 Q4"), "2022/23 Q4", "22/23", "Q4"},
		{q(t, "2023-09"), "Sep 2023", "Sep", "2023"},
	}
	jan, err := report.ParsePeriod("2024 Q1", 1)
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, struct {
		p                  report.Period
		label, top, bottom string
	}{jan, "2024 Q1", "2024", "Q1"})
	for _, c := range cases {
		top, bottom := ShortLines(c.p)
		if Label(c.p) != c.label || top != c.top || bottom != c.bottom {
			t.Errorf("%v: %q %q/%q, want %q %q/%q", c.p, Label(c.p), top, bottom, c.label, c.top, c.bottom)
		}
	}
	r := &report.Report{Period: q(t, "2023/24 Q2"), PeriodEnd: q(t, "2023-09"), AsAt: "2023-11-14"}
	if got := PeriodLine(r); got != "2023/24 Q2: data to the end of September 2023" {
		t.Errorf("PeriodLine = %q", got)
	}
	if got := AsAtWords(r); got != "14 November 2023" {
		t.Errorf("AsAtWords = %q", got)
	}
	if got := AsAtWords(&report.Report{AsAt: "bad"}); got != "bad" {
		t.Errorf("an unreadable date is shown as given, got %q", got)
	}
}

func cs01(t *testing.T) *report.Indicator {
	return &report.Indicator{Code: "CS01", Type: catalogue.KPI, Polarity: polarity(catalogue.Higher), Unit: catalogue.Percent,
		Value: f(82.4), Display: s("82"), ValuePeriod: ptr(q(t, "2023/24 Q2")), Target: f(85), Floor: f(75), RAG: rating(report.Amber),
		Trend: &report.Trend{Direction: report.Worsening}}
}

func ptr(p report.Period) *report.Period { return &p }

func TestFactsLine(t *testing.T) {
	in := cs01(t)
	if got, want := FactsLine(in), "Value 82% (2023/24 Q2) · Basis Q · Target 85% · Floor 75% · Higher is better"; got != want {
		t.Errorf("FactsLine = %q\nwant %q", got, want)
	}
	stale := cs01(t)
	stale.Stale, stale.ValuePeriod = true, ptr(q(t, "2023/24 Q1"))
	if got, want := FactsLine(stale), "Value 82% (2023/24 Q1, latest available) · Basis Q · Target 85% · Floor 75% · Higher is better"; got != want {
		t.Errorf("stale FactsLine = %q\nwant %q", got, want)
	}
	part := &report.Indicator{Type: catalogue.KPI, Unit: catalogue.Days, Decimals: 1, Basis: catalogue.BasisYearToDate, Polarity: polarity(catalogue.Lower),
		Value: f(32.4), Display: s("32.4"), ValuePeriod: ptr(q(t, "2023/24 Q2")), Partial: true, Months: 2, Target: f(21)}
	if got, want := FactsLine(part), "Value 32.4 days (2023/24 Q2, 2 of 3 months) · Basis YTD · Target 21.0 days · Lower is better"; got != want {
		t.Errorf("partial FactsLine = %q\nwant %q", got, want)
	}
	act := &report.Indicator{Type: catalogue.Activity, Unit: catalogue.Number, Value: f(31200), Display: s("31200"),
		ValuePeriod: ptr(q(t, "2023/24 Q2")), Expected: &report.Range{Lower: f(28000), Upper: f(37000)}}
	if got, want := FactsLine(act), "Value 31,200 (2023/24 Q2) · Basis Q · Expected range 28,000 to 37,000"; got != want {
		t.Errorf("activity FactsLine = %q\nwant %q", got, want)
	}
	if got := FactsLine(&report.Indicator{Unit: catalogue.Percent}); got != "Value No data" {
		t.Errorf("no value: %q", got)
	}
}

func TestThresholdCells(t *testing.T) {
	in := cs01(t)
	if h, c := ThresholdHeadings(false), ThresholdCells(in); len(h) != 2 || h[0] != "Target" || c[0] != "85%" || c[1] != "75%" {
		t.Errorf("KPI: %v %v", h, c)
	}
	cases := []struct {
		r    *report.Range
		want string
	}{
		{&report.Range{Lower: f(28000), Upper: f(37000)}, "28,000 to 37,000"},
		{&report.Range{Lower: f(28000)}, "at least 28,000"},
		{&report.Range{Upper: f(37000)}, "at most 37,000"},
		{nil, "none set"},
	}
	for _, c := range cases {
		act := &report.Indicator{Type: catalogue.Activity, Unit: catalogue.Number, Expected: c.r}
		h, cells := ThresholdHeadings(true), ThresholdCells(act)
		if len(h) != 1 || h[0] != "Expected range" || len(cells) != 1 || cells[0] != c.want {
			t.Errorf("activity %+v: %v %v, want [Expected range] [%s]", c.r, h, cells, c.want)
		}
	}
}

func TestProjectionSentence(t *testing.T) {
	in := cs01(t)
	in.Projection = &report.Projection{Period: q(t, "2023/24 Q3"), Value: 80.44, Lower: 76.2, Upper: 84.5, RAG: rating(report.Amber), Target: f(85), Floor: f(75)}
	want := "Projected for 2023/24 Q3: 80% (95% prediction interval 76% to 85%), which would be rated Amber against a target of 85% and a floor of 75%."
	if got := ProjectionSentence(in); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	in.Projection = &report.Projection{Period: q(t, "2023/24 Q3"), Value: 80, Lower: 76, Upper: 84, RAG: rating(report.NotRated)}
	want = "Projected for 2023/24 Q3: 80% (95% prediction interval 76% to 84%); no thresholds are set for that quarter."
	if got := ProjectionSentence(in); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if ProjectionSentence(&report.Indicator{}) != "" {
		t.Error("no projection should give no sentence")
	}
}

func TestLists(t *testing.T) {
	r := &report.Report{
		Directorates: []report.Directorate{{Code: "B"}, {Code: "A"}},
		Indicators: []report.Indicator{
			{Code: "A1", Directorate: "A", RAG: rating(report.Red)},
			{Code: "B1", Directorate: "B", RAG: rating(report.Red), Stale: true},
			{Code: "B2", Directorate: "B", RAG: rating(report.Amber), Partial: true},
			{Code: "A2", Directorate: "A", Type: catalogue.Activity, Activity: activity(report.Below)},
		},
	}
	codes := func(list []*report.Indicator) string {
		out := ""
		for _, in := range list {
			out += in.Code + " "
		}
		return out
	}
	if got := codes(RedKPIs(r)); got != "B1 A1 " {
		t.Errorf("RedKPIs = %s, want B1 A1 (directorate order)", got)
	}
	if got := codes(StaleOrPartial(r)); got != "B1 B2 " {
		t.Errorf("StaleOrPartial = %s", got)
	}
	if RedLine(cs01(t)) != "82% against a target of 85% and a floor of 75%; direction of travel Worsening." {
		t.Errorf("RedLine = %q", RedLine(cs01(t)))
	}
}

func TestCountTables(t *testing.T) {
	s := report.Summary{KPIs: 1, ActivityCount: 2,
		RAG: report.RAGCounts{Red: 1}, RAGPrevious: report.RAGCounts{NoData: 1},
		Trend: report.TrendCounts{Insufficient: 1}, Activity: report.ActivityCounts{Within: 2}}
	tables := CountTables(s)
	if len(tables) != 3 || tables[0].Heading != "Rating (1 KPI)" || tables[2].Heading != "Activity (2 indicators)" {
		t.Fatalf("tables = %+v", tables)
	}
	// green, amber and red always; no data because it was not nought last quarter
	var words []string
	for _, l := range tables[0].Shown() {
		words = append(words, l.Status.Word())
	}
	if got := len(words); got != 4 || words[3] != "No data" {
		t.Errorf("rating lines = %v", words)
	}
	if len(tables[1].Shown()) != 4 || len(tables[2].Shown()) != 3 {
		t.Errorf("direction lines %d, activity lines %d", len(tables[1].Shown()), len(tables[2].Shown()))
	}
	if Change(3, 1) != "+2" || Change(1, 3) != "-2" || Change(2, 2) != "no change" {
		t.Error("Change")
	}
	if Count(0, "KPI", "KPIs") != "0 KPIs" || Count(1, "KPI", "KPIs") != "1 KPI" || Count(2, "KPI", "KPIs") != "2 KPIs" {
		t.Error("Count")
	}
}

// The report quarter's cell of the rating grid is the headline the summary counts (issue 8
// item 6); earlier quarters are the history's own.
func TestHistoryCells(t *testing.T) {
	periods := []report.Period{q(t, "2023/24 Q1"), q(t, "2023/24 Q2")}
	r := &report.Report{Period: periods[1], HistoryPeriods: periods}
	in := &report.Indicator{Unit: catalogue.Percent, Value: f(61), Display: s("61"), Stale: true, ValuePeriod: &periods[0],
		RAG: rating(report.Red),
		History: []report.HistoryPoint{
			{Period: periods[0], Value: f(61), Display: s("61"), RAG: rating(report.Red)},
			{Period: periods[1], RAG: rating(report.NoData)},
		}}
	cells := HistoryCells(r, in)
	if cells[0].Text() != "Red" || cells[0].Stale {
		t.Errorf("earlier quarter = %+v", cells[0])
	}
	if cells[1].Status != Red || cells[1].Text() != "Red (from 2023/24 Q1)" || cells[1].Value.Text != "61%" || cells[1].ShortNote() != "*" {
		t.Errorf("report quarter = %+v %q", cells[1], cells[1].Text())
	}
	part := &report.Indicator{Partial: true, RAG: rating(report.Amber)}
	if c := HistoryCell(r, part, periods[1]); c.Text() != "Amber (part quarter)" || c.ShortNote() != "p" {
		t.Errorf("partial = %q", c.Text())
	}
	if c := HistoryCell(r, part, q(t, "2022/23 Q1")); c.Status != NoData {
		t.Errorf("a quarter without history = %s", c.Status)
	}
	if got := EarlierPeriods(r); len(got) != 1 || got[0] != periods[0] {
		t.Errorf("EarlierPeriods = %v", got)
	}
}

func TestVerdictLine(t *testing.T) {
	r := &report.Report{Period: q(t, "2023/24 Q2")}
	if got, want := VerdictLine(r, cs01(t)), "CS01 2023/24 Q2: 82% (basis Q) — AMBER (target 85%, floor 75%, higher is better)"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	act := &report.Indicator{Code: "CS04", Type: catalogue.Activity, Unit: catalogue.Number, Value: f(107543), Display: s("107543"),
		Activity: activity(report.Within), Expected: &report.Range{Lower: f(94000), Upper: f(130000)}}
	if got, want := VerdictLine(r, act), "CS04 2023/24 Q2: 107,543 (basis Q) — WITHIN expected range (94,000 to 130,000)"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	none := &report.Indicator{Code: "X1", RAG: rating(report.NoData), Unit: catalogue.Percent}
	if got, want := VerdictLine(r, none), "X1 2023/24 Q2: NO DATA — no value to rate (no target for this year)"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	stale := cs01(t)
	stale.Basis, stale.Stale, stale.ValuePeriod = catalogue.BasisRolling12, true, ptr(q(t, "2023/24 Q1"))
	if got, want := VerdictLine(r, stale), "CS01 2023/24 Q2: 82% (basis R12M; stale: value from 2023/24 Q1) — AMBER (target 85%, floor 75%, higher is better)"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestAbbreviationsCoverShortForms(t *testing.T) {
	have := map[string]bool{}
	for _, a := range Abbreviations() {
		have[a.Short] = true
	}
	for _, st := range []Status{Green, Amber, Red, NotRated, NoData, Above, Within, Below} {
		if !have[st.Short()] {
			t.Errorf("the key does not explain %q", st.Short())
		}
	}
	bases := map[string]bool{}
	for _, b := range Bases() {
		bases[b.Short] = true
	}
	for _, code := range []string{"Q", "MS", "YTD", "R12M", "A"} {
		if !bases[code] {
			t.Errorf("the key does not explain the basis code %q", code)
		}
	}
	for _, note := range []string{(GridCell{Stale: true}).ShortNote(), (GridCell{Partial: true}).ShortNote()} {
		if !have[note] {
			t.Errorf("the key does not explain the grid note %q", note)
		}
	}
}

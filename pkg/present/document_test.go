package present

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// docReport is a small pack worked out by hand: directorate B with two KPIs (B1 red with a
// management action and stale, B2 amber) and an activity indicator B3, directorate A with
// no indicators; six quarters of history, so a directorate's table shows the four before
// the report quarter and not the oldest.
func docReport(t *testing.T) *report.Report {
	t.Helper()
	labels := []string{"2022/23 Q1", "2022/23 Q2", "2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2"}
	var periods []report.Period
	for _, l := range labels {
		periods = append(periods, q(t, l))
	}
	r := &report.Report{
		Organisation: "Example Council", Title: "Quarterly Performance Report", AsAt: "2023-11-14",
		Period: periods[5], PreviousPeriod: periods[4], HistoryPeriods: periods,
		Directorates: []report.Directorate{{Code: "B", Name: "Beta"}, {Code: "A", Name: "Alpha"}},
		Indicators: []report.Indicator{
			{Code: "B1", Name: "Calls answered", Directorate: "B", Type: catalogue.KPI, Unit: catalogue.Percent,
				Polarity: polarity(catalogue.Higher), Value: f(61.25), Display: s("61.25"), Places: 2, Decimals: 0, Target: f(85), Floor: f(75),
				RAG: rating(report.Red), Stale: true, ValuePeriod: ptr(periods[4]),
				Commentary: &report.Commentary{Actions: "Hire staff."},
				Trend:      &report.Trend{Direction: report.Worsening, Sentence: "Worsening: down 2 points a quarter."},
				History: []report.HistoryPoint{
					{Period: periods[0], RAG: rating(report.Green)},
					{Period: periods[1], RAG: rating(report.Amber)},
					{Period: periods[4], RAG: rating(report.Red)},
				}},
			{Code: "B2", Name: "Complaints closed", Directorate: "B", Type: catalogue.KPI, Unit: catalogue.Percent,
				Polarity: polarity(catalogue.Higher), Value: f(80), Display: s("80"), Target: f(85), Floor: f(75), RAG: rating(report.Amber),
				ValuePeriod: ptr(periods[5])},
			{Code: "B3", Name: "Calls received", Directorate: "B", Type: catalogue.Activity, Unit: catalogue.Number,
				Value: f(31200), Display: s("31200"), Activity: activity(report.Within),
				Expected: &report.Range{Lower: f(28000), Upper: f(37000)}, ValuePeriod: ptr(periods[5])},
		},
	}
	r.Summary.KPIs = 2
	r.Summary.RAG = report.RAGCounts{Amber: 1, Red: 1}
	return r
}

func docOf(t *testing.T, r *report.Report) *Document {
	t.Helper()
	d, err := DocumentOf(r, templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// flatten writes the contents one entry a line, indented by level, minor entries marked.
func flatten(es []Entry) string {
	var b strings.Builder
	var walk func([]Entry)
	walk = func(es []Entry) {
		for _, e := range es {
			b.WriteString(strings.Repeat("  ", e.Level-1) + e.ID + " " + e.Title)
			if e.Minor {
				b.WriteString(" (minor)")
			}
			b.WriteString("\n")
			walk(e.Children)
		}
	}
	walk(es)
	return b.String()
}

func TestDocumentOutline(t *testing.T) {
	d := docOf(t, docReport(t))
	want := `key Key to ratings and direction of travel
summary Executive summary
  summary-counts Ratings and direction of travel against the previous quarter
  summary-directorates Ratings by directorate
  summary-history Ratings over the last five quarters
  summary-red KPIs rated Red and management action
  summary-stale Values from an earlier or part quarter
dir-B Beta
  ind-B1 B1 Calls answered (minor)
  ind-B2 B2 Complaints closed (minor)
  ind-B3 B3 Calls received (minor)
dir-A Alpha
`
	if got := flatten(d.Contents); got != want {
		t.Errorf("contents:\n%s\nwant:\n%s", got, want)
	}
	// the sections are the contents' own, in the same order
	var ids []string
	for _, s := range d.Sections {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "key summary dir-B dir-A" {
		t.Errorf("sections %v", ids)
	}
	if d.Title != "Example Council Quarterly Performance Report, 2023/24 Q2" || d.Lang != "en-GB" || d.Marking != "" {
		t.Errorf("title %q, lang %q, marking %q", d.Title, d.Lang, d.Marking)
	}
	if d.Cover.HeadlineIntro != "2 key performance indicators this quarter:" || len(d.Cover.Headline) != 3 || d.Cover.Headline[2].Text != "rated Red" || d.Cover.Headline[2].N != 1 {
		t.Errorf("cover headline %q %+v", d.Cover.HeadlineIntro, d.Cover.Headline)
	}
}

func tables(s *Section) []*Table {
	var out []*Table
	for b := range s.Blocks() {
		if t, ok := b.(*Table); ok {
			out = append(out, t)
		}
	}
	return out
}

func heads(t *Table) string {
	var out []string
	for _, c := range t.Columns {
		out = append(out, c.Head)
	}
	return strings.Join(out, " | ")
}

// A directorate's KPIs and activity indicators are in tables of their own, with the four
// quarters before the report quarter (2022/23 Q1 is the fifth and is left out).
func TestDirectorateTables(t *testing.T) {
	d := docOf(t, docReport(t))
	ts := tables(d.Sections[2])
	if len(ts) != 2 {
		t.Fatalf("%d tables, want KPIs and activity", len(ts))
	}
	kpis, act := ts[0], ts[1]
	if got, want := heads(kpis), "Indicator | Value | Basis | Target | Floor | Rating | Direction of travel | 2022/23 Q2 | 2022/23 Q3 | 2022/23 Q4 | 2023/24 Q1"; got != want {
		t.Errorf("KPI columns\n %s\nwant\n %s", got, want)
	}
	if got, want := heads(act), "Activity indicator | Value | Basis | Expected range | Against range | Direction of travel | 2022/23 Q2 | 2022/23 Q3 | 2022/23 Q4 | 2023/24 Q1"; got != want {
		t.Errorf("activity columns\n %s\nwant\n %s", got, want)
	}
	if kpis.Columns[10].ShortHead != "23/24\nQ1" || kpis.Columns[1].ShortHead != "" || !kpis.Columns[1].Numeric {
		t.Errorf("columns %+v", kpis.Columns)
	}
	if len(kpis.Rows) != 2 || len(act.Rows) != 1 || kpis.RowHeads != 1 {
		t.Fatalf("rows %d and %d", len(kpis.Rows), len(act.Rows))
	}
	b1 := kpis.Rows[0].Cells
	// B1's value 61.25 with the engine's display "61.25" (Places 2): two places; stale from 2023/24 Q1
	if c := b1[0]; c.Text != "B1 Calls answered" || c.Link != "ind-B1" {
		t.Errorf("row head %+v", c)
	}
	if c := b1[1]; c.Kind != CellValue || c.Text != "61.25%" || c.Value != 61.25 || c.Places != 2 || c.Note != "(2023/24 Q1)" {
		t.Errorf("value %+v", c)
	}
	if c := b1[3]; c.Kind != CellValue || c.Text != "85%" || c.Places != 0 {
		t.Errorf("target %+v", c)
	}
	if c := b1[5]; c.Kind != CellStatus || c.Status != Red || c.Text != "Red" {
		t.Errorf("rating %+v", c)
	}
	if c := b1[6]; c.Status != Worsening || c.Text != "Worsening" {
		t.Errorf("direction %+v", c)
	}
	// 2022/23 Q2 was Amber; 2022/23 Q3 has no history: No data, "ND" in a narrow column
	if c := b1[7]; c.Status != Amber || c.Text != "Amber" || c.Short != "A" {
		t.Errorf("2022/23 Q2 %+v", c)
	}
	if c := b1[8]; c.Status != NoData || c.Short != "ND" {
		t.Errorf("2022/23 Q3 %+v", c)
	}
	if c := act.Rows[0].Cells[3]; c.Kind != CellText || c.Text != "28,000 to 37,000" {
		t.Errorf("expected range %+v", c)
	}
	// Alpha has no indicators: its narrative, then the sentence that says so
	var last *Paragraph
	for b := range d.Sections[3].Blocks() {
		last, _ = b.(*Paragraph)
	}
	if last == nil || last.Text != NoIndicatorsText || last.Role != RoleAbsent {
		t.Errorf("Alpha's last block %+v", last)
	}
}

// An indicator's section: statuses, facts, the chart's place, then its titled parts.
func TestIndicatorSection(t *testing.T) {
	d := docOf(t, docReport(t))
	var b1 *Section
	for p := range d.Sections[2].Parts() {
		b1 = p
		break
	}
	if b1.Kind != KindIndicator || b1.Level != 2 || b1.Code != "B1" || b1.Heading != "Calls answered" || b1.ID != "ind-B1" {
		t.Fatalf("section %+v", b1)
	}
	blocks := b1.BlockList()
	line, ok := blocks[0].(*StatusLine)
	if !ok || line.Items[0].Label != "Rating" || line.Items[0].Status != Red || line.Items[1].Label != "Direction of travel" {
		t.Errorf("status line %+v", blocks[0])
	}
	if p, ok := blocks[1].(*Paragraph); !ok || p.Role != RoleFacts || !strings.HasPrefix(p.Text, "Value 61.25% (2023/24 Q1, latest available)") {
		t.Errorf("facts %+v", blocks[1])
	}
	// no chart points: the chart's place says so
	if p, ok := blocks[2].(*Paragraph); !ok || p.Role != RoleAbsent {
		t.Errorf("chart's place %+v", blocks[2])
	}
	var parts []string
	for p := range b1.Parts() {
		parts = append(parts, p.Heading)
		if p.Level != 3 {
			t.Errorf("%s at level %d", p.Heading, p.Level)
		}
	}
	if strings.Join(parts, ", ") != "Direction of travel, Management action" {
		t.Errorf("parts %v", parts)
	}
}

// Indicators are made when asked for and not kept: two walks give two sections, and a walk
// stopped early makes no more.
func TestIndicatorsMadeOnDemand(t *testing.T) {
	d := docOf(t, docReport(t))
	dir := d.Sections[2]
	first := func() *Section {
		for p := range dir.Parts() {
			return p
		}
		return nil
	}
	a, b := first(), first()
	if a == nil || a == b {
		t.Errorf("two walks gave %p and %p; want two sections made afresh", a, b)
	}
	if a.Title() != b.Title() {
		t.Errorf("two walks differ: %q and %q", a.Title(), b.Title())
	}
}

func TestRedAndStale(t *testing.T) {
	d := docOf(t, docReport(t))
	var red, stale *Section
	for p := range d.Sections[1].Parts() {
		switch p.ID {
		case IDRed:
			red = p
		case IDStale:
			stale = p
		}
	}
	var items []*Section
	for p := range red.Parts() {
		items = append(items, p)
	}
	if len(items) != 1 || items[0].Kind != KindItem || items[0].Mark != Red || items[0].Link != "ind-B1" {
		t.Fatalf("red items %+v", items)
	}
	var texts []string
	for b := range items[0].Blocks() {
		p := b.(*Paragraph)
		texts = append(texts, p.Text)
	}
	want := "61.25% against a target of 85% and a floor of 75%; direction of travel Worsening.|Management action|Hire staff."
	if strings.Join(texts, "|") != want {
		t.Errorf("red item %q", strings.Join(texts, "|"))
	}
	st := tables(stale)[0]
	if got := heads(st); got != "Indicator | Value | Value is for | Note" || len(st.Rows) != 1 {
		t.Fatalf("stale table %s, %d rows", got, len(st.Rows))
	}
	if c := st.Rows[0].Cells[2]; c.Kind != CellPeriod || c.Text != "2023/24 Q1" {
		t.Errorf("value is for %+v", c)
	}
}

func TestCellLines(t *testing.T) {
	cases := []struct {
		c           Cell
		line, short string
	}{
		{TextCell("82%"), "82%", "82%"},
		{Cell{Text: "82%", Mark: "[r]"}, "82% [r]", "82% [r]"},
		{Cell{Kind: CellStatus, Status: Red, Text: "Red", Short: "R*"}, "Red", "R*"},
		{Cell{Kind: CellStatus, Status: Red, Text: "Red", Short: "R", Mark: "[r]"}, "Red [r]", "R [r]"},
		{CountCell(12), "12", "12"},
	}
	for _, c := range cases {
		if c.c.Line() != c.line || c.c.ShortLine() != c.short {
			t.Errorf("%+v: %q %q; want %q %q", c.c, c.c.Line(), c.c.ShortLine(), c.line, c.short)
		}
	}
	if v := ValueCell(Shown{Text: "No data"}); v.Kind != CellText {
		t.Errorf("no value is text, got %+v", v)
	}
}

// Codes become ids any format can use, and two that come out the same are told apart.
func TestIDs(t *testing.T) {
	s := ids{}
	for _, c := range []struct{ code, want string }{
		{"A/1", "ind-A_2f_1"},
		{"A_2f_1", "ind-A_2f_1-2"},
		{"Ré", "ind-R_e9_"},
		{"B-1", "ind-B-1"},
	} {
		if got := s.make("ind-", c.code); got != c.want {
			t.Errorf("%q: %q, want %q", c.code, got, c.want)
		}
	}
}

// A charted indicator's figure: its accessible name, and its figures as a table, one row a
// quarter with the thresholds that applied then.
func TestFigure(t *testing.T) {
	in := quarterlyKPI(t, 900, 950, 1010)
	in.Name = "Income per visit"
	c := ChartOf(in)
	f := figureOf(in, c, "ind-FN09")
	title, desc := f.Alt()
	if title != "Chart of FN09 Income per visit, quarter by quarter, 2021/22 Q3 to 2023/24 Q2" {
		t.Errorf("title %q", title)
	}
	if !strings.HasPrefix(desc, "Drawn: ") {
		t.Errorf("description %q", desc)
	}
	data := f.Data()
	if got := heads(data); got != "Quarter | Value | Target | Floor" || len(data.Rows) != 8 {
		t.Fatalf("data %s, %d rows", got, len(data.Rows))
	}
	// the first five quarters have no value; the last is £1,010 against £1,000 and £800
	if r := data.Rows[0].Cells; r[0].Text != "2021/22 Q3" || r[1].Text != "–" || r[2].Text != "£1,000" {
		t.Errorf("first row %+v", r)
	}
	if r := data.Rows[7].Cells; r[1].Kind != CellValue || r[1].Text != "£1,010" || r[3].Text != "£800" {
		t.Errorf("last row %+v", r)
	}
}

func TestLeadsToFigure(t *testing.T) {
	status, facts, note := &StatusLine{}, &Paragraph{Role: RoleFacts}, &Notes{}
	intro, fig, table := &Paragraph{}, &Figure{}, &Table{}
	ind := &Section{Kind: KindIndicator}
	other := &Section{}
	tests := []struct {
		name   string
		s      *Section
		blocks []Block
		want   []bool
	}{
		{"an indicator's head before its chart", ind, []Block{status, facts, fig, note}, []bool{true, true, false, false}},
		{"an indicator with no chart", ind, []Block{status, facts, note}, []bool{false, false, false}},
		{"a sentence before a figure", other, []Block{intro, intro, fig, intro}, []bool{false, true, false, false}},
		{"a table is not a paragraph", other, []Block{table, fig}, []bool{false, false}},
		{"a paragraph last", other, []Block{fig, intro}, []bool{false, false}},
	}
	for _, tt := range tests {
		for i := range tt.blocks {
			if got := LeadsToFigure(tt.s, tt.blocks, i); got != tt.want[i] {
				t.Errorf("%s: block %d: got %v, want %v", tt.name, i, got, tt.want[i])
			}
		}
	}
}

package html

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// page is everything the document template prints, worked out before it is printed: the
// template only arranges it.
type page struct {
	Lang, Title  string
	Organisation string
	ReportTitle  string
	PackTitle    string // empty when it repeats the report title
	PeriodLine   string
	AsAt         string
	Headline     []count
	KPIs         int
	Contents     []entry
	Key          []keyGroup
	Method       []string // how the direction of travel is worked out
	Values       []string // how values are shown (values, stale, partial)
	Narrative    []string
	Counts       []table
	ByDir        table
	Grid         table
	Reds         []redItem
	Stale        table
	Directorates []directorate
	Sections     map[string]string // section id -> heading
}

// entry is a line of the contents; Children are a directorate's indicators.
type entry struct {
	ID, Title string
	Children  []entry
}

// status is a rating, activity status or direction: its class selects the shape and colour,
// its word is what is read.
type status struct {
	Class, Word string
}

func statusOf(s string) status {
	return status{Class: "st-" + strings.ReplaceAll(s, "_", "-"), Word: statusWord(s)}
}

type count struct {
	Status status
	N      int
}

type keyGroup struct {
	Title   string
	Entries []keyEntry
}

type keyEntry struct {
	Status status
	Text   string
}

// table is a data table: a caption, one header row and body rows; a row with Group set is a
// heading row spanning the table.
type table struct {
	ID      string
	Caption string
	Head    []string
	Numeric []bool // right-aligned columns
	Rows    []row
}

type row struct {
	Group string
	Head  cell // the row's header cell (th scope="row")
	Cells []cell
	Total bool
}

// cell is text, a link, or a status shown as shape and word.
type cell struct {
	Text   string
	Href   string
	Status *status
	Note   string // a second, smaller line
}

type redItem struct {
	ID, Heading, Line string
	Actions           []string
}

type directorate struct {
	ID, Name   string
	Narrative  []string
	Table      table
	Indicators []indicator
}

type indicator struct {
	ID, Code, Name string
	Heading        string
	StatusLabel    string
	Status         status
	Direction      status
	Facts          string
	Description    string
	Chart          *chart
	SVG            template.HTML
	Legend         []legendView
	Data           table
	NoChart        string
	Trend          []string
	Projection     string
	Context        []string
	Actions        []string
}

type legendView struct {
	Sample template.HTML
	Label  string
}

// Section ids and headings; the contents and the sections use the same ones.
const (
	idContents = "contents"
	idKey      = "key"
	idSummary  = "summary"
	idCounts   = "summary-counts"
	idByDir    = "summary-directorates"
	idGrid     = "summary-history"
	idRed      = "summary-red"
	idStale    = "summary-stale"
)

var sectionTitles = map[string]string{
	idContents: "Contents",
	idKey:      "Key to ratings and direction of travel",
	idSummary:  "Executive summary",
	idCounts:   "Ratings and direction of travel against the previous quarter",
	idByDir:    "Ratings by directorate",
	idGrid:     "Ratings over the last five quarters",
	idRed:      "KPIs rated Red and management action",
	idStale:    "Values from an earlier or part quarter",
}

// newPage works out the document's content from the report and the wording templates.
func newPage(r *report.Report, t *templates.Set) (*page, error) {
	ids := newIDs()
	p := &page{
		Lang:         r.Language,
		Organisation: r.Organisation,
		ReportTitle:  r.Title,
		PeriodLine:   periodLine(r),
		AsAt:         asAtWords(r),
		KPIs:         r.Summary.KPIs,
		Sections:     sectionTitles,
	}
	if p.Lang == "" {
		p.Lang = "en-GB"
	}
	if r.Pack.Title != "" && r.Pack.Title != r.Title {
		p.PackTitle = r.Pack.Title
	}
	p.Title = strings.TrimSpace(r.Organisation + " " + r.Title)
	if p.PackTitle != "" {
		p.Title += ": " + p.PackTitle
	}
	p.Title += ", " + quarterWords(r.Period)
	if s := r.Summary; s.KPIs > 0 {
		p.Headline = []count{{statusOf("green"), s.RAG.Green}, {statusOf("amber"), s.RAG.Amber}, {statusOf("red"), s.RAG.Red}}
	}
	// indicator ids first: the summary's tables link to them
	indID := map[*report.Indicator]string{}
	for i := range r.Indicators {
		indID[&r.Indicators[i]] = ids.make("ind-", r.Indicators[i].Code)
	}
	dirID := map[string]string{}
	for _, d := range r.Directorates {
		dirID[d.Code] = ids.make("dir-", d.Code)
	}

	var err error
	if err = p.key(r, t); err != nil {
		return nil, err
	}
	text, err := t.Narrative(r)
	if err != nil {
		return nil, err
	}
	p.Narrative = templates.Paragraphs(text)
	p.countTables(r)
	p.ByDir = byDirectorate(r, dirID)
	p.Grid = historyGrid(r, indID)
	for _, in := range redKPIs(r) {
		line := againstThresholds(in)
		if in.Trend != nil && in.Trend.Direction != "" {
			line += "; direction of travel " + statusWord(in.Trend.Direction)
		}
		item := redItem{ID: indID[in], Heading: in.Code + " " + in.Name, Line: line + "."}
		if in.Commentary != nil {
			item.Actions = templates.Paragraphs(in.Commentary.Actions)
		}
		p.Reds = append(p.Reds, item)
	}
	p.Stale = staleTable(r, indID)

	p.Contents = []entry{
		{ID: idKey, Title: sectionTitles[idKey]},
		{ID: idSummary, Title: sectionTitles[idSummary], Children: p.summaryEntries()},
	}
	for _, d := range r.Directorates {
		dv, err := newDirectorate(r, t, d, dirID[d.Code], indID)
		if err != nil {
			return nil, err
		}
		p.Directorates = append(p.Directorates, dv)
		e := entry{ID: dv.ID, Title: d.Name}
		for _, in := range dv.Indicators {
			e.Children = append(e.Children, entry{ID: in.ID, Title: in.Heading})
		}
		p.Contents = append(p.Contents, e)
	}
	return p, nil
}

func (p *page) summaryEntries() []entry {
	out := []entry{{ID: idCounts, Title: sectionTitles[idCounts]}, {ID: idByDir, Title: sectionTitles[idByDir]}, {ID: idGrid, Title: sectionTitles[idGrid]}}
	if len(p.Reds) > 0 {
		out = append(out, entry{ID: idRed, Title: sectionTitles[idRed]})
	}
	if len(p.Stale.Rows) > 0 {
		out = append(out, entry{ID: idStale, Title: sectionTitles[idStale]})
	}
	return out
}

func (p *page) key(r *report.Report, t *templates.Set) error {
	groups := []struct {
		title   string
		entries []string
	}{
		{"Ratings of key performance indicators (KPIs)", []string{"green", "amber", "red", "not_rated", "no_data"}},
		{"Activity indicators (compared with an expected range, not rated)", []string{"above", "within", "below"}},
		{"Direction of travel", []string{"improving", "stable", "worsening", "rising", "falling", "insufficient"}},
	}
	for _, g := range groups {
		kg := keyGroup{Title: g.title}
		for _, e := range g.entries {
			text, err := t.Key(e, r.Trend)
			if err != nil {
				return err
			}
			kg.Entries = append(kg.Entries, keyEntry{Status: statusOf(e), Text: strings.Join(templates.Paragraphs(text), " ")})
		}
		p.Key = append(p.Key, kg)
	}
	for _, e := range []string{"method", "values", "stale", "partial"} {
		text, err := t.Key(e, r.Trend)
		if err != nil {
			return err
		}
		if e == "method" {
			p.Method = templates.Paragraphs(text)
		} else {
			p.Values = append(p.Values, templates.Paragraphs(text)...)
		}
	}
	return nil
}

type countLine struct {
	status    string
	now, prev int
	always    bool
}

func (p *page) countTables(r *report.Report) {
	s := r.Summary
	prevHead := "Previous quarter"
	if r.PreviousPeriod != "" {
		prevHead = r.PreviousPeriod
	}
	add := func(caption, first string, lines []countLine) {
		t := table{ID: fmt.Sprintf("counts-%d", len(p.Counts)+1), Caption: caption, Head: []string{first, r.Period, prevHead, "Change"}, Numeric: []bool{false, true, true, true}}
		for _, l := range lines {
			if !l.always && l.now == 0 && l.prev == 0 {
				continue
			}
			st := statusOf(l.status)
			t.Rows = append(t.Rows, row{Head: cell{Status: &st}, Cells: []cell{{Text: strconv.Itoa(l.now)}, {Text: strconv.Itoa(l.prev)}, {Text: change(l.now, l.prev)}}})
		}
		p.Counts = append(p.Counts, t)
	}
	if s.KPIs > 0 {
		kpis := fmt.Sprintf("%d %s", s.KPIs, templates.Plural(s.KPIs, "KPI", "KPIs"))
		add("Ratings of the "+kpis+" this quarter and last", "Rating", []countLine{
			{"green", s.RAG.Green, s.RAGPrevious.Green, true},
			{"amber", s.RAG.Amber, s.RAGPrevious.Amber, true},
			{"red", s.RAG.Red, s.RAGPrevious.Red, true},
			{"not_rated", s.RAG.NotRated, s.RAGPrevious.NotRated, false},
			{"no_data", s.RAG.NoData, s.RAGPrevious.NoData, false},
		})
		add("Direction of travel of the "+kpis+" this quarter and last", "Direction of travel", []countLine{
			{"improving", s.Trend.Improving, s.TrendPrevious.Improving, true},
			{"stable", s.Trend.Stable, s.TrendPrevious.Stable, true},
			{"worsening", s.Trend.Worsening, s.TrendPrevious.Worsening, true},
			{"insufficient", s.Trend.Insufficient, s.TrendPrevious.Insufficient, false},
		})
	}
	if s.ActivityCount > 0 {
		add(fmt.Sprintf("Activity of the %d %s against their expected ranges, this quarter and last", s.ActivityCount, templates.Plural(s.ActivityCount, "activity indicator", "activity indicators")), "Activity", []countLine{
			{"above", s.Activity.Above, s.ActivityPrevious.Above, true},
			{"within", s.Activity.Within, s.ActivityPrevious.Within, true},
			{"below", s.Activity.Below, s.ActivityPrevious.Below, true},
			{"not_rated", s.Activity.NotRated, s.ActivityPrevious.NotRated, false},
			{"no_data", s.Activity.NoData, s.ActivityPrevious.NoData, false},
		})
	}
}

func byDirectorate(r *report.Report, dirID map[string]string) table {
	t := table{ID: "by-directorate", Caption: "KPI ratings and direction of travel by directorate, " + r.Period,
		Head:    []string{"Directorate", "KPIs", "Green", "Amber", "Red", "Not rated", "No data", "Improving", "Stable", "Worsening"},
		Numeric: []bool{false, true, true, true, true, true, true, true, true, true}}
	counts := func(kpis int, rag report.RAGCounts, tr report.TrendCounts) []cell {
		var out []cell
		for _, n := range []int{kpis, rag.Green, rag.Amber, rag.Red, rag.NotRated, rag.NoData, tr.Improving, tr.Stable, tr.Worsening} {
			out = append(out, cell{Text: strconv.Itoa(n)})
		}
		return out
	}
	for _, d := range r.Directorates {
		t.Rows = append(t.Rows, row{Head: cell{Text: d.Name, Href: "#" + dirID[d.Code]}, Cells: counts(d.KPIs, d.RAG, d.Trend)})
	}
	s := r.Summary
	t.Rows = append(t.Rows, row{Head: cell{Text: "All directorates"}, Cells: counts(s.KPIs, s.RAG, s.Trend), Total: true})
	return t
}

func historyGrid(r *report.Report, indID map[*report.Indicator]string) table {
	t := table{ID: "history-grid", Caption: "Each indicator's rating in each of the last five quarters, by directorate", Head: []string{"Indicator"}}
	t.Head = append(t.Head, r.HistoryPeriods...)
	for _, d := range r.Directorates {
		group := indicatorsOf(r, d.Code)
		if len(group) == 0 {
			continue
		}
		t.Rows = append(t.Rows, row{Group: d.Name})
		for _, in := range group {
			rw := row{Head: cell{Text: in.Code + " " + in.Name, Href: "#" + indID[in]}}
			for _, p := range r.HistoryPeriods {
				st := statusOf(historyStatus(in, p))
				rw.Cells = append(rw.Cells, cell{Status: &st})
			}
			t.Rows = append(t.Rows, rw)
		}
	}
	return t
}

func staleTable(r *report.Report, indID map[*report.Indicator]string) table {
	t := table{ID: "stale", Caption: "Indicators whose value is from an earlier quarter or covers part of the quarter",
		Head: []string{"Indicator", "Value", "Value is for", "Note"}, Numeric: []bool{false, true, false, false}}
	for _, in := range staleOrPartial(r) {
		t.Rows = append(t.Rows, row{Head: cell{Text: in.Code + " " + in.Name, Href: "#" + indID[in]},
			Cells: []cell{{Text: indicatorValue(in)}, {Text: deref(in.ValuePeriod, "–")}, {Text: valueNote(in, r.Period)}}})
	}
	return t
}

// previousPeriods are the history quarters before the report quarter, oldest first.
func previousPeriods(r *report.Report) []string {
	var out []string
	for _, p := range r.HistoryPeriods {
		if p != r.Period {
			out = append(out, p)
		}
	}
	if len(out) > 4 {
		out = out[len(out)-4:]
	}
	return out
}

func newDirectorate(r *report.Report, t *templates.Set, d report.Directorate, id string, indID map[*report.Indicator]string) (directorate, error) {
	dv := directorate{ID: id, Name: d.Name}
	text, err := t.DirectorateNarrative(&d)
	if err != nil {
		return dv, err
	}
	dv.Narrative = templates.Paragraphs(text)
	list := indicatorsOf(r, d.Code)
	prev := previousPeriods(r)
	tb := table{ID: id + "-table", Caption: d.Name + ": indicators, " + r.Period,
		Head:    []string{"Indicator", "Value", "Target", "Floor", "Rating", "Direction of travel"},
		Numeric: []bool{false, true, true, true, false, false}}
	for _, p := range prev {
		tb.Head = append(tb.Head, p)
		tb.Numeric = append(tb.Numeric, false)
	}
	for _, in := range list {
		value := cell{Text: indicatorValue(in)}
		if in.Stale {
			value.Note = "(" + deref(in.ValuePeriod, "earlier") + ")"
		} else if in.Partial {
			value.Note = "(part quarter)"
		}
		target, floor := cell{Text: threshold(in.Target, in.Unit, in.Decimals)}, cell{Text: threshold(in.Floor, in.Unit, in.Decimals)}
		if in.Type == "activity" {
			target, floor = cell{Text: "Range"}, cell{Text: ""}
			if in.Expected != nil {
				target = cell{Text: threshold(in.Expected.Lower, in.Unit, in.Decimals) + " to"}
				floor = cell{Text: threshold(in.Expected.Upper, in.Unit, in.Decimals)}
			}
		}
		st, dir := statusOf(ragOrActivity(in.RAG, in.Activity)), statusOf(direction(in))
		rw := row{Head: cell{Text: in.Code + " " + in.Name, Href: "#" + indID[in]}, Cells: []cell{value, target, floor, {Status: &st}, {Status: &dir}}}
		for _, p := range prev {
			s := statusOf(historyStatus(in, p))
			rw.Cells = append(rw.Cells, cell{Status: &s})
		}
		tb.Rows = append(tb.Rows, rw)
	}
	dv.Table = tb
	for _, in := range list {
		dv.Indicators = append(dv.Indicators, newIndicator(r, in, indID[in]))
	}
	return dv, nil
}

func newIndicator(r *report.Report, in *report.Indicator, id string) indicator {
	iv := indicator{
		ID: id, Code: in.Code, Name: in.Name, Heading: in.Code + " " + in.Name,
		StatusLabel: "Rating", Status: statusOf(ragOrActivity(in.RAG, in.Activity)), Direction: statusOf(direction(in)),
		Facts: factsLine(in), Description: in.Description,
	}
	if in.Type == "activity" {
		iv.StatusLabel = "Activity"
	}
	if in.Trend != nil && in.Trend.Sentence != "" {
		iv.Trend = templates.Paragraphs(in.Trend.Sentence)
	}
	if in.Projection != nil {
		iv.Projection = projectionSentence(in)
	}
	if in.Commentary != nil {
		iv.Context = templates.Paragraphs(in.Commentary.Context)
		iv.Actions = templates.Paragraphs(in.Commentary.Actions)
	}
	c := chartOf(in, id+"-chart")
	if c == nil {
		iv.NoChart = "No values to chart for this indicator."
		return iv
	}
	iv.Chart = c
	c.Title, c.Desc = chartText(in, iv)
	iv.SVG = c.svg()
	for _, l := range c.Legend {
		iv.Legend = append(iv.Legend, legendView{Sample: legendSample(l.Kind), Label: l.Label})
	}
	iv.Data = chartData(in, id)
	return iv
}

// chartText is the chart's accessible name and description: what it shows, the latest value
// against its thresholds and rating, and the trend sentence.
func chartText(in *report.Indicator, iv indicator) (string, string) {
	first, last := in.Chart[0].Period, in.Chart[len(in.Chart)-1].Period
	per := "quarter"
	if in.Frequency == "monthly" {
		per = "month"
	}
	title := fmt.Sprintf("Chart of %s %s, each %s from %s to %s", in.Code, in.Name, per, first, last)
	var parts []string
	shows := "The line shows the value each " + per
	var extras []string
	for _, l := range iv.legendKinds() {
		switch l {
		case "target":
			extras = append(extras, "the target")
		case "floor":
			extras = append(extras, "the floor")
		case "band":
			extras = append(extras, "the expected range")
		case "mean":
			extras = append(extras, "the mean and process limits")
		case "trend":
			extras = append(extras, "the fitted trend line")
		case "projection":
			extras = append(extras, "next quarter's projection")
		}
	}
	if len(extras) > 0 {
		shows += ", with " + joinAnd(extras)
	}
	parts = append(parts, shows+".")
	latest := "Latest value " + againstThresholds(in)
	if in.Type == "activity" && in.Expected != nil {
		latest += " against an expected range of " + threshold(in.Expected.Lower, in.Unit, in.Decimals) + " to " + threshold(in.Expected.Upper, in.Unit, in.Decimals)
	}
	if in.ValuePeriod != nil {
		latest += " (" + *in.ValuePeriod + ")"
	}
	parts = append(parts, latest+": "+strings.ToLower(iv.StatusLabel)+" "+iv.Status.Word+".")
	parts = append(parts, iv.Trend...)
	return title, strings.Join(parts, " ")
}

func (iv indicator) legendKinds() []string {
	var out []string
	if iv.Chart != nil {
		for _, l := range iv.Chart.Legend {
			out = append(out, l.Kind)
		}
	}
	return out
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// chartData is the chart's figures as a table: one row per charted period.
func chartData(in *report.Indicator, id string) table {
	per := "Quarter"
	if in.Frequency == "monthly" {
		per = "Month"
	}
	t := table{ID: id + "-data", Caption: in.Code + ": the figures in the chart", Head: []string{per, "Value"}, Numeric: []bool{false, true}}
	activity := in.Type == "activity"
	if activity {
		t.Head = append(t.Head, "Expected from", "Expected to")
	} else {
		t.Head = append(t.Head, "Target", "Floor")
	}
	t.Numeric = append(t.Numeric, true, true)
	kinds := map[string]string{}
	spc := in.Trend != nil && in.Trend.Method == "spc"
	if spc {
		for _, s := range in.Trend.Series {
			kinds[s.Period] = s.Type
		}
		t.Head = append(t.Head, "SPC point")
		t.Numeric = append(t.Numeric, false)
	}
	for _, pt := range in.Chart {
		v := cell{Text: "No value"}
		if pt.Value != nil {
			v.Text = pointValue(in, pt)
		}
		a, b := pt.Target, pt.Floor
		if activity {
			a, b = pt.Lower, pt.Upper
		}
		rw := row{Head: cell{Text: pt.Period}, Cells: []cell{v, {Text: threshold(a, in.Unit, in.Decimals)}, {Text: threshold(b, in.Unit, in.Decimals)}}}
		if spc {
			rw.Cells = append(rw.Cells, cell{Text: spcWords(kinds[pt.Period])})
		}
		t.Rows = append(t.Rows, rw)
	}
	return t
}

// pointValue shows a charted value as the report shows that quarter's value: the report
// quarter's as the indicator's shown value, a history quarter's as its history entry shows
// it, a month's to the indicator's decimals.
func pointValue(in *report.Indicator, pt report.ChartPoint) string {
	if in.ValuePeriod != nil && *in.ValuePeriod == pt.Period && in.Value != nil && *in.Value == *pt.Value {
		return indicatorValue(in)
	}
	for _, h := range in.History {
		if h.Period == pt.Period && h.Value != nil && *h.Value == *pt.Value {
			return shownValue(h.Value, h.Display, in.Unit, in.Decimals)
		}
	}
	return formatValue(*pt.Value, in.Unit, in.Decimals)
}

func spcWords(kind string) string {
	switch kind {
	case "special_cause_improvement":
		return "Special cause: improvement"
	case "special_cause_concern":
		return "Special cause: concern"
	case "special_cause_neutral_high":
		return "Special cause: high"
	case "special_cause_neutral_low":
		return "Special cause: low"
	case "common_cause":
		return "Common cause"
	}
	return "–"
}

// ids makes element ids from codes: letters, digits, hyphens and underscores kept, anything
// else spelled as its code point, and a number added when two codes come out the same.
type ids map[string]bool

func newIDs() ids { return ids{} }

func (s ids) make(prefix, code string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range code {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	id := b.String()
	for n := 2; s[id]; n++ {
		id = fmt.Sprintf("%s-%d", b.String(), n)
	}
	s[id] = true
	return id
}

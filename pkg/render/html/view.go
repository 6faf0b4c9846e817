package html

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// page is everything the document template prints, worked out before it is printed: the
// template only arranges it. Every word, number and period label comes from pkg/present (or
// the user's templates); this file decides only how they sit in HTML.
type page struct {
	Lang, Title    string
	Organisation   string
	ReportTitle    string
	PackTitle      string // empty when it repeats the report title
	PeriodLine     string
	AsAt           string
	HeadlineIntro  string
	Headline       []count
	Contents       []entry
	Key            []keyGroup
	KeyNotes       []keyNote
	Narrative      []string
	Counts         []table
	ByDir          table
	Grid           table
	NoHistory      string
	Reds           []redItem
	NoAction       string
	ActionsHeading string
	Stale          table
	Directorates   []directorate
	Titles         map[string]string // section id -> heading
}

// entry is a line of the contents; Children are a section's parts or a directorate's
// indicators.
type entry struct {
	ID, Title string
	Children  []entry
}

// status is a rating, activity status or direction as shown: its classes select the shape
// and the colour of its mark, its word is what is read.
type status struct {
	Class, Word string
}

var shapeClass = map[present.Shape]string{
	present.ShapeDash: "dash", present.ShapeShortDash: "short-dash", present.ShapeCircle: "circle",
	present.ShapeDiamond: "diamond", present.ShapeSquare: "square", present.ShapeHollowCircle: "hollow-circle",
	present.ShapeTriangleUp: "triangle-up", present.ShapeBar: "bar", present.ShapeTriangleDown: "triangle-down",
	present.ShapeArrowUp: "arrow-up", present.ShapeArrowDown: "arrow-down", present.ShapeArrowBoth: "arrow-both",
}

var toneClass = map[present.Tone]string{
	present.ToneGrey: "grey", present.ToneGreen: "green", present.ToneAmber: "amber",
	present.ToneRed: "red", present.ToneActivity: "activity", present.ToneText: "text",
}

func statusOf(s present.Status) status {
	return status{Class: "sh-" + shapeClass[s.Shape()] + " tn-" + toneClass[s.Tone()], Word: s.Word()}
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

type keyNote struct {
	Title      string
	Paragraphs []string
}

// table is a data table: a caption, one header row and body rows; a row with Group set
// starts a group of rows under its own heading.
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

// cell is text, a link, or a status shown as mark and word, with an optional note beneath.
type cell struct {
	Text   string
	Href   string
	Status *status
	Note   string
}

type redItem struct {
	ID, Heading, Line string
	Actions           []string
}

type directorate struct {
	ID, Name     string
	Narrative    []string
	Tables       []table
	NoIndicators string
	Indicators   []indicator
}

type indicator struct {
	ID, Code, Name    string
	Heading           string
	StatusLabel       string
	Status            status
	DirectionLabel    string
	Direction         status
	Facts             string
	Description       string
	SVG               template.HTML
	Legend            []legendView
	DataSummary       string
	Data              table
	NoChart           string
	Headings          map[string]string
	Trend, Projection []string
	Context, Actions  []string
}

type legendView struct {
	Sample template.HTML
	Label  string
}

// Section ids; the contents and the sections use the same ones.
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

var titles = map[string]string{
	idContents: present.ContentsTitle,
	idKey:      present.KeyTitle,
	idSummary:  present.SummaryTitle,
	idCounts:   present.CountsTitle,
	idByDir:    present.ByDirectorateTitle,
	idGrid:     present.GridTitle,
	idRed:      present.RedTitle,
	idStale:    present.StaleTitle,
}

var indicatorHeadings = map[string]string{
	"direction": present.DirectionHeading, "projection": present.ProjectionHeading,
	"context": present.ContextHeading, "actions": present.ActionsHeading,
}

// newPage works out the document's content from the report and the wording templates.
func newPage(r *report.Report, t *templates.Set) (*page, error) {
	p := &page{
		Lang:           r.Language,
		Organisation:   r.Organisation,
		ReportTitle:    r.Title,
		PeriodLine:     present.PeriodLine(r),
		AsAt:           present.AsAtWords(r),
		Titles:         titles,
		NoHistory:      present.NoHistoryText,
		NoAction:       present.NoActionText,
		ActionsHeading: present.ActionsHeading,
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
	p.Title += ", " + present.Label(r.Period)
	if s := r.Summary; s.KPIs > 0 {
		p.HeadlineIntro = present.Count(s.KPIs, "key performance indicator", "key performance indicators") + " this quarter:"
		p.Headline = []count{{statusOf(present.Green), s.RAG.Green}, {statusOf(present.Amber), s.RAG.Amber}, {statusOf(present.Red), s.RAG.Red}}
	}
	ids := ids{}
	indID := map[*report.Indicator]string{}
	for i := range r.Indicators {
		indID[&r.Indicators[i]] = ids.make("ind-", r.Indicators[i].Code)
	}
	dirID := map[string]string{}
	for _, d := range r.Directorates {
		dirID[d.Code] = ids.make("dir-", d.Code)
	}

	if err := p.key(r, t); err != nil {
		return nil, err
	}
	text, err := t.Narrative(r)
	if err != nil {
		return nil, err
	}
	p.Narrative = templates.Paragraphs(text)
	p.Counts = countTables(r)
	p.ByDir = byDirectorate(r, dirID)
	p.Grid = historyGrid(r, indID)
	for _, in := range present.RedKPIs(r) {
		p.Reds = append(p.Reds, redItem{ID: indID[in], Heading: in.Code + " " + in.Name, Line: present.RedLine(in),
			Actions: templates.Paragraphs(present.Actions(in))})
	}
	p.Stale = staleTable(r, indID)

	summary := []entry{{ID: idCounts, Title: titles[idCounts]}, {ID: idByDir, Title: titles[idByDir]}, {ID: idGrid, Title: titles[idGrid]}}
	if len(p.Reds) > 0 {
		summary = append(summary, entry{ID: idRed, Title: titles[idRed]})
	}
	if len(p.Stale.Rows) > 0 {
		summary = append(summary, entry{ID: idStale, Title: titles[idStale]})
	}
	p.Contents = []entry{{ID: idKey, Title: titles[idKey]}, {ID: idSummary, Title: titles[idSummary], Children: summary}}
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

func (p *page) key(r *report.Report, t *templates.Set) error {
	data := present.KeyDataOf(r)
	for _, g := range present.KeyGroups {
		kg := keyGroup{Title: g.Title}
		for _, s := range g.Statuses {
			text, err := t.Key(string(s), data)
			if err != nil {
				return err
			}
			kg.Entries = append(kg.Entries, keyEntry{Status: statusOf(s), Text: strings.Join(templates.Paragraphs(text), " ")})
		}
		p.Key = append(p.Key, kg)
	}
	for _, n := range present.KeyNotes {
		kn := keyNote{Title: n.Title}
		for _, e := range n.Entries {
			if e == present.AbbreviationsEntry {
				continue // this edition's tables write every word and period in full
			}
			text, err := t.Key(e, data)
			if err != nil {
				return err
			}
			kn.Paragraphs = append(kn.Paragraphs, templates.Paragraphs(text)...)
		}
		p.KeyNotes = append(p.KeyNotes, kn)
	}
	return nil
}

// countTables are the summary's comparisons with the previous quarter, each captioned with
// its heading and the two quarters.
func countTables(r *report.Report) []table {
	var out []table
	this, prev := present.Label(r.Period), present.Label(r.PreviousPeriod)
	for i, ct := range present.CountTables(r.Summary) {
		t := table{ID: "counts-" + strconv.Itoa(i+1), Caption: ct.Heading + ": " + this + " against " + prev,
			Head: []string{ct.Heading, this, prev, "Change"}, Numeric: []bool{false, true, true, true}}
		for _, l := range ct.Shown() {
			st := statusOf(l.Status)
			t.Rows = append(t.Rows, row{Head: cell{Status: &st}, Cells: []cell{
				{Text: strconv.Itoa(l.Now)}, {Text: strconv.Itoa(l.Prev)}, {Text: present.Change(l.Now, l.Prev)}}})
		}
		out = append(out, t)
	}
	return out
}

func byDirectorate(r *report.Report, dirID map[string]string) table {
	head := []string{"Directorate", "KPIs"}
	for _, s := range []present.Status{present.Green, present.Amber, present.Red, present.NotRated, present.NoData, present.Improving, present.Stable, present.Worsening, present.Insufficient} {
		head = append(head, s.Word())
	}
	t := table{ID: "by-directorate", Caption: present.ByDirectorateTitle + ", " + present.Label(r.Period), Head: head}
	for range head {
		t.Numeric = append(t.Numeric, len(t.Numeric) > 0)
	}
	counts := func(kpis int, rag report.RAGCounts, tr report.TrendCounts) []cell {
		var out []cell
		for _, n := range []int{kpis, rag.Green, rag.Amber, rag.Red, rag.NotRated, rag.NoData, tr.Improving, tr.Stable, tr.Worsening, tr.Insufficient} {
			out = append(out, cell{Text: strconv.Itoa(n)})
		}
		return out
	}
	for _, d := range r.Directorates {
		t.Rows = append(t.Rows, row{Head: cell{Text: d.Name, Href: "#" + dirID[d.Code]}, Cells: counts(d.KPIs, d.RAG, d.Trend)})
	}
	s := r.Summary
	t.Rows = append(t.Rows, row{Head: cell{Text: present.AllDirectorates}, Cells: counts(s.KPIs, s.RAG, s.Trend), Total: true})
	return t
}

// gridCell is a history grid cell: the status, with a stale or part-quarter note beneath.
func gridCell(c present.GridCell) cell {
	st := statusOf(c.Status)
	return cell{Status: &st, Note: c.Note()}
}

func historyGrid(r *report.Report, indID map[*report.Indicator]string) table {
	t := table{ID: "history-grid", Caption: present.GridTitle + ", by directorate", Head: []string{"Indicator"}}
	for _, p := range r.HistoryPeriods {
		t.Head = append(t.Head, present.Label(p))
	}
	for _, d := range r.Directorates {
		group := present.IndicatorsOf(r, d.Code)
		if len(group) == 0 {
			continue
		}
		t.Rows = append(t.Rows, row{Group: d.Name})
		for _, in := range group {
			rw := row{Head: cell{Text: in.Code + " " + in.Name, Href: "#" + indID[in]}}
			for _, c := range present.HistoryCells(r, in) {
				rw.Cells = append(rw.Cells, gridCell(c))
			}
			t.Rows = append(t.Rows, rw)
		}
	}
	return t
}

func staleTable(r *report.Report, indID map[*report.Indicator]string) table {
	t := table{ID: "stale", Caption: present.StaleTitle + ", " + present.Label(r.Period),
		Head: []string{"Indicator", "Value", "Value is for", "Note"}, Numeric: []bool{false, true, false, false}}
	for _, in := range present.StaleOrPartial(r) {
		period := "–"
		if in.ValuePeriod != nil {
			period = present.Label(*in.ValuePeriod)
		}
		t.Rows = append(t.Rows, row{Head: cell{Text: in.Code + " " + in.Name, Href: "#" + indID[in]},
			Cells: []cell{{Text: present.Value(in).Text}, {Text: period}, {Text: present.ValueNote(r, in)}}})
	}
	return t
}

func newDirectorate(r *report.Report, t *templates.Set, d report.Directorate, id string, indID map[*report.Indicator]string) (directorate, error) {
	dv := directorate{ID: id, Name: d.Name}
	text, err := t.DirectorateNarrative(&d)
	if err != nil {
		return dv, err
	}
	dv.Narrative = templates.Paragraphs(text)
	list := present.IndicatorsOf(r, d.Code)
	if len(list) == 0 {
		dv.NoIndicators = present.NoIndicatorsText
		return dv, nil
	}
	// its KPIs, then its activity indicators in a table of their own, as the PDF has them
	var kpis, activity []*report.Indicator
	for _, in := range list {
		if present.IsActivity(in) {
			activity = append(activity, in)
		} else {
			kpis = append(kpis, in)
		}
	}
	if len(kpis) > 0 {
		dv.Tables = append(dv.Tables, directorateTable(r, d.Name, id+"-kpis", kpis, false, indID))
	}
	if len(activity) > 0 {
		dv.Tables = append(dv.Tables, directorateTable(r, d.Name, id+"-activity", activity, true, indID))
	}
	for _, in := range list {
		dv.Indicators = append(dv.Indicators, newIndicator(r, in, indID[in]))
	}
	return dv, nil
}

func directorateTable(r *report.Report, name, id string, list []*report.Indicator, activity bool, indID map[*report.Indicator]string) table {
	prev := present.EarlierPeriods(r)
	if len(prev) > 4 {
		prev = prev[len(prev)-4:]
	}
	kind := "KPIs"
	if activity {
		kind = "activity indicators"
	}
	tb := table{ID: id, Caption: name + ": " + kind + ", " + present.Label(r.Period), Head: []string{"Indicator", "Value", present.BasisHeading}, Numeric: []bool{false, true, false}}
	for _, h := range present.ThresholdHeadings(activity) {
		tb.Head = append(tb.Head, h)
		tb.Numeric = append(tb.Numeric, true)
	}
	tb.Head = append(tb.Head, present.StatusLabel(list[0]), present.DirectionHeading)
	tb.Numeric = append(tb.Numeric, false, false)
	for _, p := range prev {
		tb.Head = append(tb.Head, present.Label(p))
		tb.Numeric = append(tb.Numeric, false)
	}
	for _, in := range list {
		rw := row{Head: cell{Text: in.Code + " " + in.Name, Href: "#" + indID[in]},
			Cells: []cell{{Text: present.Value(in).Text, Note: present.ValueQualifier(in)}, {Text: present.Basis(in)}}}
		for _, th := range present.ThresholdCells(in) {
			rw.Cells = append(rw.Cells, cell{Text: th})
		}
		st, dir := statusOf(present.StatusOf(in)), statusOf(present.DirectionOf(in))
		rw.Cells = append(rw.Cells, cell{Status: &st}, cell{Status: &dir})
		for _, p := range prev {
			rw.Cells = append(rw.Cells, gridCell(present.HistoryCell(r, in, p)))
		}
		tb.Rows = append(tb.Rows, rw)
	}
	return tb
}

func newIndicator(r *report.Report, in *report.Indicator, id string) indicator {
	iv := indicator{
		ID: id, Code: in.Code, Name: in.Name, Heading: in.Code + " " + in.Name,
		StatusLabel: present.StatusLabel(in), Status: statusOf(present.StatusOf(in)),
		DirectionLabel: present.DirectionHeading, Direction: statusOf(present.DirectionOf(in)),
		Facts: present.FactsLine(in), Description: in.Description, Headings: indicatorHeadings,
	}
	if in.Trend != nil && in.Trend.Sentence != "" {
		iv.Trend = templates.Paragraphs(in.Trend.Sentence)
	}
	if s := present.ProjectionSentence(in); s != "" {
		iv.Projection = []string{s}
	}
	if in.Commentary != nil {
		iv.Context = templates.Paragraphs(in.Commentary.Context)
		iv.Actions = templates.Paragraphs(in.Commentary.Actions)
	}
	c := present.ChartOf(in)
	if c.Empty {
		iv.NoChart = c.EmptyText
		return iv
	}
	title, desc := chartText(in, c)
	iv.SVG = newSVGChart(c, id+"-chart", title, desc).svg()
	for _, l := range c.Legend {
		iv.Legend = append(iv.Legend, legendView{Sample: legendSample(l), Label: l.Label})
	}
	iv.DataSummary = in.Code + ": the chart's figures as a table"
	iv.Data = chartData(in, c, id)
	return iv
}

// chartText is the chart's accessible name and description: what it shows over which
// periods, what is drawn, the latest value against its thresholds with its status, and the
// direction-of-travel sentence.
func chartText(in *report.Indicator, c present.Chart) (string, string) {
	first, last := present.Label(in.Chart[0].Period), present.Label(in.Chart[len(in.Chart)-1].Period)
	title := fmt.Sprintf("Chart of %s %s, %s by %s, %s to %s", in.Code, in.Name, strings.ToLower(present.ValueNoun(in)), strings.ToLower(present.ValueNoun(in)), first, last)
	var drawn []string
	for _, l := range c.Legend {
		drawn = append(drawn, l.Label)
	}
	desc := "Drawn: " + strings.Join(drawn, "; ") + ". Latest value " + present.Value(in).Text
	if present.IsActivity(in) {
		desc += ", " + strings.ToLower(present.ExpectedHeading) + " " + present.ExpectedRange(in)
	} else if t := present.AgainstThresholds(in, in.Target, in.Floor); t != "" {
		desc += " " + t
	}
	if in.ValuePeriod != nil {
		desc += " (" + present.Label(*in.ValuePeriod) + ")"
	}
	desc += ". " + present.StatusLabel(in) + ": " + present.StatusOf(in).Word() + "."
	if in.Trend != nil && in.Trend.Sentence != "" {
		desc += " " + strings.Join(templates.Paragraphs(in.Trend.Sentence), " ")
	}
	return title, desc
}

// chartData is the chart's figures as a table: one row per charted period, with the
// thresholds that applied then, and for an SPC chart each point's type.
func chartData(in *report.Indicator, c present.Chart, id string) table {
	activity := present.IsActivity(in)
	t := table{ID: id + "-data", Caption: in.Code + ": the figures in the chart", Head: []string{present.ValueNoun(in), "Value"}, Numeric: []bool{false, true}}
	for _, h := range present.ThresholdHeadings(activity) {
		t.Head = append(t.Head, h)
		t.Numeric = append(t.Numeric, true)
	}
	marks := map[int]present.Mark{}
	for _, p := range c.Points {
		marks[int(p.Slot)] = p.Mark
	}
	spc := len(c.SPC) > 0
	if spc {
		t.Head = append(t.Head, "SPC")
		t.Numeric = append(t.Numeric, false)
	}
	for i, pt := range in.Chart {
		rw := row{Head: cell{Text: present.Label(pt.Period)}, Cells: []cell{{Text: present.PointValue(in, pt).Text}}}
		if activity {
			rw.Cells = append(rw.Cells, cell{Text: present.RangeText(in, pt.Lower, pt.Upper)})
		} else {
			rw.Cells = append(rw.Cells, cell{Text: present.Threshold(in, pt.Target).Text}, cell{Text: present.Threshold(in, pt.Floor).Text})
		}
		if spc {
			words := "–"
			if pt.Value != nil {
				words = present.SPCPointWords(marks[i])
			}
			rw.Cells = append(rw.Cells, cell{Text: words})
		}
		t.Rows = append(t.Rows, rw)
	}
	return t
}

// ids makes element ids from codes: letters, digits, hyphens and underscores kept, anything
// else spelled as its code point, and a number added when two codes come out the same.
type ids map[string]bool

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

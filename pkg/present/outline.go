package present

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Section ids of the report's fixed parts; a directorate's is "dir-" and its code, an
// indicator's "ind-" and its code (made safe for any format by ids.make).
const (
	IDContents    = "contents"
	IDKey         = "key"
	IDSummary     = "summary"
	IDCounts      = "summary-counts"
	IDByDir       = "summary-directorates"
	IDGrid        = "summary-history"
	IDRed         = "summary-red"
	IDStale       = "summary-stale"
	IDDataQuality = "summary-data-quality"
	directoratePx = "dir-"
	indicatorPx   = "ind-"
)

// HistoryColumns is how many quarters before the report quarter a directorate's table shows.
const HistoryColumns = 4

// summaryParts are the executive summary's sections after its narrative, in order. Each
// returns nil when it has nothing to show. A pack-level table goes here: one function and
// one line.
var summaryParts = []func(*outline) *Section{
	(*outline).counts,
	(*outline).byDirectorate,
	(*outline).grid,
	(*outline).reds,
	(*outline).stale,
	(*outline).mdc,
	(*outline).quartileGrid,
	(*outline).dataQuality,
}

// indicatorParts are an indicator's titled parts after its chart, in order; each returns
// nil when the indicator has nothing to say there.
var indicatorParts = []func(*report.Indicator) *Section{
	aboutPart,
	directionPart,
	projectionPart,
	comparisonPart,
	contextPart,
	actionsPart,
}

// outline is what building a document needs at hand: the report, the wording and the ids.
type outline struct {
	r     *report.Report
	t     *templates.Set
	indID map[*report.Indicator]string
	dirID map[string]string
}

// DocumentOf is r's document, worded by t (templates.Default() when nil). It fails only when
// one of the user's templates does; the error names the template.
func DocumentOf(r *report.Report, t *templates.Set) (*Document, error) {
	if t == nil {
		t = templates.Default()
	}
	o := &outline{r: r, t: t, indID: make(map[*report.Indicator]string, len(r.Indicators)), dirID: map[string]string{}}
	ids := ids{IDContents: true, IDKey: true, IDSummary: true, IDCounts: true, IDByDir: true, IDGrid: true, IDRed: true, IDStale: true, IDDataQuality: true}
	for _, d := range r.Directorates {
		o.dirID[d.Code] = ids.make(directoratePx, d.Code)
	}
	for i := range r.Indicators {
		o.indID[&r.Indicators[i]] = ids.make(indicatorPx, r.Indicators[i].Code)
	}

	doc := &Document{
		Lang:          r.Language,
		Author:        r.Organisation,
		Subject:       r.Title + ", " + PeriodLine(r),
		Keywords:      "performance, KPI, RAG, " + Label(r.Period),
		Marking:       markingOf(r),
		Cover:         coverOf(r),
		PageFoot:      r.Organisation + " · data as at " + AsAtWords(r),
		Colophon:      strings.TrimSpace(r.Organisation+" "+r.Title) + ", " + PeriodLine(r) + ". Data as at " + AsAtWords(r) + ". Made with qpr.",
		ContentsTitle: ContentsTitle,
	}
	if at, ok := AsAt(r); ok {
		doc.Date = at
	}
	if doc.Lang == "" {
		doc.Lang = "en-GB"
	}
	doc.Title = strings.TrimSpace(r.Organisation + " " + r.Title)
	if doc.Cover.Subtitle != "" {
		doc.Title += ": " + doc.Cover.Subtitle
	}
	doc.Title += ", " + Label(r.Period)
	doc.RunningHead = [2]string{r.Title, Label(r.Period)}
	if doc.Cover.Subtitle != "" {
		doc.RunningHead[0] = doc.Cover.Subtitle
	}

	key, err := o.key()
	if err != nil {
		return nil, err
	}
	summary, err := o.summary()
	if err != nil {
		return nil, err
	}
	doc.Sections = []*Section{key, summary}
	for i := range r.Directorates {
		s, err := o.directorate(&r.Directorates[i])
		if err != nil {
			return nil, err
		}
		doc.Sections = append(doc.Sections, s)
	}
	for _, s := range doc.Sections {
		doc.Contents = append(doc.Contents, s.entry())
	}
	return doc, nil
}

func coverOf(r *report.Report) Cover {
	c := Cover{
		Organisation: r.Organisation,
		Title:        r.Title,
		Period:       PeriodLine(r),
		AsAt:         "Data as at " + AsAtWords(r),
	}
	if r.Pack.Title != "" && r.Pack.Title != r.Title {
		c.Subtitle = r.Pack.Title
	}
	if s := r.Summary; s.KPIs > 0 {
		c.HeadlineIntro = Count(s.KPIs, "key performance indicator", "key performance indicators") + " this quarter:"
		for _, it := range []struct {
			s Status
			n int
		}{{Green, s.RAG.Green}, {Amber, s.RAG.Amber}, {Red, s.RAG.Red}} {
			c.Headline = append(c.Headline, Headline{Status: it.s, N: it.n, Text: "rated " + it.s.Word()})
		}
	}
	return c
}

// paragraphs are text's paragraphs (a blank line between them) as blocks.
func paragraphs(text string, role Role) []Block {
	var out []Block
	for _, p := range templates.Paragraphs(text) {
		out = append(out, &Paragraph{Text: p, Role: role})
	}
	return out
}

// key explains every mark, word and abbreviation the report uses, in key.tmpl's wording.
func (o *outline) key() (*Section, error) {
	s := &Section{ID: IDKey, Level: 1, Heading: KeyTitle, Outline: true, NewPage: true}
	data := KeyDataOf(o.r)
	var parts []*Section
	for _, g := range KeyGroups {
		list := &List{}
		for _, st := range g.Statuses {
			text, err := o.t.Key(string(st), data)
			if err != nil {
				return nil, err
			}
			list.Items = append(list.Items, ListItem{Mark: st, Text: strings.Join(templates.Paragraphs(text), " ")})
		}
		p := &Section{Level: 2, Heading: g.Title}
		p.SetBlocks(list)
		parts = append(parts, p)
	}
	for _, n := range KeyNotes {
		var blocks []Block
		for _, e := range n.Entries {
			text, err := o.t.Key(e, data)
			if err != nil {
				return nil, err
			}
			for _, b := range paragraphs(text, RoleBody) {
				b.(*Paragraph).ForShortForms = e == AbbreviationsEntry
				blocks = append(blocks, b)
			}
		}
		p := &Section{Level: 2, Heading: n.Title}
		p.SetBlocks(blocks...)
		parts = append(parts, p)
	}
	if p := compareKeyPart(o.r); p != nil {
		parts = append(parts, p)
	}
	s.SetParts(parts...)
	return s, nil
}

// summary is the executive summary: the narrative, then summaryParts.
func (o *outline) summary() (*Section, error) {
	s := &Section{ID: IDSummary, Level: 1, Heading: SummaryTitle, Outline: true, NewPage: true}
	text, err := o.t.Narrative(o.r)
	if err != nil {
		return nil, err
	}
	s.SetBlocks(paragraphs(text, RoleBody)...)
	var parts []*Section
	for _, part := range summaryParts {
		if p := part(o); p != nil {
			parts = append(parts, p)
		}
	}
	s.SetParts(parts...)
	return s, nil
}

// summarySection is a section of the executive summary in the contents.
func summarySection(id, heading string, blocks ...Block) *Section {
	s := &Section{ID: id, Level: 2, Heading: heading, Outline: true}
	s.SetBlocks(blocks...)
	return s
}

func (o *outline) counts() *Section {
	r := o.r
	this, prev := Label(r.Period), Label(r.PreviousPeriod)
	var blocks []Block
	for i, ct := range CountTables(r.Summary) {
		t := &Table{ID: fmt.Sprintf("counts-%d", i+1), Caption: ct.Heading + ": " + this + " against " + prev, RowHeads: 1,
			Columns: []Column{{Head: ct.Heading}, {Head: this, Numeric: true}, {Head: prev, Numeric: true}, {Head: "Change", Numeric: true}}}
		for _, l := range ct.Shown() {
			t.Rows = append(t.Rows, Row{Cells: []Cell{StatusCell(l.Status), CountCell(l.Now), CountCell(l.Prev), TextCell(Change(l.Now, l.Prev))}})
		}
		blocks = append(blocks, t)
	}
	return summarySection(IDCounts, CountsTitle, blocks...)
}

func (o *outline) byDirectorate() *Section {
	r := o.r
	t := &Table{ID: "by-directorate", Caption: ByDirectorateTitle + ", " + Label(r.Period), RowHeads: 1,
		Columns: []Column{{Head: "Directorate"}, {Head: "KPIs", Numeric: true}}}
	for _, s := range []Status{Green, Amber, Red, NotRated, NoData, Improving, Stable, Worsening, Insufficient} {
		t.Columns = append(t.Columns, Column{Head: s.Word(), Numeric: true})
	}
	counts := func(head Cell, kpis int, rag report.RAGCounts, tr report.TrendCounts) []Cell {
		out := []Cell{head}
		for _, n := range []int{kpis, rag.Green, rag.Amber, rag.Red, rag.NotRated, rag.NoData, tr.Improving, tr.Stable, tr.Worsening, tr.Insufficient} {
			out = append(out, CountCell(n))
		}
		return out
	}
	for _, d := range r.Directorates {
		head := TextCell(d.Name)
		head.Link = o.dirID[d.Code]
		t.Rows = append(t.Rows, Row{Cells: counts(head, d.KPIs, d.RAG, d.Trend)})
	}
	s := r.Summary
	t.Rows = append(t.Rows, Row{Cells: counts(TextCell(AllDirectorates), s.KPIs, s.RAG, s.Trend), Total: true})
	return summarySection(IDByDir, ByDirectorateTitle, t)
}

// gridCell is a history quarter's cell: the status and word, a stale or part-quarter note
// beneath, and the short form "G*" for narrow columns.
func gridCell(c GridCell) Cell {
	cell := StatusCell(c.Status)
	cell.Note = c.Note()
	cell.Short = c.Status.Short() + c.ShortNote()
	return cell
}

// indicatorCell is a row's head naming an indicator, linked to its section.
func (o *outline) indicatorCell(in *report.Indicator) Cell {
	c := TextCell(in.Code + " " + in.Name)
	c.Link = o.indID[in]
	return c
}

// grid is every indicator's rating in each history quarter, grouped by directorate; the
// table, a row per indicator, is made when an edition comes to it.
func (o *outline) grid() *Section {
	r := o.r
	if len(r.HistoryPeriods) == 0 || len(r.Indicators) == 0 {
		return summarySection(IDGrid, GridTitle, &Paragraph{Text: NoHistoryText, Role: RoleAbsent})
	}
	s := summarySection(IDGrid, GridTitle)
	s.blocks = func(yield func(Block) bool) {
		t := &Table{ID: "history-grid", Caption: GridTitle + ", by directorate", RowHeads: 1, Columns: []Column{{Head: "Indicator"}}}
		for _, p := range r.HistoryPeriods {
			t.Columns = append(t.Columns, Column{Head: Label(p)})
		}
		for _, d := range r.Directorates {
			group := IndicatorsOf(r, d.Code)
			if len(group) == 0 {
				continue
			}
			t.Rows = append(t.Rows, Row{Group: d.Name})
			for _, in := range group {
				row := Row{Cells: []Cell{o.indicatorCell(in)}}
				for _, c := range HistoryCells(r, in) {
					row.Cells = append(row.Cells, gridCell(c))
				}
				t.Rows = append(t.Rows, row)
			}
		}
		yield(t)
	}
	return s
}

func (o *outline) reds() *Section {
	reds := RedKPIs(o.r)
	if len(reds) == 0 {
		return nil
	}
	s := summarySection(IDRed, RedTitle)
	var items []*Section
	for _, in := range reds {
		item := &Section{Kind: KindItem, Level: 3, Code: in.Code, Heading: in.Name, Mark: Red, Link: o.indID[in]}
		blocks := []Block{&Paragraph{Text: RedLine(in)}}
		if actions := Actions(in); actions != "" {
			blocks = append(blocks, &Paragraph{Text: ActionsHeading, Role: RoleLabel})
			blocks = append(blocks, paragraphs(actions, RoleBody)...)
		} else {
			blocks = append(blocks, &Paragraph{Text: NoActionText, Role: RoleAbsent})
		}
		item.SetBlocks(blocks...)
		items = append(items, item)
	}
	s.SetParts(items...)
	return s
}

func (o *outline) stale() *Section {
	r := o.r
	list := StaleOrPartial(r)
	if len(list) == 0 {
		return nil
	}
	t := &Table{ID: "stale", Caption: StaleTitle + ", " + Label(r.Period), RowHeads: 1,
		Columns: []Column{{Head: "Indicator"}, {Head: "Value", Numeric: true}, {Head: "Value is for"}, {Head: "Note"}}}
	for _, in := range list {
		from := TextCell("–")
		if in.ValuePeriod != nil {
			from = PeriodCell(*in.ValuePeriod)
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{o.indicatorCell(in), ValueCell(Value(in)), from, TextCell(ValueNote(r, in))}})
	}
	return summarySection(IDStale, StaleTitle, t)
}

// directorate is a directorate's section: its narrative and tables, then one section per
// indicator, each made when an edition comes to it.
func (o *outline) directorate(d *report.Directorate) (*Section, error) {
	s := &Section{ID: o.dirID[d.Code], Level: 1, Heading: d.Name, Outline: true, NewPage: true}
	text, err := o.t.DirectorateNarrative(d)
	if err != nil {
		return nil, err
	}
	narrative := paragraphs(text, RoleBody)
	code, name := d.Code, d.Name
	s.blocks = func(yield func(Block) bool) {
		for _, b := range narrative {
			if !yield(b) {
				return
			}
		}
		list := IndicatorsOf(o.r, code)
		if len(list) == 0 {
			yield(&Paragraph{Text: NoIndicatorsText, Role: RoleAbsent})
			return
		}
		for _, t := range o.directorateTables(s.ID, name, list) {
			if !yield(t) {
				return
			}
		}
	}
	s.parts = func(yield func(*Section) bool) {
		for _, in := range IndicatorsOf(o.r, code) {
			if !yield(o.indicator(in)) {
				return
			}
		}
	}
	for _, in := range IndicatorsOf(o.r, code) {
		s.outline = append(s.outline, Entry{ID: o.indID[in], Title: in.Code + " " + in.Name, Level: 2, Minor: true})
	}
	return s, nil
}

// directorateTables are a directorate's KPIs, then its activity indicators in a table of
// their own whose expected range has its own heading.
func (o *outline) directorateTables(id, name string, list []*report.Indicator) []*Table {
	var kpis, activity []*report.Indicator
	for _, in := range list {
		if IsActivity(in) {
			activity = append(activity, in)
		} else {
			kpis = append(kpis, in)
		}
	}
	var out []*Table
	if len(kpis) > 0 {
		out = append(out, o.directorateTable(id+"-kpis", name, kpis, false))
	}
	if len(activity) > 0 {
		out = append(out, o.directorateTable(id+"-activity", name, activity, true))
	}
	return out
}

// directorateTable lists indicators with their value, basis, thresholds, status, direction
// and the HistoryColumns quarters before this one.
func (o *outline) directorateTable(id, name string, list []*report.Indicator, activity bool) *Table {
	r := o.r
	prev := EarlierPeriods(r)
	if len(prev) > HistoryColumns {
		prev = prev[len(prev)-HistoryColumns:]
	}
	kind, first := "KPIs", "Indicator"
	if activity {
		kind, first = "activity indicators", "Activity indicator"
	}
	t := &Table{ID: id, Caption: name + ": " + kind + ", " + Label(r.Period), RowHeads: 1,
		Columns: []Column{{Head: first}, {Head: "Value", Numeric: true}, {Head: BasisHeading, Centred: true}}}
	for _, h := range ThresholdHeadings(activity) {
		t.Columns = append(t.Columns, Column{Head: h, Numeric: true})
	}
	t.Columns = append(t.Columns, Column{Head: StatusHeading(activity)}, Column{Head: DirectionHeading})
	for _, p := range prev {
		top, bottom := ShortLines(p)
		t.Columns = append(t.Columns, Column{Head: Label(p), ShortHead: top + "\n" + bottom, Centred: true})
	}
	withComparison := anyCompared(list) // compare_document.go
	if withComparison {
		t.Columns = append(t.Columns, Column{Head: ComparisonHeading})
	}
	for _, in := range list {
		value := ValueCell(Value(in))
		value.Note = ValueQualifier(in)
		value.Mark = ValueMark(in)
		cells := []Cell{o.indicatorCell(in), value, TextCell(Basis(in))}
		if activity {
			cells = append(cells, TextCell(ExpectedRange(in)))
		} else {
			cells = append(cells, ValueCell(Threshold(in, in.Target)), ValueCell(Threshold(in, in.Floor)))
		}
		cells = append(cells, StatusCell(StatusOf(in)), StatusCell(DirectionOf(in)))
		for _, p := range prev {
			c := gridCell(HistoryCell(r, in, p))
			if revisedIn(in, p) {
				c.Mark = RevisedMark
			}
			cells = append(cells, c)
		}
		if withComparison {
			cells = append(cells, TextCell(ComparisonCell(in)))
		}
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	return t
}

// indicator is one indicator's section: its statuses, facts, description, chart and notes,
// then indicatorParts.
func (o *outline) indicator(in *report.Indicator) *Section {
	id := o.indID[in]
	s := &Section{ID: id, Kind: KindIndicator, Level: 2, Code: in.Code, Heading: in.Name, Outline: true}
	blocks := []Block{
		&StatusLine{Items: []LabelledStatus{{StatusLabel(in), StatusOf(in)}, {DirectionHeading, DirectionOf(in)}}},
		&Paragraph{Text: FactsLine(in), Role: RoleFacts},
	}
	if in.Description != "" {
		blocks = append(blocks, &Paragraph{Text: in.Description, Role: RoleDescription})
	}
	if c := ChartOf(in); c.Empty {
		blocks = append(blocks, &Paragraph{Text: c.EmptyText, Role: RoleAbsent})
	} else {
		blocks = append(blocks, figureOf(in, c, id))
	}
	if notes := indicatorNotes(in); len(notes) > 0 {
		blocks = append(blocks, &Notes{Items: notes})
	}
	s.SetBlocks(blocks...)
	var parts []*Section
	for _, part := range indicatorParts {
		if p := part(in); p != nil {
			parts = append(parts, p)
		}
	}
	s.SetParts(parts...)
	return s
}

// titledPart is an indicator's part under its own heading, nil when text is empty.
func titledPart(heading, text string) *Section {
	blocks := paragraphs(text, RoleBody)
	if len(blocks) == 0 {
		return nil
	}
	s := &Section{Level: 3, Heading: heading}
	s.SetBlocks(blocks...)
	return s
}

func directionPart(in *report.Indicator) *Section {
	if in.Trend == nil {
		return nil
	}
	return titledPart(DirectionHeading, in.Trend.Sentence)
}

func projectionPart(in *report.Indicator) *Section {
	s := ProjectionSentence(in)
	if s == "" {
		return nil
	}
	p := &Section{Level: 3, Heading: ProjectionHeading}
	p.SetBlocks(&Paragraph{Text: s})
	return p
}

func contextPart(in *report.Indicator) *Section {
	if in.Commentary == nil {
		return nil
	}
	return titledPart(ContextHeading, in.Commentary.Context)
}

func actionsPart(in *report.Indicator) *Section {
	if in.Commentary == nil {
		return nil
	}
	return titledPart(ActionsHeading, in.Commentary.Actions)
}

// figureOf is an indicator's chart with its text alternative and its figures as a table.
func figureOf(in *report.Indicator, c Chart, id string) *Figure {
	return &Figure{ID: id + "-chart", Chart: c, DataTitle: in.Code + ": the chart's figures as a table",
		alt:  func() (string, string) { return chartText(in, c) },
		data: func() *Table { return chartData(in, c, id) }}
}

// chartText is the chart's accessible name and description: what it shows over which
// periods, what is drawn, the latest value against its thresholds with its status, and the
// direction-of-travel sentence.
func chartText(in *report.Indicator, c Chart) (string, string) {
	noun := strings.ToLower(ValueNoun(in))
	first, last := Label(in.Chart[0].Period), Label(in.Chart[len(in.Chart)-1].Period)
	title := fmt.Sprintf("Chart of %s %s, %s by %s, %s to %s", in.Code, in.Name, noun, noun, first, last)
	var drawn []string
	for _, l := range c.Legend {
		drawn = append(drawn, l.Label)
	}
	desc := "Drawn: " + strings.Join(drawn, "; ") + ". Latest value " + Value(in).Text
	if IsActivity(in) {
		desc += ", " + strings.ToLower(ExpectedHeading) + " " + ExpectedRange(in)
	} else if t := AgainstThresholds(in, in.Target, in.Floor); t != "" {
		desc += " " + t
	}
	if in.ValuePeriod != nil {
		desc += " (" + Label(*in.ValuePeriod) + ")"
	}
	desc += ". " + StatusLabel(in) + ": " + StatusOf(in).Word() + "."
	if in.Trend != nil && in.Trend.Sentence != "" {
		desc += " " + strings.Join(templates.Paragraphs(in.Trend.Sentence), " ")
	}
	if e := EventsSentence(c); e != "" {
		desc += " " + e
	}
	return title, desc
}

// chartData is the chart's figures as a table: one row per charted period, with the
// thresholds that applied then, and for an SPC chart each point's type.
func chartData(in *report.Indicator, c Chart, id string) *Table {
	activity := IsActivity(in)
	t := &Table{ID: id + "-data", Caption: in.Code + ": the figures in the chart", RowHeads: 1,
		Columns: []Column{{Head: ValueNoun(in)}, {Head: "Value", Numeric: true}}}
	for _, h := range ThresholdHeadings(activity) {
		t.Columns = append(t.Columns, Column{Head: h, Numeric: true})
	}
	marks := map[int]Mark{}
	for _, p := range c.Points {
		marks[int(p.Slot)] = p.Mark
	}
	spc := len(c.SPC) > 0
	if spc {
		t.Columns = append(t.Columns, Column{Head: "SPC"})
	}
	events := map[int][]string{}
	for _, e := range c.Events {
		events[int(e.Slot)] = append(events[int(e.Slot)], EventName(e))
	}
	if len(events) > 0 {
		t.Columns = append(t.Columns, Column{Head: EventHeadings[0]})
	}
	t.Rows = make([]Row, 0, len(in.Chart))
	for i, pt := range in.Chart {
		row := Row{Cells: make([]Cell, 0, len(t.Columns))}
		row.Cells = append(row.Cells, PeriodCell(pt.Period), ValueCell(PointValue(in, pt)))
		if activity {
			row.Cells = append(row.Cells, TextCell(RangeText(in, pt.Lower, pt.Upper)))
		} else {
			row.Cells = append(row.Cells, ValueCell(Threshold(in, pt.Target)), ValueCell(Threshold(in, pt.Floor)))
		}
		if spc {
			words := "–"
			if pt.Value != nil {
				words = SPCPointWords(marks[i])
			}
			row.Cells = append(row.Cells, TextCell(words))
		}
		if len(events) > 0 {
			words := "–"
			if list := events[i]; len(list) > 0 {
				words = strings.Join(list, "; ")
			}
			row.Cells = append(row.Cells, TextCell(words))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// ids makes section ids from codes: letters, digits, hyphens and underscores kept, anything
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

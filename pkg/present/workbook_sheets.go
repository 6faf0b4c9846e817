package present

import (
	"strings"
	"time"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// contentsEntry is one line of the Cover's contents: a sheet and what it holds.
type contentsEntry struct{ sheet, holds string }

// contents lists every sheet in order with what it holds, for the Cover.
func (b *workbookBuilder) contents() []contentsEntry {
	r := b.r
	summary := "The executive summary: the counts of ratings, directions of travel and activity statuses against the previous quarter."
	if len(RedKPIs(r)) > 0 {
		summary = strings.TrimSuffix(summary, ".") + ", and the KPIs rated Red with the management action being taken."
	}
	list := []contentsEntry{
		{CoverSheet, "This sheet: what these statistics are, their period, date and source, the shorthand used, and this list of sheets."},
		{NotesSheet, "Notes explaining the ratings, activity statuses, directions of travel, how values are shown, stale and part-quarter values, the rating grid, the shorthand and the basis codes."},
		{SummarySheet, summary},
		{DirectoratesSheet, "Counts of ratings, directions of travel and activity statuses for each directorate, with a link to its sheet."},
	}
	for _, g := range b.groups {
		list = append(list, contentsEntry{g.sheet, DirectorateTitle(g.directorate) + ": each indicator's value, thresholds, rating, direction of travel, recent ratings and commentary."})
	}
	if e, ok := b.comparatorsEntry(); ok {
		list = append(list, e)
	}
	list = append(list, contentsEntry{HistorySheet, "Every indicator's value and rating in each quarter of the history, " + PeriodSpan(r.HistoryPeriods) + "."})
	list = append(list, b.meaningContents(len(MDCSummary(r)) > 0)...)
	return append(list,
		contentsEntry{DataSheet, "The long table for filtering and pivot tables: one row per indicator per quarter, in the codes of qpr's JSON output."},
	)
}

// PeriodSpan is "2022/23 Q3 to 2023/24 Q3" ("none" for no periods).
func PeriodSpan(periods []report.Period) string {
	switch len(periods) {
	case 0:
		return "none"
	case 1:
		return Label(periods[0])
	}
	return Label(periods[0]) + " to " + Label(periods[len(periods)-1])
}

const (
	coverLabelWidth = 26.0
	coverTextWidth  = 100.0
)

// cover is the sheet a reader opens on: the title, what the statistics are (period, date,
// source, shorthand) and the contents, each sheet linked, as two tables.
func (b *workbookBuilder) cover(asAt time.Time, contents []contentsEntry) Sheet {
	r := b.r
	item := func(s string) SheetCell { return SheetCell{Kind: Text, Text: s, Bold: true} }
	about := [][]SheetCell{
		{item("Title"), textCell(ReportTitle(r))},
		{item("Organisation"), orText(r.Organisation, true)},
		{item("Pack"), orText(packName(r.Pack), true)},
		{item("Period covered"), textCell(periodCovered(r))},
		{item("Data as at"), {Kind: Date, Date: asAt}},
		{item("Source"), textCell(source(r))},
		{item("Shorthand"), textCell(shorthandText)},
		{item("Notes"), textCell("The Notes sheet explains the ratings, statuses, directions of travel and the way values are shown; other sheets refer to its notes as [note 1], [note 2] and so on.")},
	}
	about = append(about, coverReturnRows(r)...)
	list := make([][]SheetCell, len(contents))
	for i, e := range contents {
		list[i] = []SheetCell{{Kind: Text, Text: e.sheet, Link: e.sheet}, textCell(e.holds)}
	}
	return Sheet{
		Name:  CoverSheet,
		Title: ReportTitle(r) + ", " + Label(r.Period),
		Lines: []string{
			strings.TrimSpace(r.Organisation + ": performance indicators for " + Label(r.Period) + ", with their ratings, direction of travel, history and commentary."),
			"This worksheet contains two tables: about these statistics, and the contents of the workbook.",
		},
		Widths: []float64{coverLabelWidth, coverTextWidth},
		Parts: []Part{
			{Heading: "About these statistics", Table: b.newTable("Cover_about", "", []SheetColumn{
				{Header: "Item", Width: coverLabelWidth, Wrap: true}, {Header: "Details", Width: coverTextWidth, Wrap: true}}, about)},
			{Heading: "Contents", Table: b.newTable("Contents", "", []SheetColumn{
				{Header: "Sheet", Width: coverLabelWidth, Links: true}, {Header: "What it holds", Width: coverTextWidth, Wrap: true}}, list)},
		},
	}
}

// ReportTitle is the report's title, else its pack's.
func ReportTitle(r *report.Report) string {
	if r.Title != "" {
		return r.Title
	}
	if r.Pack.Title != "" {
		return r.Pack.Title
	}
	return "Quarterly Performance Report"
}

func packName(p report.PackRef) string {
	switch {
	case p.Title != "" && p.ID != "":
		return p.Title + " (" + p.ID + ")"
	case p.Title != "":
		return p.Title
	default:
		return p.ID
	}
}

// periodCovered is "2023/24 Q3: October to December 2023, compared with 2023/24 Q2."
func periodCovered(r *report.Report) string {
	s := Label(r.Period)
	if months := MonthsCovered(r); months != "" {
		s += ": " + months
	}
	if !r.PreviousPeriod.IsZero() {
		s += ", compared with the previous quarter, " + Label(r.PreviousPeriod)
	}
	return s + "."
}

// source says where the figures come from, in the terms of the tool's inputs.
func source(r *report.Report) string {
	org := r.Organisation
	if org == "" {
		return "Figures returned each quarter by the organisation's services; targets, floors and expected ranges from its indicator catalogue. Compiled with qpr."
	}
	return "Figures returned each quarter by " + org + "'s services; targets, floors and expected ranges from " + org + "'s indicator catalogue. Compiled with qpr."
}

// The Summary's column A holds the narrative's paragraphs, wrapped, and the first column of
// each table below them (the status, or the indicator's name).
const (
	summaryTextWidth = 60.0
	countWidth       = 16.0
	actionWidth      = 60.0
)

// summary is the executive summary: the narrative, a paragraph a row (none when the
// narrative is blank, as in every format), then the comparison tables and the red KPIs.
func (b *workbookBuilder) summary(narrative []string) Sheet {
	r := b.r
	reds := RedKPIs(r)
	tables := "three tables: the KPIs' ratings, their direction of travel and the activity indicators against their expected range"
	if len(reds) > 0 {
		tables = "four tables: the KPIs' ratings, their direction of travel, the activity indicators against their expected range, and the KPIs rated Red with the management action being taken"
	}
	s := r.Summary
	parts := []Part{
		b.comparison("Ratings of KPIs "+noteRef(noteRatings), "Rating", "Summary_ratings", []CountLine{
			{Status: Green, Now: s.RAG.Green, Prev: s.RAGPrevious.Green},
			{Status: Amber, Now: s.RAG.Amber, Prev: s.RAGPrevious.Amber},
			{Status: Red, Now: s.RAG.Red, Prev: s.RAGPrevious.Red},
			{Status: NotRated, Now: s.RAG.NotRated, Prev: s.RAGPrevious.NotRated},
			{Status: NoData, Now: s.RAG.NoData, Prev: s.RAGPrevious.NoData},
		}, true),
		b.comparison(withNote(DirectionHeading+" of KPIs", noteDirection), DirectionHeading, "Summary_direction", []CountLine{
			{Status: Improving, Now: s.Trend.Improving, Prev: s.TrendPrevious.Improving},
			{Status: Stable, Now: s.Trend.Stable, Prev: s.TrendPrevious.Stable},
			{Status: Worsening, Now: s.Trend.Worsening, Prev: s.TrendPrevious.Worsening},
			{Status: Insufficient, Now: s.Trend.Insufficient, Prev: s.TrendPrevious.Insufficient},
		}, false),
		b.comparison("Activity indicators against their expected range "+noteRef(noteActivity), "Status", "Summary_activity", []CountLine{
			{Status: Above, Now: s.Activity.Above, Prev: s.ActivityPrevious.Above},
			{Status: Within, Now: s.Activity.Within, Prev: s.ActivityPrevious.Within},
			{Status: Below, Now: s.Activity.Below, Prev: s.ActivityPrevious.Below},
			{Status: NotRated, Now: s.Activity.NotRated, Prev: s.ActivityPrevious.NotRated},
			{Status: NoData, Now: s.Activity.NoData, Prev: s.ActivityPrevious.NoData},
		}, true),
	}
	if len(reds) > 0 {
		parts = append(parts, b.redTable(reds))
	}
	lines := append([]string{"This worksheet contains the executive summary and " + tables + ". Counts by directorate are on the Directorates sheet."}, narrative...)
	return Sheet{
		Name:      SummarySheet,
		Title:     SummaryTitle + ", " + Label(r.Period),
		Lines:     lines,
		WrapLines: true,
		Widths:    []float64{summaryTextWidth, countWidth, countWidth, countWidth, countWidth, countWidth, countWidth, actionWidth},
		Parts:     parts,
	}
}

// comparison is a table of counts this quarter against the previous quarter, with a total;
// filled says whether each status's word is filled with its colour.
func (b *workbookBuilder) comparison(heading, first, name string, lines []CountLine, filled bool) Part {
	r := b.r
	previous := "Previous quarter"
	if !r.PreviousPeriod.IsZero() {
		previous += " (" + Label(r.PreviousPeriod) + ")"
	}
	cols := []SheetColumn{
		{Header: first, Width: summaryTextWidth, Wrap: true},
		{Header: "This quarter (" + Label(r.Period) + ")", Width: countWidth, Wrap: true, Numeric: true},
		{Header: previous, Width: countWidth, Wrap: true, Numeric: true},
		{Header: "Change", Width: countWidth, Numeric: true},
	}
	var rows [][]SheetCell
	now, prev := 0, 0
	for _, l := range lines {
		now += l.Now
		prev += l.Prev
		label := textCell(l.Status.Word())
		if filled {
			label.Status = l.Status
		}
		rows = append(rows, []SheetCell{label, countCell(l.Now), countCell(l.Prev), changeCell(l.Now - l.Prev)})
	}
	total := []SheetCell{textCell("Total"), countCell(now), countCell(prev), changeCell(now - prev)}
	for i := range total {
		total[i].Bold = true
	}
	rows = append(rows, total)
	return Part{Heading: heading, Table: b.newTable(name, "", cols, rows)}
}

// redTable lists the KPIs rated Red with the management action being taken: the list the
// narrative's closing sentence points to.
func (b *workbookBuilder) redTable(reds []*report.Indicator) Part {
	names := map[string]string{}
	for _, d := range b.r.Directorates {
		names[d.Code] = d.Name
	}
	cols := []SheetColumn{
		{Header: "Indicator", Width: summaryTextWidth, Wrap: true}, {Header: "Code", Width: countWidth}, {Header: "Directorate", Width: countWidth, Wrap: true},
		{Header: withNote("Value", noteValues), Width: countWidth, Numeric: true}, {Header: "Target", Width: countWidth, Numeric: true},
		{Header: "Floor", Width: countWidth, Numeric: true},
		{Header: withNote(DirectionHeading, noteDirection), Width: countWidth, Wrap: true}, {Header: ActionsHeading, Width: actionWidth, Wrap: true},
	}
	rows := make([][]SheetCell, len(reds))
	for i, in := range reds {
		directorate := names[in.Directorate]
		if directorate == "" {
			directorate = in.Directorate
		}
		action := NoActionText
		if a := strings.TrimSpace(Actions(in)); a != "" {
			action = strings.Join(templates.Paragraphs(a), "\n")
		}
		direction := markerCell(true)
		if in.Trend != nil {
			direction = textCell(DirectionOf(in).Word())
		}
		rows[i] = []SheetCell{
			orText(in.Name, true), orText(in.Code, true), orText(directorate, true),
			shownCell(Value(in), in.Unit, true), shownCell(Threshold(in, in.Target), in.Unit, true), shownCell(Threshold(in, in.Floor), in.Unit, true),
			direction, textCell(action),
		}
	}
	return Part{Heading: withNote(RedTitle, noteRatings), Table: b.newTable("Summary_red_KPIs", "", cols, rows)}
}

// directorateCountHeaders are the Directorates table's headers after the name and sheet.
var directorateCounts = []struct {
	header string
	fill   Status // a count above nought is filled with this status's colour
}{
	{"KPIs", ""}, {Green.Word(), Green}, {Amber.Word(), Amber}, {Red.Word(), Red}, {NotRated.Word(), NotRated}, {NoData.Word(), NoData},
	{Improving.Word(), ""}, {Stable.Word(), ""}, {Worsening.Word(), ""}, {Insufficient.Word(), ""},
	{"Activity indicators", ""}, {Above.Word(), Above}, {Within.Word(), Within}, {Below.Word(), Below},
}

// directorates is the counts by directorate, each linked to its own sheet, with a last row
// for all directorates together.
func (b *workbookBuilder) directorates() Sheet {
	r := b.r
	cols := []SheetColumn{{Header: "Directorate", Width: 38, Wrap: true}, {Header: "Sheet", Width: 14, Links: true}}
	for _, c := range directorateCounts {
		cols = append(cols, SheetColumn{Header: c.header, Width: 11, Wrap: true, Numeric: true})
	}
	counts := func(kpis int, rag report.RAGCounts, trend report.TrendCounts, activities int, act report.ActivityCounts) []SheetCell {
		ns := []int{kpis, rag.Green, rag.Amber, rag.Red, rag.NotRated, rag.NoData,
			trend.Improving, trend.Stable, trend.Worsening, trend.Insufficient,
			activities, act.Above, act.Within, act.Below}
		out := make([]SheetCell, len(ns))
		for i, n := range ns {
			out[i] = countCell(n)
			// A count is coloured only when it is not nought, so the eye goes to what is
			// there; the column's header says what the colour means.
			if n > 0 {
				out[i].Status = directorateCounts[i].fill
			}
		}
		return out
	}
	var rows [][]SheetCell
	for _, g := range b.groups {
		d := g.directorate
		name := d.Name
		if name == "" {
			name = d.Code
		}
		row := []SheetCell{textCell(name), {Kind: Text, Text: g.sheet, Link: g.sheet}}
		rows = append(rows, append(row, counts(d.KPIs, d.RAG, d.Trend, d.ActivityCount, d.Activity)...))
	}
	s := r.Summary
	total := append([]SheetCell{textCell(AllDirectorates), markerCell(false)}, counts(s.KPIs, s.RAG, s.Trend, s.ActivityCount, s.Activity)...)
	for i := range total {
		total[i].Bold = true
		total[i].Status = ""
	}
	rows = append(rows, total)
	return Sheet{
		Name:  DirectoratesSheet,
		Title: "Counts by directorate, " + Label(r.Period),
		Lines: []string{
			"This worksheet contains one table, one row per directorate with a link to its sheet: its KPIs by rating " + noteRef(noteRatings) +
				" and by direction of travel " + noteRef(noteDirection) + ", and its activity indicators by status " + noteRef(noteActivity) +
				". The last row counts all directorates together.",
		},
		Widths:     widths(cols),
		Parts:      []Part{{Table: b.newTable("Directorate_counts", "", cols, rows)}},
		FreezeCols: 1,
	}
}

// DirectorateTitle is "Name (CODE)", or whichever of the two the report has.
func DirectorateTitle(d report.Directorate) string {
	switch {
	case d.Name != "" && d.Code != "" && d.Name != d.Code:
		return d.Name + " (" + d.Code + ")"
	case d.Name != "":
		return d.Name
	default:
		return d.Code
	}
}

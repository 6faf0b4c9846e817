package present

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/benchmark"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

// Comparison is an indicator's position in one comparator group as every format shows it: the
// sentence under the indicator, the short form for a table's Comparison column, the quartile
// for the summary grid, and the group's chart with its figures.
type Comparison struct {
	GroupID  string
	Group    string // the group's name, "CIPFA nearest neighbours"
	Period   string // the comparators' period, "2022/23"; "" when there is none
	Sentence string
	Cell     string // "2nd of 16 (top quartile)", "3rd highest of 16", "–"
	Quartile int    // 1 = top, 4 = bottom; 0 when not ranked in quartiles
	Figure   GroupFigure
}

// ComparisonHeading heads the directorate tables' column of Cell.
const ComparisonHeading = "Comparison"

// minQuartileMembers is the fewest members with a figure for quartiles to mean anything:
// with three, the best of them would be "second quartile". The JSON keeps the contract's
// quartile; the words leave it out.
const minQuartileMembers = 4

// Comparisons are in's positions in its comparator groups, in the order its catalogue entry
// names them; nil when it is not compared.
func Comparisons(in *report.Indicator) []Comparison {
	var out []Comparison
	for i := range in.Benchmark {
		out = append(out, comparison(in, &in.Benchmark[i]))
	}
	return out
}

// ComparisonCell is the Comparison column's cell for in: its first group's short form, "–"
// when it is not compared.
func ComparisonCell(in *report.Indicator) string {
	if len(in.Benchmark) == 0 {
		return "–"
	}
	return cell(in, &in.Benchmark[0])
}

func comparison(in *report.Indicator, b *benchmark.Position) Comparison {
	c := Comparison{GroupID: b.Group, Group: b.GroupName, Cell: cell(in, b), Figure: groupChart(in, b)}
	if b.Period != nil {
		c.Period = *b.Period
	}
	if q := quartileOf(b); q > 0 {
		c.Quartile = q
	}
	c.Sentence = comparisonSentence(in, b)
	return c
}

// quartileOf is the quartile shown: none without a rank or with too few members.
func quartileOf(b *benchmark.Position) int {
	if b.Quartile == nil || b.Of < minQuartileMembers {
		return 0
	}
	return *b.Quartile
}

// QuartileWords names a quartile as the sentence and the grid do.
func QuartileWords(q int) string {
	switch q {
	case 1:
		return "top quartile"
	case 2:
		return "second quartile"
	case 3:
		return "third quartile"
	case 4:
		return "bottom quartile"
	}
	return "not in quartiles"
}

// Ordinal is 1st, 2nd, 3rd, 4th, 11th, 21st...
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// standing is "2nd", "joint 2nd" or "3rd highest": our place in words.
func standing(b *benchmark.Position) string {
	if b.Rank != nil {
		word := Ordinal(*b.Rank)
		if tied(b, *b.Rank) {
			word = "joint " + word
		}
		return word
	}
	if b.Place != nil {
		word := Ordinal(*b.Place)
		if *b.Place == 1 {
			return "highest"
		}
		return word + " highest"
	}
	return ""
}

// tied reports whether another member shares our rank.
func tied(b *benchmark.Position, rank int) bool {
	n := 0
	for _, a := range b.Areas {
		if a.Rank == rank {
			n++
		}
	}
	return n > 1
}

func cell(in *report.Indicator, b *benchmark.Position) string {
	switch {
	case b.Period == nil:
		return "No figures"
	case b.Value == nil:
		return "No figure for us"
	}
	s := standing(b) + " of " + strconv.Itoa(b.Of)
	if q := quartileOf(b); q > 0 {
		s += " (" + QuartileWords(q) + ")"
	}
	return s
}

// comparisonSentence is the sentence under an indicator: "2nd of 16 CIPFA nearest neighbours
// in 2022/23 (top quartile); 86% against a median of 84%. Up from 4th of 15 in 2021/22.
// Comparators 2022/23, ours 2023/24 Q2. No figure for Northshire."
func comparisonSentence(in *report.Indicator, b *benchmark.Position) string {
	if b.Period == nil {
		return fmt.Sprintf("No %s figures up to %s.", b.GroupName, b.OurPeriod)
	}
	places := comparePlaces(in, b)
	show := func(v float64) string { return Format(v, in.Unit, places) }
	var parts []string
	switch {
	case b.Value == nil:
		parts = append(parts, fmt.Sprintf("The %s figures for %s have none for us; their median is %s (%d with a figure).", b.GroupName, *b.Period, show(*b.Median), b.Of))
	default:
		head := fmt.Sprintf("%s of %d %s in %s", standing(b), b.Of, b.GroupName, *b.Period)
		if b.Rank == nil {
			head += " (not ranked: higher is neither better nor worse)"
		} else if q := quartileOf(b); q > 0 {
			head += " (" + QuartileWords(q) + ")"
		}
		parts = append(parts, fmt.Sprintf("%s; %s against a median of %s.", upperFirst(head), show(*b.Value), show(*b.Median)))
	}
	if m := movement(b); m != "" {
		parts = append(parts, m)
	}
	if b.Stale {
		parts = append(parts, fmt.Sprintf("Comparators %s, ours %s.", *b.Period, b.OurPeriod))
	}
	if m := missingWords(b); m != "" {
		parts = append(parts, m)
	}
	return strings.Join(parts, " ")
}

// movement is how our rank has moved since the comparators' previous period.
func movement(b *benchmark.Position) string {
	if b.Rank == nil || b.RankPrevious == nil || b.PeriodPrevious == nil || b.OfPrevious == nil {
		return ""
	}
	was := fmt.Sprintf("%s of %d in %s", Ordinal(*b.RankPrevious), *b.OfPrevious, *b.PeriodPrevious)
	switch {
	case *b.Rank < *b.RankPrevious:
		return "Up from " + was + "."
	case *b.Rank > *b.RankPrevious:
		return "Down from " + was + "."
	}
	return "The same rank as in " + *b.PeriodPrevious + " (" + was + ")."
}

// maxNamedMissing is how many members without a figure are named; more are counted.
const maxNamedMissing = 4

func missingWords(b *benchmark.Position) string {
	n := len(b.Missing)
	if n == 0 {
		return ""
	}
	if n > maxNamedMissing {
		return fmt.Sprintf("No figure for %d of the %d members.", n, b.Members)
	}
	var names []string
	for _, a := range b.Missing {
		names = append(names, a.Name)
	}
	return "No figure for " + joinOr(names) + "."
}

func joinOr(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// comparePlaces is the places a group's figures are shown to: the indicator's decimals, or
// more where two different values (members' or the median) would otherwise show the same, so
// that a shown figure never contradicts its rank or its gap to the median.
func comparePlaces(in *report.Indicator, b *benchmark.Position) int {
	values := make([]float64, 0, len(b.Areas)+1)
	for _, a := range b.Areas {
		values = append(values, a.Value)
	}
	if b.Median != nil {
		values = append(values, *b.Median) // ours against the median, too
	}
	slices.Sort(values)
	places := clamp(in.Decimals)
	for ; places < MaxPlaces; places++ {
		clash := false
		for i := 1; i < len(values); i++ {
			if values[i] != values[i-1] && Format(values[i], in.Unit, places) == Format(values[i-1], in.Unit, places) {
				clash = true
				break
			}
		}
		if !clash {
			break
		}
	}
	return places
}

// MarkUs is our own member's mark in a group's chart: the diamond, where every other member
// is a dot. Our member is told apart by that shape, by "us" under its place on the axis and
// by the legend's naming it, as well as by the mark's colour.
const MarkUs = MarkImprovement

// UsSuffix marks our member's name in a group's chart legend and figures.
const UsSuffix = " (us)"

// FiguresTable is a chart's figures as a table: a header row and the body.
type FiguresTable struct {
	Header []string
	Rows   [][]string
}

// GroupFigure is a comparator group's chart: a dot plot of the members' figures in rank order
// (best first; highest first without a polarity), described as ChartOf describes an
// indicator's chart so that every edition paints it as it paints those, with its title, text
// alternative and figures.
type GroupFigure struct {
	Chart   Chart
	Title   string
	Alt     string
	Figures FiguresTable
}

func groupChart(in *report.Indicator, b *benchmark.Position) GroupFigure {
	if b.Period == nil || len(b.Areas) == 0 {
		return GroupFigure{Chart: Chart{Empty: true, EmptyText: "No member of " + b.GroupName + " has a figure."}}
	}
	places := comparePlaces(in, b)
	ranked := b.Polarity != ""
	f := GroupFigure{Title: fmt.Sprintf("%s: %s, %s", in.Name, b.GroupName, *b.Period)}
	c := Chart{Slots: len(b.Areas), YTitle: AxisTitle(in.Unit)}
	if ranked {
		c.XTitle = "Rank, best first"
	} else {
		c.XTitle = "Place, highest first"
	}
	lo, hi := b.Areas[0].Value, b.Areas[0].Value
	for _, a := range b.Areas {
		lo, hi = math.Min(lo, a.Value), math.Max(hi, a.Value)
	}
	c.Axis = groupAxis(lo, hi, in.Unit)
	f.Figures.Header = []string{"Rank", "Area", "Value"}
	if !ranked {
		f.Figures.Header[0] = "Place"
	}
	usName := ""
	for i, a := range b.Areas {
		rank := strconv.Itoa(a.Rank)
		if tied(b, a.Rank) {
			rank += "="
		}
		label := AxisLabel{Slot: i, Top: rank}
		pt := Point{Slot: float64(i), Value: a.Value, Mark: MarkDot}
		name := a.Name
		if a.Us {
			label.Bottom, label.Last = "us", true
			pt.Mark = MarkUs
			name += UsSuffix
			usName = name
		}
		c.Labels = append(c.Labels, label)
		c.Points = append(c.Points, pt)
		f.Figures.Rows = append(f.Figures.Rows, []string{rank, name, Format(a.Value, in.Unit, places)})
	}
	median := "Median " + Format(*b.Median, in.Unit, places)
	c.SPC = []SPCLines{{FirstSlot: 0, LastSlot: len(b.Areas) - 1, Mean: *b.Median}}
	c.Legend = []LegendEntry{{Kind: LegendSpecial, Mark: MarkDot, Label: "A member's figure"}}
	if usName != "" {
		c.Legend = append(c.Legend, LegendEntry{Kind: LegendSpecial, Mark: MarkUs, Label: usName})
	}
	c.Legend = append(c.Legend, LegendEntry{Kind: LegendMean, Label: median})
	f.Figures.Rows = append(f.Figures.Rows, []string{"", "Median", Format(*b.Median, in.Unit, places)})
	f.Chart = c
	f.Alt = groupAlt(in, b, places)
	return f
}

// groupAlt is the chart's text alternative: what it shows and where we are in it.
func groupAlt(in *report.Indicator, b *benchmark.Position, places int) string {
	order := "highest first"
	switch b.Polarity {
	case catalogue.Lower:
		order = "best (lowest) first"
	case catalogue.Higher:
		order = "best (highest) first"
	}
	first, last := b.Areas[0], b.Areas[len(b.Areas)-1]
	s := fmt.Sprintf("Dot plot of %s for the %d %s with a figure in %s, %s: from %s, %s, to %s, %s; median %s.",
		in.Name, b.Of, b.GroupName, *b.Period, order,
		first.Name, Format(first.Value, in.Unit, places), last.Name, Format(last.Value, in.Unit, places),
		Format(*b.Median, in.Unit, places))
	if b.Value != nil {
		s += fmt.Sprintf(" Ours, marked with a diamond and labelled us, is %s at %s.", standing(b), Format(*b.Value, in.Unit, places))
	}
	return s
}

// groupAxis is a value axis over the members' figures with round ticks.
func groupAxis(lo, hi float64, u catalogue.Unit) Axis {
	lo, hi, step := NiceScale(lo, hi)
	places := tickPlaces(step)
	a := Axis{Min: lo, Max: hi, Step: step}
	for i := 0; ; i++ {
		v := lo + float64(i)*step
		if v > hi+step/2 {
			break
		}
		a.Ticks = append(a.Ticks, Tick{Value: v, Label: TickLabel(v, u, places)})
	}
	return a
}

// CompareKeySentence is the key's sentence on comparisons, naming the groups, their sources
// and vintages; "" when nothing in the report is compared.
func CompareKeySentence(r *report.Report) string {
	type group struct {
		name    string
		periods []string
		sources []string
	}
	var groups []*group
	byID := map[string]*group{}
	for i := range r.Indicators {
		for _, b := range r.Indicators[i].Benchmark {
			g := byID[b.Group]
			if g == nil {
				g = &group{name: b.GroupName}
				byID[b.Group] = g
				groups = append(groups, g)
			}
			if b.Period != nil && !slices.Contains(g.periods, *b.Period) {
				g.periods = append(g.periods, *b.Period)
			}
			for _, s := range b.Sources {
				if !slices.Contains(g.sources, s) {
					g.sources = append(g.sources, s)
				}
			}
		}
	}
	if len(groups) == 0 {
		return ""
	}
	var parts []string
	for _, g := range groups {
		slices.Sort(g.periods)
		vintage := "no figures yet"
		if len(g.periods) > 0 {
			vintage = "figures for " + strings.Join(g.periods, ", ")
		}
		parts = append(parts, fmt.Sprintf("%s (%s; %s)", g.name, strings.Join(g.sources, ", "), vintage))
	}
	return "Comparisons with other councils are context, not a league table: councils differ in " +
		"size, need and how they count, and a rank says nothing of why. Rank 1 is the best in the " +
		"indicator's own better direction, tied councils share the better rank, quartiles run " +
		"from top (best quarter) to bottom, and the comparison may be of an earlier period than " +
		"our own figure, as each says. Compared with: " + strings.Join(parts, "; ") + "."
}

// QuartileGrid is the pack's summary of our rating against our quartile (after NHS England's
// performance grid): a row per rating, a column per quartile and one for indicators not placed
// in quartiles, each cell listing the KPIs there by code. Only KPIs with a benchmark are in it,
// placed by their first group; nil when no KPI is compared.
type QuartileGrid struct {
	Group   string   // the first group's name, when every KPI's first group is the same
	Columns []string // "Top quartile", ..., "Bottom quartile", "Not in quartiles"
	Rows    []QuartileGridRow
}

// QuartileGridRow is one rating's row.
type QuartileGridRow struct {
	Status Status
	Cells  [][]string // codes per column
}

// QuartileGridOf is r's rating-by-quartile grid.
func QuartileGridOf(r *report.Report) *QuartileGrid {
	statuses := []Status{Green, Amber, Red, NotRated, NoData}
	g := &QuartileGrid{}
	for q := 1; q <= 4; q++ {
		g.Columns = append(g.Columns, upperFirst(QuartileWords(q)))
	}
	g.Columns = append(g.Columns, upperFirst(QuartileWords(0)))
	rows := map[Status]*QuartileGridRow{}
	groups := map[string]bool{}
	any := false
	for i := range r.Indicators {
		in := &r.Indicators[i]
		if IsActivity(in) || len(in.Benchmark) == 0 {
			continue
		}
		any = true
		b := &in.Benchmark[0]
		groups[b.GroupName] = true
		st := StatusOf(in)
		row := rows[st]
		if row == nil {
			row = &QuartileGridRow{Status: st, Cells: make([][]string, len(g.Columns))}
			rows[st] = row
		}
		col := len(g.Columns) - 1
		if q := quartileOf(b); q > 0 && b.Value != nil {
			col = q - 1
		}
		row.Cells[col] = append(row.Cells[col], in.Code)
	}
	if !any {
		return nil
	}
	for _, st := range statuses {
		if row := rows[st]; row != nil {
			g.Rows = append(g.Rows, *row)
		}
	}
	if len(groups) == 1 {
		for name := range groups {
			g.Group = name
		}
	}
	return g
}

// QuartileGridTitle is the grid's heading.
const QuartileGridTitle = "Rating against comparator quartile"

// QuartileGridIntro is the sentence under the grid's heading.
func QuartileGridIntro(g *QuartileGrid) string {
	against := "each KPI's first comparator group"
	if g.Group != "" {
		against = g.Group
	}
	return "Each compared KPI by its rating this quarter and its quartile among " + against +
		". Green in the bottom quartile may mean a target set low; red in the top quartile, a target set high or a shared difficulty."
}

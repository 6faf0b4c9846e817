package present

import (
	"strings"

	"github.com/example/qpr/pkg/report"
)

// ComparatorsSheet is the workbook's sheet of comparisons with other councils, made when any
// indicator of the report is compared (catalogue benchmark:).
const ComparatorsSheet = "Comparators"

// compared reports whether any indicator of r has a comparison.
func compared(r *report.Report) bool {
	for i := range r.Indicators {
		if len(r.Indicators[i].Benchmark) > 0 {
			return true
		}
	}
	return false
}

// comparatorsEntry is the Cover's contents line for the Comparators sheet.
func (b *workbookBuilder) comparatorsEntry() (contentsEntry, bool) {
	if !compared(b.r) {
		return contentsEntry{}, false
	}
	return contentsEntry{ComparatorsSheet, "How compared indicators stand among their comparator groups: each position, every member's figure, and our rating against our quartile."}, true
}

// comparisonColumn is the directorate sheets' last column when the report compares anything.
func comparisonColumn() SheetColumn {
	return SheetColumn{Header: ComparisonHeading, Width: 26, Wrap: true}
}

// comparisonCellOf is an indicator's Comparison cell: its first group's position, or [z] when
// it is not compared.
func comparisonCellOf(in *report.Indicator) SheetCell {
	if len(in.Benchmark) == 0 {
		return markerCell(false)
	}
	return textCell(ComparisonCell(in))
}

// comparators is the Comparators sheet: the key's sentence on reading comparisons, then three
// tables: each indicator's position per group, every member's figure, and the rating grid.
func (b *workbookBuilder) comparators() (Sheet, bool) {
	r := b.r
	if !compared(r) {
		return Sheet{}, false
	}
	s := Sheet{
		Name:      ComparatorsSheet,
		Title:     "How we compare with similar councils, " + Label(r.Period),
		Lines:     []string{CompareKeySentence(r), "Blank cells are shown as " + NotAvailable + " or " + NotApplicable + " " + noteRef(noteShorthand) + "."},
		WrapLines: true,
		Widths:    []float64{10, 40, 26, 12, 12, 12, 9, 9, 14, 12, 12, 10, 30, 12, 12, 60},
	}
	s.Parts = append(s.Parts, b.positionsPart(), b.membersPart())
	if g := QuartileGridOf(r); g != nil {
		s.Parts = append(s.Parts, b.quartileGridPart(g))
	}
	return s, true
}

func (b *workbookBuilder) positionsPart() Part {
	cols := []SheetColumn{
		{Header: "Code", Width: 10}, {Header: "Indicator", Width: 40, Wrap: true}, {Header: "Comparator group", Width: 26, Wrap: true},
		{Header: "Comparator period", Width: 12}, {Header: "Our period", Width: 12},
		{Header: "Our value", Width: 12, Numeric: true}, {Header: "Rank", Width: 9, Numeric: true}, {Header: "Of", Width: 9, Numeric: true},
		{Header: "Quartile", Width: 14}, {Header: "Median", Width: 12, Numeric: true}, {Header: "Gap to median", Width: 12, Numeric: true},
		{Header: "Members", Width: 10, Numeric: true}, {Header: "Members without a figure", Width: 30, Wrap: true},
		{Header: "Previous rank", Width: 12, Numeric: true}, {Header: "Previous period", Width: 12},
		{Header: "Comparison", Width: 60, Wrap: true},
	}
	var rows [][]SheetCell
	for i := range b.r.Indicators {
		in := &b.r.Indicators[i]
		cs := Comparisons(in)
		for j := range in.Benchmark {
			p := &in.Benchmark[j]
			places := comparePlaces(in, p)
			measure := func(v *float64) SheetCell {
				if v == nil {
					return markerCell(true)
				}
				return shownCell(Shown{Value: *v, Places: places, OK: true}, in.Unit, true)
			}
			count := func(n *int, applies bool) SheetCell {
				if n == nil {
					return markerCell(applies)
				}
				return countCell(*n)
			}
			quartile := markerCell(p.Polarity != "")
			if q := quartileOf(p); q > 0 {
				quartile = textCell(upperFirst(QuartileWords(q)))
			}
			var missing []string
			for _, a := range p.Missing {
				missing = append(missing, a.Name)
			}
			period := markerCell(true)
			if p.Period != nil {
				period = textCell(*p.Period)
			}
			previous := markerCell(true)
			if p.PeriodPrevious != nil {
				previous = textCell(*p.PeriodPrevious)
			}
			rows = append(rows, []SheetCell{
				textCell(in.Code), orText(in.Name, true), textCell(p.GroupName), period, textCell(Label(b.r.Period)),
				measure(p.Value), count(p.Rank, p.Polarity != ""), countCell(p.Of), quartile, measure(p.Median), measure(p.Gap),
				countCell(p.Members), orNone(missing),
				count(p.RankPrevious, p.Polarity != ""), previous, textCell(cs[j].Sentence),
			})
		}
	}
	return Part{Heading: "Positions: each compared indicator in each of its groups", Table: b.newTable("Comparator_positions", "", cols, rows)}
}

func (b *workbookBuilder) membersPart() Part {
	cols := []SheetColumn{
		{Header: "Code", Width: 10}, {Header: "Comparator group", Width: 26, Wrap: true}, {Header: "Comparator period", Width: 12},
		{Header: "Rank", Width: 9, Numeric: true}, {Header: "Area code", Width: 12}, {Header: "Area", Width: 26, Wrap: true},
		{Header: "Value", Width: 12, Numeric: true}, {Header: "Us", Width: 9},
	}
	var rows [][]SheetCell
	for i := range b.r.Indicators {
		in := &b.r.Indicators[i]
		for j := range in.Benchmark {
			p := &in.Benchmark[j]
			if p.Period == nil {
				continue
			}
			places := comparePlaces(in, p)
			for _, a := range p.Areas {
				rows = append(rows, []SheetCell{
					textCell(in.Code), textCell(p.GroupName), textCell(*p.Period), countCell(a.Rank),
					textCell(a.Code), textCell(a.Name),
					shownCell(Shown{Value: a.Value, Places: places, OK: true}, in.Unit, true), boolCell(a.Us),
				})
			}
		}
	}
	if len(rows) == 0 {
		return Part{Heading: "Every member's figure", Sentence: "No comparator group has figures up to " + Label(b.r.Period) + "."}
	}
	return Part{Heading: "Every member's figure, best first (highest first for an indicator that is not ranked)", Table: b.newTable("Comparator_figures", "", cols, rows)}
}

func (b *workbookBuilder) quartileGridPart(g *QuartileGrid) Part {
	cols := []SheetColumn{{Header: "Rating", Width: 12}}
	for _, c := range g.Columns {
		cols = append(cols, SheetColumn{Header: c, Width: 14, Wrap: true})
	}
	var rows [][]SheetCell
	for _, row := range g.Rows {
		x := []SheetCell{statusCell(row.Status)}
		for _, codes := range row.Cells {
			if len(codes) == 0 {
				x = append(x, textCell("none"))
			} else {
				x = append(x, textCell(strings.Join(codes, ", ")))
			}
		}
		rows = append(rows, x)
	}
	return Part{Heading: QuartileGridTitle + ": " + QuartileGridIntro(g), Table: b.newTable("Rating_by_quartile", "", cols, rows)}
}

// orNone is the names listed, or "none".
func orNone(names []string) SheetCell {
	if len(names) == 0 {
		return textCell("none")
	}
	return textCell(strings.Join(names, ", "))
}

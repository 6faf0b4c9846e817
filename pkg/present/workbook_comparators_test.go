package present

import (
	"slices"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/benchmark"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

// comparedReport is a report of two KPIs, one compared (the good() position: joint 2nd of 4,
// second quartile) and one not.
func comparedReport(t *testing.T, withBenchmark bool) *report.Report {
	r := &report.Report{
		Title: "QPR", Pack: report.PackRef{ID: "qpr"}, Period: q(t, "2023/24 Q2"), AsAt: "2023-09-30", FileLabel: "2023-24-Q2",
		Directorates: []report.Directorate{{Code: "D", Name: "Directorate"}},
		Indicators: []report.Indicator{
			{Code: "GOOD", Name: "Good schools", Directorate: "D", Type: catalogue.KPI, Unit: catalogue.Percent, RAG: rating("green")},
			{Code: "OTHER", Name: "Other", Directorate: "D", Type: catalogue.KPI, Unit: catalogue.Percent, RAG: rating("red")},
		},
	}
	if withBenchmark {
		r.Indicators[0].Benchmark = []benchmark.Position{good()}
	}
	return r
}

func rowsOf(tb *SheetTable) [][]SheetCell {
	var out [][]SheetCell
	for row := range tb.Rows {
		out = append(out, slices.Clone(row))
	}
	return out
}

func TestWorkbookComparatorsSheet(t *testing.T) {
	wb, err := WorkbookOf(comparedReport(t, true), nil)
	if err != nil {
		t.Fatal(err)
	}
	var sheet *Sheet
	var names []string
	for i := range wb.Sheets {
		names = append(names, wb.Sheets[i].Name)
		if wb.Sheets[i].Name == ComparatorsSheet {
			sheet = &wb.Sheets[i]
		}
	}
	if sheet == nil {
		t.Fatalf("no %s sheet in %v", ComparatorsSheet, names)
	}
	if !strings.Contains(sheet.Lines[0], "context, not a league table") {
		t.Errorf("first line = %q", sheet.Lines[0])
	}
	positions := rowsOf(sheet.Parts[0].Table)
	if len(positions) != 1 {
		t.Fatalf("%d position rows", len(positions))
	}
	row := positions[0]
	// Code, indicator, group, period, ours; value 84, rank 2 of 4, second quartile, median 84,
	// gap 0, 6 members, two without a figure, rank 3 in 2021/22.
	got := []string{row[0].Text, row[2].Text, row[3].Text, row[4].Text, row[8].Text, row[12].Text, row[14].Text}
	want := []string{"GOOD", "CIPFA nearest neighbours", "2022/23", "2023/24 Q2", "Second quartile", "Westmoor, Midvale", "2021/22"}
	if !slices.Equal(got, want) {
		t.Errorf("position texts = %q, want %q", got, want)
	}
	nums := []float64{row[5].Number, row[6].Number, row[7].Number, row[9].Number, row[10].Number, row[11].Number, row[13].Number}
	if !slices.Equal(nums, []float64{84, 2, 4, 84, 0, 6, 3}) {
		t.Errorf("position figures = %v", nums)
	}
	members := rowsOf(sheet.Parts[1].Table)
	if len(members) != 4 || members[1][5].Text != "Example" || !members[1][7].Bool || members[1][3].Number != 2 {
		t.Errorf("members = %+v", members)
	}
	grid := rowsOf(sheet.Parts[2].Table)
	if len(grid) != 1 || grid[0][0].Text != "Green" || grid[0][2].Text != "GOOD" || grid[0][1].Text != "none" {
		t.Errorf("grid = %+v", grid)
	}
	// The directorate sheet gains a Comparison column: the position, or [z] when not compared.
	for _, s := range wb.Sheets {
		if s.Name != "D" {
			continue
		}
		tb := s.OneTable()
		if last := tb.Columns[len(tb.Columns)-1].Header; last != ComparisonHeading {
			t.Errorf("last column %q", last)
		}
		rows := rowsOf(tb)
		if a, b := rows[0][len(rows[0])-1].Text, rows[1][len(rows[1])-1].Text; a != "joint 2nd of 4 (second quartile)" || b != NotApplicable {
			t.Errorf("comparison cells %q and %q", a, b)
		}
	}
}

func TestWorkbookWithoutComparisonsIsUnchanged(t *testing.T) {
	wb, err := WorkbookOf(comparedReport(t, false), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range wb.Sheets {
		if s.Name == ComparatorsSheet {
			t.Errorf("a %s sheet for a report with nothing compared", ComparatorsSheet)
		}
		if tb := s.OneTable(); tb != nil && tb.Columns[len(tb.Columns)-1].Header == ComparisonHeading {
			t.Errorf("sheet %s has a Comparison column", s.Name)
		}
	}
}

package present

import (
	"strings"
	"testing"

	"github.com/example/qpr/pkg/report"

	"github.com/example/qpr/templates"
)

func TestFillTextTakesTheBetterContrast(t *testing.T) {
	st := templates.Default().Style()
	st.Colours.Amber = templates.Colour{R: 0xFF, G: 0xBF, B: 0x47} // a light amber
	if fill, text := FillColours(st, Amber); fill.Hex() != "#FFBF47" || text.Hex() != "#0B0C0C" {
		t.Errorf("light amber = %s on %s, want the dark text #0B0C0C on #FFBF47", text.Hex(), fill.Hex())
	}
	if _, text := FillColours(st, Green); text.Hex() != "#FFFFFF" {
		t.Errorf("green has text %s, want white", text.Hex())
	}
	// the activity statuses share the activity colour; not rated and no data are grey
	if fill, _ := FillColours(st, Within); fill != st.Colours.Activity {
		t.Errorf("within fill %s, want the activity colour", fill.Hex())
	}
	if fill, _ := FillColours(st, NoData); fill != st.Colours.Grey {
		t.Errorf("no data fill %s, want grey", fill.Hex())
	}
}

// The workbook's Change column shows a change of nought in the words every other format
// uses for it.
func TestNoChangeIsChangesWord(t *testing.T) {
	if Change(3, 3) != NoChange {
		t.Errorf("Change(3, 3) = %q, the workbook shows %q", Change(3, 3), NoChange)
	}
}

// cellsOf are a table's rows, copied (Rows may reuse its slice).
func cellsOf(tb *SheetTable) [][]SheetCell {
	var out [][]SheetCell
	for r := range tb.Rows {
		out = append(out, append([]SheetCell(nil), r...))
	}
	return out
}

func sheetNamed(t *testing.T, wb *Workbook, name string) *Sheet {
	t.Helper()
	for i := range wb.Sheets {
		if wb.Sheets[i].Name == name {
			return &wb.Sheets[i]
		}
	}
	t.Fatalf("no sheet %s", name)
	return nil
}

// The cell decisions every spreadsheet format paints: a reader's sheet holds a marker where
// the Data sheet (for pivot tables) holds a blank, stale and partial are true-or-false
// everywhere, a change of nought is a number shown "no change".
func TestWorkbookCells(t *testing.T) {
	period := q(t, "2023/24 Q3")
	within := activity("within")
	r := &report.Report{
		Title: "QPR", Period: period, PreviousPeriod: q(t, "2023/24 Q2"), AsAt: "2024-01-31",
		HistoryPeriods: []report.Period{period},
		Summary:        report.Summary{KPIs: 1, RAG: report.RAGCounts{Green: 1}, RAGPrevious: report.RAGCounts{Green: 1}},
		Directorates:   []report.Directorate{{Code: "CED", Name: "Chief Executive's"}},
		Indicators: []report.Indicator{
			{Code: "K1", Name: "A KPI", Directorate: "CED", Type: "kpi", Unit: "percent", Decimals: 1,
				Value: f(82.4), Target: f(85), RAG: rating("green"), Stale: true, ValuePeriod: ptr(q(t, "2023/24 Q2"))},
			{Code: "A1", Name: "An activity", Directorate: "CED", Type: "activity", Unit: "number",
				Activity: within, Expected: &report.Range{Lower: f(10), Upper: f(20)}},
		},
	}
	wb, err := WorkbookWith(r, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, " "); got != "Cover Notes Summary Directorates CED KPI_history Data" {
		t.Fatalf("sheets %s", got)
	}
	ced := cellsOf(sheetNamed(t, wb, "CED").OneTable())
	// K1: value 82.4 to one place; stale TRUE; target a number; no floor supplied: [x]; a KPI
	// has no expected range: [z]
	k1 := ced[0]
	if c := k1[2]; c.Kind != Number || c.Number != 82.4 || c.Format != (NumberFormat{Kind: MeasureNumber, Unit: "percent", Places: 1}) {
		t.Errorf("K1 value cell %+v", c)
	}
	if c := k1[6]; c.Kind != Bool || !c.Bool {
		t.Errorf("K1 stale cell %+v, want true", c)
	}
	if k1[9].Kind != Number || k1[10].Text != NotAvailable || k1[11].Text != NotApplicable {
		t.Errorf("K1 target, floor, lower = %+v %+v %+v", k1[9], k1[10], k1[11])
	}
	// A1: no value ([x]); target and floor do not apply ([z])
	a1 := ced[1]
	if a1[2].Text != NotAvailable || a1[9].Text != NotApplicable || a1[10].Text != NotApplicable {
		t.Errorf("A1 value, target, floor = %+v %+v %+v", a1[2], a1[9], a1[10])
	}
	data := cellsOf(sheetNamed(t, wb, DataSheet).OneTable())
	if len(data) != 2 {
		t.Fatalf("Data has %d rows, want 2 indicators x 1 quarter", len(data))
	}
	// On the Data sheet the same cells are blank, never markers.
	for _, row := range data {
		for i, c := range row {
			if c.Kind == Marker {
				t.Errorf("Data %s column %s holds a marker %q", row[0].Text, dataColumns[i].Header, c.Text)
			}
		}
	}
	if d := data[1]; d[3].Kind != Empty || d[7].Kind != Empty || d[9].Number != 10 || d[14].Text != "activity" {
		t.Errorf("A1 on Data: value %+v target %+v lower %+v type %+v", d[3], d[7], d[9], d[14])
	}
	if d := data[0]; d[11].Kind != Bool || !d[11].Bool || d[5].Text != "2023/24 Q2" {
		t.Errorf("K1 on Data: stale %+v value period %+v", d[11], d[5])
	}
	summary := sheetNamed(t, wb, SummarySheet)
	if len(summary.Lines) != 1 {
		t.Errorf("a blank narrative gave the Summary lines %q, want only the line about the sheet", summary.Lines)
	}
	green := cellsOf(summary.Parts[0].Table)[0]
	if green[0].Text != "Green" || green[0].Status != Green || green[3].Number != 0 || green[3].Format.Kind != ChangeNumber {
		t.Errorf("Summary's Green row %+v", green)
	}
	dirs := cellsOf(sheetNamed(t, wb, DirectoratesSheet).OneTable())
	if last := dirs[len(dirs)-1]; last[0].Text != AllDirectorates || !last[0].Bold {
		t.Errorf("Directorates' last row %+v, want %q in bold", last[0], AllDirectorates)
	}
}

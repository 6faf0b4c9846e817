package present

import "github.com/example/qpr/pkg/report"

// GridCell is one quarter of an indicator in the rating grid. The report quarter's cell
// shows the headline status, the one the summary counts; when that value is from an earlier
// quarter the cell is marked stale with the quarter it is from. Earlier quarters show each
// quarter's own actual value and rating (the JSON history).
type GridCell struct {
	Period  report.Period
	Status  Status
	Value   Shown
	Stale   bool
	From    report.Period // the quarter a stale value is from
	Partial bool
}

// Note is the cell's qualifier, shown after or beneath its status: "from 2023/24 Q1" for a
// stale headline, "part quarter" for a part quarter, "" otherwise. The key explains both.
func (c GridCell) Note() string {
	switch {
	case c.Stale && !c.From.IsZero():
		return "from " + Label(c.From)
	case c.Stale:
		return "from an earlier quarter"
	case c.Partial:
		return "part quarter"
	}
	return ""
}

// Text is the cell's status word with its note in brackets: "Red (from 2023/24 Q1)".
func (c GridCell) Text() string {
	if n := c.Note(); n != "" {
		return c.Status.Word() + " (" + n + ")"
	}
	return c.Status.Word()
}

// ShortNote is the note for the narrowest columns: "*" for a stale headline, "p" for a part
// quarter; the key explains both.
func (c GridCell) ShortNote() string {
	switch {
	case c.Stale:
		return "*"
	case c.Partial:
		return "p"
	}
	return ""
}

// HistoryCells are in's cells for each of the report's history quarters, oldest first.
func HistoryCells(r *report.Report, in *report.Indicator) []GridCell {
	cells := make([]GridCell, 0, len(r.HistoryPeriods))
	for _, p := range r.HistoryPeriods {
		cells = append(cells, HistoryCell(r, in, p))
	}
	return cells
}

// HistoryCell is in's cell for quarter p of the grid.
func HistoryCell(r *report.Report, in *report.Indicator, p report.Period) GridCell {
	if p == r.Period {
		c := GridCell{Period: p, Status: StatusOf(in), Value: Value(in), Stale: in.Stale, Partial: in.Partial}
		if in.Stale && in.ValuePeriod != nil {
			c.From = *in.ValuePeriod
		}
		return c
	}
	for i := range in.History {
		if h := &in.History[i]; h.Period == p {
			return GridCell{Period: p, Status: historyStatus(h), Value: HistoryValue(in, h), Partial: h.Partial}
		}
	}
	return GridCell{Period: p, Status: NoData, Value: Shown{Text: NoData.Word()}}
}

// EarlierPeriods are the history quarters before the report quarter, oldest first: the
// narrow columns of a directorate's table.
func EarlierPeriods(r *report.Report) []report.Period {
	var out []report.Period
	for _, p := range r.HistoryPeriods {
		if p != r.Period {
			out = append(out, p)
		}
	}
	return out
}

// HistoryPoint is in's history entry for quarter p, or nil.
func HistoryPoint(in *report.Indicator, p report.Period) *report.HistoryPoint {
	for i := range in.History {
		if in.History[i].Period == p {
			return &in.History[i]
		}
	}
	return nil
}

package report

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/period"
)

// Period is one of the report's periods, a quarter of a financial year or a calendar month,
// kept as numbers so that no renderer reads a label back. It marshals to its canonical label
// ("2023/24 Q2", "2023-09"), the contract's JSON.
type Period struct {
	// Quarter is the quarter, or for a month the quarter of the financial year it falls in.
	Quarter period.Quarter
	// Month is set for a month and zero for a quarter.
	Month period.Month
	// YearStart is the month the financial year starts in (4 = April, 1 = January).
	YearStart int
}

// QuarterOf is quarter q of calendar cal as a report period.
func QuarterOf(cal period.Calendar, q period.Quarter) Period {
	return Period{Quarter: q, YearStart: cal.YearStart}
}

// MonthOf is month m of calendar cal as a report period.
func MonthOf(cal period.Calendar, m period.Month) Period {
	return Period{Quarter: cal.QuarterOf(m), Month: m, YearStart: cal.YearStart}
}

// ParsePeriod reads a canonical label back: "2023/24 Q2" (a financial year starting in
// yearStart, April when 0) or "2023-09". It is for reading JSON and writing test fixtures;
// renderers use the numbers.
func ParsePeriod(label string, yearStart int) (Period, error) {
	label = strings.TrimSpace(label)
	if yearStart == 0 {
		yearStart = period.DefaultCalendar.YearStart
		if !strings.Contains(label, "/") && strings.Contains(label, "Q") {
			yearStart = 1
		}
	}
	cal := period.Calendar{YearStart: yearStart}
	if m, err := period.ParseMonth(label); err == nil && !strings.Contains(label, "Q") {
		return MonthOf(cal, m), nil
	}
	q, err := cal.ParseQuarter(label)
	if err != nil {
		return Period{}, fmt.Errorf("%q is not a quarter such as 2023/24 Q2 or a month such as 2023-09", label)
	}
	return QuarterOf(cal, q), nil
}

// Calendar is the financial-year calendar the period belongs to.
func (p Period) Calendar() period.Calendar { return period.Calendar{YearStart: p.YearStart} }

// IsZero reports whether p is unset.
func (p Period) IsZero() bool { return p.Quarter.IsZero() && p.Month.Month == 0 }

// IsMonth reports whether p is a month rather than a quarter.
func (p Period) IsMonth() bool { return p.Month.Month != 0 }

// QuarterPeriod is the quarter p falls in (p itself for a quarter).
func (p Period) QuarterPeriod() Period { return Period{Quarter: p.Quarter, YearStart: p.YearStart} }

// YearLabel is the financial year's label: 2023/24, or 2023 for a year starting in January.
func (p Period) YearLabel() string { return p.Calendar().YearLabel(p.Quarter.Year) }

// String is the canonical label: 2023/24 Q2, or 2023-09 for a month.
func (p Period) String() string {
	switch {
	case p.IsZero():
		return ""
	case p.IsMonth():
		return p.Month.String()
	}
	return p.Calendar().Label(p.Quarter)
}

// MarshalJSON writes the canonical label.
func (p Period) MarshalJSON() ([]byte, error) { return p.AppendJSON(make([]byte, 0, 12)), nil }

// AppendJSON appends the quoted label (jsontext.Appender). A label holds digits, '/', '-',
// ' ' and 'Q' only, so it needs no escaping.
func (p Period) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	switch { // as String, appended
	case p.IsZero():
	case p.IsMonth():
		dst = p.Month.AppendString(dst)
	default:
		dst = p.Calendar().AppendLabel(dst, p.Quarter)
	}
	return append(dst, '"')
}

// UnmarshalJSON reads a canonical label. The label does not say which month the financial
// year starts in: a two-year label ("2023/24") is read as an April year, a one-year label as
// a January year.
func (p *Period) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*p = Period{}
		return nil
	}
	v, err := ParsePeriod(s, 0)
	if err != nil {
		return err
	}
	*p = v
	return nil
}

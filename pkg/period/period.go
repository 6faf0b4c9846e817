// Package period knows financial years, their quarters and months, and every way a person
// writes them, so the rest of qpr can work with plain comparable values.
package period

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Quarter is a quarter of a financial year. Year is the calendar year in which that financial
// year starts (2023 for 2023/24); Q is 1..4.
type Quarter struct {
	Year int
	Q    int
}

// Index orders quarters: consecutive quarters have consecutive indexes.
func (q Quarter) Index() int { return q.Year*4 + q.Q - 1 }

// FromIndex is the inverse of Index.
func FromIndex(i int) Quarter {
	y := i / 4
	if i < 0 && i%4 != 0 {
		y--
	}
	return Quarter{Year: y, Q: i - y*4 + 1}
}

// Add moves n quarters forward (or back, for negative n).
func (q Quarter) Add(n int) Quarter { return FromIndex(q.Index() + n) }

// Before reports whether q comes before o.
func (q Quarter) Before(o Quarter) bool { return q.Index() < o.Index() }

// IsZero reports whether q is the zero Quarter, which names no quarter.
func (q Quarter) IsZero() bool { return q.Q == 0 }

// Month is a calendar month.
type Month struct {
	Year  int
	Month int // 1..12
}

// Index numbers months in order, twelve a year, so that months can be counted and compared.
func (m Month) Index() int { return m.Year*12 + m.Month - 1 }

// MonthFromIndex is the month whose Index is i.
func MonthFromIndex(i int) Month {
	y := i / 12
	if i < 0 && i%12 != 0 {
		y--
	}
	return Month{Year: y, Month: i - y*12 + 1}
}

// Add moves n months forward (or back, for negative n).
func (m Month) Add(n int) Month { return MonthFromIndex(m.Index() + n) }

// String is the canonical month label, 2023-09.
func (m Month) String() string {
	if m.Year < 0 || m.Year > 9999 || m.Month < 0 || m.Month > 99 {
		return fmt.Sprintf("%04d-%02d", m.Year, m.Month)
	}
	return string(m.AppendString(make([]byte, 0, 7)))
}

// appendDigits appends n (0 <= n < 10^width) zero-padded to width digits: a label is made for
// every point of every series, and fmt costs more than the rest of the report's arithmetic.
func appendDigits(b []byte, n, width int) []byte {
	var d [4]byte
	for i := width - 1; i >= 0; i-- {
		d[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, d[:width]...)
}

// Name is the month as a reader says it: September 2023.
func (m Month) Name() string {
	return time.Month(m.Month).String() + " " + strconv.Itoa(m.Year)
}

// Calendar holds the month the financial year starts in (1 = January, 4 = April).
type Calendar struct {
	YearStart int
}

// DefaultCalendar is the UK public sector's April year.
var DefaultCalendar = Calendar{YearStart: 4}

func (c Calendar) start() int {
	if c.YearStart < 1 || c.YearStart > 12 {
		return 4
	}
	return c.YearStart
}

// SpansTwoYears reports whether a financial year is labelled with two calendar years.
func (c Calendar) SpansTwoYears() bool { return c.start() != 1 }

// YearLabel is the canonical label of the financial year starting in calendar year y:
// 2023/24, or 2023 when the year starts in January.
func (c Calendar) YearLabel(y int) string { return string(c.appendYearLabel(nil, y)) }

func (c Calendar) appendYearLabel(b []byte, y int) []byte {
	if y < 0 || y > 9999 {
		if !c.SpansTwoYears() {
			return fmt.Appendf(b, "%04d", y)
		}
		return fmt.Appendf(b, "%04d/%02d", y, (y+1)%100)
	}
	b = appendDigits(b, y, 4)
	if !c.SpansTwoYears() {
		return b
	}
	return appendDigits(append(b, '/'), (y+1)%100, 2)
}

// Label is the canonical quarter label, 2023/24 Q2.
func (c Calendar) Label(q Quarter) string {
	if q.Q < 0 || q.Q > 9 {
		return fmt.Sprintf("%s Q%d", c.YearLabel(q.Year), q.Q)
	}
	return string(c.AppendLabel(make([]byte, 0, 10), q))
}

// FileLabel is the label made safe for a file name: 2023-24-Q2.
func (c Calendar) FileLabel(q Quarter) string {
	return strings.NewReplacer("/", "-", " ", "-").Replace(c.Label(q))
}

// QuarterOf is the quarter containing month m.
func (c Calendar) QuarterOf(m Month) Quarter {
	s := c.start()
	offset := (m.Month - s + 12) % 12
	y := m.Year
	if m.Month < s {
		y--
	}
	return Quarter{Year: y, Q: offset/3 + 1}
}

// Months are the three months of q, in order.
func (c Calendar) Months(q Quarter) [3]Month {
	first := Month{Year: q.Year, Month: c.start()}.Add((q.Q - 1) * 3)
	return [3]Month{first, first.Add(1), first.Add(2)}
}

// LastMonth is the final month of q ("data to the end of September 2023").
func (c Calendar) LastMonth(q Quarter) Month { return c.Months(q)[2] }

// Kind tells whether a period names a quarter or a month.
type Kind int

const (
	KindQuarter Kind = iota + 1
	KindMonth
)

// Period is a period as written in a data file: a quarter or a month.
type Period struct {
	Kind    Kind
	Quarter Quarter
	Month   Month
}

// QuarterOfPeriod returns the quarter p falls in.
func (c Calendar) QuarterOfPeriod(p Period) Quarter {
	if p.Kind == KindMonth {
		return c.QuarterOf(p.Month)
	}
	return p.Quarter
}

// PeriodLabel is the canonical label of a period.
func (c Calendar) PeriodLabel(p Period) string {
	if p.Kind == KindMonth {
		return p.Month.String()
	}
	return c.Label(p.Quarter)
}

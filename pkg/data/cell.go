package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/example/qpr/pkg/period"
)

// cellKind is what a cell holds, as far as the table reader cares. A csv field is always text;
// a workbook cell's kind comes from its type and number format.
type cellKind uint8

const (
	kindText     cellKind = iota
	kindNumber            // a number cell with a plain number format
	kindPercent           // a number cell formatted as a percentage: it holds a fraction
	kindDate              // a number cell formatted as a date or time, or an ISO date cell
	kindError             // a formula's error result, #DIV/0! and the like
	kindBool              // TRUE or FALSE
	kindNoResult          // a formula cell with no saved result
	// kindUncalculated is a formula cell in a workbook that asks to be recalculated when
	// opened: its saved result may be a placeholder that was never calculated.
	kindUncalculated
)

// errUncalculated is a cell of kind kindUncalculated, told once a workbook by the table.
var errUncalculated = errors.New("the formula's saved result cannot be trusted")

// cell is one csv field or workbook cell. For number, percent and date cells num is the stored
// number and date the moment it stands for (date cells only).
type cell struct {
	text    string
	kind    cellKind
	formula bool // a workbook cell holding a formula: its value is the result saved
	num     float64
	date    time.Time
}

func (c cell) blank() bool {
	if len(c.text) > 0 && asciiNonSpace(c.text[0]) {
		return false // most cells: said at once
	}
	return c.kind == kindText && strings.TrimSpace(c.text) == ""
}

// asciiNonSpace reports a byte that is an ASCII character other than a space or control.
func asciiNonSpace(b byte) bool { return ' ' < b && b < utf8.RuneSelf }

// trimmed is the cell's text without surrounding spaces (including the no-break spaces that
// pasting from web pages leaves behind).
func (c cell) trimmed() string {
	if n := len(c.text); n > 0 && asciiNonSpace(c.text[0]) && asciiNonSpace(c.text[n-1]) && strings.IndexByte(c.text, 0xC2) < 0 {
		return c.text // most cells: nothing to trim, and no no-break space (C2 A0 in UTF-8)
	}
	if !strings.Contains(c.text, "\u00a0") {
		return strings.TrimSpace(c.text)
	}
	return strings.TrimSpace(strings.ReplaceAll(c.text, "\u00a0", " "))
}

// wholeNumber reads a cell that holds a whole number, as a number or as digits.
func (c cell) wholeNumber() (int64, bool) {
	switch c.kind {
	case kindNumber:
		if c.num != math.Trunc(c.num) || math.Abs(c.num) > 1<<53 {
			return 0, false
		}
		return int64(c.num), true
	case kindText:
		n, err := strconv.ParseInt(c.trimmed(), 10, 64)
		return n, err == nil
	}
	return 0, false
}

// value reads the cell as an indicator value.
func (c cell) value(nc *numberConvention) (float64, bool, error) {
	switch c.kind {
	case kindNumber:
		return finite(c.num, c.text)
	case kindPercent:
		return finite(c.num*100, c.text)
	case kindDate:
		return 0, false, fmt.Errorf("cell holds %s, not a number; %s", describeDate(c), valueHint)
	case kindError:
		return 0, false, errorValue(c.trimmed())
	case kindBool:
		return 0, false, fmt.Errorf("cell holds %s, not a number; %s", c.text, valueHint)
	case kindNoResult:
		return 0, false, fmt.Errorf("cell holds a formula with no saved result; open the workbook in Excel and save it, or type the value")
	case kindUncalculated:
		return 0, false, errUncalculated
	}
	return parseValueText(c.text, nc)
}

func finite(v float64, raw string) (float64, bool, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false, fmt.Errorf("%q is not a number; %s", clip(raw), valueHint)
	}
	return Round10(v), false, nil
}

// describeDate says what a date-formatted cell shows: a serial number below 1 is a time of
// day with no date.
func describeDate(c cell) string {
	switch {
	case c.date.IsZero():
		return fmt.Sprintf("a date (%s)", c.trimmed())
	case c.num > 0 && c.num < 1:
		return fmt.Sprintf("a time (%s)", c.date.Format("15:04"))
	}
	return fmt.Sprintf("a date (%s)", c.date.Format("2 January 2006"))
}

// period reads the cell as a period: a quarter or month label, or a date cell (the month that
// contains it).
func (c cell) period(cal period.Calendar) (period.Period, error) {
	return c.periodCached(&periodCache{cal: cal})
}

// periodCached is period with labels parsed through a cache.
func (c cell) periodCached(pc *periodCache) (period.Period, error) {
	cal := pc.cal
	switch c.kind {
	case kindDate:
		if c.date.IsZero() {
			return pc.parse(c.trimmed())
		}
		return period.Period{Kind: period.KindMonth, Month: period.MonthOfTime(c.date)}, nil
	case kindError:
		return period.Period{}, fmt.Errorf("cell holds the error %s, not a period; correct the formula or type the period, e.g. %s", c.trimmed(), exampleQuarter(cal))
	case kindNoResult:
		return period.Period{}, fmt.Errorf("cell holds a formula with no saved result; open the workbook in Excel and save it, or type the period")
	case kindUncalculated:
		return period.Period{}, errUncalculated
	case kindPercent, kindBool:
		return period.Period{}, fmt.Errorf("%q is not a period; write a quarter such as %s or a month such as 2023-09", clip(c.text), exampleQuarter(cal))
	}
	return pc.parse(c.trimmed())
}

func exampleQuarter(cal period.Calendar) string {
	return cal.Label(period.Quarter{Year: 2023, Q: 2})
}

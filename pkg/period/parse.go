package period

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ParseError says what was wrong with a period and what would be valid.
type ParseError struct {
	Input string
	Hint  string
	// What the input should have been: "period" when empty, "date" for ParseDate.
	What string
}

func (e *ParseError) Error() string {
	what := e.What
	if what == "" {
		what = "period"
	}
	in := []rune(e.Input)
	if len(in) > 60 {
		// Quote enough to recognise the input, never a whole runaway cell.
		return fmt.Sprintf("%q… (%d characters) is not a %s: %s", string(in[:60]), len(in), what, e.Hint)
	}
	return fmt.Sprintf("%q is not a %s: %s", e.Input, what, e.Hint)
}

var (
	yearFirst    = regexp.MustCompile(`^(\d{2,4})(?:\s*[/-]\s*(\d{2,4}))?\s*Q([1-4])$`)
	quarterFirst = regexp.MustCompile(`^Q([1-4])\s*(\d{2,4})(?:\s*[/-]\s*(\d{2,4}))?$`)
	fyOnly       = regexp.MustCompile(`^(?:FY\s*)?(\d{2,4})(?:\s*[/-]\s*(\d{2,4}))?$`)
	isoMonth     = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	isoDate      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$`)
	namedMonth   = regexp.MustCompile(`^([A-Za-z]+)\.?[\s-]*(\d{2}|\d{4})$`)
	// Day first, as a UK-locale spreadsheet writes a date to csv: 30/09/2023, 30-09-23,
	// 30.09.2023, 30/09/2023 00:00; 30 Sep 2023, 30-Sep-23, 30 September 2023.
	numericDate = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{2}|\d{4})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$`)
	namedDate   = regexp.MustCompile(`^(\d{1,2})(?:ST|ND|RD|TH)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{2}|\d{4})$`)
)

// quarterHint lists the accepted forms; it is the "what would be valid" of every quarter error.
func (c Calendar) quarterHint() string {
	if c.SpansTwoYears() {
		return "write a quarter as 2023/24 Q2 (also 2023-24 Q2, Q2 2023/24 or Q2 23/24)"
	}
	return "write a quarter as 2023 Q2 (also Q2 2023)"
}

// ParseQuarter reads a quarter label in any accepted form, case-insensitively.
func (c Calendar) ParseQuarter(s string) (Quarter, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	if m := yearFirst.FindStringSubmatch(in); m != nil {
		y, err := c.year(m[1], m[2], s)
		if err != nil {
			return Quarter{}, err
		}
		q, _ := strconv.Atoi(m[3])
		return Quarter{Year: y, Q: q}, nil
	}
	if m := quarterFirst.FindStringSubmatch(in); m != nil {
		y, err := c.year(m[2], m[3], s)
		if err != nil {
			return Quarter{}, err
		}
		q, _ := strconv.Atoi(m[1])
		return Quarter{Year: y, Q: q}, nil
	}
	return Quarter{}, &ParseError{Input: s, Hint: c.quarterHint()}
}

// ParseYear reads a financial year label: 2023/24 (or 2023-24, 2023/2024), or 2023 when the
// year starts in January. It returns the calendar year the financial year starts in.
func (c Calendar) ParseYear(s string) (int, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	m := fyOnly.FindStringSubmatch(in)
	if m == nil {
		return 0, &ParseError{Input: s, Hint: c.yearHint()}
	}
	return c.year(m[1], m[2], s)
}

func (c Calendar) yearHint() string {
	if c.SpansTwoYears() {
		return "write a financial year as 2023/24"
	}
	return "write a year as 2023 (the financial year starts in January)"
}

// year checks that a year label names the right number of consecutive years.
func (c Calendar) year(first, second, orig string) (int, error) {
	y1 := expandYear(first)
	if y1 < 0 {
		return 0, &ParseError{Input: orig, Hint: c.quarterHint()}
	}
	if !c.SpansTwoYears() {
		if second != "" {
			return 0, &ParseError{Input: orig, Hint: "the financial year starts in January, so a year is one calendar year, e.g. 2023"}
		}
		if len(first) != 4 {
			return 0, &ParseError{Input: orig, Hint: "write the year in full, e.g. 2023"}
		}
		return y1, nil
	}
	if second == "" {
		return 0, &ParseError{Input: orig, Hint: fmt.Sprintf("a financial year names two consecutive years, e.g. %s", c.YearLabel(y1))}
	}
	y2 := expandYear(second)
	if len(second) == 2 && y2 >= 0 {
		// 2023/24, 1999/00: the short year is the one after y1 within the same or next century.
		short, _ := strconv.Atoi(second)
		y2 = y1/100*100 + short
		if y2 < y1 {
			y2 += 100
		}
	}
	if y2 != y1+1 {
		return 0, &ParseError{Input: orig, Hint: fmt.Sprintf("a financial year names two consecutive years, e.g. %s", c.YearLabel(y1))}
	}
	return y1, nil
}

// expandYear reads 2023 or 23; -1 if neither. Two-digit years follow the POSIX convention
// (as strptime's %y does): 69-99 are 1969-1999, 00-68 are 2000-2068.
func expandYear(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	switch len(s) {
	case 2:
		if n >= 69 {
			return 1900 + n
		}
		return 2000 + n
	case 4:
		return n
	}
	return -1
}

var monthNames = map[string]int{}

func init() {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToUpper(m.String())
		monthNames[name] = int(m)
		monthNames[name[:3]] = int(m)
	}
	monthNames["SEPT"] = 9
}

const monthHint = "write a month as 2023-09, Sep-23, Sep 2023, September 2023 or a date such as 2023-09-30 or 30/09/2023"

// dateHint is the "what would be valid" of a date.
const dateHint = "write a date as 2023-09-30, 30/09/2023 or 30 Sep 2023 (day first, as in the UK)"

// ParseDate reads a day: an ISO date (2023-09-30) or a day-first date (30/09/2023, 30-09-23,
// 30 Sep 2023). A date is never read month first: 09/30/2023 is an error that says so.
func ParseDate(s string) (time.Time, error) {
	d, err := parseDate(s)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.What = "date"
	}
	return d, err
}

func parseDate(s string) (time.Time, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	if m := isoDate.FindStringSubmatch(in); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return day(s, y, mo, d)
	}
	if y, mo, d, ok, err := dayFirst(s, in); ok {
		if err != nil {
			return time.Time{}, err
		}
		return day(s, y, mo, d)
	}
	return time.Time{}, &ParseError{Input: s, Hint: dateHint}
}

// dayFirst matches the day-first forms; ok says one matched.
func dayFirst(orig, in string) (y, mo, d int, ok bool, err error) {
	if m := numericDate.FindStringSubmatch(in); m != nil {
		if m[2] != m[4] {
			return 0, 0, 0, true, &ParseError{Input: orig, Hint: "a date uses one separator throughout, e.g. 30/09/2023"}
		}
		d, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[3])
		y = expandYear(m[5])
		if mo > 12 && d >= 1 && d <= 12 {
			return 0, 0, 0, true, &ParseError{Input: orig, Hint: fmt.Sprintf(
				"dates are read day first, as in the UK, and %d is not a month; qpr never guesses a month-first (US) date: write %02d/%02d/%s or %04d-%02d-%02d", mo, mo, d, m[5], y, d, mo)}
		}
		return y, mo, d, true, nil
	}
	if m := namedDate.FindStringSubmatch(in); m != nil {
		name, known := monthNames[m[2]]
		if !known {
			return 0, 0, 0, true, &ParseError{Input: orig, Hint: dateHint}
		}
		d, _ = strconv.Atoi(m[1])
		return expandYear(m[3]), name, d, true, nil
	}
	return 0, 0, 0, false, nil
}

// day checks that the day exists.
func day(orig string, y, mo, d int) (time.Time, error) {
	if mo < 1 || mo > 12 {
		return time.Time{}, &ParseError{Input: orig, Hint: fmt.Sprintf("%d is not a month; %s", mo, dateHint)}
	}
	if d < 1 || d > daysIn(y, mo) {
		return time.Time{}, &ParseError{Input: orig, Hint: fmt.Sprintf("day %d does not exist in %s", d, Month{y, mo}.Name())}
	}
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), nil
}

// ParseMonth reads a month in any accepted form.
func ParseMonth(s string) (Month, error) {
	in := strings.ToUpper(strings.TrimSpace(s))
	var y, mo int
	switch {
	case isoMonth.MatchString(in):
		m := isoMonth.FindStringSubmatch(in)
		y, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
	case isoDate.MatchString(in):
		m := isoDate.FindStringSubmatch(in)
		y, _ = strconv.Atoi(m[1])
		mo, _ = strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && (d < 1 || d > daysIn(y, mo)) {
			return Month{}, &ParseError{Input: s, Hint: fmt.Sprintf("day %d does not exist in %s", d, Month{y, mo}.Name())}
		}
	case numericDate.MatchString(in) || namedDate.MatchString(in):
		t, err := parseDate(s)
		if err != nil {
			return Month{}, err
		}
		return MonthOfTime(t), nil
	case namedMonth.MatchString(in):
		m := namedMonth.FindStringSubmatch(in)
		var ok bool
		if mo, ok = monthNames[m[1]]; !ok {
			return Month{}, &ParseError{Input: s, Hint: monthHint}
		}
		y = expandYear(m[2])
	default:
		return Month{}, &ParseError{Input: s, Hint: monthHint}
	}
	if mo < 1 || mo > 12 {
		return Month{}, &ParseError{Input: s, Hint: monthHint}
	}
	return Month{Year: y, Month: mo}, nil
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParsePeriod reads a period as found in a data file: a quarter or a month.
func (c Calendar) ParsePeriod(s string) (Period, error) {
	if q, err := c.ParseQuarter(s); err == nil {
		return Period{Kind: KindQuarter, Quarter: q}, nil
	} else if looksLikeQuarter(s) {
		return Period{}, err
	}
	m, err := ParseMonth(s)
	if err == nil {
		return Period{Kind: KindMonth, Month: m}, nil
	}
	if in := strings.ToUpper(strings.TrimSpace(s)); isoDate.MatchString(in) || numericDate.MatchString(in) || namedDate.MatchString(in) {
		return Period{}, err // a date that is not one (no such day, month first) says why
	}
	return Period{}, &ParseError{Input: s, Hint: c.quarterHint() + ", or " + strings.TrimPrefix(monthHint, "write ")}
}

// looksLikeQuarter keeps a quarter-shaped label with a bad year (2023/25 Q2) from being
// reported as an unreadable month.
func looksLikeQuarter(s string) bool {
	return strings.Contains(strings.ToUpper(s), "Q")
}

// MonthOfTime is the month containing t (a date cell in a spreadsheet).
func MonthOfTime(t time.Time) Month { return Month{Year: t.Year(), Month: int(t.Month())} }

package period

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseQuarterAcceptedForms(t *testing.T) {
	want := Quarter{Year: 2023, Q: 2}
	for _, in := range []string{
		"2023/24 Q2", "2023-24 Q2", "2023/24Q2", "Q2 2023/24", "Q2 2023-24", "Q2 23/24",
		"q2 2023/24", " 2023/24 q2 ", "2023/2024 Q2",
	} {
		got, err := DefaultCalendar.ParseQuarter(in)
		if err != nil || got != want {
			t.Errorf("ParseQuarter(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseQuarterRejects(t *testing.T) {
	for _, in := range []string{"2023/25 Q2", "2023 Q2", "2023/24 Q5", "Q0 2023/24", "2023/24", "", "Q2", "2023/22 Q1"} {
		if q, err := DefaultCalendar.ParseQuarter(in); err == nil {
			t.Errorf("ParseQuarter(%q) = %v, want an error", in, q)
		}
	}
	_, err := DefaultCalendar.ParseQuarter("2023/25 Q2")
	if err == nil || err.Error() != `"2023/25 Q2" is not a period: a financial year names two consecutive years, e.g. 2023/24` {
		t.Errorf("message for 2023/25 Q2 = %v", err)
	}
}

func TestCalendarYearStartingInJanuary(t *testing.T) {
	cal := Calendar{YearStart: 1}
	q, err := cal.ParseQuarter("2023 Q2")
	if err != nil || q != (Quarter{2023, 2}) {
		t.Fatalf("ParseQuarter(2023 Q2) = %v, %v", q, err)
	}
	if got := cal.Label(q); got != "2023 Q2" {
		t.Errorf("Label = %q, want 2023 Q2", got)
	}
	if _, err := cal.ParseQuarter("2023/24 Q2"); err == nil {
		t.Error("a two-year label must be refused when the year starts in January")
	}
	// Q2 of a January year is April to June.
	if got := cal.Months(q); got != [3]Month{{2023, 4}, {2023, 5}, {2023, 6}} {
		t.Errorf("Months = %v", got)
	}
}

func TestLabels(t *testing.T) {
	q := Quarter{2023, 2}
	if got := DefaultCalendar.Label(q); got != "2023/24 Q2" {
		t.Errorf("Label = %q", got)
	}
	if got := DefaultCalendar.FileLabel(q); got != "2023-24-Q2" {
		t.Errorf("FileLabel = %q", got)
	}
	if got := DefaultCalendar.YearLabel(1999); got != "1999/00" {
		t.Errorf("YearLabel(1999) = %q, want 1999/00", got)
	}
}

func TestQuarterOfAprilYear(t *testing.T) {
	cases := []struct {
		m    Month
		want Quarter
	}{
		{Month{2023, 4}, Quarter{2023, 1}},
		{Month{2023, 6}, Quarter{2023, 1}},
		{Month{2023, 7}, Quarter{2023, 2}},
		{Month{2023, 9}, Quarter{2023, 2}},
		{Month{2023, 12}, Quarter{2023, 3}},
		{Month{2024, 1}, Quarter{2023, 4}},
		{Month{2024, 3}, Quarter{2023, 4}},
	}
	for _, c := range cases {
		if got := DefaultCalendar.QuarterOf(c.m); got != c.want {
			t.Errorf("QuarterOf(%v) = %v, want %v", c.m, got, c.want)
		}
	}
	if got := DefaultCalendar.Months(Quarter{2023, 4}); got != [3]Month{{2024, 1}, {2024, 2}, {2024, 3}} {
		t.Errorf("Months(2023/24 Q4) = %v", got)
	}
}

func TestQuarterArithmetic(t *testing.T) {
	q := Quarter{2023, 1}
	if got := q.Add(-1); got != (Quarter{2022, 4}) {
		t.Errorf("Q1 - 1 = %v", got)
	}
	if got := q.Add(-5); got != (Quarter{2021, 4}) {
		t.Errorf("Q1 - 5 = %v", got)
	}
	if got := (Quarter{2023, 4}).Add(1); got != (Quarter{2024, 1}) {
		t.Errorf("Q4 + 1 = %v", got)
	}
	if got := (Month{2023, 1}).Add(-1); got != (Month{2022, 12}) {
		t.Errorf("Jan - 1 = %v", got)
	}
}

func TestParseMonthForms(t *testing.T) {
	want := Month{2023, 9}
	for _, in := range []string{"2023-09", "Sep-23", "Sep 2023", "September 2023", "2023-09-30", "sept 2023", "SEP-2023", "2023-9"} {
		got, err := ParseMonth(in)
		if err != nil || got != want {
			t.Errorf("ParseMonth(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"2023-13", "Sept", "Foo 2023", "2023-02-30", "13/2023"} {
		if m, err := ParseMonth(in); err == nil {
			t.Errorf("ParseMonth(%q) = %v, want an error", in, m)
		}
	}
	if got := MonthOfTime(time.Date(2023, 9, 17, 0, 0, 0, 0, time.UTC)); got != want {
		t.Errorf("MonthOfTime = %v", got)
	}
}

func TestParsePeriod(t *testing.T) {
	p, err := DefaultCalendar.ParsePeriod("Q2 2023/24")
	if err != nil || p.Kind != KindQuarter || p.Quarter != (Quarter{2023, 2}) {
		t.Errorf("quarter period = %+v, %v", p, err)
	}
	p, err = DefaultCalendar.ParsePeriod("Sep-23")
	if err != nil || p.Kind != KindMonth || p.Month != (Month{2023, 9}) {
		t.Errorf("month period = %+v, %v", p, err)
	}
	if _, err := DefaultCalendar.ParsePeriod("2023/25 Q2"); err == nil || err.Error() != `"2023/25 Q2" is not a period: a financial year names two consecutive years, e.g. 2023/24` {
		t.Errorf("bad year message = %v", err)
	}
}

func TestParseYear(t *testing.T) {
	for in, want := range map[string]int{"2023/24": 2023, "2023-24": 2023, "2023/2024": 2023, "1999/00": 1999} {
		if got, err := DefaultCalendar.ParseYear(in); err != nil || got != want {
			t.Errorf("ParseYear(%q) = %d, %v", in, got, err)
		}
	}
	for _, in := range []string{"2023/25", "2023", "twenty"} {
		if _, err := DefaultCalendar.ParseYear(in); err == nil {
			t.Errorf("ParseYear(%q) should fail", in)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2023/24 Q2", "Q2 23/24", "Sep-23", "2023-09-30", "September 2023", "2023/25 Q2", "Q9"} {
		f.Add(s, 4)
	}
	f.Fuzz(func(t *testing.T, s string, start int) {
		cal := Calendar{YearStart: start%12 + 1}
		p, err := cal.ParsePeriod(s)
		if err != nil {
			return
		}
		// A label qpr writes must read back as the same period.
		back, err := cal.ParsePeriod(cal.PeriodLabel(p))
		if err != nil || back != p {
			t.Fatalf("%q -> %+v -> %q -> %+v, %v", s, p, cal.PeriodLabel(p), back, err)
		}
	})
}

func TestTwoDigitYearsFollowPOSIX(t *testing.T) {
	if q, err := DefaultCalendar.ParseQuarter("Q3 99/00"); err != nil || q != (Quarter{1999, 3}) {
		t.Errorf("Q3 99/00 = %v, %v; want 1999/00 Q3", q, err)
	}
	if m, err := ParseMonth("Sep-99"); err != nil || m != (Month{1999, 9}) {
		t.Errorf("Sep-99 = %v, %v", m, err)
	}
	if m, err := ParseMonth("Sep-68"); err != nil || m != (Month{2068, 9}) {
		t.Errorf("Sep-68 = %v, %v", m, err)
	}
	if q, err := DefaultCalendar.ParseQuarter("Q1 23/24"); err != nil || q != (Quarter{2023, 1}) {
		t.Errorf("Q1 23/24 = %v, %v", q, err)
	}
}

func TestLongInputIsClippedInMessages(t *testing.T) {
	long := strings.Repeat("x", 500)
	_, err := DefaultCalendar.ParsePeriod(long)
	if err == nil || len(err.Error()) > 300 || !strings.Contains(err.Error(), "(500 characters)") {
		t.Errorf("message for a 500-character period: %v", err)
	}
}

func TestParsePeriodSaysWhichDayDoesNotExist(t *testing.T) {
	_, err := DefaultCalendar.ParsePeriod("2023-09-31")
	if err == nil || !strings.Contains(err.Error(), "day 31 does not exist in September 2023") {
		t.Errorf("2023-09-31: %v", err)
	}
}

func TestDayFirstDatesAreReadAsTheUKWritesThem(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"30/09/2023", "2023-09-30"},
		{"30/09/23", "2023-09-30"},
		{"1/4/2024", "2024-04-01"},
		{"09/10/2023", "2023-10-09"}, // 9 October: day first, never guessed the other way
		{"30-09-2023", "2023-09-30"},
		{"30.09.2023", "2023-09-30"},
		{"30/09/2023 00:00", "2023-09-30"},
		{"30 Sep 2023", "2023-09-30"},
		{"30 Sept 2023", "2023-09-30"},
		{"30-Sep-23", "2023-09-30"},
		{"30 September 2023", "2023-09-30"},
		{"29/02/2024", "2024-02-29"},
		{"2023-09-30", "2023-09-30"},
	} {
		d, err := ParseDate(c.in)
		if err != nil {
			t.Errorf("ParseDate(%q): %v", c.in, err)
			continue
		}
		if got := d.Format("2006-01-02"); got != c.want {
			t.Errorf("ParseDate(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestMonthFirstDatesAreRefusedSayingSo(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"09/30/2023", `"09/30/2023" is not a date: dates are read day first, as in the UK, and 30 is not a month; qpr never guesses a month-first (US) date: write 30/09/2023 or 2023-09-30`},
		{"29/02/2023", `"29/02/2023" is not a date: day 29 does not exist in February 2023`},
		{"30/13/2023", `"30/13/2023" is not a date: 13 is not a month; write a date as 2023-09-30, 30/09/2023 or 30 Sep 2023 (day first, as in the UK)`},
		{"30/09-2023", `"30/09-2023" is not a date: a date uses one separator throughout, e.g. 30/09/2023`},
	} {
		_, err := ParseDate(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseDate(%q) = %v\nwant %s", c.in, err, c.want)
		}
		// The same text in a data file's period column is a period that is wrong.
		_, err = Calendar{YearStart: 4}.ParsePeriod(c.in)
		if want := strings.Replace(c.want, "is not a date", "is not a period", 1); err == nil || err.Error() != want {
			t.Errorf("ParsePeriod(%q) = %v\nwant %s", c.in, err, want)
		}
	}
}

func TestADayFirstDateInDataIsItsMonth(t *testing.T) {
	cal := Calendar{YearStart: 4}
	p, err := cal.ParsePeriod("30/09/2023")
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != KindMonth || p.Month != (Month{2023, 9}) {
		t.Errorf("30/09/2023 = %+v, want month 2023-09", p)
	}
	if q := cal.QuarterOfPeriod(p); cal.Label(q) != "2023/24 Q2" {
		t.Errorf("30/09/2023 falls in %s, want 2023/24 Q2", cal.Label(q))
	}
	if _, err := cal.ParsePeriod("09/30/2023"); err == nil || !strings.Contains(err.Error(), "never guesses a month-first") {
		t.Errorf("09/30/2023 in data: %v", err)
	}
}

// The labels are built without fmt for speed; fmt's forms are the oracle.
func TestLabelsAsFmtWritesThem(t *testing.T) {
	for y := -5; y <= 10005; y += 7 {
		for q := 1; q <= 4; q++ {
			if got, want := DefaultCalendar.Label(Quarter{Year: y, Q: q}), fmt.Sprintf("%04d/%02d Q%d", y, (y+1)%100, q); got != want {
				t.Fatalf("Label(%d Q%d) = %q, want %q", y, q, got, want)
			}
			if got, want := (Calendar{YearStart: 1}).Label(Quarter{Year: y, Q: q}), fmt.Sprintf("%04d Q%d", y, q); got != want {
				t.Fatalf("January Label(%d Q%d) = %q, want %q", y, q, got, want)
			}
		}
		for m := 1; m <= 12; m++ {
			if got, want := (Month{Year: y, Month: m}).String(), fmt.Sprintf("%04d-%02d", y, m); got != want {
				t.Fatalf("Month(%d, %d) = %q, want %q", y, m, got, want)
			}
		}
	}
}

package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/example/qpr/pkg/period"
)

// The data is read while the catalogue is parsed, on a calendar guessed from its year_start
// line. A catalogue whose year_start the guess cannot see (here behind an anchor) must still
// have its data read on its own calendar.
func TestDataReadOnTheCataloguesOwnCalendar(t *testing.T) {
	for _, yearStart := range []string{"year_start: 1", "year_start: &start 1", "{year_start: 1}"} {
		dir := t.TempDir()
		cat := "organisation: O\n" + yearStart + "\ndirectorates:\n  - {code: D, name: Dee}\nindicators:\n  - {code: K1, name: K, directorate: D, type: activity}\n"
		if yearStart == "{year_start: 1}" {
			cat = "{organisation: O, year_start: 1, directorates: [{code: D, name: Dee}], indicators: [{code: K1, name: K, directorate: D, type: activity}]}\n"
		}
		if err := os.WriteFile(filepath.Join(dir, "catalogue.yaml"), []byte(cat), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "q.csv"), []byte("code,period,value\nK1,2023 Q3,5\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := Inputs{Dir: dir, Catalogue: filepath.Join(dir, "catalogue.yaml"), Data: []string{filepath.Join(dir, "q.csv")}}.load(Outputs{})
		if err != nil {
			t.Fatal(err)
		}
		// "2023 Q3" is a quarter only in a calendar whose year starts in January.
		if l.problems.HasErrors() {
			t.Errorf("%s: %v", yearStart, l.problems.Err())
		}
		want := period.Calendar{YearStart: 1}
		q, err := want.ParseQuarter("2023 Q3")
		if err != nil {
			t.Fatal(err)
		}
		if l.cat.Calendar != want || l.store.Latest != q {
			t.Errorf("%s: calendar %+v, latest %+v; want %+v, %+v", yearStart, l.cat.Calendar, l.store.Latest, want, q)
		}
		if got := l.store.Series("K1").Len(); got != 1 {
			t.Errorf("%s: %d values", yearStart, got)
		}
	}
}

// Without an as-at date the clock says what today is, and a quarter not over today is not
// the report quarter by default; the date the report carries does not come from the clock.
func TestReportQuarterByTheClock(t *testing.T) {
	dir := t.TempDir()
	cat := "directorates:\n  - {code: D, name: Dee}\nindicators:\n  - {code: K1, name: K, directorate: D, type: activity}\n"
	if err := os.WriteFile(filepath.Join(dir, "catalogue.yaml"), []byte(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "q.csv"), []byte("code,period,value\nK1,2023/24 Q1,4\nK1,2023/24 Q2,5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		today time.Time
		want  period.Quarter
	}{
		{time.Date(2023, 9, 29, 23, 0, 0, 0, time.UTC), period.Quarter{Year: 2023, Q: 1}},
		{time.Date(2023, 9, 30, 8, 0, 0, 0, time.UTC), period.Quarter{Year: 2023, Q: 2}},
	} {
		in := Inputs{Dir: dir, Catalogue: filepath.Join(dir, "catalogue.yaml"), Data: []string{filepath.Join(dir, "q.csv")},
			Now: func() time.Time { return c.today }}
		l, err := in.load(Outputs{})
		if err != nil {
			t.Fatal(err)
		}
		q, err := l.reportPeriod()
		if err != nil || q != c.want {
			t.Errorf("today %v: quarter %v (%v), want %v", c.today, q, err, c.want)
		}
		if !l.settings.stamp.IsZero() {
			t.Errorf("today %v: outputs would carry %v, not the quarter's end", c.today, l.settings.stamp)
		}
	}
}

// Package synthproject writes a large council's qpr project to disk (catalogue.yaml and csv
// data), from a fixed seed so every run measures the same work. It feeds the signal tests
// and the performance measurements, which run the qpr binary on real files; the inputs use
// only what the first release read, so the same project times old and new side by side.
package synthproject

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

// Directorates is how many directorates Write spreads the indicators over.
const Directorates = 8

// lastYear and lastQuarter are the report quarter, 2023/24 Q2 (financial years from April).
const lastYear, lastQuarter = 2023, 2

// Write makes dir/catalogue.yaml and dir/data/*.csv: indicators indicators with quarters
// quarters of data each, ending at 2023/24 Q2. One in five is an activity indicator, one in
// four is monthly (with each of last, sum and mean), one in ten is trended by spc and one in
// ten by Mann-Kendall, one in twenty has no value for the last quarter (so the one before
// stands in) and one in ten has commentary. With perDirectorate, each directorate is a pack
// of its own besides the whole report.
func Write(dir string, indicators, quarters int, perDirectorate bool) error {
	return WriteIn(dir, indicators, quarters, Directorates, perDirectorate)
}

// WriteIn is Write with the indicators spread over the given number of directorates (one
// data file each): with one, the whole report is a single directorate's section, the
// largest the renderers lay out at once.
func WriteIn(dir string, indicators, quarters, directorates int, perDirectorate bool) error {
	if indicators < 1 || quarters < 1 || directorates < 1 {
		return fmt.Errorf("synthproject: need at least one indicator, one quarter and one directorate")
	}
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "catalogue.yaml"), func(w *bufio.Writer) {
		catalogue(w, indicators, directorates, perDirectorate)
	}); err != nil {
		return err
	}
	for d := range directorates {
		name := filepath.Join(dir, "data", fmt.Sprintf("d%d.csv", d+1))
		if err := writeFile(name, func(w *bufio.Writer) { values(w, d, directorates, indicators, quarters) }); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(dir, "data", "commentary.csv"), func(w *bufio.Writer) {
		commentary(w, indicators)
	})
}

func writeFile(path string, fill func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func code(i int) string { return fmt.Sprintf("K%05d", i+1) }

func monthly(i int) bool { return i%4 == 1 }

func activity(i int) bool { return i%5 == 4 }

// level and spread are an indicator's typical value and how far it wanders, from its own
// random stream so the catalogue and the data agree.
func shape(i int) (rng *rand.Rand, level, spread float64) {
	rng = rand.New(rand.NewPCG(20231114, uint64(i)))
	level = 50 + 40*rng.Float64()
	spread = 2 + 6*rng.Float64()
	return rng, level, spread
}

func catalogue(w *bufio.Writer, indicators, directorates int, perDirectorate bool) {
	fmt.Fprintf(w, "# A synthetic catalogue of %d indicators, written by internal/synthproject.\n", indicators)
	fmt.Fprintln(w, "organisation: Synthetic County Council")
	fmt.Fprintln(w, "title: Quarterly Performance Report")
	fmt.Fprintln(w, "year_start: 4")
	fmt.Fprintln(w, "trend: {method: regression, window: 8, alpha: 0.05}")
	fmt.Fprintln(w, "directorates:")
	for d := range directorates {
		fmt.Fprintf(w, "  - {code: D%d, name: Directorate of Services %d}\n", d+1, d+1)
	}
	fmt.Fprintln(w, "indicators:")
	units := []string{"percent", "number", "days", "currency", "rate"}
	aggregates := []string{"last", "sum", "mean"}
	for i := range indicators {
		_, level, spread := shape(i)
		fmt.Fprintf(w, "  - {code: %s, name: \"Synthetic indicator %d: percentage of cases completed within the agreed timescale\", directorate: D%d, unit: %s, decimals: %d",
			code(i), i+1, i%directorates+1, units[i%len(units)], i%3)
		if monthly(i) {
			fmt.Fprintf(w, ", frequency: monthly, aggregate: %s", aggregates[(i/4)%len(aggregates)])
		}
		switch i % 10 {
		case 3:
			fmt.Fprint(w, ", trend: {method: spc}")
		case 7:
			fmt.Fprint(w, ", trend: {method: mann-kendall}")
		}
		if activity(i) {
			fmt.Fprintf(w, ", type: activity, expected: {2015/16: {lower: %s, upper: %s}}", num(level-spread), num(level+spread))
		} else {
			polarity, target, floor := "higher", level, level-spread
			if i%3 == 2 {
				polarity, floor = "lower", level+spread
			}
			fmt.Fprintf(w, ", type: kpi, polarity: %s, target: %s, floor: %s", polarity, num(target), num(floor))
		}
		fmt.Fprintln(w, ", tags: [qpr]}")
	}
	if perDirectorate {
		fmt.Fprintln(w, "packs:")
		fmt.Fprintln(w, "  - {id: qpr, title: Quarterly Performance Report, include: {tags: [qpr]}}")
		for d := range directorates {
			fmt.Fprintf(w, "  - {id: d%d, title: Performance Dashboard - Directorate of Services %d, include: {directorates: [D%d]}}\n", d+1, d+1, d+1)
		}
	}
}

func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// values writes directorate d's long table: code, period, value.
func values(w *bufio.Writer, d, directorates, indicators, quarters int) {
	fmt.Fprintln(w, "code,period,value")
	last := lastYear*4 + lastQuarter - 1 // quarters since year 0, Q1 = 0
	for i := d; i < indicators; i += directorates {
		rng, level, spread := shape(i)
		drift := (rng.Float64() - 0.5) * spread / 4
		for k := range quarters {
			q := last - quarters + 1 + k
			if k == quarters-1 && i%20 == 19 {
				continue // no value this quarter: the one before stands in
			}
			v := level + drift*float64(k-quarters) + spread*(rng.Float64()-0.5)
			if !monthly(i) {
				fmt.Fprintf(w, "%s,%s,%s\n", code(i), quarterLabel(q), num(v))
				continue
			}
			for m := range 3 {
				fmt.Fprintf(w, "%s,%s,%s\n", code(i), monthLabel(q, m), num(v+spread*(rng.Float64()-0.5)/2))
			}
		}
	}
}

// quarterLabel is the canonical label of quarter q counted from year 0: "2023/24 Q2".
func quarterLabel(q int) string {
	y := q / 4
	return fmt.Sprintf("%d/%02d Q%d", y, (y+1)%100, q%4+1)
}

// monthLabel is month m (0-2) of quarter q, as yyyy-mm; Q1 starts in April.
func monthLabel(q, m int) string {
	months := (q/4)*12 + 3 + (q%4)*3 + m // months since January of year 0
	return fmt.Sprintf("%04d-%02d", months/12, months%12+1)
}

// commentary writes context and actions for one indicator in ten, for the report quarter.
func commentary(w *bufio.Writer, indicators int) {
	fmt.Fprintln(w, "code,period,context,actions")
	label := quarterLabel(lastYear*4 + lastQuarter - 1)
	for i := 0; i < indicators; i += 10 {
		fmt.Fprintf(w, "%s,%s,\"Demand rose over the summer, and two posts were vacant for most of the quarter.\",\"Recruitment to both posts is under way; the service expects to recover by the end of the year.\"\n",
			code(i), label)
	}
}

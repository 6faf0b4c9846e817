package example

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"

	"github.com/example/qpr/pkg/period"
)

// csvName is the one csv file: the monthly pothole repairs export of the highways works
// system, which arrives separately from the directorate's workbook.
const csvName = "get-highways-works-monthly.csv"

// potholesCSV writes HT01 with the repairs behind each month's percentage, as the works system
// exports them; qpr reads the value and keeps the other columns out of the way.
func potholesCSV(s series) []byte {
	rng := rngFor("HT01 repairs")
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"code", "period", "value", "numerator", "denominator"})
	for _, p := range ownPeriods(true) {
		v, ok := s[p]
		if !ok {
			continue
		}
		m := period.MonthFromIndex(p)
		// More potholes are reported over winter: repairs peak in February.
		season := 1 + 0.35*math.Cos(2*math.Pi*float64(m.Month-2)/12)
		repairs := math.Round(2600 * season * (1 + 0.08*rng.NormFloat64()))
		onTime := math.Round(v.V / 100 * repairs)
		_ = w.Write([]string{"HT01", m.String(), strconv.FormatFloat(v.V, 'f', -1, 64),
			strconv.FormatFloat(onTime, 'f', 0, 64), strconv.FormatFloat(repairs, 'f', 0, 64)})
	}
	w.Flush()
	return buf.Bytes()
}

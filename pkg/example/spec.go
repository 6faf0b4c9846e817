// Package example writes the example project that `qpr init DIR` copies and `make demo` builds:
// the catalogue and quarterly spreadsheets of a fictional "Example County Council" whose
// Quarterly Performance Report for 2023/24 Q2 gives the same summary as a real county
// council's published report (15 Green, 15 Amber, 8 Red of the 38 KPIs of its Quarterly
// Performance Report; 7 improving, 19 stable, 12 worsening), and one more KPI, year to date
// with a profile, on a directorate dashboard only (ytd.go).
//
// The series are synthesised, not hand-typed: each KPI states the rating and direction of
// travel it must show at 2023/24 Q1 and Q2, and a seeded search finds a plausible series that
// the report engine rates exactly so. Everything is deterministic, so regenerating gives the
// same bytes.
package example

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

// The example's reporting span: quarterly and monthly data from 2020/21 Q1 to 2023/24 Q2.
var (
	firstQuarter  = period.Quarter{Year: 2020, Q: 1}
	reportQuarter = period.Quarter{Year: 2023, Q: 2}
	calendar      = period.Calendar{YearStart: 4}
)

// Organisation and title as the catalogue states them.
const (
	organisation = "Example County Council"
	reportTitle  = "Quarterly Performance Report"
)

type directorate struct {
	Code, Name string
	Pack       string // id of the directorate's dashboard pack
	File       string // workbook under data/
}

var directorates = []directorate{
	{"CED", "Chief Executive's Department", "ced", "ced.xlsx"},
	{"DCED", "Deputy Chief Executive's Department", "dced", "dced.xlsx"},
	{"GET", "Growth, Environment and Transport", "get", "get.xlsx"},
	{"ASCH", "Adult Social Care and Health", "asch", "asch.xlsx"},
	{"CYPE", "Children, Young People and Education", "cype", "cype.xlsx"},
	{"PH", "Public Health", "ph", "ph.xlsx"},
}

// outlook is what the report must say about a KPI: its rating and direction of travel at
// 2023/24 Q1 (what last quarter's report said) and at 2023/24 Q2.
type outlook struct {
	RAGQ1, RAGQ2     string // green | amber | red
	TrendQ1, TrendQ2 string // improving | stable | worsening
}

// thresholds are a KPI's target and floor.
type thresholds struct{ Target, Floor float64 }

// kpi is one RAG-rated indicator of the example and the shape its data must take.
type kpi struct {
	Code, Name, Description string
	Directorate             string
	Polarity                catalogue.Polarity
	Unit                    catalogue.Unit
	Decimals                int
	Basis                   catalogue.Basis     // empty: the quarter
	Frequency               catalogue.Frequency // empty: quarterly
	Aggregate               catalogue.Aggregate // monthly only
	Now                     thresholds          // from 2023/24 (every year when Before is nil)
	Before                  *thresholds         // 2020/21 to 2022/23, where the target was reset for 2023/24
	Scale                   float64             // typical size of a quarter's movement
	Max                     float64             // highest plausible value; 0 = none (percent: 100)
	TrendMethod             string              // empty: the catalogue default
	Want                    outlook
	Stale                   bool // 2023/24 Q2 not yet available: n/a in the data, Q1 stands in
	Partial                 bool // September 2023 not yet available: Q2 has two months
	Sheet                   string
}

// activity is one indicator with an expected range instead of a RAG rating.
type activity struct {
	Code, Name, Description string
	Directorate             string
	Unit                    catalogue.Unit
	Basis                   catalogue.Basis // empty: the quarter
	Frequency               catalogue.Frequency
	Aggregate               catalogue.Aggregate
	Level                   float64 // typical value of one of its own periods in 2020/21
	Growth                  float64 // fractional change per quarter
	Want                    string  // above | within | below at 2023/24 Q2
	Sheet                   string
}

func (k kpi) monthly() bool      { return k.Frequency == catalogue.Monthly }
func (a activity) monthly() bool { return a.Frequency == catalogue.Monthly }

// dataPlaces is how many decimal places the data files carry: a count or money is whole, any
// other measure carries at least one place more than nothing, as published returns do.
func dataPlaces(unit catalogue.Unit, decimals int) int {
	switch unit {
	case catalogue.Number, catalogue.Currency:
		return decimals
	}
	return max(decimals, 1)
}

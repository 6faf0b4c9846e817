package xlsx

import (
	"github.com/example/qpr/internal/reporttest"
	"github.com/example/qpr/pkg/report"
)

func f64(v float64) *float64 { return &v }
func str(s string) *string   { return &s }

// Short names for the fixtures' typed values and periods (April years).
var (
	rt  = reporttest.Rating
	ac  = reporttest.Activity
	dr  = reporttest.Direction
	pol = reporttest.Polarity
	pp  = reporttest.PeriodPtr
	q   = reporttest.Period
	qs  = reporttest.Periods
)

var fixturePeriods = []string{"2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2", "2023/24 Q3"}

// longDirectorateCode is longer than a sheet name may be and holds characters Excel forbids
// in one; its sheet is expected to be named "GROWTH-ENVIRONMENT-TRANSPORT-DI" (31 characters).
const longDirectorateCode = "GROWTH/ENVIRONMENT:TRANSPORT-DIRECTORATE"

// kpiHistory builds five quarters of history for a kpi, oldest first; a nil value is a
// quarter without data, rated no_data.
func kpiHistory(values []*float64, rags []string) []report.HistoryPoint {
	h := make([]report.HistoryPoint, len(values))
	for i := range values {
		h[i] = report.HistoryPoint{Period: q(fixturePeriods[i]), Value: values[i], RAG: rt(rags[i])}
	}
	return h
}

// fixtureReport is a small report with every status, an activity indicator, a monthly
// partial indicator, a stale value, an spc trend and names with é, – and ’.
// Its summary counts were tallied by hand from the indicators below.
func fixtureReport() *report.Report {
	return withHistoryThresholds(fixtureIndicators())
}

// withHistoryThresholds gives each history quarter the thresholds its chart points carry, as
// report.Build does: a monthly chart's months are matched to their quarter.
func withHistoryThresholds(r *report.Report) *report.Report {
	for i := range r.Indicators {
		ind := &r.Indicators[i]
		for j := range ind.History {
			h := &ind.History[j]
			for _, c := range ind.Chart {
				if c.Period.QuarterPeriod() != h.Period {
					continue
				}
				h.Target, h.Floor = c.Target, c.Floor
				if c.Lower != nil || c.Upper != nil {
					h.Expected = &report.Range{Lower: c.Lower, Upper: c.Upper}
				}
			}
		}
	}
	return r
}

func fixtureIndicators() *report.Report {
	higher, lower := pol("higher"), pol("lower")
	return &report.Report{
		Schema:         report.Schema,
		Organisation:   "Example County Council",
		Title:          "Quarterly Performance Report",
		Pack:           report.PackRef{ID: "qpr", Title: "Quarterly Performance Report"},
		Period:         q("2023/24 Q3"),
		PreviousPeriod: q("2023/24 Q2"),
		FileLabel:      "2023-24-Q3",
		PeriodStart:    q("2023-10"),
		PeriodEnd:      q("2023-12"),
		AsAt:           "2024-01-31",
		HistoryPeriods: qs(fixturePeriods),
		Trend:          report.TrendDefaults{Method: "regression", Window: 8, Alpha: 0.05},
		Summary: report.Summary{
			KPIs: 9, ActivityCount: 1,
			RAG:              report.RAGCounts{Green: 3, Amber: 3, Red: 1, NotRated: 1, NoData: 1},
			RAGPrevious:      report.RAGCounts{Green: 4, Amber: 2, Red: 1, NotRated: 1, NoData: 1},
			Trend:            report.TrendCounts{Improving: 2, Stable: 3, Worsening: 2, Insufficient: 2},
			TrendPrevious:    report.TrendCounts{Improving: 1, Stable: 5, Worsening: 1, Insufficient: 2},
			Activity:         report.ActivityCounts{Within: 1},
			ActivityPrevious: report.ActivityCounts{Above: 1},
		},
		Directorates: []report.Directorate{
			{Code: "CED", Name: "Chief Executive’s Department", KPIs: 4, ActivityCount: 1,
				RAG:      report.RAGCounts{Green: 0, Amber: 2, Red: 1, NotRated: 1},
				Trend:    report.TrendCounts{Stable: 2, Worsening: 1, Insufficient: 1},
				Activity: report.ActivityCounts{Within: 1}},
			{Code: "CYPE", Name: "Children, Young People and Education", KPIs: 3,
				RAG:   report.RAGCounts{Green: 1, Amber: 1, NoData: 1},
				Trend: report.TrendCounts{Improving: 1, Worsening: 1, Insufficient: 1}},
			{Code: longDirectorateCode, Name: "Growth, Environment & Transport", KPIs: 2,
				RAG:   report.RAGCounts{Green: 2},
				Trend: report.TrendCounts{Improving: 1, Stable: 1}},
		},
		Indicators: []report.Indicator{
			{
				Code: "CS01", Name: "Percentage of calls to Contact Point answered", Directorate: "CED",
				Type: "kpi", Polarity: higher, Unit: "percent", Decimals: 1, Frequency: "quarterly",
				Value: f64(82.4), Display: str("82.4"), ValuePeriod: pp("2023/24 Q3"),
				Target: f64(85), Floor: f64(75), RAG: rt("amber"), RAGPrevious: rt("green"),
				Trend: &report.Trend{Method: "regression", Direction: "worsening", Points: 8, Window: 8,
					Sentence: "Falling by 1.1 points a quarter over the last 8 quarters."},
				TrendPrevious: dr("stable"),
				History: kpiHistory([]*float64{f64(86), f64(87.5), f64(85.2), f64(85), f64(82.4)},
					[]string{"green", "green", "green", "green", "amber"}),
				Chart: []report.ChartPoint{
					{Period: q("2022/23 Q3"), Value: f64(86), Target: f64(80), Floor: f64(70)},
					{Period: q("2022/23 Q4"), Value: f64(87.5), Target: f64(80), Floor: f64(70)},
					{Period: q("2023/24 Q1"), Value: f64(85.2), Target: f64(85), Floor: f64(75)},
					{Period: q("2023/24 Q2"), Value: f64(85), Target: f64(85), Floor: f64(75)},
					{Period: q("2023/24 Q3"), Value: f64(82.4), Target: f64(85), Floor: f64(75)},
				},
				Commentary: &report.Commentary{Context: "High staff sickness – calls up 12%.", Actions: "Recruiting eight call handlers."},
			},
			{
				Code: "CS02", Name: "Complaints responded to within timescale", Directorate: "CED",
				Type: "kpi", Polarity: higher, Unit: "percent", Decimals: 1,
				Value: f64(89.96), Display: str("89.96"), Places: 2, ValuePeriod: pp("2023/24 Q3"),
				Target: f64(90), Floor: f64(80), RAG: rt("amber"), RAGPrevious: rt("amber"),
				Trend: &report.Trend{Method: "regression", Direction: "stable", Points: 5, Window: 8, Sentence: "No clear trend."},
				History: kpiHistory([]*float64{f64(88), f64(89), f64(90), f64(89.5), f64(89.96)},
					[]string{"amber", "amber", "green", "amber", "amber"}),
			},
			{
				Code: "CS03", Name: "Cost of agency staff", Directorate: "CED",
				Type: "kpi", Polarity: lower, Unit: "currency", Decimals: 0,
				Value: f64(1250000), Display: str("1,250,000"), ValuePeriod: pp("2023/24 Q3"),
				Target: f64(1000000), Floor: f64(1200000), RAG: rt("red"), RAGPrevious: rt("red"),
				Trend: &report.Trend{Method: "regression", Direction: "stable", Points: 5, Window: 8, Sentence: "No clear trend."},
				History: kpiHistory([]*float64{f64(1300000), f64(1280000), f64(1260000), f64(1255000), f64(1250000)},
					[]string{"red", "red", "red", "red", "red"}),
			},
			{
				Code: "CS04", Name: "Calls received by Contact Point", Directorate: "CED",
				Type: "activity", Unit: "number", Decimals: 0,
				Value: f64(115000), Display: str("115,000"), ValuePeriod: pp("2023/24 Q3"),
				Expected: &report.Range{Lower: f64(100000), Upper: f64(130000)}, Activity: ac("within"),
				Trend: &report.Trend{Method: "regression", Direction: "rising", Points: 5, Window: 8, Sentence: "Rising by 2,000 calls a quarter."},
				History: []report.HistoryPoint{
					{Period: q("2022/23 Q3"), Value: f64(140000), Activity: ac("above")},
					{Period: q("2022/23 Q4"), Value: f64(120000), Activity: ac("within")},
					{Period: q("2023/24 Q1"), Value: f64(131000), Activity: ac("above")},
					{Period: q("2023/24 Q2"), Value: f64(133000), Activity: ac("above")},
					{Period: q("2023/24 Q3"), Value: f64(115000), Activity: ac("within")},
				},
				Chart: []report.ChartPoint{
					{Period: q("2023/24 Q2"), Value: f64(133000), Lower: f64(100000), Upper: f64(130000)},
				},
			},
			{
				Code: "CS05", Name: "Average days to process a blue badge", Directorate: "CED",
				Type: "kpi", Polarity: lower, Unit: "days", Decimals: 1, Basis: "R12M",
				Value: f64(12.5), Display: str("12.5"), ValuePeriod: pp("2023/24 Q3"),
				RAG: rt("not_rated"), RAGPrevious: rt("not_rated"),
				Trend: &report.Trend{Method: "regression", Direction: "insufficient", Points: 2, Window: 8, Sentence: "Too few points for a trend."},
				History: kpiHistory([]*float64{nil, nil, nil, f64(13), f64(12.5)},
					[]string{"no_data", "no_data", "no_data", "not_rated", "not_rated"}),
			},
			{
				Code: "CY01", Name: "Children in care with a permanent social worker", Directorate: "CYPE",
				Type: "kpi", Polarity: higher, Unit: "percent", Decimals: 0,
				Target: f64(85), Floor: f64(80), RAG: rt("no_data"), RAGPrevious: rt("no_data"),
				Trend:   &report.Trend{Method: "regression", Direction: "insufficient", Sentence: "No data."},
				History: kpiHistory([]*float64{nil, nil, nil, nil, nil}, []string{"no_data", "no_data", "no_data", "no_data", "no_data"}),
			},
			{
				Code: "CY02", Name: "Café referrals – families’ support within 28 days", Directorate: "CYPE",
				Type: "kpi", Polarity: higher, Unit: "percent", Decimals: 0, Frequency: "monthly",
				Value: f64(57), Display: str("57"), ValuePeriod: pp("2023/24 Q3"), Partial: true, Months: 2,
				Target: f64(57.5), Floor: f64(50), RAG: rt("amber"), RAGPrevious: rt("green"),
				Trend: &report.Trend{Method: "mann-kendall", Direction: "worsening", Points: 14, Window: 8, Sentence: "Falling over the last 14 months."},
				History: []report.HistoryPoint{
					{Period: q("2022/23 Q3"), Value: f64(61), RAG: rt("green")},
					{Period: q("2022/23 Q4"), Value: f64(60), RAG: rt("green")},
					{Period: q("2023/24 Q1"), Value: f64(59), RAG: rt("green")},
					{Period: q("2023/24 Q2"), Value: f64(58), RAG: rt("green")},
					{Period: q("2023/24 Q3"), Value: f64(57), RAG: rt("amber"), Partial: true},
				},
				// Monthly chart points: their thresholds are found for each quarter by month.
				Chart: []report.ChartPoint{
					{Period: q("2023-01"), Value: f64(60), Target: f64(55), Floor: f64(45)},
					{Period: q("2023-05"), Value: f64(59), Target: f64(57.5), Floor: f64(50)},
					{Period: q("2023-11"), Value: f64(57), Target: f64(57.5), Floor: f64(50)},
				},
			},
			{
				Code: "CY03", Name: "Rate of children subject to a child protection plan", Directorate: "CYPE",
				Type: "kpi", Polarity: lower, Unit: "rate", Decimals: 2,
				Value: f64(30), Display: str("30.00"), ValuePeriod: pp("2023/24 Q2"), Stale: true,
				Target: f64(35), Floor: f64(40), RAG: rt("green"), RAGPrevious: rt("green"),
				Trend: &report.Trend{Method: "regression", Direction: "improving", Points: 4, Window: 8, Sentence: "Falling by 1.5 a quarter."},
				History: kpiHistory([]*float64{f64(34.5), f64(33), f64(31.25), f64(30), nil},
					[]string{"green", "green", "green", "green", "no_data"}),
			},
			{
				Code: "GE01", Name: "Routine pothole repairs completed within 28 days", Directorate: longDirectorateCode,
				Type: "kpi", Polarity: higher, Unit: "number", Decimals: 0,
				Value: f64(1234), Display: str("1,234"), ValuePeriod: pp("2023/24 Q3"),
				Target: f64(1000), Floor: f64(900), RAG: rt("green"), RAGPrevious: rt("green"),
				Trend: &report.Trend{Method: "spc", Direction: "improving", Points: 8, Window: 8,
					Sentence: "Special cause improvement: above the upper process limit.", Assurance: ptrTo(report.AssurancePass)},
				History: kpiHistory([]*float64{f64(1000), f64(1010), f64(1050), f64(1100), f64(1234)},
					[]string{"green", "green", "green", "green", "green"}),
			},
			{
				Code: "GE02", Name: "Highway emergency incidents attended within 2 hours", Directorate: longDirectorateCode,
				Type: "kpi", Polarity: higher, Unit: "percent", Decimals: 0,
				Value: f64(98), Display: str("98"), ValuePeriod: pp("2023/24 Q3"),
				Target: f64(98), Floor: f64(95), RAG: rt("green"), RAGPrevious: rt("green"),
				Trend: &report.Trend{Method: "regression", Direction: "stable", Points: 5, Window: 8, Sentence: "No clear trend."},
				History: kpiHistory([]*float64{f64(97), f64(98), f64(99), f64(98), f64(98)},
					[]string{"amber", "green", "green", "green", "green"}),
			},
		},
	}
}

func ptrTo[T any](v T) *T { return &v }

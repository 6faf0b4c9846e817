package pdf

import (
	"fmt"

	"github.com/example/qpr/internal/reporttest"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/report"
)

func f(v float64) *float64 { return &v }
func s(v string) *string   { return &v }

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

// chartQuarters are the eight quarters of the trend window ending 2023/24 Q2.
var chartQuarters = []string{
	"2021/22 Q3", "2021/22 Q4", "2022/23 Q1", "2022/23 Q2",
	"2022/23 Q3", "2022/23 Q4", "2023/24 Q1", "2023/24 Q2",
}

var historyQuarters = chartQuarters[3:]

// quarterly builds an indicator's chart (values over the window, one target and floor
// throughout) and history (the last five values with the ratings given).
func quarterly(in report.Indicator, values []*float64, target, floor *float64, ratings []string) report.Indicator {
	for i, l := range chartQuarters {
		in.Chart = append(in.Chart, report.ChartPoint{Period: q(l), Value: values[i], Target: target, Floor: floor})
	}
	for i, l := range historyQuarters {
		h := report.HistoryPoint{Period: q(l), Value: values[3+i]}
		if in.Type == catalogue.Activity {
			h.Activity = ac(ratings[i])
		} else {
			h.RAG = rt(ratings[i])
		}
		in.History = append(in.History, h)
	}
	in.Target, in.Floor = target, floor
	return in
}

func vals(vs ...float64) []*float64 {
	out := make([]*float64, len(vs))
	for i, v := range vs {
		if !isGap(v) {
			out[i] = f(v)
		}
	}
	return out
}

// gap marks a missing value in vals.
const gap = -999999

func isGap(v float64) bool { return v == gap }

func regression(direction string, intercept, slope, p float64, sentence string) *report.Trend {
	return &report.Trend{Method: "regression", Direction: report.Direction(direction), Points: 8, Window: 8,
		Intercept: f(intercept), Slope: f(slope), PValue: f(p), Sentence: sentence}
}

// fixtureReport is a hand-made 2023/24 Q2 report: three directorates, nine KPIs covering
// every rating, two activity indicators, a monthly part-quarter spc indicator, a stale
// value, and names with é, – and ’.
func fixtureReport() *report.Report {
	higher, lower := pol("higher"), pol("lower")
	var ins []report.Indicator

	cs01 := quarterly(report.Indicator{Code: "CS01", Name: "Percentage of calls to Contact Point answered", Directorate: "CED",
		Type: "kpi", Polarity: higher, Unit: "percent", Frequency: "quarterly",
		Value: f(82.4), Display: s("82"), ValuePeriod: pp("2023/24 Q2"), RAG: rt("amber"), RAGPrevious: rt("green"),
		Trend:         regression("worsening", 90.2, -1.1, 0.01, "Worsening: the fitted trend falls by 1.1 percentage points a quarter over the last 8 quarters (p = 0.010)."),
		TrendPrevious: dr("stable"),
		Projection:    &report.Projection{Period: q("2023/24 Q3"), Value: 81.4, Lower: 77.9, Upper: 84.9, RAG: rt("amber"), Target: f(85), Floor: f(75)},
		Commentary: &report.Commentary{
			Context: "The answer rate fell because of high staff sickness and the training of new call handlers.",
			Actions: "Recruitment of eight additional call handlers is under way with Agilisys; overtime is offered at peak times.",
		}},
		vals(90, 89, 88.5, 87, 86, 85.5, 84, 82.4), f(85), f(75), []string{"green", "green", "green", "amber", "amber"})
	ins = append(ins, cs01)

	cs02 := quarterly(report.Indicator{Code: "CS02", Name: "Calls to Contact Point answered within 85 seconds", Directorate: "CED",
		Type: "kpi", Polarity: higher, Unit: "percent", Decimals: 1, Frequency: "quarterly",
		Value: f(89.96), Display: s("89.96"), Places: 2, ValuePeriod: pp("2023/24 Q2"), RAG: rt("amber"), RAGPrevious: rt("amber"),
		Trend:         regression("improving", 80.1, 1.3, 0.002, "Improving: up 1.3 percentage points a quarter over the last 8 quarters (p = 0.002)."),
		TrendPrevious: dr("improving"),
	}, vals(80, 82, 83, 84.5, 86, 87.2, 88.9, 89.96), f(90), f(80), []string{"amber", "amber", "amber", "amber", "amber"})
	ins = append(ins, cs02)

	cs04 := quarterly(report.Indicator{Code: "CS04", Name: "Calls received by Contact Point", Directorate: "CED",
		Type: "activity", Unit: "number", Frequency: "quarterly",
		Value: f(118250), Display: s("118250"), ValuePeriod: pp("2023/24 Q2"),
		Expected: &report.Range{Lower: f(100000), Upper: f(130000)}, Activity: ac("within"),
		Trend: &report.Trend{Method: "regression", Direction: "rising", Points: 8, Window: 8, Intercept: f(104000), Slope: f(2000), PValue: f(0.03),
			Sentence: "Rising: up about 2,000 calls a quarter (p = 0.030)."},
	}, vals(102000, 108500, 104000, 111000, 109000, 115500, 112000, 118250), nil, nil, []string{"within", "within", "within", "within", "within"})
	for i := range cs04.Chart {
		cs04.Chart[i].Lower, cs04.Chart[i].Upper = f(100000), f(130000)
	}
	ins = append(ins, cs04)

	gl03 := quarterly(report.Indicator{Code: "GL03", Name: "Data Protection Act subject access requests completed within timescales", Directorate: "CED",
		Type: "kpi", Polarity: higher, Unit: "percent", Frequency: "quarterly",
		Value: f(61), Display: s("61"), ValuePeriod: pp("2023/24 Q1"), Stale: true, RAG: rt("red"), RAGPrevious: rt("red"),
		Trend:         regression("worsening", 79, -2.6, 0.004, "Worsening: down 2.6 percentage points a quarter (p = 0.004)."),
		TrendPrevious: dr("worsening"),
		Commentary: &report.Commentary{
			Context: "Many requests refer to historic paper case files.",
			Actions: "Work is under way to streamline approvals.\n\nThe service keeps requesters informed of any delay.",
		}},
		vals(80, 76, 73, 72, 70, 66, 61, gap), f(90), f(80), []string{"red", "red", "red", "red", "no_data"})
	ins = append(ins, gl03)

	fn05 := quarterly(report.Indicator{Code: "FN05", Name: "Value of sundry debt over six months old", Directorate: "CED",
		Type: "kpi", Polarity: lower, Unit: "currency", Frequency: "quarterly",
		Value: f(1234567), Display: s("1234567"), ValuePeriod: pp("2023/24 Q2"), RAG: rt("green"), RAGPrevious: rt("green"),
		Trend:         regression("stable", 1300000, -5000, 0.41, "Stable: no significant trend over the last 8 quarters (p = 0.410)."),
		TrendPrevious: dr("stable"),
	}, vals(1310000, 1280000, 1350000, 1260000, 1295000, 1240000, 1300000, 1234567), f(1500000), f(2000000), []string{"green", "green", "green", "green", "green"})
	ins = append(ins, fn05)

	// AS01: monthly, spc, part quarter (July and August 2023 only).
	as01 := report.Indicator{Code: "AS01", Name: "Clients who needed no further support after reablement – including café drop-ins", Directorate: "ASC",
		Type: "kpi", Polarity: higher, Unit: "percent", Frequency: "monthly", Months: 2,
		Value: f(74), Display: s("74"), ValuePeriod: pp("2023/24 Q2"), Partial: true, RAG: rt("amber"), RAGPrevious: rt("amber"),
		Target: f(80), Floor: f(70), TrendPrevious: dr("stable"),
		Commentary: &report.Commentary{Context: "September’s figures were not available in time for this report."},
	}
	monthly := []float64{66, 67, 65, 68, 66, 67, 66, 68, 67, 65, 66, 67, 68, 66, 67, 69, 70, 71, 72, 73, 74, 75, 74, gap}
	var series []report.SeriesPoint
	for i, v := range monthly {
		period := fmt.Sprintf("%04d-%02d", 2021+(9+i)/12, (9+i)%12+1)
		pt := report.ChartPoint{Period: q(period), Target: f(80), Floor: f(70)}
		if !isGap(v) {
			pt.Value = f(v)
			kind := report.CommonCause
			if i >= 16 {
				kind = report.SpecialCauseImprovement
			}
			series = append(series, report.SeriesPoint{Period: q(period), Value: v, Type: kind})
		}
		as01.Chart = append(as01.Chart, pt)
	}
	as01.Trend = &report.Trend{Method: "spc", Direction: "improving", Points: 23, Window: 8, Mean: f(68.7), LPL: f(64.1), UPL: f(73.3),
		Assurance: ptrTo(report.AssuranceFail), Series: series,
		Sentence: "Improving: special cause variation, the last seven months above the mean; the target of 80% is above the upper process limit, so it will not be met without change."}
	as01.History = []report.HistoryPoint{
		{Period: q("2022/23 Q2"), Value: f(67), RAG: rt("red")}, {Period: q("2022/23 Q3"), Value: f(67), RAG: rt("red")},
		{Period: q("2022/23 Q4"), Value: f(67), RAG: rt("red")}, {Period: q("2023/24 Q1"), Value: f(72), RAG: rt("amber")},
		{Period: q("2023/24 Q2"), Value: f(74), RAG: rt("amber"), Partial: true},
	}
	ins = append(ins, as01)

	as02 := quarterly(report.Indicator{Code: "AS02", Name: "Average days from referral to carers’ assessment", Directorate: "ASC",
		Type: "kpi", Polarity: lower, Unit: "days", Decimals: 1, Frequency: "quarterly",
		Value: f(32.4), Display: s("32.4"), ValuePeriod: pp("2023/24 Q2"), RAG: rt("red"), RAGPrevious: rt("red"),
		Trend: &report.Trend{Method: "mann-kendall", Direction: "improving", Points: 8, Window: 8, SenSlope: f(-1.5), SenIntercept: f(43), PValue: f(0.01),
			Sentence: "Improving: falling by a typical 1.5 days a quarter (Mann-Kendall, p = 0.010)."},
		TrendPrevious: dr("stable"),
	}, vals(44, 41, 42, 39, 37, 36.5, 34, 32.4), f(21), f(28), []string{"red", "red", "red", "red", "red"})
	ins = append(ins, as02)

	as03 := quarterly(report.Indicator{Code: "AS03", Name: "Safeguarding enquiries completed", Directorate: "ASC",
		Type: "kpi", Polarity: higher, Unit: "percent", Frequency: "quarterly",
		Value: f(71), Display: s("71"), ValuePeriod: pp("2023/24 Q2"), RAG: rt("not_rated"), RAGPrevious: rt("not_rated"),
		Trend:         regression("stable", 70, 0.1, 0.7, "Stable: no significant trend (p = 0.700)."),
		TrendPrevious: dr("stable"),
	}, vals(70, 71, 69, 72, 70, 71, 70, 71), nil, nil, []string{"not_rated", "not_rated", "not_rated", "not_rated", "not_rated"})
	ins = append(ins, as03)

	ht01 := quarterly(report.Indicator{Code: "HT01", Name: "Routine pothole repairs completed within 28 days", Directorate: "GET",
		Type: "kpi", Polarity: higher, Unit: "percent", Frequency: "quarterly",
		Value: f(93), Display: s("93"), ValuePeriod: pp("2023/24 Q2"), RAG: rt("green"), RAGPrevious: rt("green"),
		Trend:         regression("stable", 92, 0.05, 0.8, "Stable: no significant trend (p = 0.800)."),
		TrendPrevious: dr("stable"),
	}, vals(91, 93, 92, 94, 91, 92, 93, 93), f(90), f(80), []string{"green", "green", "green", "green", "green"})
	ins = append(ins, ht01)

	ht02 := quarterly(report.Indicator{Code: "HT02", Name: "Kerbside recycling – tonnes per 1,000 households", Directorate: "GET",
		Type: "kpi", Polarity: higher, Unit: "rate", Frequency: "quarterly",
		RAG: rt("no_data"), RAGPrevious: rt("no_data"),
		Trend:         &report.Trend{Method: "regression", Direction: "insufficient", Points: 0, Window: 8, Sentence: "Too few values to judge a direction of travel (0 of the 3 needed)."},
		TrendPrevious: dr("insufficient"),
	}, vals(gap, gap, gap, gap, gap, gap, gap, gap), f(120), f(100), []string{"no_data", "no_data", "no_data", "no_data", "no_data"})
	ins = append(ins, ht02)

	ht03 := quarterly(report.Indicator{Code: "HT03", Name: "Visits to the council’s website", Directorate: "GET",
		Type: "activity", Unit: "number", Frequency: "quarterly",
		Value: f(1520000), Display: s("1520000"), ValuePeriod: pp("2023/24 Q2"),
		Expected: &report.Range{Lower: f(1100000), Upper: f(1400000)}, Activity: ac("above"),
		Trend: &report.Trend{Method: "regression", Direction: "stable", Points: 8, Window: 8, Intercept: f(1300000), Slope: f(10000), PValue: f(0.2),
			Sentence: "Stable: no significant trend (p = 0.200)."},
	}, vals(1250000, 1310000, 1280000, 1350000, 1300000, 1390000, 1360000, 1520000), nil, nil, []string{"within", "within", "within", "within", "above"})
	for i := range ht03.Chart {
		ht03.Chart[i].Lower, ht03.Chart[i].Upper = f(1100000), f(1400000)
	}
	ins = append(ins, ht03)

	return &report.Report{
		Schema: report.Schema, Organisation: "Example County Council", Title: "Quarterly Performance Report",
		Pack:   report.PackRef{ID: "qpr", Title: "Quarterly Performance Report"},
		Period: q("2023/24 Q2"), PreviousPeriod: q("2023/24 Q1"), FileLabel: "2023-24-Q2",
		PeriodStart: q("2023-07"), PeriodEnd: q("2023-09"), AsAt: "2023-11-14",
		HistoryPeriods: qs(historyQuarters),
		Trend:          report.TrendDefaults{Method: "regression", Window: 8, Alpha: 0.05},
		Summary: report.Summary{
			KPIs: 9, ActivityCount: 2,
			RAG:              report.RAGCounts{Green: 2, Amber: 3, Red: 2, NotRated: 1, NoData: 1},
			RAGPrevious:      report.RAGCounts{Green: 3, Amber: 2, Red: 2, NotRated: 1, NoData: 1},
			Trend:            report.TrendCounts{Improving: 3, Stable: 3, Worsening: 2, Insufficient: 1},
			TrendPrevious:    report.TrendCounts{Improving: 1, Stable: 5, Worsening: 2, Insufficient: 1},
			Activity:         report.ActivityCounts{Above: 1, Within: 1},
			ActivityPrevious: report.ActivityCounts{Within: 2},
		},
		Directorates: []report.Directorate{
			{Code: "CED", Name: "Chief Executive’s Department", KPIs: 4, ActivityCount: 1,
				RAG: report.RAGCounts{Green: 1, Amber: 2, Red: 1}, Trend: report.TrendCounts{Improving: 1, Stable: 1, Worsening: 2},
				Activity: report.ActivityCounts{Within: 1}},
			{Code: "ASC", Name: "Adult Social Care and Health – Résumé of Services", KPIs: 3,
				RAG: report.RAGCounts{Amber: 1, Red: 1, NotRated: 1}, Trend: report.TrendCounts{Improving: 2, Stable: 1}},
			{Code: "GET", Name: "Growth, Environment and Transport", KPIs: 2, ActivityCount: 1,
				RAG: report.RAGCounts{Green: 1, NoData: 1}, Trend: report.TrendCounts{Stable: 1, Insufficient: 1},
				Activity: report.ActivityCounts{Above: 1}},
		},
		Indicators: ins,
	}
}

func ptrTo[T any](v T) *T { return &v }

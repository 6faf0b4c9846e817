package app

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/example/qpr/internal/jsontext"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/trend"
)

// TrendOptions are trend's flags.
type TrendOptions struct {
	Inputs
	Code   string
	Method string
	Window int // 0 = the catalogue's, unless WindowGiven
	// WindowGiven says --window was typed, so a 0 there is refused rather than taken as unset.
	WindowGiven bool
	JSON        bool
}

// RunTrend explains one indicator's direction of travel: its points, the fitted figures and
// the verdict in words.
func RunTrend(streams Streams, o TrendOptions) error {
	if o.Code == "" || strings.Contains(o.Code, ",") {
		return UsageError("give one indicator CODE")
	}
	var method trend.Method
	if o.Method != "" {
		m, err := trend.ParseMethod(o.Method)
		if err != nil {
			return UsageError("--method: %v", err)
		}
		method = m
	}
	if o.Window < 0 || o.Window > catalogue.MaxWindow || (o.WindowGiven && o.Window == 0) {
		return UsageError("--window: %d is not a window; give 1 to %d quarters", o.Window, catalogue.MaxWindow)
	}
	l, err := o.load(Outputs{})
	if err != nil {
		return err
	}
	chosen, err := chooseIndicators(l.cat, []string{o.Code}, nil, false)
	if err != nil {
		return err
	}
	r, err := l.reportOf(chosen, func(spec *catalogue.TrendSpec) {
		if method != "" {
			spec.Method = string(method)
		}
		if o.Window > 0 {
			spec.Window = o.Window
		}
	})
	if err != nil {
		return err
	}
	ind := &r.Indicators[0]
	if o.JSON {
		return encodeJSON(streams.Out, trendJSON{Code: ind.Code, Period: r.Period, Trend: ind.Trend})
	}
	writeTrendText(streams, r, ind)
	return nil
}

// trendJSON is `trend --json`: code and period, then the method's own figures.
type trendJSON struct {
	Code   string        `json:"code"`
	Period report.Period `json:"period"`
	*report.Trend
}

// MarshalJSON keeps the Trend's own marshalling (spc's null assurance) with code and period
// in front.
func (t trendJSON) MarshalJSON() ([]byte, error) {
	inner, err := t.Trend.MarshalJSON()
	if err != nil {
		return nil, err
	}
	code, err := jsontext.Marshal(t.Code)
	if err != nil {
		return nil, err
	}
	period, err := jsontext.Marshal(t.Period)
	if err != nil {
		return nil, err
	}
	head := `{"code":` + string(code) + `,"period":` + string(period)
	if len(inner) <= 2 {
		return []byte(head + "}"), nil
	}
	return []byte(head + "," + string(inner[1:])), nil
}

// writeTrendText explains the direction of travel in words, every value and sentence shown
// as the report shows it.
func writeTrendText(streams Streams, r *report.Report, ind *report.Indicator) {
	t := ind.Trend
	noun := "quarters"
	if present.IsMonthly(ind) {
		noun = "quarters (monthly points)"
	}
	fmt.Fprintf(streams.Out, "%s %s\n", ind.Code, ind.Name)
	fmt.Fprintf(streams.Out, "%s, %s over the last %d %s\n\n", present.Label(r.Period), t.Method, t.Window, noun)

	types := map[report.Period]string{}
	for _, p := range t.Series {
		types[p.Period] = present.PointType(p.Type)
	}
	kpi := !present.IsActivity(ind)
	tw := tabwriter.NewWriter(streams.Out, 0, 0, 2, ' ', 0)
	header := "period\tvalue"
	if kpi {
		header += "\ttarget"
	}
	if len(types) > 0 {
		header += "\tpoint"
	}
	fmt.Fprintln(tw, header)
	window := ind.Chart[len(ind.Chart)-chartWindowLen(ind):]
	for _, p := range window {
		row := present.Label(p.Period) + "\t" + present.PointValue(ind, p).Text
		if kpi {
			row += "\t"
			if p.Target != nil {
				row += present.Threshold(ind, p.Target).Text
			}
		}
		if len(types) > 0 {
			row += "\t" + types[p.Period]
		}
		fmt.Fprintln(tw, row)
	}
	tw.Flush()
	fmt.Fprintln(streams.Out)
	if figures := present.TrendFigures(ind); figures != "" {
		fmt.Fprintln(streams.Out, figures)
	}
	fmt.Fprintln(streams.Out, t.Sentence)
	if s := present.ProjectionSentence(ind); s != "" {
		fmt.Fprintln(streams.Out, s)
	}
}

// chartWindowLen is how many chart points belong to the trend window (the chart may show more).
func chartWindowLen(ind *report.Indicator) int {
	n := ind.Trend.Window
	if present.IsMonthly(ind) {
		n *= 3
	}
	return min(n, len(ind.Chart))
}

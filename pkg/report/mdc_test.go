package report

import (
	"testing"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/trend"
)

func TestMDCOf(t *testing.T) {
	// 10 and 11 alternating, then 30: the moving ranges are 1 but the last, 20, which is
	// screened out (it is over 3.267 x their mean), so the limits are 12.875 +/- 2.66 x 1:
	// 10.215 to 15.535. 30 is beyond the upper limit.
	vals := []float64{10, 11, 10, 11, 10, 11, 10, 30}
	analyse := func(pol trend.Polarity, target *float64) trend.Result {
		cfg := trend.DefaultConfig()
		cfg.Method = trend.SPC
		in := trend.Input{Polarity: pol, Target: target}
		for i, v := range vals {
			in.Points = append(in.Points, trend.Point{Label: "p", Pos: float64(i), Value: v})
		}
		return trend.Analyse(cfg, in)
	}
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	cases := []struct {
		name                       string
		pol                        trend.Polarity
		kind                       catalogue.Type
		target                     *float64
		variation, rule, assurance string
	}{
		{"higher is better, target between the limits", trend.HigherIsBetter, catalogue.KPI, f(12), VariationImprovement, trend.RuleOutsideLimits, MDCHitAndMiss},
		{"higher is better, target above the upper limit", trend.HigherIsBetter, catalogue.KPI, f(20), VariationImprovement, trend.RuleOutsideLimits, MDCFails},
		{"lower is better, target above the upper limit", trend.LowerIsBetter, catalogue.KPI, f(20), VariationConcern, trend.RuleOutsideLimits, MDCMeets},
		{"no target", trend.HigherIsBetter, catalogue.KPI, nil, VariationImprovement, trend.RuleOutsideLimits, "null"},
		{"activity", trend.None, catalogue.Activity, nil, VariationNeither, trend.RuleOutsideLimits, "null"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mdcOf(analyse(c.pol, c.target), c.kind, c.target != nil)
			if got.Variation != c.variation || str(got.Rule) != c.rule || str(got.Assurance) != c.assurance {
				t.Errorf("mdc %s %s %s, want %s %s %s", got.Variation, str(got.Rule), str(got.Assurance), c.variation, c.rule, c.assurance)
			}
		})
	}
	// one point: not enough for SPC
	cfg := trend.DefaultConfig()
	cfg.Method = trend.SPC
	one := trend.Analyse(cfg, trend.Input{Polarity: trend.HigherIsBetter, Points: []trend.Point{{Label: "p", Value: 5}}, Target: f(4)})
	got := mdcOf(one, catalogue.KPI, true)
	if got.Variation != VariationInsufficient || got.Rule != nil || str(got.Assurance) != MDCInsufficient || got.Reason != ReasonTooFewPoints {
		t.Errorf("one point: %+v", got)
	}
	if mdcOf(trend.Analyse(trend.DefaultConfig(), trend.Input{}), catalogue.KPI, true) != nil {
		t.Error("a regression result has an mdc")
	}
}

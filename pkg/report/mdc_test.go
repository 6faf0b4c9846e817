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
		// the limits (10.215 to 15.535) lie below a target of 20, but the latest point, 30, is
		// above it: "consistently fails" (or "meets") would contradict it, so it is withheld
		{"higher is better, target above the upper limit", trend.HigherIsBetter, catalogue.KPI, f(20), VariationImprovement, trend.RuleOutsideLimits, MDCInsufficient},
		{"lower is better, target above the upper limit", trend.LowerIsBetter, catalogue.KPI, f(20), VariationConcern, trend.RuleOutsideLimits, MDCInsufficient},
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
	// 10 and 11 alternating, no special cause: the limits, 10.5 +/- 2.66 (7.84 to 13.16),
	// lie wholly below a target of 20
	steady := func(pol trend.Polarity) trend.Result {
		cfg := trend.DefaultConfig()
		cfg.Method = trend.SPC
		in := trend.Input{Polarity: pol, Target: f(20)}
		for i := range 12 {
			in.Points = append(in.Points, trend.Point{Label: "p", Pos: float64(i), Value: float64(10 + i%2)})
		}
		return trend.Analyse(cfg, in)
	}
	if got := mdcOf(steady(trend.HigherIsBetter), catalogue.KPI, true); str(got.Assurance) != MDCFails || got.Variation != VariationCommonCause {
		t.Errorf("steady below a target, higher is better: %s %s, want common cause, consistently fails", got.Variation, str(got.Assurance))
	}
	if got := mdcOf(steady(trend.LowerIsBetter), catalogue.KPI, true); str(got.Assurance) != MDCMeets {
		t.Errorf("steady below a target, lower is better: %s, want consistently meets", str(got.Assurance))
	}
	if got := mdcOf(analyse(trend.HigherIsBetter, f(20)), catalogue.KPI, true); got.Reason != ReasonSpecialCause {
		t.Errorf("withheld for the latest point's special cause: reason %q, want %q", got.Reason, ReasonSpecialCause)
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

package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/unit"
)

// kpiThresholds are the thresholds for quarter q (its year's, or the year's profile for q), or
// nil when the KPI is not rated then.
// It is small enough to be inlined, so that the thresholds stay on the caller's stack unless
// the caller keeps them.
func kpiThresholds(ind *catalogue.Indicator, q period.Quarter) *rag.Thresholds {
	th, ok := kpiThresholdsAt(ind, q)
	if !ok {
		return nil
	}
	return &th
}

func kpiThresholdsAt(ind *catalogue.Indicator, q period.Quarter) (rag.Thresholds, bool) {
	th, ok := ind.ThresholdsAt(q)
	if !ok || th.Target == nil {
		return rag.Thresholds{}, false
	}
	return rag.Thresholds{Target: th.Target, Floor: th.Floor, Lower: ind.Polarity == catalogue.Lower}, true
}

// expectedRange is an activity indicator's range for financial year fy, or nil; inlined, as
// kpiThresholds is.
func expectedRange(ind *catalogue.Indicator, fy int) *rag.Range {
	r, ok := expectedRangeIn(ind, fy)
	if !ok {
		return nil
	}
	return &r
}

func expectedRangeIn(ind *catalogue.Indicator, fy int) (rag.Range, bool) {
	ex, ok := ind.ExpectedFor(fy)
	if !ok || (ex.Lower == nil && ex.Upper == nil) {
		return rag.Range{}, false
	}
	return rag.Range{Lower: ex.Lower, Upper: ex.Upper}, true
}

// rating rates a KPI's value for quarter q (its profile's thresholds, else its year's);
// display is the shown form that keeps that rating, with places decimal places.
func rating(ind *catalogue.Indicator, value *float64, q period.Quarter) (word Rating, display *string, places int) {
	th := kpiThresholds(ind, q)
	word = Rating(rag.Rate(value, th))
	if value == nil {
		return word, nil, max(ind.Decimals, 0)
	}
	places = rag.PlacesKPI(*value, ind.Decimals, th)
	d := unit.Round(*value, places)
	return word, &d, places
}

// activityStatus places an activity indicator's value against financial year fy's expected
// range; display is the shown form that keeps that status.
func activityStatus(ind *catalogue.Indicator, value *float64, fy int) (word ActivityStatus, display *string, places int) {
	r := expectedRange(ind, fy)
	word = ActivityStatus(rag.RateActivity(value, r))
	if value == nil {
		return word, nil, max(ind.Decimals, 0)
	}
	places = rag.PlacesActivity(*value, ind.Decimals, r)
	d := unit.Round(*value, places)
	return word, &d, places
}

func (c *RAGCounts) add(word Rating) {
	switch word {
	case Green:
		c.Green++
	case Amber:
		c.Amber++
	case Red:
		c.Red++
	case NotRated:
		c.NotRated++
	default:
		c.NoData++
	}
}

func (c *ActivityCounts) add(word ActivityStatus) {
	switch word {
	case Above:
		c.Above++
	case Within:
		c.Within++
	case Below:
		c.Below++
	case ActivityNotRated:
		c.NotRated++
	default:
		c.NoData++
	}
}

func (c *TrendCounts) add(direction Direction) {
	switch direction {
	case Improving:
		c.Improving++
	case Stable:
		c.Stable++
	case Worsening:
		c.Worsening++
	default:
		c.Insufficient++
	}
}

package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/rag"
	"github.com/example/qpr/pkg/unit"
)

// kpiThresholds are the thresholds for financial year fy, or nil when the KPI is not rated then.
func kpiThresholds(ind *catalogue.Indicator, fy int) *rag.Thresholds {
	th, ok := ind.ThresholdsFor(fy)
	if !ok || th.Target == nil {
		return nil
	}
	return &rag.Thresholds{Target: th.Target, Floor: th.Floor, Lower: ind.Polarity == catalogue.Lower}
}

// expectedRange is an activity indicator's range for financial year fy, or nil.
func expectedRange(ind *catalogue.Indicator, fy int) *rag.Range {
	ex, ok := ind.ExpectedFor(fy)
	if !ok || (ex.Lower == nil && ex.Upper == nil) {
		return nil
	}
	return &rag.Range{Lower: ex.Lower, Upper: ex.Upper}
}

// rating rates a KPI's value for financial year fy; display is the shown form that keeps
// that rating, with places decimal places.
func rating(ind *catalogue.Indicator, value *float64, fy int) (word Rating, display *string, places int) {
	th := kpiThresholds(ind, fy)
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

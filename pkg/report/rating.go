package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/rag"
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

// status rates a value of ind for financial year fy: the RAG word for a KPI, the activity word
// otherwise; display is the shown form that keeps that status.
func status(ind *catalogue.Indicator, value *float64, fy int) (word string, display *string) {
	if ind.Type == catalogue.Activity {
		r := expectedRange(ind, fy)
		word = rag.RateActivity(value, r)
		if value != nil {
			d := rag.DisplayActivity(*value, ind.Decimals, r)
			display = &d
		}
		return word, display
	}
	th := kpiThresholds(ind, fy)
	word = rag.Rate(value, th)
	if value != nil {
		d := rag.DisplayKPI(*value, ind.Decimals, th)
		display = &d
	}
	return word, display
}

func (c *RAGCounts) add(word string) {
	switch word {
	case rag.Green:
		c.Green++
	case rag.Amber:
		c.Amber++
	case rag.Red:
		c.Red++
	case rag.NotRated:
		c.NotRated++
	default:
		c.NoData++
	}
}

func (c *ActivityCounts) add(word string) {
	switch word {
	case rag.Above:
		c.Above++
	case rag.Within:
		c.Within++
	case rag.Below:
		c.Below++
	case rag.NotRated:
		c.NotRated++
	default:
		c.NoData++
	}
}

func (c *TrendCounts) add(direction string) {
	switch direction {
	case "improving":
		c.Improving++
	case "stable":
		c.Stable++
	case "worsening":
		c.Worsening++
	default:
		c.Insufficient++
	}
}

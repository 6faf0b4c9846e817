package report

import (
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/period"
)

// ProfilePoint is one quarter of a profiled year with the target and floor set for it.
type ProfilePoint struct {
	Period Period   `json:"period"`
	Target *float64 `json:"target"`
	Floor  *float64 `json:"floor"`
}

// profile lists every quarter of q's financial year with its thresholds, when that year's
// thresholds have a profile; nil otherwise.
func profile(s series, q period.Quarter) []ProfilePoint {
	if !s.ind.Profiled(q.Year) {
		return nil
	}
	out := make([]ProfilePoint, 0, 4)
	for n := 1; n <= 4; n++ {
		pq := period.Quarter{Year: q.Year, Q: n}
		pp := ProfilePoint{Period: QuarterOf(s.cal, pq)}
		if th := kpiThresholds(s.ind, pq); th != nil {
			pp.Target, pp.Floor = th.Target, th.Floor
		}
		out = append(out, pp)
	}
	return out
}

// ThresholdsFrom says where a KPI's target and floor for the report quarter come from: the
// year they were set for (null when set for every year) and whether the quarter's own
// profile entry applies.
type ThresholdsFrom struct {
	Year    *string `json:"year"`
	Profile bool    `json:"profile"`
}

func thresholdsFrom(s series, q period.Quarter) *ThresholdsFrom {
	year, profiled, ok := s.ind.ThresholdsSource(q)
	if !ok {
		return nil
	}
	out := &ThresholdsFrom{Profile: profiled}
	if year != catalogue.EveryYear {
		label := s.cal.YearLabel(year)
		out.Year = &label
	}
	return out
}

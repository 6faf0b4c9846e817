package catalogue

// InheritedThresholds reports the thresholds a kpi is rated against in financial year fy when
// fy has none of its own but an earlier year does: that year and its thresholds. Thresholds
// given for every year (target: at indicator level) are set on purpose and are not inherited.
func (ind *Indicator) InheritedThresholds(fy int) (from int, th Thresholds, ok bool) {
	if _, own := ind.Thresholds[fy]; own {
		return 0, Thresholds{}, false
	}
	found := false
	for y, t := range ind.Thresholds {
		if y < fy && y != EveryYear && (!found || y > from) {
			from, th, found = y, t, true
		}
	}
	if !found || th.Null || th.Target == nil {
		return 0, Thresholds{}, false
	}
	return from, th, true
}

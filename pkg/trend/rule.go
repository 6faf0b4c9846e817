package trend

// The Making Data Count rules, as an spc result names the one that made its latest point
// special cause.
const (
	RuleOutsideLimits = "outside_limits" // a point beyond a process limit
	RuleTrend         = "trend"          // points in a row rising or falling
	RuleTwoOfThree    = "two_of_three"   // 2 of 3 points near a limit, all on one side of the mean
	RuleShift         = "shift"          // points in a row on one side of the mean
)

// Rule is the rule that made the latest point of an spc result special cause, or "" when it
// is common cause (or the result is not spc, or had too few points).
func (r Result) Rule() string {
	if r.Method != SPC || r.Direction == Insufficient || len(r.Series) == 0 || r.Series[len(r.Series)-1].Type == CommonCause {
		return ""
	}
	switch r.specialCause {
	case outsideLimits:
		return RuleOutsideLimits
	case trendRun:
		return RuleTrend
	case twoOfThree:
		return RuleTwoOfThree
	case shiftRun:
		return RuleShift
	}
	return ""
}

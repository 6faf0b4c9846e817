package trend

import (
	"fmt"
	"math"
)

// The XmR chart of NHS "Making Data Count" as NHSRplotthedots computes it (R/ptd_spc_standard.R
// and R/ptd_calculate_point_type.R, nhs-r-community/NHSRplotthedots main@050b07d): the limit
// constants and the order of the arithmetic are theirs, so boundary cases fall the same way.
const (
	spcNeeds = 2
	// ProvisionalBelow: limits resting on fewer points than this are provisional. Making Data
	// Count asks for 12 to 20 points; NHSRplotthedots warns of a group with fewer than 12.
	ProvisionalBelow  = 12
	limitFactor       = 2.66
	mrScreeningFactor = 3.267
)

// specialCause is why a point is special, in NHSRplotthedots' order of precedence.
type specialCause int

const (
	noSpecialCause specialCause = iota
	outsideLimits
	trendRun    // TrendPoints in a row rising or falling
	twoOfThree  // 2 of 3 close to a limit, all 3 on one side of the mean
	shiftRun    // ShiftPoints in a row on one side of the mean
	noVariation // not a cause: every value equal, so there is nothing to judge
)

// xmrLimits are the mean and process limits of one series.
type xmrLimits struct {
	mean, lpl, upl, nearLower, nearUpper float64
	flat                                 bool // every moving range is 0
}

// computeLimits takes the mean, the moving ranges and their mean, screens out moving ranges of
// at least 3.267 times that mean when screen is set, takes the mean moving range again and puts
// the limits at factor times it either side of the mean. factor is 2.66 for Making Data Count;
// it is a parameter only so that qicharts2's 3/1.128 can be checked too.
func computeLimits(values []float64, screen bool, factor float64) xmrLimits {
	if len(values) == 0 {
		return xmrLimits{flat: true}
	}
	ranges := make([]float64, 0, len(values))
	flat := true
	for i := 1; i < len(values); i++ {
		mr := math.Abs(values[i] - values[i-1])
		ranges = append(ranges, mr)
		if mr != 0 {
			flat = false
		}
	}
	if flat {
		// R would give NaN limits here (every range fails mr < 3.267*0); the contract puts the
		// limits on the mean and takes the mean as the shared value itself, free of rounding,
		// so no point can fall a hair off it.
		v := values[0]
		return xmrLimits{mean: v, lpl: v, upl: v, nearLower: v, nearUpper: v, flat: true}
	}
	mean := meanOfFloats(values)
	meanRange := meanOfFloats(ranges)
	if screen {
		kept := ranges[:0] // filtering in place: each write lands at or before the read
		for _, mr := range ranges {
			if mr < mrScreeningFactor*meanRange {
				kept = append(kept, mr)
			}
		}
		// Every range screened out leaves an empty mean; R's mean(numeric(0)) is NaN, but a
		// range can only fail the screen if another is smaller, so kept is never empty here.
		meanRange = meanOfFloats(kept)
	}
	// "Two thirds of the way to a limit", in R's order of operations (2 * (limit / 3)) at run
	// time, so the band edge rounds as NHSRplotthedots' does.
	closeFactor := 2 * (factor / 3)
	return xmrLimits{
		mean:      mean,
		lpl:       mean - factor*meanRange,
		upl:       mean + factor*meanRange,
		nearLower: mean - closeFactor*meanRange,
		nearUpper: mean + closeFactor*meanRange,
	}
}

// pointFlags are the per-point inputs of the special-cause rules.
type pointFlags struct {
	outside        []bool
	relativeToMean []int // sign(value - mean)
	closeToLimits  []bool
}

func flagPoints(values []float64, lim xmrLimits) pointFlags {
	n := len(values)
	f := pointFlags{
		outside:        make([]bool, n),
		relativeToMean: make([]int, n),
		closeToLimits:  make([]bool, n),
	}
	for i, y := range values {
		f.outside[i] = y > lim.upl || y < lim.lpl
		f.relativeToMean[i] = sign(y - lim.mean)
		f.closeToLimits[i] = !f.outside[i] && (y < lim.nearLower || y > lim.nearUpper)
	}
	return f
}

// runOnOneSide marks every point of a run of at least length points in a row on the same side
// of the mean (ptd_seven_point_one_side_mean then ptd_part_of_seven_trend, generalised from 7).
func runOnOneSide(relativeToMean []int, length int) []bool {
	return spreadBack(oneSideRunEnds(relativeToMean, length), length)
}

// oneSideRunEnds marks the points that complete length points in a row on one side of the mean.
// A point exactly on the mean is on neither side and breaks a run.
func oneSideRunEnds(relativeToMean []int, length int) []bool {
	ends := make([]bool, len(relativeToMean))
	run := 0
	for i, side := range relativeToMean {
		switch {
		case side == 0:
			run = 0
		case i > 0 && side == relativeToMean[i-1]:
			run++
		default:
			run = 1
		}
		ends[i] = run >= length
	}
	return ends
}

// runRisingOrFalling marks every point of a run of at least length points each strictly above
// (or each strictly below) the one before (ptd_seven_point_trend then ptd_part_of_seven_trend).
func runRisingOrFalling(values []float64, length int) []bool {
	ends := monotoneRunEnds(values, length)
	flags := make([]bool, len(ends))
	for i, e := range ends {
		flags[i] = e != 0
	}
	return spreadBack(flags, length)
}

// monotoneRunEnds is +1 (-1) at each point that completes length points in a row each higher
// (lower) than the one before, else 0. Equal neighbours break a run.
func monotoneRunEnds(values []float64, length int) []int {
	n := len(values)
	ends := make([]int, n)
	run, dir := 1, 0
	for i := 1; i < n; i++ {
		d := sign(values[i] - values[i-1])
		switch {
		case d == 0:
			run, dir = 1, 0
		case d == dir:
			run++
		default:
			run, dir = 2, d
		}
		if run >= length {
			ends[i] = dir
		}
	}
	return ends
}

// spreadBack marks point i when any of points i..i+length-1 ends a qualifying run, which is how
// NHSRplotthedots colours the whole run and not only the point that completes it.
func spreadBack(ends []bool, length int) []bool {
	part := make([]bool, len(ends))
	last := -1 // index of the nearest run end at or after i
	for i := len(ends) - 1; i >= 0; i-- {
		if ends[i] {
			last = i
		}
		part[i] = last >= 0 && last-i < length
	}
	return part
}

// twoInThree marks the points close to a limit that belong to a qualifying window of three
// (ptd_two_in_three then ptd_part_of_two_in_three). Points beyond a limit are not "close".
func twoInThree(closeToLimits []bool, relativeToMean []int) []bool {
	part := twoInThreeWindows(closeToLimits, relativeToMean)
	for i := range part {
		part[i] = part[i] && closeToLimits[i]
	}
	return part
}

// twoInThreeWindows marks every point of each window of three consecutive points in which at
// least two are close to a limit and all three are on the same side of the mean. The same-side
// test is NHSRplotthedots' since 2022: two points near opposite limits are not a signal.
func twoInThreeWindows(closeToLimits []bool, relativeToMean []int) []bool {
	n := len(closeToLimits)
	qualifies := func(start int) bool { // positions outside the series count as neither
		closeCount, sideSum := 0, 0
		for k := max(start, 0); k < min(start+3, n); k++ {
			if closeToLimits[k] {
				closeCount++
			}
			sideSum += relativeToMean[k]
		}
		return closeCount >= 2 && (sideSum == 3 || sideSum == -3)
	}
	in := make([]bool, n)
	for i := range in {
		in[i] = qualifies(i-2) || qualifies(i-1) || qualifies(i)
	}
	return in
}

// pointCause is the special cause of each point and the side (+1 above or rising, -1 below or
// falling) that decides between improvement and concern.
type pointCause struct {
	cause specialCause
	side  int
}

func classifyPoints(values []float64, f pointFlags, shiftLength, trendLength int) []pointCause {
	n := len(values)
	trend := runRisingOrFalling(values, trendLength)
	two := twoInThree(f.closeToLimits, f.relativeToMean)
	shift := runOnOneSide(f.relativeToMean, shiftLength)
	aboveOrBelow := func(i int) int { // R: ifelse(relative_to_mean > 0, "Above", "Below")
		if f.relativeToMean[i] > 0 {
			return 1
		}
		return -1
	}
	causes := make([]pointCause, n)
	for i := range causes {
		switch {
		case f.outside[i]:
			side := -1 // R: ifelse(relative_to_mean == 1, "Above UCL", "Below LCL")
			if f.relativeToMean[i] == 1 {
				side = 1
			}
			causes[i] = pointCause{outsideLimits, side}
		case trend[i]:
			causes[i] = pointCause{trendRun, trendSide(values, trend, i)}
		case two[i]:
			causes[i] = pointCause{twoOfThree, aboveOrBelow(i)}
		case shift[i]:
			causes[i] = pointCause{shiftRun, aboveOrBelow(i)}
		}
	}
	return causes
}

// trendSide is the direction of the trend a point belongs to. Where the next point is in a
// trend too, the step to it decides, else the step from the previous point: a point ending a
// rising run and starting a falling one counts as falling, as NHSRplotthedots colours it.
// R calls any step other than +1 "Decreasing", equal neighbours included.
func trendSide(values []float64, trend []bool, i int) int {
	var step int
	switch {
	case i+1 < len(values) && trend[i+1]:
		step = sign(values[i+1] - values[i])
	case i > 0:
		step = sign(values[i] - values[i-1])
	}
	if step == 1 {
		return 1
	}
	return -1
}

func pointType(c pointCause, polarity Polarity) string {
	switch {
	case c.cause == noSpecialCause:
		return CommonCause
	case polarity == None && c.side > 0:
		return SpecialCauseNeutralHigh
	case polarity == None:
		return SpecialCauseNeutralLow
	case (c.side > 0) == (polarity == HigherIsBetter):
		return SpecialCauseImprovement
	}
	return SpecialCauseConcern
}

// assurance compares the target with the process limits: a target beyond a limit is met every
// time or missed every time, one between them (or on one) will be hit and miss.
func assurance(lim xmrLimits, target *float64, polarity Polarity) *string {
	if target == nil || polarity == None {
		return nil
	}
	t := *target
	var a string
	switch {
	case t > lim.upl && polarity == HigherIsBetter, t < lim.lpl && polarity == LowerIsBetter:
		a = AssuranceFail
	case t > lim.upl, t < lim.lpl:
		a = AssurancePass
	default:
		a = AssuranceHitAndMiss
	}
	return &a
}

func directionOfPointType(t string) string {
	switch t {
	case SpecialCauseImprovement:
		return Improving
	case SpecialCauseConcern:
		return Worsening
	case SpecialCauseNeutralHigh:
		return Rising
	case SpecialCauseNeutralLow:
		return Falling
	}
	return Stable
}

func analyseSPC(r *Result, cfg Config, points []Point, target *float64, rebase []float64) {
	r.Assurance = nil
	if len(points) < spcNeeds {
		r.Direction = Insufficient
		return
	}
	values := make([]float64, len(points))
	for i, p := range points {
		values[i] = p.Value
	}
	causes := make([]pointCause, len(values))
	r.Series = make([]SeriesPoint, len(points))
	var lim xmrLimits
	var flags pointFlags
	var segStart int
	for _, seg := range segmentBounds(points, rebase) {
		segStart = seg[0]
		part := values[seg[0]:seg[1]]
		lim = computeLimits(part, cfg.ScreenMR, limitFactor)
		flags = pointFlags{}
		if !lim.flat {
			flags = flagPoints(part, lim)
			copy(causes[seg[0]:], classifyPoints(part, flags, cfg.ShiftPoints, cfg.TrendPoints))
		}
		r.Segments = append(r.Segments, Segment{
			From: points[seg[0]].Label, To: points[seg[1]-1].Label, Points: seg[1] - seg[0],
			Mean: lim.mean, LPL: lim.lpl, UPL: lim.upl, Provisional: seg[1]-seg[0] < ProvisionalBelow,
		})
	}
	// The headline figures are the latest segment's: the process as it stands now.
	latest := r.Segments[len(r.Segments)-1]
	r.Mean, r.LPL, r.UPL = ptr(lim.mean), ptr(lim.lpl), ptr(lim.upl)
	r.Provisional = latest.Provisional
	r.Assurance = assurance(lim, target, r.polarity)
	for i, p := range points {
		r.Series[i] = SeriesPoint{Period: p.Label, Value: p.Value, Type: pointType(causes[i], r.polarity)}
	}
	lastIndex := len(points) - 1
	last := causes[lastIndex]
	r.Direction = directionOfPointType(r.Series[lastIndex].Type)
	r.specialCause, r.specialSide = last.cause, last.side
	segValues := values[segStart:]
	switch {
	case lim.flat:
		r.specialCause = noVariation
	case last.cause == twoOfThree:
		r.runLength = 0
		for i := max(0, len(segValues)-3); i < len(segValues); i++ {
			if flags.closeToLimits[i] {
				r.runLength++
			}
		}
	default:
		r.runLength = trailingRun(segValues, lim.mean, last)
	}
	if !lim.flat {
		r.Shift = sustainedShift(points[segStart:], flags.relativeToMean, cfg.ShiftPoints)
	}
	if latest.Points < spcNeeds {
		// A recalculation point at the latest period leaves one point: no limits to judge by.
		r.Direction, r.Assurance, r.Shift = Insufficient, nil, nil
		r.insufficiency = fmt.Sprintf("1 %s since the limits were recalculated from %s, SPC needs %d", r.noun(), r.name(latest.From), spcNeeds)
		return
	}
	if r.Shift != nil && r.Assurance != nil {
		// Limits that straddle a shift describe neither process: no claim against the target.
		r.withheldAssurance = *r.Assurance
		r.Assurance = nil
		r.AssuranceWithheld = WithheldSustainedShift
	}
	if r.Assurance != nil {
		if why := contradicted(*r.Assurance, r.Series[lastIndex], *target, r.polarity); why != "" {
			r.withheldAssurance = *r.Assurance
			r.Assurance = nil
			r.AssuranceWithheld = why
		}
	}
}

// contradicted is why the latest point forbids the assurance the limits give, or "": a special
// cause of concern beside "pass" or of improvement beside "fail" (the process has moved away
// from what the limits describe), or a latest value on the other side of the target from the
// one the limits promise. "Hit and miss" no point contradicts.
func contradicted(assurance string, latest SeriesPoint, target float64, polarity Polarity) string {
	meets := latest.Value >= target
	if polarity == LowerIsBetter {
		meets = latest.Value <= target
	}
	switch {
	case assurance == AssurancePass && latest.Type == SpecialCauseConcern,
		assurance == AssuranceFail && latest.Type == SpecialCauseImprovement:
		return WithheldSpecialCause
	case assurance == AssurancePass && !meets, assurance == AssuranceFail && meets:
		return WithheldLatestPoint
	}
	return ""
}

// segmentBounds splits the points at each recalculation point into [start, end) index pairs.
// A segment starts at the first point at or after a rebase position; rebase positions at or
// before the first point, or after the last, start nothing (NHSRplotthedots likewise marks only
// the dates it has).
func segmentBounds(points []Point, rebase []float64) [][2]int {
	var bounds [][2]int
	start := 0
	for i := 1; i < len(points); i++ {
		for _, at := range rebase {
			if points[i-1].Pos < at && at <= points[i].Pos {
				bounds = append(bounds, [2]int{start, i})
				start = i
				break
			}
		}
	}
	return append(bounds, [2]int{start, len(points)})
}

// sustainedShift is the run of at least length points on one side of the mean that ends at the
// latest point of the latest segment, or nil: the rule fired over the latest points, so the
// process has moved and its limits should be recalculated from the run's first point.
func sustainedShift(points []Point, relativeToMean []int, length int) *Shift {
	n := len(relativeToMean)
	if n == 0 || relativeToMean[n-1] == 0 {
		return nil
	}
	side := relativeToMean[n-1]
	run := 0
	for i := n - 1; i >= 0 && relativeToMean[i] == side; i-- {
		run++
	}
	if run < length {
		return nil
	}
	word := "below"
	if side > 0 {
		word = "above"
	}
	return &Shift{From: points[n-run].Label, Points: run, Side: word}
}

// trailingRun is how many points up to the last belong to the run that makes it special: the
// sentence says "a run of 9 quarters above the average", not just that a run exists.
func trailingRun(values []float64, mean float64, last pointCause) int {
	n := len(values)
	count := 1
	switch last.cause {
	case trendRun:
		for i := n - 1; i > 0 && sign(values[i]-values[i-1]) == last.side; i-- {
			count++
		}
	case shiftRun:
		for i := n - 2; i >= 0 && sign(values[i]-mean) == last.side; i-- {
			count++
		}
	}
	return count
}

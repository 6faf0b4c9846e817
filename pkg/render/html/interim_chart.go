package html

// INTERIM SEAM, with interim.go: the chart's decisions as the PDF's chart.go makes them
// (axis, thresholds, spc lines, trend line, projection, legend), until pkg/present's
// renderer-neutral chart description replaces this file.

import (
	"math"

	"github.com/example/qpr/pkg/report"
)

// chartOf describes the indicator's chart, or returns nil when it has no value to chart.
func chartOf(in *report.Indicator, id string) *chart {
	values := chartValues(in)
	hasValue := false
	for _, pt := range in.Chart {
		hasValue = hasValue || pt.Value != nil
	}
	if !hasValue || len(values) == 0 {
		return nil
	}
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	lo, hi, step := niceScale(lo, hi)
	c := &chart{ID: id, Lo: lo, Hi: hi, Slots: len(in.Chart), YTitle: unitAxisTitle(in.Unit), XTitle: "Quarter"}
	if in.Frequency == "monthly" {
		c.XTitle = "Month"
	}
	if in.Projection != nil {
		c.Slots = projectionSlot(in) + 1
	}
	places := tickPlaces(step)
	for v := lo; v <= hi+step/2; v += step {
		c.Ticks = append(c.Ticks, tick{V: v, Label: tickLabel(v, in.Unit, places)})
	}
	c.Left = leftFor(c.Ticks)
	c.XLabels = xLabels(in, c.Slots)
	c.Legend = append(c.Legend, legendItem{"series", in.Code + " value"})
	thresholds(in, c)
	tr := in.Trend
	if tr != nil && tr.Method == "spc" && tr.Mean != nil {
		last := len(in.Chart) - 1
		c.Lines = append(c.Lines, hLine{Class: "mean", V: *tr.Mean, From: 0, To: last})
		c.Legend = append(c.Legend, legendItem{"mean", "Mean"})
		if tr.LPL != nil && tr.UPL != nil {
			c.Lines = append(c.Lines, hLine{Class: "limit", V: *tr.LPL, From: 0, To: last}, hLine{Class: "limit", V: *tr.UPL, From: 0, To: last})
			c.Legend = append(c.Legend, legendItem{"limit", "Process limits"})
		}
	}
	if a, b, ok := fittedLine(in); ok {
		n := float64(len(in.Chart) - 1)
		c.Trend = &segment{X0: 0, Y0: a, X1: n, Y1: a + b*n}
		c.Legend = append(c.Legend, legendItem{"trend", "Trend line"})
	}
	special := map[string]string{}
	if tr != nil && tr.Method == "spc" {
		for _, s := range tr.Series {
			special[s.Period] = s.Type
		}
	}
	seen := map[string]bool{}
	for i, pt := range in.Chart {
		if pt.Value != nil {
			kind := special[pt.Period]
			if kind == "common_cause" {
				kind = ""
			}
			seen[kind] = true
			c.Values = append(c.Values, point{Slot: i, V: *pt.Value, Kind: kind})
		}
	}
	for _, k := range []legendItem{
		{"special_cause_improvement", "Special cause: improvement"},
		{"special_cause_concern", "Special cause: concern"},
		{"special_cause_neutral_high", "Special cause: high"},
		{"special_cause_neutral_low", "Special cause: low"},
	} {
		if seen[k.Kind] {
			c.Legend = append(c.Legend, k)
		}
	}
	if pr := in.Projection; pr != nil {
		c.Projection = &projection{Slot: projectionSlot(in), Value: pr.Value, Lower: pr.Lower, Upper: pr.Upper}
		c.Legend = append(c.Legend, legendItem{"projection", "Projection (95% interval)"})
	}
	return c
}

// xLabels labels the slots, thinned so that about eight fit across, always keeping the
// latest value's and the projection's.
func xLabels(in *report.Indicator, slots int) []xLabel {
	labels := make([]string, slots)
	for i, pt := range in.Chart {
		labels[i] = pt.Period
	}
	proj := -1
	if in.Projection != nil {
		proj = projectionSlot(in)
		labels[proj] = in.Projection.Period
	}
	every := int(math.Ceil(float64(slots) / 9))
	if every < 1 {
		every = 1
	}
	last := len(in.Chart) - 1
	var out []xLabel
	for i, l := range labels {
		if l == "" || ((last-i)%every != 0 && i != proj) {
			continue
		}
		top, bottom := axisLabel(l)
		anchor := last
		if proj >= 0 {
			anchor = proj
		}
		minor := ((anchor-i)/every)%2 == 1
		out = append(out, xLabel{Slot: i, Top: top, Bottom: bottom, Minor: minor})
	}
	return out
}

// thresholds adds the expected range, target and floor, slot by slot, with the projection's
// own quarter's thresholds in its slot.
func thresholds(in *report.Indicator, c *chart) {
	n := c.Slots
	target, floor := make([]*float64, n), make([]*float64, n)
	lower, upper := make([]*float64, n), make([]*float64, n)
	for i, pt := range in.Chart {
		target[i], floor[i], lower[i], upper[i] = pt.Target, pt.Floor, pt.Lower, pt.Upper
	}
	if pr := in.Projection; pr != nil && in.Type != "activity" {
		s := projectionSlot(in)
		target[s], floor[s] = pr.Target, pr.Floor
	}
	band := false
	for i := range n {
		if lower[i] != nil && upper[i] != nil {
			band = true
			c.Band = append(c.Band, slotRange{Slot: i, Lo: *lower[i], Hi: *upper[i]})
		}
	}
	if band {
		c.Steps = append(c.Steps, steps{"band-edge", upper}, steps{"band-edge", lower})
		c.Legend = append(c.Legend, legendItem{"band", "Expected range"})
	}
	if anySet(target) {
		c.Steps = append(c.Steps, steps{"target", target})
		c.Legend = append(c.Legend, legendItem{"target", "Target"})
	}
	if anySet(floor) {
		c.Steps = append(c.Steps, steps{"floor", floor})
		c.Legend = append(c.Legend, legendItem{"floor", "Floor"})
	}
}

func anySet(vs []*float64) bool {
	for _, v := range vs {
		if v != nil {
			return true
		}
	}
	return false
}

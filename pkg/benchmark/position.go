package benchmark

import (
	"slices"
	"sort"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/period"
)

// Position is where we stand in one comparator group for an indicator: the JSON's
// "benchmark" entries. The contract's keys come first (group, period, value, rank, of,
// quartile, median, rank_previous); the rest say what a reader needs to read them fairly.
type Position struct {
	Group string `json:"group"`
	// Period is the latest period of the group's files with any member's value, up to the
	// end of the report quarter; null when there is none.
	Period *string `json:"period"`
	// Value is our own value in the comparator files for Period (so that every member is
	// measured the same way); null when the files give us none.
	Value *float64 `json:"value"`
	// Rank counts from 1 = best in the indicator's polarity among the members with a value;
	// tied members share the better rank. Null without a polarity, or without our value.
	Rank *int `json:"rank"`
	// Of is the number of members with a value for Period, us included.
	Of int `json:"of"`
	// Quartile is ceil(4 x Rank / Of): 1 = the best quarter of the group.
	Quartile *int `json:"quartile"`
	// Median is the median of the members' values for Period (us included).
	Median       *float64 `json:"median"`
	RankPrevious *int     `json:"rank_previous"`

	GroupName string `json:"group_name"`
	// Polarity is what Rank counts by: higher or lower is better, or "" (none: an activity
	// indicator, not ranked; Place gives its place from the highest instead).
	Polarity catalogue.Polarity `json:"polarity"`
	// Place is our place counting from the highest value, ties sharing the higher place: given
	// for every indicator, and the only order for one without a polarity.
	Place *int `json:"place"`
	// Gap is Value minus Median, in the indicator's unit.
	Gap *float64 `json:"gap"`
	// Members is the group's size; Missing are the members with no value for Period.
	Members int    `json:"members"`
	Missing []Area `json:"missing"`
	// Stale is set when Period is not the report quarter (nor a year or month ending with
	// it): the comparison is of an earlier vintage than our quarter's value, OurPeriod.
	Stale     bool   `json:"stale"`
	OurPeriod string `json:"our_period"`
	// PeriodPrevious and OfPrevious are the period before Period with values, and how many
	// members had one, for RankPrevious.
	PeriodPrevious *string `json:"period_previous"`
	OfPrevious     *int    `json:"of_previous"`
	// Areas are the members with a value for Period, best first (highest first without a
	// polarity), for the group's chart and table.
	Areas []AreaValue `json:"areas"`
	// Sources are the comparator files, as the catalogue names them.
	Sources []string `json:"sources"`
}

// Area is a member of a group by code and name.
type Area struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// AreaValue is one member's value with its rank (or place, without a polarity).
type AreaValue struct {
	Code  string  `json:"code"`
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Rank  int     `json:"rank"`
	Us    bool    `json:"us"`
}

// Positions is where ind stands in each of its comparator groups at the report quarter q,
// in the order its benchmark names them; nil for an indicator without a benchmark. Periods
// ending after q are left out, as data after the report quarter is everywhere.
func (s *Set) Positions(ind *catalogue.Indicator, q period.Quarter) []Position {
	if s == nil || ind.Benchmark == nil {
		return nil
	}
	var out []Position
	for _, id := range ind.Benchmark.Groups {
		gv := s.groups[id]
		if gv == nil {
			continue
		}
		out = append(out, s.position(gv, ind, q))
	}
	return out
}

func (s *Set) position(gv *groupValues, ind *catalogue.Indicator, q period.Quarter) Position {
	g := gv.group
	pos := Position{
		Group: g.ID, GroupName: g.Name, Polarity: ind.Polarity, Members: len(g.Members), OurPeriod: s.cal.Label(q),
		Missing: []Area{}, Areas: []AreaValue{}, Sources: slices.Clone(g.Files),
	}
	mv := gv.metrics[fold(ind.Benchmark.Metric)]
	periods := s.periodsUpTo(mv, q)
	if len(periods) == 0 {
		for _, a := range g.Members {
			pos.Missing = append(pos.Missing, Area(a))
		}
		return pos
	}
	latest := periods[len(periods)-1]
	label := latest.Label(s.cal)
	pos.Period = &label
	pos.Stale = !current(latest, q, s.cal)
	cur := standing(g, mv.periods[latest], ind.Polarity)
	pos.Of = len(cur.areas)
	pos.Areas = cur.areas
	pos.Missing = cur.missing
	median := Median(cur.values())
	pos.Median = &median
	if cur.us != nil {
		v := cur.us.Value
		pos.Value = &v
		gap := data.Round10(v - median)
		pos.Gap = &gap
		place := cur.us.place
		pos.Place = &place
		if ind.Polarity != "" {
			rank := cur.us.Rank
			quartile := Quartile(rank, pos.Of)
			pos.Rank, pos.Quartile = &rank, &quartile
		}
	}
	if len(periods) > 1 {
		prevP := periods[len(periods)-2]
		prev := standing(g, mv.periods[prevP], ind.Polarity)
		label, of := prevP.Label(s.cal), len(prev.areas)
		pos.PeriodPrevious, pos.OfPrevious = &label, &of
		if prev.us != nil && ind.Polarity != "" {
			r := prev.us.Rank
			pos.RankPrevious = &r
		}
	}
	return pos
}

// periodsUpTo are the metric's periods with at least one value, ending no later than q, in
// order.
func (s *Set) periodsUpTo(mv *metricValues, q period.Quarter) []data.AreaPeriod {
	if mv == nil {
		return nil
	}
	end := s.cal.LastMonth(q).Index()
	var out []data.AreaPeriod
	for p, byArea := range mv.periods {
		if p.End(s.cal).Index() > end {
			continue
		}
		for _, v := range byArea {
			if !v.Missing {
				out = append(out, p)
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].End(s.cal).Index() < out[j].End(s.cal).Index() })
	return out
}

// current reports whether a comparator period is the report quarter itself, or a year or
// month that ends with it.
func current(p data.AreaPeriod, q period.Quarter, cal period.Calendar) bool {
	switch {
	case p.Year:
		return q.Q == 4 && p.FY == q.Year
	case p.Period.Kind == period.KindMonth:
		return p.Period.Month == cal.LastMonth(q)
	}
	return p.Period.Quarter == q
}

// ranked is one period's members with values, ranked, and those without.
type ranked struct {
	areas   []AreaValue
	us      *rankedUs
	missing []Area
}

type rankedUs struct {
	AreaValue
	place int
}

func (r ranked) values() []float64 {
	out := make([]float64, len(r.areas))
	for i, a := range r.areas {
		out[i] = a.Value
	}
	return out
}

// standing ranks the members' values for one period: best first by polarity (highest first
// without one), ties sharing the better rank and keeping catalogue order.
func standing(g *catalogue.ComparatorGroup, byArea map[string]data.AreaValue, pol catalogue.Polarity) ranked {
	var r ranked
	for _, a := range g.Members {
		v, ok := byArea[fold(a.Code)]
		if !ok || v.Missing {
			r.missing = append(r.missing, Area(a))
			continue
		}
		r.areas = append(r.areas, AreaValue{Code: a.Code, Name: a.Name, Value: v.Value, Us: fold(a.Code) == fold(g.Us)})
	}
	if r.missing == nil {
		r.missing = []Area{}
	}
	values := r.values()
	for i := range r.areas {
		r.areas[i].Rank = Rank(r.areas[i].Value, values, pol)
	}
	sort.SliceStable(r.areas, func(i, j int) bool { return r.areas[i].Rank < r.areas[j].Rank })
	for _, a := range r.areas {
		if a.Us {
			r.us = &rankedUs{AreaValue: a, place: Rank(a.Value, values, catalogue.Higher)}
		}
	}
	return r
}

// Rank is the rank of v among values (which include it), 1 = best: one more than the number
// of values strictly better, so that tied values share the better rank (1, 2, 2, 4). Better
// is higher for polarity higher or none, lower for polarity lower.
func Rank(v float64, values []float64, pol catalogue.Polarity) int {
	better := 0
	for _, x := range values {
		if (pol == catalogue.Lower && x < v) || (pol != catalogue.Lower && x > v) {
			better++
		}
	}
	return better + 1
}

// Quartile is ceil(4 x rank / of), 1 = the best quarter.
func Quartile(rank, of int) int {
	if of <= 0 {
		return 0
	}
	return (4*rank + of - 1) / of
}

// Median is the middle value, or the mean of the two middle values of an even number;
// rounded to 10 significant figures as values are.
func Median(values []float64) float64 {
	if len(values) == 0 {
		return 0
	}
	v := slices.Clone(values)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return data.Round10((v[n/2-1] + v[n/2]) / 2)
}

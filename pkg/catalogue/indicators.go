package catalogue

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

var indicatorKeys = []string{
	"code", "name", "description", "directorate", "type", "polarity", "unit", "decimals",
	"frequency", "aggregate", "max_lag", "thresholds", "target", "floor", "expected", "lower",
	"upper", "tags", "trend", "basis", "spc", "projection", "owner", "benchmark",
	"definition", "numerator", "denominator", "source", "target_rationale", "data_quality",
}

// maxDecimals matches the 10 significant figures values are rounded to on reading: more
// places than that would only show noise.
const maxDecimals = 10

func (p *parser) indicators(v pair, cat *Catalogue) []*Indicator {
	list, ok := p.sequence(v, "indicators: [{code: CS01, name: ..., directorate: CED, polarity: higher}]")
	if !ok {
		return nil
	}
	if len(list.Content) == 0 {
		p.errorf(v.line(), "indicators is empty; add at least one indicator (code, name, directorate)")
		return nil
	}
	var out []*Indicator
	read := p.eachIndicator(v, list.Content, cat)
	firstLine := map[string]int{} // upper-cased code -> line: data files match codes ignoring case
	for _, r := range read {
		ind, codeLine := r.ind, r.codeLine
		if ind == nil || ind.Code == "" {
			continue
		}
		fold := strings.ToUpper(ind.Code)
		if first, dup := firstLine[fold]; dup {
			p.errorf(codeLine, "indicator code %q is already used at line %d; each indicator needs its own code (codes are matched ignoring case)", ind.Code, first)
			continue
		}
		firstLine[fold] = codeLine
		out = append(out, ind)
	}
	return out
}

// indicator reads one indicator and the line of its code. An indicator without a usable code
// is still read, to report its other problems, but comes back with an empty Code.
func (p *parser) indicator(e pair, i int, cat *Catalogue) (*Indicator, int) {
	node, ok := p.mapping(e, "{code: CS01, name: ..., directorate: CED, polarity: higher}")
	if !ok {
		return nil, 0
	}
	label := peek(node, "code")
	if label == "" {
		label = ordinal(i)
	}
	f := p.fields(node, "in indicator "+label, indicatorKeys)
	ind := &Indicator{
		Type:       KPI,
		Unit:       Number,
		Frequency:  Quarterly,
		Aggregate:  Last,
		MaxLag:     1,
		Trend:      cat.Trend,
		Basis:      BasisQuarter,
		Projection: cat.Projection,
		Line:       node.Line,
	}
	codeLine := 0
	if x, ok := f["code"]; ok {
		if s, ok := p.text(x, "give a short unique code such as code: CS01"); ok {
			ind.Code, codeLine = s, x.line()
		}
	} else {
		p.errorf(node.Line, "indicator %s has no code; add code: with a short unique code such as CS01", label)
	}
	if x, ok := f["name"]; ok {
		if s, ok := p.text(x, "give the indicator's name as readers should see it"); ok {
			ind.Name = s
		}
	} else {
		p.errorf(node.Line, "indicator %s has no name; add name: with the name readers should see", label)
	}
	if x, ok := f["description"]; ok {
		if s, ok := p.text(x, "describe what the indicator measures, or leave description out"); ok {
			ind.Description = s
		}
	}
	ind.Meaning = p.meaning(f, label)
	p.indicatorDirectorate(f, ind, node, label, cat)
	ind.Owner = p.owner(f, "indicator "+label)
	typeKnown := p.indicatorKinds(f, ind)
	p.indicatorNumbers(f, ind)
	if x, ok := f["tags"]; ok {
		if tags, ok := p.words(x, "qpr, dashboard"); ok {
			ind.Tags = tags
		}
	}
	if x, ok := f["trend"]; ok {
		ind.Trend = p.trend(x, cat.Trend, "in the trend of indicator "+label)
	}
	if x, ok := f["basis"]; ok {
		if b, ok := p.basis(x); ok {
			ind.Basis = b
		}
	}
	if x, ok := f["spc"]; ok {
		ind.SPC = p.spc(x, ind, cat.Calendar, label)
	}
	if x, ok := f["projection"]; ok {
		ind.Projection = p.projection(x, cat.Projection, "in the projection of indicator "+label)
	}
	if x, ok := f["benchmark"]; ok {
		ind.Benchmark = p.benchmark(x, cat, label)
	}
	// With an unreadable type, checks that depend on it would only repeat that problem.
	if !typeKnown {
		return ind, codeLine
	}
	if ind.Type == KPI && ind.Polarity == "" {
		if _, given := f["polarity"]; !given {
			p.errorf(node.Line, "indicator %s is a kpi but has no polarity; add polarity: higher (higher is better) or polarity: lower (lower is better)", label)
		}
	}
	p.ratings(f, ind, cat.Calendar, label)
	return ind, codeLine
}

func (p *parser) indicatorDirectorate(f map[string]pair, ind *Indicator, node *yaml.Node, label string, cat *Catalogue) {
	x, ok := f["directorate"]
	if !ok {
		p.errorf(node.Line, "indicator %s has no directorate; add directorate: with one of %s", label, directorateChoices(cat))
		return
	}
	if s, ok := p.text(x, "give the code of one of the directorates"); ok {
		ind.Directorate = s
		p.directorateRefs = append(p.directorateRefs, directorateRef{indicator: label, code: s, line: x.line()})
	}
}

// directorateChoices names the directorates an indicator may be in; directorates are read
// before indicators, so the list is complete.
func directorateChoices(cat *Catalogue) string {
	if len(cat.Directorates) == 0 {
		return "the codes under directorates:"
	}
	return strings.Join(directorateCodes(cat.Directorates), ", ")
}

// indicatorKinds reads the keys that take one of a fixed set of words, and reports whether the
// type was readable.
func (p *parser) indicatorKinds(f map[string]pair, ind *Indicator) bool {
	typeKnown := true
	if x, ok := f["type"]; ok {
		var s string
		if s, typeKnown = p.choice(x, []string{string(KPI), string(Activity)}); typeKnown {
			ind.Type = Type(s)
		}
	}
	if x, ok := f["polarity"]; ok {
		if s, ok := p.choice(x, []string{string(Higher), string(Lower)}); ok {
			ind.Polarity = Polarity(s)
		}
	}
	if x, ok := f["unit"]; ok {
		if s, ok := p.choice(x, []string{string(Percent), string(Number), string(Days), string(Currency), string(Rate)}); ok {
			ind.Unit = Unit(s)
		}
	}
	if x, ok := f["frequency"]; ok {
		if s, ok := p.choice(x, []string{string(Quarterly), string(Monthly)}); ok {
			ind.Frequency = Frequency(s)
		}
	}
	if x, ok := f["aggregate"]; ok {
		if s, ok := p.choice(x, []string{string(Last), string(Sum), string(Mean), string(Ratio)}); ok {
			ind.Aggregate = Aggregate(s)
		}
	}
	return typeKnown
}

func (p *parser) indicatorNumbers(f map[string]pair, ind *Indicator) {
	if x, ok := f["decimals"]; ok {
		if n, ok := p.wholeAtLeast(x, 0, "decimal places"); ok {
			if n > maxDecimals {
				p.errorf(x.line(), "decimals %d is more than %d; use a whole number of decimal places, 0 to %d", n, maxDecimals, maxDecimals)
			} else {
				ind.Decimals = n
			}
		}
	}
	if x, ok := f["max_lag"]; ok {
		if n, ok := p.wholeAtLeast(x, 0, "quarters"); ok {
			if n > MaxLag {
				p.errorf(x.line(), "max_lag %d is more than %d; use 0 to %d quarters", n, MaxLag, MaxLag)
			} else {
				ind.MaxLag = n
			}
		}
	}
}

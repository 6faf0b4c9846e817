package catalogue

import "github.com/example/qpr/pkg/trend"

func methodNames() []string {
	names := make([]string, len(trend.Methods))
	for i, m := range trend.Methods {
		names[i] = string(m)
	}
	return names
}

var trendKeys = []string{"method", "window", "alpha", "tolerance", "shift_points", "trend_points", "screening"}

// trend lays the keys given in v over base, so an indicator changes only what it names.
func (p *parser) trend(v pair, base TrendSpec, where string) TrendSpec {
	node, ok := p.mapping(v, "trend: {method: regression, window: 8, alpha: 0.05}")
	if !ok {
		return base
	}
	spec := base
	f := p.fields(node, where, trendKeys)
	if x, ok := f["method"]; ok {
		// One rule for method names, the trend engine's, so the catalogue takes whatever
		// --method takes (mann_kendall, Year on year).
		if s, ok := p.scalar(x, "use "+oneOf(methodNames())); ok {
			if m, err := trend.ParseMethod(s); err != nil {
				p.errorf(x.line(), "method %q is not valid; use %s", s, oneOf(methodNames()))
			} else {
				spec.Method = string(m)
			}
		}
	}
	if x, ok := f["window"]; ok {
		if n, ok := p.wholeAtLeast(x, 1, "quarters"); ok {
			if n > MaxWindow {
				p.errorf(x.line(), "window %d is more than %d quarters; use 1 to %d", n, MaxWindow, MaxWindow)
			} else {
				spec.Window = n
			}
		}
	}
	if x, ok := f["alpha"]; ok {
		if a, ok := p.number(x); ok {
			if a.value <= 0 || a.value >= 1 {
				p.errorf(a.line, "alpha %s is not a significance level; use a number between 0 and 1, e.g. 0.05", a.text)
			} else {
				spec.Alpha = a.value
			}
		}
	}
	if x, ok := f["tolerance"]; ok {
		if t, ok := p.number(x); ok {
			if t.value < 0 {
				p.errorf(t.line, "tolerance %s is negative; use 0 or more (a change no larger than it counts as stable)", t.text)
			} else {
				spec.Tolerance = t.value
			}
		}
	}
	for _, run := range []struct {
		key string
		dst *int
	}{{"shift_points", &spec.ShiftPoints}, {"trend_points", &spec.TrendPoints}} {
		if x, ok := f[run.key]; ok {
			if n, ok := p.wholeAtLeast(x, 2, "points"); ok {
				*run.dst = n
			}
		}
	}
	if x, ok := f["screening"]; ok {
		if b, ok := p.boolean(x); ok {
			spec.ScreenMR = b
		}
	}
	return spec
}

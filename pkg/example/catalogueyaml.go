package example

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// catalogueYAML is the example catalogue as a person would write it: keys in the contract's
// order, defaults left out where they would only add noise, a comment above each directorate.
func catalogueYAML(acts map[string][]yearRange) string {
	var b strings.Builder
	b.WriteString(`# The indicator catalogue of the Example County Council's Quarterly Performance Report.
# Written by qpr's example generator (qpr init copies it); the figures in data/ are
# synthetic, made to give the same summary as a real county council's report for 2023/24 Q2.
organisation: ` + organisation + `
title: ` + reportTitle + `
year_start: 4
trend: {method: regression, window: 8, alpha: 0.05}   # every indicator unless it says otherwise

directorates:
`)
	for _, d := range directorates {
		fmt.Fprintf(&b, "  - {code: %s, name: %s}\n", d.Code, yamlText(d.Name, true))
	}
	b.WriteString("\nindicators:\n")
	for _, d := range directorates {
		fmt.Fprintf(&b, "\n  # %s\n", d.Name)
		for _, k := range kpis {
			if k.Directorate == d.Code {
				writeKPI(&b, k)
			}
		}
		for _, a := range activities {
			if a.Directorate == d.Code {
				writeActivity(&b, a, acts[a.Code])
			}
		}
	}
	b.WriteString("\npacks:\n")
	b.WriteString("  - id: qpr\n    title: " + reportTitle + "\n    include: {tags: [qpr]}\n")
	for _, d := range directorates {
		fmt.Fprintf(&b, "  - id: %s\n    title: %s\n    include: {directorates: [%s]}\n",
			d.Pack, yamlText("Performance Dashboard - "+d.Name, false), d.Code)
	}
	return b.String()
}

func writeKPI(b *strings.Builder, k kpi) {
	fmt.Fprintf(b, "  - code: %s\n    name: %s\n", k.Code, yamlText(k.Name, false))
	if k.Description != "" {
		fmt.Fprintf(b, "    description: %s\n", yamlText(k.Description, false))
	}
	fmt.Fprintf(b, "    directorate: %s\n    type: kpi\n    polarity: %s\n    unit: %s\n    decimals: %d\n",
		k.Directorate, k.Polarity, k.Unit, k.Decimals)
	if k.Basis != "" {
		fmt.Fprintf(b, "    basis: %s\n", k.Basis)
	}
	if k.monthly() {
		fmt.Fprintf(b, "    frequency: monthly\n    aggregate: %s\n", k.Aggregate)
	}
	if k.Stale {
		b.WriteString("    max_lag: 1           # reported a quarter in arrears: last quarter's figure stands in\n")
	}
	if k.Before == nil {
		fmt.Fprintf(b, "    target: %s\n    floor: %s\n", yamlNumber(k.Now.Target), yamlNumber(k.Now.Floor))
	} else {
		b.WriteString("    thresholds:\n")
		fmt.Fprintf(b, "      %s: {target: %s, floor: %s}\n", calendar.YearLabel(firstYear), yamlNumber(k.Before.Target), yamlNumber(k.Before.Floor))
		fmt.Fprintf(b, "      %s: {target: %s, floor: %s}   # reset for 2023/24\n", calendar.YearLabel(resetYear), yamlNumber(k.Now.Target), yamlNumber(k.Now.Floor))
	}
	b.WriteString("    tags: [qpr]\n")
	if k.TrendMethod != "" {
		fmt.Fprintf(b, "    trend: {method: %s}\n", k.TrendMethod)
	}
}

func writeActivity(b *strings.Builder, a activity, ranges []yearRange) {
	fmt.Fprintf(b, "  - code: %s\n    name: %s\n", a.Code, yamlText(a.Name, false))
	if a.Description != "" {
		fmt.Fprintf(b, "    description: %s\n", yamlText(a.Description, false))
	}
	fmt.Fprintf(b, "    directorate: %s\n    type: activity\n    unit: %s\n", a.Directorate, a.Unit)
	if a.Basis != "" {
		fmt.Fprintf(b, "    basis: %s\n", a.Basis)
	}
	if a.monthly() {
		fmt.Fprintf(b, "    frequency: monthly\n    aggregate: %s\n", a.Aggregate)
	}
	b.WriteString("    expected:\n")
	for _, r := range ranges {
		fmt.Fprintf(b, "      %s: {lower: %s, upper: %s}\n", calendar.YearLabel(r.Year), yamlNumber(r.Lower), yamlNumber(r.Upper))
	}
	b.WriteString("    tags: [qpr]\n")
}

func yamlNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// plainBlock matches text YAML reads back unchanged without quotes in a block mapping; a
// flow mapping also ends a plain scalar at a comma.
var plainBlock = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9 '(),./-]*[A-Za-z0-9).']$`)

func yamlText(s string, flow bool) string {
	if plainBlock.MatchString(s) && !(flow && strings.Contains(s, ",")) {
		return s
	}
	return strconv.Quote(s)
}

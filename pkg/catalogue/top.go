package catalogue

import (
	"strings"

	"golang.org/x/text/language"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/period"
)

// catalogue reads the top level. Keys are taken in an order that lets later ones depend on
// earlier ones (thresholds years need year_start; indicators need the trend default and the
// title feeds the default pack), whatever order the file has them in.
func (p *parser) catalogue(root *yaml.Node) *Catalogue {
	cat := &Catalogue{
		File:       p.file,
		Title:      DefaultTitle,
		Calendar:   period.DefaultCalendar,
		Trend:      DefaultTrend,
		Projection: DefaultProjection,
	}
	f := p.fields(root, "at the top level of the catalogue", topKeys)

	if v, ok := f["year_start"]; ok {
		if n, ok := p.yearStart(v); ok {
			cat.Calendar = period.Calendar{YearStart: n}
		}
	}
	if v, ok := f["organisation"]; ok {
		if s, ok := p.text(v, "give the organisation's name, e.g. organisation: Example County Council"); ok {
			cat.Organisation = s
		}
	}
	if v, ok := f["title"]; ok {
		if s, ok := p.text(v, "give the report's title, e.g. title: "+DefaultTitle+", or leave title out for that default"); ok {
			cat.Title = s
		}
	}
	if v, ok := f["language"]; ok {
		cat.Language = p.language(v)
	}
	if v, ok := f["trend"]; ok {
		cat.Trend = p.trend(v, DefaultTrend, "in the catalogue's trend")
	}

	if v, ok := f["projection"]; ok {
		cat.Projection = p.projection(v, DefaultProjection, "in the catalogue's projection")
	}

	if v, ok := f["owners"]; ok {
		cat.Owners = p.owners(v)
	}
	if v, ok := f["directorates"]; ok {
		cat.Directorates = p.directorates(v)
	} else {
		p.errorf(0, "the catalogue has no directorates; add directorates: with entries such as - {code: CED, name: Chief Executive's Department}")
	}

	// Before the indicators, whose benchmark: names these groups.
	if v, ok := f["comparators"]; ok {
		cat.Comparators = p.comparators(v)
	}

	if v, ok := f["indicators"]; ok {
		cat.Indicators = p.indicators(v, cat)
	} else {
		p.errorf(0, "the catalogue has no indicators; add indicators: with at least one indicator (code, name, directorate)")
	}
	p.checkDirectorateRefs(cat)
	p.resolveOwners(cat)
	cat.Reindex()

	if v, ok := f["events"]; ok {
		cat.Events = p.events(v, cat)
	}

	if v, ok := f["packs"]; ok {
		cat.Packs = p.packs(v, cat)
	} else {
		cat.Packs = []Pack{{ID: DefaultPackID, Title: cat.Title}}
	}
	return cat
}

// language reads a BCP 47 language tag, written back in its canonical form (en-gb -> en-GB).
func (p *parser) language(v pair) string {
	hint := "give the report's language as a BCP 47 tag, e.g. language: en-GB (or cy for Welsh)"
	s, ok := p.text(v, hint)
	if !ok {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil {
		p.errorf(v.line(), "language %q is not a language tag; %s", s, hint)
		return ""
	}
	return tag.String()
}

func (p *parser) yearStart(v pair) (int, bool) {
	hint := "use the number of the month the financial year starts in, 1 (January) to 12 (December); 4 is April"
	s, ok := p.scalar(v, hint)
	if !ok {
		return 0, false
	}
	n, ok := atoi(strings.TrimSpace(s))
	if !ok || n < 1 || n > 12 {
		p.errorf(v.line(), "year_start %q is not a month; %s", s, hint)
		return 0, false
	}
	return n, true
}

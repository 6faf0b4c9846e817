package catalogue

import (
	"strings"
)

var directorateKeys = []string{"code", "name", "owner"}

func (p *parser) directorates(v pair) []Directorate {
	list, ok := p.sequence(v, "directorates: [{code: CED, name: Chief Executive's Department}]")
	if !ok {
		p.directoratesUnreadable = true
		return nil
	}
	var out []Directorate
	firstLine := map[string]int{} // upper-cased code -> line, so CED and ced clash
	for i, item := range list.Content {
		node, ok := p.mapping(entry(v, item), "{code: CED, name: Chief Executive's Department}")
		if !ok {
			continue
		}
		label := peek(node, "code")
		if label == "" {
			label = ordinal(i)
		}
		f := p.fields(node, "in directorate "+label, directorateKeys)
		var d Directorate
		if c, ok := f["code"]; ok {
			if code, ok := p.text(c, "give a short code such as code: CED"); ok {
				fold := strings.ToUpper(code)
				if first, dup := firstLine[fold]; dup {
					p.errorf(c.line(), "directorate code %q is already used at line %d; each directorate needs its own code", code, first)
				} else {
					firstLine[fold] = c.line()
					d.Code = code
				}
			}
		} else {
			p.errorf(node.Line, "directorate %s has no code; add code: with a short code such as CED", label)
		}
		if n, ok := f["name"]; ok {
			if name, ok := p.text(n, "give the directorate's full name"); ok {
				d.Name = name
			}
		} else {
			p.errorf(node.Line, "directorate %s has no name; add name: with its full name", label)
		}
		d.Owner = p.owner(f, "directorate "+label)
		if d.Code != "" {
			out = append(out, d)
		}
	}
	return out
}

// knownDirectorates is the "what would be valid" of a message about an unknown directorate.
func knownDirectorates(ds []Directorate) string {
	if len(ds) == 0 {
		return "no directorates are defined; add it under directorates:"
	}
	return "known directorates are " + strings.Join(directorateCodes(ds), ", ")
}

func directorateCodes(ds []Directorate) []string {
	codes := make([]string, 0, len(ds))
	for _, d := range ds {
		codes = append(codes, d.Code)
	}
	return codes
}

// checkDirectorateRefs checks that every indicator names a directorate the catalogue defines.
func (p *parser) checkDirectorateRefs(cat *Catalogue) {
	if p.directoratesUnreadable {
		return
	}
	for _, ref := range p.directorateRefs {
		if _, ok := cat.Directorate(ref.code); ok {
			continue
		}
		msg := "indicator " + ref.indicator + " is in unknown directorate " + quote(ref.code) + "; " + knownDirectorates(cat.Directorates)
		if s := suggest(ref.code, directorateCodes(cat.Directorates)); s != "" {
			msg += "; did you mean " + quote(s) + "?"
		}
		p.errorf(ref.line, "%s", msg)
	}
}

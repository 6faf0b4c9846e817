package catalogue

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	packKeys    = []string{"id", "title", "include"}
	includeKeys = []string{"tags", "directorates", "codes"}
	// A pack id becomes part of output file names, so it keeps to characters every file
	// system accepts.
	safePackID = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
)

func (p *parser) packs(v pair, cat *Catalogue) []Pack {
	list, ok := p.sequence(v, "packs: [{id: qpr, title: Quarterly Performance Report}]")
	if !ok {
		return nil
	}
	if len(list.Content) == 0 {
		p.errorf(v.line(), "packs is empty; list at least one pack, or leave packs out for one pack %q with every indicator", DefaultPackID)
		return nil
	}
	var out []Pack
	// Ids are compared ignoring case because qpr-… and QPR-… are one file on some systems.
	firstLine := map[string]int{}
	for i, item := range list.Content {
		node, ok := p.mapping(entry(v, item), "{id: ced, title: ..., include: {directorates: [CED]}}")
		if !ok {
			continue
		}
		label := peek(node, "id")
		if label == "" {
			label = ordinal(i)
		}
		f := p.fields(node, "in pack "+label, packKeys)
		pk := Pack{Title: cat.Title}
		if x, ok := f["id"]; ok {
			if id, ok := p.text(x, "give a short id such as id: ced; it names the output files"); ok {
				fold := strings.ToLower(id)
				switch first, dup := firstLine[fold]; {
				case !safePackID.MatchString(id):
					p.errorf(x.line(), "pack id %q cannot be used in a file name; use only letters, digits, - and _, e.g. %s", id, safeExample(id))
				case dup:
					p.errorf(x.line(), "pack id %q is already used at line %d; each pack needs its own id (ids are compared ignoring case, as file names may be)", id, first)
				default:
					firstLine[fold] = x.line()
					pk.ID = id
				}
			}
		} else {
			p.errorf(node.Line, "pack %s has no id; add id: with a short name such as ced (it names the output files)", label)
		}
		if x, ok := f["title"]; ok {
			if s, ok := p.text(x, "give the title printed on the pack, or leave title out for the catalogue's title"); ok {
				pk.Title = s
			}
		}
		if x, ok := f["include"]; ok {
			pk.Include = p.include(x, cat, label)
		}
		if pk.ID != "" {
			out = append(out, pk)
		}
	}
	return out
}

// include reads a pack's selection and checks each name in it refers to something in the
// catalogue, so a typo does not silently leave indicators out of a published pack.
func (p *parser) include(v pair, cat *Catalogue, label string) *Include {
	node, ok := p.mapping(v, "include: {tags: [qpr], directorates: [CED], codes: [CS01]}")
	if !ok {
		return nil
	}
	f := p.fields(node, "in the include of pack "+label, includeKeys)
	inc := &Include{}
	var inUse []string // tags the indicators have, worked out when a pack names a tag
	lists := []struct {
		key, example string
		into         *[]string
		unknown      func(name string) string // why name refers to nothing, or ""
	}{
		{"tags", "qpr", &inc.Tags, func(t string) string {
			if inUse == nil {
				inUse = tagsInUse(cat)
			}
			if contains(inUse, t) {
				return ""
			}
			return fmt.Sprintf("pack %s includes tag %q, which no indicator has; %s", label, t, tagHint(t, inUse))
		}},
		{"directorates", "CED", &inc.Directorates, func(d string) string {
			if _, known := cat.Directorate(d); known || p.directoratesUnreadable {
				return ""
			}
			msg := "pack " + label + " includes unknown directorate " + quote(d) + "; " + knownDirectorates(cat.Directorates)
			if s := suggest(d, directorateCodes(cat.Directorates)); s != "" {
				msg += "; did you mean " + quote(s) + "?"
			}
			return msg
		}},
		{"codes", "CS01, CS04", &inc.Codes, func(c string) string {
			if _, known := cat.Indicator(c); known {
				return ""
			}
			msg := "pack " + label + " includes unknown indicator code " + quote(c)
			if s := suggest(c, indicatorCodes(cat)); s != "" {
				return msg + "; did you mean " + quote(s) + "?"
			}
			return msg + "; known codes are " + listOrNone(indicatorCodes(cat))
		}},
	}
	readable := true
	for _, l := range lists {
		x, given := f[l.key]
		if !given {
			continue
		}
		names, ok := p.words(x, l.example)
		if !ok {
			readable = false
			continue
		}
		for _, name := range names {
			if msg := l.unknown(name); msg != "" {
				p.errorf(x.line(), "%s", msg)
			}
		}
		*l.into = names
	}
	if len(inc.Tags) == 0 && len(inc.Directorates) == 0 && len(inc.Codes) == 0 && readable {
		p.errorf(v.line(), "include of pack %s selects nothing; give tags:, directorates: or codes:, or leave include out to take every indicator", label)
	}
	return inc
}

func tagsInUse(cat *Catalogue) []string {
	var out []string
	seen := map[string]bool{}
	for _, ind := range cat.Indicators {
		for _, t := range ind.Tags {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

func tagHint(t string, inUse []string) string {
	if len(inUse) == 0 {
		return "add tags: [" + t + "] to the indicators this pack should hold (no indicator has tags yet)"
	}
	if s := suggest(t, inUse); s != "" {
		return "did you mean " + quote(s) + "?"
	}
	return "tags in use are " + strings.Join(inUse, ", ")
}

func indicatorCodes(cat *Catalogue) []string {
	out := make([]string, 0, len(cat.Indicators))
	for _, ind := range cat.Indicators {
		out = append(out, ind.Code)
	}
	return out
}

// safeExample turns an unusable id into one that would do, for the hint.
func safeExample(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r < 128 && safePackID.MatchString(string(r)):
			b.WriteRune(r)
		case r == ' ' || r == '.' || r == '/':
			b.WriteByte('-')
		}
	}
	if strings.Trim(b.String(), "-") == "" {
		return "ced"
	}
	return b.String()
}

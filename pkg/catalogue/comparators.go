package catalogue

import (
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ComparatorGroup is a group of areas an indicator is compared with (CIPFA nearest
// neighbours, the region, all England): its members, which of them is us, and the files that
// hold their values.
type ComparatorGroup struct {
	ID      string
	Name    string
	Us      string // the member that is this organisation, by area code
	Members []Area // in catalogue order
	Files   []string
	// Paths are Files resolved against the catalogue's folder, where a relative file name
	// is taken from.
	Paths []string
	Line  int
}

// Area is a member of a comparator group: an area code (a GSS code such as E10000016, or any
// code the files use) and the name readers see.
type Area struct {
	Code string
	Name string
}

// Member looks a member up by area code, ignoring case as data codes are matched.
func (g *ComparatorGroup) Member(code string) (Area, bool) {
	for _, a := range g.Members {
		if equalFold(a.Code, code) {
			return a, true
		}
	}
	return Area{}, false
}

// UsArea is the member that is this organisation.
func (g *ComparatorGroup) UsArea() Area {
	a, _ := g.Member(g.Us)
	return a
}

// Benchmark says where an indicator's comparator values are: the metric id the comparator
// files give them under, and the groups to compare with.
type Benchmark struct {
	Metric string
	Groups []string // comparator group ids, in the order given
	Line   int
}

// Comparator looks a comparator group up by id, ignoring case.
func (c *Catalogue) Comparator(id string) (*ComparatorGroup, bool) {
	for i := range c.Comparators {
		if equalFold(c.Comparators[i].ID, id) {
			return &c.Comparators[i], true
		}
	}
	return nil, false
}

var (
	comparatorKeys = []string{"id", "name", "us", "members", "files"}
	areaKeys       = []string{"code", "name"}
	benchmarkKeys  = []string{"metric", "groups"}
)

const comparatorExample = "{id: cipfa, name: CIPFA nearest neighbours, us: E10000016, members: [{code: E10000016, name: Example County}, ...], files: [comparators/cipfa.csv]}"

// comparators reads the comparators: list. Files are resolved against the folder the
// catalogue is in, as a user reading the catalogue would expect.
func (p *parser) comparators(v pair) []ComparatorGroup {
	list, ok := p.sequence(v, "comparators: ["+comparatorExample+"]")
	if !ok {
		p.comparatorsUnreadable = true
		return nil
	}
	var out []ComparatorGroup
	firstLine := map[string]int{}
	for i, item := range list.Content {
		node, ok := p.mapping(entry(v, item), comparatorExample)
		if !ok {
			p.comparatorsUnreadable = true
			continue
		}
		label := peek(node, "id")
		if label == "" {
			label = ordinal(i)
		}
		g, idLine := p.comparatorGroup(node, label)
		if g.ID == "" {
			p.comparatorsUnreadable = true
			continue
		}
		fold := strings.ToUpper(g.ID)
		if first, dup := firstLine[fold]; dup {
			p.errorf(idLine, "comparator group id %q is already used at line %d; each group needs its own id", g.ID, first)
			continue
		}
		firstLine[fold] = idLine
		out = append(out, g)
	}
	return out
}

func (p *parser) comparatorGroup(node *yaml.Node, label string) (ComparatorGroup, int) {
	where := "comparator group " + label
	f := p.fields(node, "in "+where, comparatorKeys)
	g := ComparatorGroup{Line: node.Line}
	idLine := 0
	if x, ok := f["id"]; ok {
		if s, ok := p.text(x, "give a short id such as id: cipfa, which indicators name under benchmark: groups"); ok {
			g.ID, idLine = s, x.line()
		}
	} else {
		p.errorf(node.Line, "%s has no id; add id: with a short id such as cipfa", where)
	}
	if x, ok := f["name"]; ok {
		if s, ok := p.text(x, "give the group's name as readers should see it, e.g. CIPFA nearest neighbours"); ok {
			g.Name = s
		}
	} else {
		p.errorf(node.Line, "%s has no name; add name: with the name readers should see, e.g. CIPFA nearest neighbours", where)
	}
	if x, ok := f["members"]; ok {
		g.Members = p.areas(x, where)
	} else {
		p.errorf(node.Line, "%s has no members; add members: with each area's code and name, e.g. [{code: E10000016, name: Example County}]", where)
	}
	if x, ok := f["us"]; ok {
		if s, ok := p.text(x, "give our own area code, one of the members' codes"); ok {
			g.Us = s
			if _, member := g.Member(s); !member && len(g.Members) > 0 {
				codes := make([]string, len(g.Members))
				for i, a := range g.Members {
					codes[i] = a.Code
				}
				msg := "us " + quote(s) + " is not a member of " + where + "; us is our own area code and must be one of the members"
				if near := suggest(s, codes); near != "" {
					msg += "; did you mean " + quote(near) + "?"
				} else {
					msg += " (" + strings.Join(codes, ", ") + "), or add it to members"
				}
				p.errorf(x.line(), "%s", msg)
			}
		}
	} else {
		p.errorf(node.Line, "%s has no us; add us: with our own area code, which must be one of the members", where)
	}
	if x, ok := f["files"]; ok {
		if files, ok := p.words(x, "comparators/cipfa.csv"); ok {
			g.Files = files
			dir := filepath.Dir(p.file)
			for _, file := range files {
				path := filepath.FromSlash(file)
				if !filepath.IsAbs(path) {
					path = filepath.Join(dir, path)
				}
				g.Paths = append(g.Paths, path)
			}
		}
	} else {
		p.errorf(node.Line, "%s has no files; add files: with the comparator files (csv or xlsx) that hold the members' values, relative to the catalogue, e.g. [comparators/cipfa.csv]", where)
	}
	return g, idLine
}

// areas reads a group's members; codes are unique ignoring case, as they are matched.
func (p *parser) areas(v pair, where string) []Area {
	list, ok := p.sequence(v, "members: [{code: E10000016, name: Example County}]")
	if !ok {
		return nil
	}
	if len(list.Content) == 0 {
		p.errorf(v.line(), "members of %s is empty; list each area with its code and name", where)
		return nil
	}
	var out []Area
	firstLine := map[string]int{}
	for i, item := range list.Content {
		node, ok := p.mapping(entry(v, item), "{code: E10000016, name: Example County}")
		if !ok {
			continue
		}
		label := peek(node, "code")
		if label == "" {
			label = ordinal(i)
		}
		f := p.fields(node, "in member "+label+" of "+where, areaKeys)
		var a Area
		if x, ok := f["code"]; ok {
			if s, ok := p.text(x, "give the area's code as the comparator files write it, e.g. code: E10000016"); ok {
				fold := strings.ToUpper(s)
				if first, dup := firstLine[fold]; dup {
					p.errorf(x.line(), "area %q is already a member of %s at line %d; list each area once", s, where, first)
					continue
				}
				firstLine[fold] = x.line()
				a.Code = s
			}
		} else {
			p.errorf(node.Line, "member %s of %s has no code; add code: with the area's code as the comparator files write it", label, where)
		}
		if x, ok := f["name"]; ok {
			if s, ok := p.text(x, "give the area's name as readers should see it"); ok {
				a.Name = s
			}
		} else {
			p.errorf(node.Line, "member %s of %s has no name; add name: with the area's name as readers should see it", label, where)
		}
		if a.Code != "" {
			out = append(out, a)
		}
	}
	return out
}

// benchmark reads an indicator's benchmark: {metric, groups}; the groups must be ones the
// catalogue's comparators: defines, which are read before the indicators.
func (p *parser) benchmark(v pair, cat *Catalogue, label string) *Benchmark {
	example := "{metric: ofsted_good_or_outstanding, groups: [cipfa]}"
	node, ok := p.mapping(v, example)
	if !ok {
		return nil
	}
	where := "the benchmark of indicator " + label
	f := p.fields(node, "in "+where, benchmarkKeys)
	b := &Benchmark{Line: node.Line}
	okAll := true
	if x, ok := f["metric"]; ok {
		if s, ok := p.text(x, "give the metric id the comparator files use for this indicator, e.g. metric: ofsted_good_or_outstanding"); ok {
			b.Metric = s
		} else {
			okAll = false
		}
	} else {
		p.errorf(node.Line, "%s has no metric; add metric: with the id the comparator files give its values under", where)
		okAll = false
	}
	x, ok := f["groups"]
	if !ok {
		p.errorf(node.Line, "%s has no groups; add groups: with the ids of the comparator groups to compare with, e.g. groups: [cipfa]", where)
		return nil
	}
	groups, ok := p.words(x, "cipfa")
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	for _, id := range groups {
		if seen[strings.ToUpper(id)] {
			p.errorf(x.line(), "group %q is named twice in %s; name each group once", id, where)
			okAll = false
			continue
		}
		seen[strings.ToUpper(id)] = true
		if p.comparatorsUnreadable {
			continue
		}
		g, known := cat.Comparator(id)
		if !known {
			p.errorf(x.line(), "%s", unknownGroup(id, where, cat))
			okAll = false
			continue
		}
		b.Groups = append(b.Groups, g.ID)
	}
	if !okAll {
		return nil
	}
	return b
}

func unknownGroup(id, where string, cat *Catalogue) string {
	if len(cat.Comparators) == 0 {
		return "comparator group " + quote(id) + " in " + where + " is not defined: the catalogue has no comparators:; add the group under comparators: at the top level (id, name, us, members, files)"
	}
	ids := make([]string, len(cat.Comparators))
	for i, g := range cat.Comparators {
		ids[i] = g.ID
	}
	msg := "comparator group " + quote(id) + " in " + where + " is not defined; groups are " + strings.Join(ids, ", ")
	if near := suggest(id, ids); near != "" {
		msg += "; did you mean " + quote(near) + "?"
	}
	return msg
}

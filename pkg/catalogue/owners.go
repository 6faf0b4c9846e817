package catalogue

import (
	"net/mail"
	"strings"
)

// Owner is a person or team answerable for some indicators' figures: the one a return is sent
// to and who signs it off.
type Owner struct {
	ID    string
	Name  string
	Email string // optional
	Role  string // optional: the role a signer usually holds, e.g. Head of Finance
}

var ownerKeys = []string{"id", "name", "email", "role"}

// ownerRef is an owner: key on an indicator or directorate, checked once the owners are known.
type ownerRef struct {
	holder string // "indicator CS01" or "directorate CED", for messages
	id     string
	line   int
}

// Owner looks an owner up by id, ignoring case as codes are.
func (c *Catalogue) Owner(id string) (Owner, bool) {
	for _, o := range c.Owners {
		if equalFold(o.ID, id) {
			return o, true
		}
	}
	return Owner{}, false
}

// OwnedBy lists the indicators whose owner is id, in catalogue order.
func (c *Catalogue) OwnedBy(id string) []*Indicator {
	var out []*Indicator
	for _, ind := range c.Indicators {
		if equalFold(ind.Owner, id) {
			out = append(out, ind)
		}
	}
	return out
}

func (p *parser) owners(v pair) []Owner {
	list, ok := p.sequence(v, "owners: [{id: FIN, name: Finance, email: finance@example.gov.uk}]")
	if !ok {
		p.ownersUnreadable = true
		return nil
	}
	var out []Owner
	firstLine := map[string]int{}
	for i, item := range list.Content {
		node, ok := p.mapping(entry(v, item), "{id: FIN, name: Finance}")
		if !ok {
			p.ownersUnreadable = true
			continue
		}
		label := peek(node, "id")
		if label == "" {
			label = ordinal(i)
		}
		f := p.fields(node, "in owner "+label, ownerKeys)
		var o Owner
		if x, ok := f["id"]; ok {
			if id, ok := p.text(x, "give a short id such as id: FIN"); ok {
				fold := strings.ToUpper(id)
				if first, dup := firstLine[fold]; dup {
					p.errorf(x.line(), "owner id %q is already used at line %d; each owner needs its own id (ids are matched ignoring case)", id, first)
				} else {
					firstLine[fold] = x.line()
					o.ID = id
				}
			} else {
				p.ownersUnreadable = true
			}
		} else {
			p.errorf(node.Line, "owner %s has no id; add id: with a short id such as FIN", label)
			p.ownersUnreadable = true
		}
		if x, ok := f["name"]; ok {
			if s, ok := p.text(x, "give the owner's name as a return should be addressed, e.g. name: Head of Finance"); ok {
				o.Name = s
			}
		} else {
			p.errorf(node.Line, "owner %s has no name; add name: with the person or team a return is sent to", label)
		}
		if x, ok := f["email"]; ok {
			if s, ok := p.text(x, "give an email address such as finance@example.gov.uk, or leave email out"); ok {
				if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
					p.errorf(x.line(), "email %q is not an email address; write it as name@example.gov.uk, or leave email out", s)
				} else {
					o.Email = s
				}
			}
		}
		if x, ok := f["role"]; ok {
			if s, ok := p.text(x, "give the role of the person who signs the return off, e.g. role: Head of Finance, or leave role out"); ok {
				o.Role = s
			}
		}
		if o.ID != "" {
			out = append(out, o)
		}
	}
	return out
}

// owner reads the owner: key of an indicator or directorate (holder names it), to be checked
// against the owners once all are read.
func (p *parser) owner(f map[string]pair, holder string) string {
	x, ok := f["owner"]
	if !ok {
		return ""
	}
	id, ok := p.text(x, "give the id of one of the owners listed under owners:")
	if !ok {
		return ""
	}
	p.ownerRefs = append(p.ownerRefs, ownerRef{holder: holder, id: id, line: x.line()})
	return id
}

// resolveOwners checks every owner: against the owners, gives each indicator without one its
// directorate's, and, when the catalogue lists owners, requires every indicator to have one.
func (p *parser) resolveOwners(cat *Catalogue) {
	if p.ownersUnreadable {
		return
	}
	ids := make([]string, 0, len(cat.Owners))
	for _, o := range cat.Owners {
		ids = append(ids, o.ID)
	}
	known := "no owners are defined; add them under owners: as - {id: FIN, name: Finance}"
	if len(ids) > 0 {
		known = "known owners are " + strings.Join(ids, ", ")
	}
	for _, ref := range p.ownerRefs {
		if _, ok := cat.Owner(ref.id); ok {
			continue
		}
		msg := ref.holder + " has unknown owner " + quote(ref.id) + "; " + known
		if s := suggest(ref.id, ids); s != "" {
			msg += "; did you mean " + quote(s) + "?"
		}
		p.errorf(ref.line, "%s", msg)
	}
	// The catalogue's own spelling of the id, so that files and messages use one form.
	canonical := func(id string) string {
		if o, ok := cat.Owner(id); ok {
			return o.ID
		}
		return id
	}
	for i := range cat.Directorates {
		if d := &cat.Directorates[i]; d.Owner != "" {
			d.Owner = canonical(d.Owner)
		}
	}
	for _, ind := range cat.Indicators {
		if ind.Owner == "" {
			if d, ok := cat.Directorate(ind.Directorate); ok {
				ind.Owner = d.Owner
			}
		}
		ind.Owner = canonical(ind.Owner)
		if ind.Owner == "" && len(cat.Owners) > 0 {
			p.errorf(ind.Line, "indicator %s has no owner; add owner: with one of %s, to it or to directorate %s", ind.Code, strings.Join(ids, ", "), ind.Directorate)
		}
	}
}

package catalogue

import (
	"fmt"
	"strings"
)

// PackIDs lists the pack ids in catalogue order.
func (c *Catalogue) PackIDs() []string {
	ids := make([]string, len(c.Packs))
	for i, p := range c.Packs {
		ids[i] = p.ID
	}
	return ids
}

// Lookup finds an indicator by code, ignoring case as data files do. Its error names the
// catalogue and suggests the nearest code, for a code typed on the command line.
func (c *Catalogue) Lookup(code string) (*Indicator, error) {
	code = strings.TrimSpace(code)
	if ind, ok := c.Indicator(code); ok {
		return ind, nil
	}
	msg := fmt.Sprintf("no indicator with code %q in %s", code, c.File)
	if s := suggest(code, indicatorCodes(c)); s != "" {
		return nil, fmt.Errorf("%s; did you mean %q?", msg, s)
	}
	return nil, fmt.Errorf("%s; its codes are %s", msg, listOrNone(indicatorCodes(c)))
}

// LookupPack finds a pack by id, ignoring case as pack ids are unique that way; its error
// lists the ids there are.
func (c *Catalogue) LookupPack(id string) (Pack, error) {
	id = strings.TrimSpace(id)
	for _, p := range c.Packs {
		if strings.EqualFold(p.ID, id) {
			return p, nil
		}
	}
	return Pack{}, fmt.Errorf("no pack with id %q in %s; its packs are %s", id, c.File, listOrNone(c.PackIDs()))
}

// listOrNone shortens long lists: a reader needs a few examples, not a catalogue of 200 codes.
func listOrNone(items []string) string {
	const most = 12
	switch {
	case len(items) == 0:
		return "none"
	case len(items) > most:
		return fmt.Sprintf("%s and %d more", strings.Join(items[:most], ", "), len(items)-most)
	}
	return strings.Join(items, ", ")
}

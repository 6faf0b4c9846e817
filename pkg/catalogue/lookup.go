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

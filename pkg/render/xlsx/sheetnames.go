package xlsx

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// Excel caps a sheet name at 31 UTF-16 code units and forbids these characters.
const (
	maxSheetName     = 31
	forbiddenInSheet = `[]:*?/\`
)

// sheetNamer hands out sheet names that Excel accepts and that differ from every name given
// before, compared as Excel compares them (case-insensitively).
type sheetNamer struct {
	used map[string]bool
}

// "History" is reserved by Excel for change tracking, so it is taken from the start even
// though this workbook has no sheet of that name.
func newSheetNamer(reserved ...string) *sheetNamer {
	n := &sheetNamer{used: map[string]bool{"history": true}}
	for _, r := range reserved {
		n.used[strings.ToLower(r)] = true
	}
	return n
}

// name makes a sheet name from the first usable candidate, with fallback when none is.
// A clash is resolved with a " (2)", " (3)" suffix, shortening the base to make room.
func (n *sheetNamer) name(fallback string, candidates ...string) string {
	base := ""
	for _, c := range candidates {
		if base = safeSheetName(c); base != "" {
			break
		}
	}
	if base == "" {
		base = safeSheetName(fallback)
	}
	name := base
	for i := 2; n.used[strings.ToLower(name)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = strings.TrimRight(truncateUTF16(base, maxSheetName-len(suffix)), " ") + suffix
	}
	n.used[strings.ToLower(name)] = true
	return name
}

// safeSheetName replaces the characters Excel forbids with "-", drops control characters
// and the apostrophes Excel refuses at either end, and cuts the name to 31 code units.
func safeSheetName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune(forbiddenInSheet, r):
			b.WriteRune('-')
		case r < 0x20 || r == 0x7f:
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Trim(strings.TrimSpace(b.String()), "'")
	name = strings.Trim(truncateUTF16(name, maxSheetName), "' ")
	return name
}

// truncateUTF16 keeps whole characters of s up to limit UTF-16 code units.
func truncateUTF16(s string, limit int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > limit {
			return s[:i]
		}
	}
	return s
}

package present

import (
	"strconv"
	"strings"
	"unicode"
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
// A clash is resolved with a "_2", "_3" suffix, shortening the base to make room.
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
		suffix := "_" + strconv.Itoa(i)
		name = strings.TrimRight(truncateUTF16(base, maxSheetName-len(suffix)), "_") + suffix
	}
	n.used[strings.ToLower(name)] = true
	return name
}

// safeSheetName replaces the characters Excel forbids with "-", joins words with "_"
// rather than spaces (the guidance for releasing statistics in spreadsheets asks for names
// without spaces, which also need no quoting in a formula), drops the apostrophes Excel
// refuses at either end, and cuts the name to 31 code units.
func safeSheetName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune(forbiddenInSheet, r):
			b.WriteRune('-')
		case unicode.IsSpace(r) || unicode.IsControl(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name := strings.Join(strings.Fields(b.String()), "_")
	name = strings.Trim(name, "'_")
	name = strings.Trim(truncateUTF16(name, maxSheetName), "'_")
	return name
}

// tableNamer hands out Excel table names: letters, digits and underscores, starting with a
// letter, unique in the workbook (compared ignoring case, as Excel does). Every name but
// the fixed ones the workbook starts with contains an underscore, so none can be read as
// a cell reference such as "CED1" or "R1C1", which Excel refuses as a name.
type tableNamer struct {
	used map[string]bool
}

func newTableNamer() *tableNamer { return &tableNamer{used: map[string]bool{}} }

// name is prefix_part, with part reduced to the characters a name may hold, numbered
// when it repeats one given before.
func (n *tableNamer) name(prefix, part string) string {
	var b strings.Builder
	for _, r := range part {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteRune('_')
		}
	}
	base := prefix
	if p := strings.Trim(b.String(), "_"); p != "" {
		base += "_" + p
	}
	base = truncateUTF16(base, 200)
	name := base
	for i := 2; n.used[strings.ToLower(name)]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	n.used[strings.ToLower(name)] = true
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

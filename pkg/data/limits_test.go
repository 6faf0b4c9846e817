package data

import (
	"regexp"
	"strings"
	"testing"
)

func TestLimitSettings(t *testing.T) {
	var lim Limits
	for _, c := range []struct {
		name, value string
		want        int64
		field       *int64
	}{
		{"file_size", "4GB", 4 << 30, &lim.FileSize},
		{"file_size", "64 MiB", 64 << 20, &lim.FileSize},
		{"file_size", "1000", 1000, &lim.FileSize},
		{"line_length", "2k", 2048, &lim.LineLength},
		{"rows", "20_000_000", 20_000_000, &lim.Rows},
		{"cell_length", "100000", 100_000, &lim.CellLength},
		{"catalogue_size", "1G", 1 << 30, &lim.CatalogueSize},
		{"catalogue_text", "50000", 50_000, &lim.CatalogueText},
	} {
		if err := lim.Set(c.name, c.value); err != nil || *c.field != c.want {
			t.Errorf("Set(%s, %s) = %v, field %d; want %d", c.name, c.value, err, *c.field, c.want)
		}
	}
	for _, c := range []struct{ setting, want string }{
		{"file_sise=4GB", `unknown limit "file_sise"; did you mean file_size?`},
		{"colour=red", `unknown limit "colour"; the limits are file_size, line_length, cell_length, rows, cells, xlsx_part_size, xlsx_total_size, xlsx_entries, xlsx_strings_size, catalogue_size, catalogue_text`},
		{"rows=4GB", `limit rows: "4GB" is not a limit; write a whole number such as 5000000`},
		{"rows=-1", `limit rows: "-1" is not a limit; write a whole number such as 5000000`},
		{"file_size=9999999TB", `limit file_size: "9999999TB" is more than qpr can count; write a size such as 64MB, 4GB or 1000000 (bytes)`},
		{"rows", "--limit rows: write NAME=VALUE, e.g. --limit file_size=4GB (the limits are file_size, line_length, cell_length, rows, cells, xlsx_part_size, xlsx_total_size, xlsx_entries, xlsx_strings_size, catalogue_size, catalogue_text)"},
	} {
		err := lim.SetAll([]string{c.setting})
		if err == nil || err.Error() != c.want {
			t.Errorf("SetAll(%s) = %v\n want %s", c.setting, err, c.want)
		}
	}
}

// Every limit is documented, under its own name, with its default as DefaultLimits has it.
func TestLimitsAreDocumented(t *testing.T) {
	doc := string(readBytes(t, "../../docs/limits.md"))
	for _, entry := range LimitsTable() {
		name, def, _ := strings.Cut(entry, "=")
		row := regexp.MustCompile("(?m)^\\| `" + name + "` \\| " + regexp.QuoteMeta(def) + " \\|")
		if !row.MatchString(doc) {
			t.Errorf("docs/limits.md has no row for %s with default %s", name, def)
		}
	}
}

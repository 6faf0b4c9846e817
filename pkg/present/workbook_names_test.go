package present

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestSafeSheetName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"CED", "CED"},
		{"GROWTH/ENVIRONMENT:TRANSPORT-DIRECTORATE", "GROWTH-ENVIRONMENT-TRANSPORT-DI"},
		{"A[1]*?\\", "A-1----"},
		{"'Quoted'", "Quoted"},
		{"  tabs\tand\nlines  ", "tabs_and_lines"},
		{"Adult Social Care", "Adult_Social_Care"},
		{"Économie – Café’s", "Économie_–_Café’s"},
		// 30 letters then an apostrophe: cut at 31 it would end in one, which Excel refuses.
		{strings.Repeat("a", 30) + "'s department", strings.Repeat("a", 30)},
		// An emoji is two UTF-16 units: 30 letters + emoji is 32 units, so the emoji goes.
		{strings.Repeat("b", 30) + "😀", strings.Repeat("b", 30)},
		{"", ""},
		{"///", "---"},
	}
	for _, c := range cases {
		got := safeSheetName(c.in)
		if got != c.want {
			t.Errorf("safeSheetName(%q) = %q, want %q", c.in, got, c.want)
		}
		if n := len(utf16.Encode([]rune(got))); n > 31 {
			t.Errorf("safeSheetName(%q) is %d units long", c.in, n)
		}
	}
}

func TestSheetNamerAvoidsClashes(t *testing.T) {
	n := newSheetNamer("Summary", "KPI_history", "Data")
	long := strings.Repeat("X", 40)
	got := []string{
		n.name("Directorate 1", "CED"),
		n.name("Directorate 2", "ced"),     // Excel compares names case-insensitively
		n.name("Directorate 3", "DATA"),    // reserved for the Data sheet
		n.name("Directorate 4", "History"), // reserved by Excel itself
		n.name("Directorate 5", "", "Adults' Services"),
		n.name("Directorate 6", "[]"),
		n.name("Directorate 7", long),
		n.name("Directorate 8", long),
		n.name("Directorate 9", "", ""),
	}
	want := []string{
		"CED", "ced_2", "DATA_2", "History_2", "Adults'_Services", "--",
		strings.Repeat("X", 31), strings.Repeat("X", 29) + "_2", "Directorate_9",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names = %q\nwant    %q", got, want)
	}
}

func TestTableNamer(t *testing.T) {
	n := newTableNamer()
	got := []string{
		n.name("Directorate", "CED"),
		n.name("Directorate", "ced"), // Excel compares names ignoring case
		n.name("Directorate", "GROWTH/ENVIRONMENT:TRANSPORT"),
		n.name("Directorate", "Café – Économie"),
		n.name("Directorate", "///"),
		n.name("Summary_ratings", ""),
	}
	want := []string{"Directorate_CED", "Directorate_ced_2", "Directorate_GROWTH_ENVIRONMENT_TRANSPORT",
		"Directorate_Caf_conomie", "Directorate", "Summary_ratings"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names = %q\nwant    %q", got, want)
	}
}

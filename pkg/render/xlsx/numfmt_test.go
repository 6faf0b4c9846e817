package xlsx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/qpr/internal/testtool"
	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/present"
	"github.com/xuri/excelize/v2"
)

func measure(u catalogue.Unit, places int) present.NumberFormat {
	return present.NumberFormat{Kind: present.MeasureNumber, Unit: u, Places: places}
}

func TestNumberFormat(t *testing.T) {
	cases := []struct {
		unit   catalogue.Unit
		places int
		want   string
	}{
		{"percent", 1, `#,##0.0"%"`},
		{"percent", 0, `#,##0"%"`},
		{"currency", 0, `"£"#,##0`},
		{"currency", 2, `"£"#,##0.00`},
		{"days", 1, `#,##0.0 "days"`},
		{"days", 0, `[<0.5]#,##0 "days";[<1.5]0 "day";#,##0 "days"`},
		{"number", 0, `#,##0`},
		{"rate", 2, `#,##0.00`},
		{"parsecs", 1, `#,##0.0`},
		{"number", -3, `#,##0`},
		{"number", 40, `#,##0.000000`},
	}
	for _, c := range cases {
		if got := formatCode(measure(c.unit, c.places)); got != c.want {
			t.Errorf("formatCode(%q, %d places) = %s, want %s", c.unit, c.places, got, c.want)
		}
	}
	if got, want := formatCode(present.NumberFormat{Kind: present.ChangeNumber}), `+0;-0;"no change"`; got != want {
		t.Errorf("a change's format code = %s, want %s", got, want)
	}
	if got := formatCode(present.NumberFormat{Kind: present.CountNumber, Unit: catalogue.Percent}); got != "" {
		t.Errorf("a count's format code = %s, want General (empty)", got)
	}
}

// A whole number of days reads as pkg/present writes it, "1 day" but "2 days", as a
// spreadsheet shows the format, for values on both sides of the rounding edges. excelize's
// own formatter ignores the format's conditions, so LibreOffice shows it (where it is not
// installed the test says so, and fails under CI).
func TestDaysFormatAgreesWithPresent(t *testing.T) {
	soffice := testtool.Need(t, "soffice", "apt-get install libreoffice-calc-nogui")
	values := []float64{0, 0.4, 0.5, 1, 1.4, 1.5, 2, 12, -1}
	f := excelize.NewFile()
	defer f.Close()
	format := formatCode(measure(catalogue.Days, 0))
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", cell, cell, style); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := f.SaveAs(filepath.Join(dir, "days.xlsx")); err != nil {
		t.Fatal(err)
	}
	// the csv filter's ninth token asks for cells as shown rather than as stored
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "--outdir", dir, filepath.Join(dir, "days.xlsx"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	shown, err := os.ReadFile(filepath.Join(dir, "days.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(shown)), "\n")
	if len(lines) != len(values) {
		t.Fatalf("soffice wrote %q, want %d lines", shown, len(values))
	}
	for i, v := range values {
		// present: 0.5 rounds half away from zero to "1 day"; -1 is "-1 days"
		if got, want := strings.TrimSpace(lines[i]), present.Format(v, catalogue.Days, 0); got != want {
			t.Errorf("%v days shown %q, want %q", v, got, want)
		}
	}
}

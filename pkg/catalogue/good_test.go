package catalogue

import (
	"reflect"
	"testing"

	"github.com/example/qpr/pkg/period"
)

func ptr(v float64) *float64 { return &v }

func TestLoadGoodCatalogue(t *testing.T) {
	cat, err := Load("testdata/good.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if cat.File != "testdata/good.yaml" || cat.Organisation != "Example County Council" || cat.Title != "Performance Dashboard" {
		t.Errorf("header = %q %q %q", cat.File, cat.Organisation, cat.Title)
	}
	if cat.Calendar != (period.Calendar{YearStart: 4}) {
		t.Errorf("calendar = %+v", cat.Calendar)
	}
	catTrend := TrendSpec{Method: "regression", Window: 6, Alpha: 0.1, ShiftPoints: 7, TrendPoints: 7, ScreenMR: true}
	if cat.Trend != catTrend {
		t.Errorf("catalogue trend = %+v, want %+v", cat.Trend, catTrend)
	}
	wantDirs := []Directorate{{"CED", "Chief Executive's Department"}, {"ASC", "Adult Social Care"}}
	if !reflect.DeepEqual(cat.Directorates, wantDirs) {
		t.Errorf("directorates = %+v", cat.Directorates)
	}

	want := []Indicator{
		{
			Code: "CS01", Name: "Percentage of calls to Contact Point answered", Directorate: "CED",
			Description: "Calls answered within the hour, of all calls received.",
			Meaning: Meaning{
				Definition:      "Calls to Contact Point answered by an adviser within 60 minutes.",
				Numerator:       "Calls answered within 60 minutes",
				Denominator:     "All calls received, abandoned calls included",
				Source:          "Telephony system monthly extract",
				TargetRationale: "Set by Cabinet in the 2022 customer strategy",
				DataQuality:     &DataQuality{Rating: QualityAdequate, Note: "Abandoned calls under 5 seconds are not recorded."},
			},
			Type: KPI, Polarity: Higher, Unit: Percent, Decimals: 1, Frequency: Quarterly, Aggregate: Last, MaxLag: 1, Basis: BasisQuarter, Projection: DefaultProjection,
			Tags:  []string{"qpr", "dashboard"},
			Trend: TrendSpec{Method: "spc", Window: 6, Alpha: 0.1, ShiftPoints: 7, TrendPoints: 7, ScreenMR: false},
			Thresholds: map[int]Thresholds{
				2022: {Target: ptr(85), Floor: ptr(80)},
				2023: {Target: ptr(90), Floor: ptr(75)},
				2025: {Null: true},
			},
			Line: 7,
		},
		{
			Code: "CS04", Name: "Calls received by Contact Point", Directorate: "CED",
			Type: Activity, Unit: Number, Frequency: Monthly, Aggregate: Sum, MaxLag: 0, Basis: BasisQuarter, Projection: DefaultProjection,
			Trend:    catTrend,
			Expected: map[int]Expected{2023: {Lower: ptr(100000), Upper: ptr(130000)}, 2025: {Null: true}},
			Line:     26,
		},
		{
			Code: "AS01", Name: "Delayed transfers of care", Directorate: "ASC",
			Type: KPI, Polarity: Lower, Unit: Days, Frequency: Quarterly, Aggregate: Last, MaxLag: 1, Basis: BasisQuarter, Projection: DefaultProjection,
			Tags:       []string{"qpr"},
			Trend:      TrendSpec{Method: "last-change", Window: 4, Alpha: 0.1, Tolerance: 0.5, ShiftPoints: 7, TrendPoints: 7, ScreenMR: true},
			Thresholds: map[int]Thresholds{EveryYear: {Target: ptr(10), Floor: ptr(10)}},
			Line:       36,
		},
		{
			Code: "AS02", Name: "Home visits", Directorate: "ASC",
			Type: Activity, Polarity: Higher, Unit: Number, Frequency: Quarterly, Aggregate: Last, MaxLag: 1, Basis: BasisQuarter, Projection: DefaultProjection,
			Trend:    catTrend,
			Expected: map[int]Expected{EveryYear: {Lower: ptr(50)}},
			Line:     45,
		},
	}
	if len(cat.Indicators) != len(want) {
		t.Fatalf("got %d indicators, want %d", len(cat.Indicators), len(want))
	}
	for i := range want {
		if got := *cat.Indicators[i]; !reflect.DeepEqual(got, want[i]) {
			t.Errorf("indicator %d:\n got %+v\nwant %+v", i, got, want[i])
		}
	}

	wantPacks := []struct {
		id, title string
		members   []string
	}{
		{"qpr", "Performance Dashboard", []string{"CS01", "AS01"}},
		{"ced", "Performance Dashboard - Chief Executive's Department", []string{"CS01", "CS04"}},
		{"mixed_1", "Performance Dashboard", []string{"CS01", "CS04", "AS02"}},
	}
	if ids := cat.PackIDs(); !reflect.DeepEqual(ids, []string{"qpr", "ced", "mixed_1"}) {
		t.Errorf("PackIDs = %v", ids)
	}
	for i, w := range wantPacks {
		p := cat.Packs[i]
		if p.ID != w.id || p.Title != w.title {
			t.Errorf("pack %d = %q %q, want %q %q", i, p.ID, p.Title, w.id, w.title)
		}
		var codes []string
		for _, ind := range cat.Members(p) {
			codes = append(codes, ind.Code)
		}
		if !reflect.DeepEqual(codes, w.members) {
			t.Errorf("pack %s members = %v, want %v", w.id, codes, w.members)
		}
	}
}

// The thresholds of the latest year at or before the asked year apply; null stops rating.
func TestThresholdsAcrossYears(t *testing.T) {
	cat, err := Load("testdata/good.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	cs01, _ := cat.Indicator("CS01")
	as01, _ := cat.Indicator("as01")
	cases := []struct {
		ind           *Indicator
		year          int
		ok            bool
		target, floor float64
	}{
		{cs01, 2021, false, 0, 0},
		{cs01, 2022, true, 85, 80},
		{cs01, 2023, true, 90, 75},
		{cs01, 2024, true, 90, 75},
		{cs01, 2025, false, 0, 0},
		{cs01, 2030, false, 0, 0},
		{as01, 1990, true, 10, 10},
		{as01, 2100, true, 10, 10},
	}
	for _, c := range cases {
		th, ok := c.ind.ThresholdsFor(c.year)
		if ok != c.ok {
			t.Errorf("%s %d: ok = %v, want %v", c.ind.Code, c.year, ok, c.ok)
			continue
		}
		if ok && (*th.Target != c.target || *th.Floor != c.floor) {
			t.Errorf("%s %d: target %v floor %v, want %v %v", c.ind.Code, c.year, *th.Target, *th.Floor, c.target, c.floor)
		}
	}

	cs04, _ := cat.Indicator("CS04")
	if _, ok := cs04.ExpectedFor(2022); ok {
		t.Error("CS04 has an expected range before 2023/24")
	}
	if e, ok := cs04.ExpectedFor(2024); !ok || *e.Lower != 100000 || *e.Upper != 130000 {
		t.Errorf("CS04 2024/25 expected = %+v %v", e, ok)
	}
	if e, ok := cs04.ExpectedFor(2026); ok {
		t.Errorf("CS04 has an expected range %+v after it was set to null in 2025/26", e)
	}
	as02, _ := cat.Indicator("AS02")
	if e, ok := as02.ExpectedFor(1999); !ok || *e.Lower != 50 || e.Upper != nil {
		t.Errorf("AS02 expected = %+v %v, want lower 50 and no upper", e, ok)
	}
}

func TestDefaults(t *testing.T) {
	src := "directorates: [{code: CED, name: CE}]\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher}\n"
	cat, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if cat.Title != "Quarterly Performance Report" || cat.Organisation != "" || cat.Calendar.YearStart != 4 {
		t.Errorf("header = %q %q %d", cat.Title, cat.Organisation, cat.Calendar.YearStart)
	}
	wantTrend := TrendSpec{Method: "regression", Window: 8, Alpha: 0.05, Tolerance: 0, ShiftPoints: 7, TrendPoints: 7, ScreenMR: true}
	if cat.Trend != wantTrend {
		t.Errorf("trend = %+v", cat.Trend)
	}
	want := Indicator{Code: "CS01", Name: "Calls", Directorate: "CED", Type: KPI, Polarity: Higher, Unit: Number,
		Decimals: 0, Frequency: Quarterly, Aggregate: Last, MaxLag: 1, Basis: BasisQuarter, Projection: DefaultProjection, Trend: wantTrend, Line: 3}
	if got := *cat.Indicators[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("indicator:\n got %+v\nwant %+v", got, want)
	}
	if _, ok := cat.Indicators[0].ThresholdsFor(2023); ok {
		t.Error("an indicator without thresholds is rated")
	}
	if !reflect.DeepEqual(cat.Packs, []Pack{{ID: "qpr", Title: "Quarterly Performance Report"}}) {
		t.Errorf("packs = %+v", cat.Packs)
	}
}

// year_start is applied to thresholds years even when it comes after them in the file.
func TestYearStartReadFirst(t *testing.T) {
	src := `directorates: [{code: CED, name: CE}]
indicators:
  - code: CS01
    name: Calls
    directorate: CED
    polarity: lower
    thresholds:
      2022: {target: 5}
      2024: {target: 3, floor: 4}
year_start: 1
`
	cat, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	ind := cat.Indicators[0]
	if th, ok := ind.ThresholdsFor(2023); !ok || *th.Target != 5 || th.Floor != nil {
		t.Errorf("2023 thresholds = %+v %v, want target 5 and no floor", th, ok)
	}
	if th, ok := ind.ThresholdsFor(2024); !ok || *th.Target != 3 || *th.Floor != 4 {
		t.Errorf("2024 thresholds = %+v %v, want 3 and 4", th, ok)
	}
	if cat.Calendar.Label(period.Quarter{Year: 2024, Q: 2}) != "2024 Q2" {
		t.Errorf("calendar = %+v", cat.Calendar)
	}
}

// Method names follow the trend engine's one rule, as --method does: case and the choice of
// '-', '_' or ' ' between words do not matter.
func TestTrendMethodSpellings(t *testing.T) {
	for in, want := range map[string]string{"mann_kendall": "mann-kendall", "Mann-Kendall": "mann-kendall", "year on year": "year-on-year", "SPC": "spc"} {
		src := "trend: {method: " + in + "}\ndirectorates: [{code: CED, name: CE}]\nindicators:\n  - {code: CS01, name: Calls, directorate: CED, polarity: higher}\n"
		cat, err := Parse("c.yaml", []byte(src))
		if err != nil {
			t.Errorf("method %q: %v", in, err)
			continue
		}
		if got := cat.Indicators[0].Trend.Method; got != want {
			t.Errorf("method %q = %q, want %q", in, got, want)
		}
	}
}

// YAML anchors and merge keys let indicators share settings; the indicator's own keys win.
func TestMergeKeys(t *testing.T) {
	src := `directorates: [{code: CED, name: CE}]
indicators:
  - &base {code: CS01, name: Calls, directorate: CED, polarity: higher, unit: percent, target: 90}
  - <<: *base
    code: CS02
    target: 80
`
	cat, err := Parse("c.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	cs02 := cat.Indicators[1]
	th, _ := cs02.ThresholdsFor(2023)
	if cs02.Code != "CS02" || cs02.Name != "Calls" || cs02.Unit != Percent || *th.Target != 80 {
		t.Errorf("CS02 = %+v target %v", cs02, *th.Target)
	}
}

// Codes and pack ids are both looked up ignoring case: one rule for both.
func TestLookupIgnoresCase(t *testing.T) {
	cat, err := Load("testdata/good.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if ind, ok := cat.Indicator("cs04"); !ok || ind.Code != "CS04" {
		t.Errorf("Indicator(cs04) = %v, %v", ind, ok)
	}
	if p, ok := cat.Pack("CED"); !ok || p.ID != "ced" {
		t.Errorf("Pack(CED) = %+v, %v", p, ok)
	}
	if _, ok := cat.Pack("all"); ok {
		t.Error("Pack(all) found a pack that is not there")
	}
}

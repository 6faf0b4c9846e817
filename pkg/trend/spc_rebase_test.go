package trend

import (
	"strings"
	"testing"
)

// NHSRplotthedots' own rebase case: all A&E attendances, April 2016 to March 2019, rebased at
// April 2017. Its integration snapshot gives each rebase group's mean, limits and per-point
// flags; run as one series with a recalculation point, qpr must give each segment exactly the
// figures of its group, and the headline figures of the latest.
func TestSPCRebaseIntegrationSnapshot(t *testing.T) {
	var oracle struct {
		Cases []struct {
			snapshotCase
			Dates []string `json:"dates"`
		} `json:"cases"`
	}
	loadOracle(t, "spc/ptd_integration_snapshot_pr99.json", &oracle)
	var groups []snapshotCase
	var dates []string
	for _, c := range oracle.Cases {
		if strings.HasPrefix(c.ID, "ae_all_attendances_rebase_2017_04_group") {
			groups = append(groups, c.snapshotCase)
			dates = append(dates, c.Dates...)
		}
	}
	if len(groups) != 2 || len(groups[0].Values) != 12 || len(groups[1].Values) != 24 {
		t.Fatalf("want the two rebase groups of 12 and 24 points, found %d", len(groups))
	}
	values := append(append([]float64(nil), groups[0].Values...), groups[1].Values...)
	pts := consecutive(values...)
	for i := range pts {
		pts[i].Label = dates[i]
	}
	r := Analyse(spcConfig(true), Input{Points: pts, Polarity: HigherIsBetter, Rebase: []float64{12}})
	if len(r.Segments) != 2 {
		t.Fatalf("%d segments, want 2", len(r.Segments))
	}
	offset := 0
	for g, want := range groups {
		seg := r.Segments[g]
		if seg.Points != len(want.Values) || seg.From != dates[offset] || seg.To != dates[offset+len(want.Values)-1] {
			t.Errorf("segment %d: %d points %s..%s", g, seg.Points, seg.From, seg.To)
		}
		assertRel(t, "mean", seg.Mean, want.Expected.Mean, 1e-13)
		assertRel(t, "lpl", seg.LPL, want.Expected.LPL, 1e-13)
		assertRel(t, "upl", seg.UPL, want.Expected.UPL, 1e-13)
		for i, w := range want.Expected.PointTypeCurrent {
			if got := r.Series[offset+i].Type; got != w {
				t.Errorf("group %d point %d: %s, want %s", g, i, got, w)
			}
		}
		offset += len(want.Values)
	}
	assertRel(t, "headline mean", *r.Mean, groups[1].Expected.Mean, 1e-13)
	assertRel(t, "headline lpl", *r.LPL, groups[1].Expected.LPL, 1e-13)
	assertRel(t, "headline upl", *r.UPL, groups[1].Expected.UPL, 1e-13)
	if r.Provisional || r.Segments[0].Provisional { // 12 and 24 points: both firm
		t.Errorf("provisional: headline %v, first segment %v", r.Provisional, r.Segments[0].Provisional)
	}
}

// Worked by hand. Without a rebase, 1, 2, ..., 7 at positions 4 to 10 is a run of seven
// rising points: special cause. Rebased at position 7, the run is split into 1, 2, 3 and 4,
// 5, 6, 7, and NHSRplotthedots applies every rule within a segment, so nothing fires.
//
//	segment 1: 5 0 5 0 1 2 3   mean 16/7, moving ranges 5 5 5 1 1 1 (mean 3, none screened),
//	           limits 16/7 ± 7.98
//	segment 2: 4 5 6 7 0 7 0   mean 29/7, moving ranges 1 1 1 7 7 7 (mean 4, none screened),
//	           limits 29/7 ± 10.64
//
// No point is beyond a limit or within a third of one, and neither segment has 7 on one side.
func TestSPCRebaseSplitsRuns(t *testing.T) {
	values := []float64{5, 0, 5, 0, 1, 2, 3, 4, 5, 6, 7, 0, 7, 0}
	whole := Analyse(spcConfig(true), Input{Points: consecutive(values...), Polarity: HigherIsBetter})
	for i := 4; i <= 10; i++ {
		if whole.Series[i].Type != SpecialCauseImprovement {
			t.Errorf("without a rebase, point %d: %s, want the rising run's improvement", i, whole.Series[i].Type)
		}
	}
	r := Analyse(spcConfig(true), Input{Points: consecutive(values...), Polarity: HigherIsBetter, Rebase: []float64{7}})
	for i, p := range r.Series {
		if p.Type != CommonCause {
			t.Errorf("rebased, point %d: %s, want common cause", i, p.Type)
		}
	}
	if len(r.Segments) != 2 {
		t.Fatalf("%d segments, want 2", len(r.Segments))
	}
	assertAbs(t, "segment 1 mean", r.Segments[0].Mean, 16.0/7, 1e-12)
	assertAbs(t, "segment 1 lpl", r.Segments[0].LPL, 16.0/7-7.98, 1e-12)
	assertAbs(t, "segment 1 upl", r.Segments[0].UPL, 16.0/7+7.98, 1e-12)
	assertAbs(t, "segment 2 mean", r.Segments[1].Mean, 29.0/7, 1e-12)
	assertAbs(t, "segment 2 lpl", r.Segments[1].LPL, 29.0/7-10.64, 1e-12)
	assertAbs(t, "segment 2 upl", r.Segments[1].UPL, 29.0/7+10.64, 1e-12)
	assertAbs(t, "headline mean", *r.Mean, 29.0/7, 1e-12)
	if r.Direction != Stable || !r.Provisional {
		t.Errorf("direction %s provisional %v, want stable on provisional limits (7 points)", r.Direction, r.Provisional)
	}
	// A rebase before the first point or after the last starts no segment; one between two
	// points starts the segment at the next point present (a gap at the rebase period).
	for _, at := range [][]float64{{-3}, {0}, {20}} {
		if got := Analyse(spcConfig(true), Input{Points: consecutive(values...), Rebase: at}); len(got.Segments) != 1 {
			t.Errorf("rebase at %v: %d segments, want 1", at, len(got.Segments))
		}
	}
	gap := consecutive(values...)
	gap = append(gap[:7], gap[8:]...) // position 7 missing
	if got := Analyse(spcConfig(true), Input{Points: gap, Rebase: []float64{7}}); len(got.Segments) != 2 || got.Segments[1].Points != 6 {
		t.Errorf("rebase at a missing period: %+v", got.Segments)
	}
}

// The case in small: in control at about 90, then twelve points near 80, all below the
// mean of the whole window and the last beyond the lower limit. The limits straddle the shift,
// so the target of 85 sits inside them ("hit and miss") or, in the example, below them
// ("consistently meet") while the latest points all miss it: the assurance is withheld and the
// shift is named from its first point.
func TestSPCSustainedShiftWithholdsAssurance(t *testing.T) {
	values := []float64{90, 91, 89, 90, 92, 90, 91, 89, 90, 91, 90, 89, // 12 around 90
		81, 80, 79, 80, 81, 79, 80, 80, 81, 79, 80, 78} // 12 around 80
	pts := consecutive(values...)
	for i := range pts {
		pts[i].Label = "p" + string(rune('a'+i))
	}
	target := 85.0
	r := Analyse(spcConfig(true), Input{Points: pts, Polarity: HigherIsBetter, Target: &target})
	if r.Shift == nil || r.Shift.From != "pm" || r.Shift.Points != 12 || r.Shift.Side != "below" {
		t.Fatalf("shift %+v, want the 12 points from pm below the mean", r.Shift)
	}
	if r.Assurance != nil || r.AssuranceWithheld != WithheldSustainedShift {
		t.Errorf("assurance %v withheld %q, want null withheld for the shift", r.Assurance, r.AssuranceWithheld)
	}
	s := r.Sentence("percent", 0)
	if !strings.Contains(s, "cannot be judged until the limits are recalculated from pm") || strings.Contains(s, "consistently") {
		t.Errorf("sentence %q", s)
	}
	// Rebased at the shift, the latest segment is the new process: mean 958/12, all 12 within
	// limits, the target above its upper limit, so it will consistently be missed.
	r = Analyse(spcConfig(true), Input{Points: pts, Polarity: HigherIsBetter, Target: &target, Rebase: []float64{12}})
	if r.Shift != nil || r.Assurance == nil || *r.Assurance != AssuranceFail {
		t.Errorf("rebased: shift %+v assurance %v, want no shift and fail", r.Shift, r.Assurance)
	}
	assertAbs(t, "rebased mean", *r.Mean, 958.0/12, 1e-12)
	if r.Provisional {
		t.Error("12 points in the latest segment are enough for firm limits")
	}
}

// A recalculation point at the latest period leaves it alone in its segment: there are no
// limits to judge it by, so the direction is insufficient and no assurance is claimed.
func TestSPCRebaseAtLatestPoint(t *testing.T) {
	pts := consecutive(5, 0, 5, 0, 1, 2, 3)
	pts[6].Label = "2023-09"
	target := 2.0
	r := Analyse(spcConfig(true), Input{Points: pts, Polarity: HigherIsBetter, Target: &target, Rebase: []float64{6}})
	if r.Direction != Insufficient || r.Assurance != nil {
		t.Errorf("direction %s assurance %v, want insufficient and none", r.Direction, r.Assurance)
	}
	if s := r.Sentence("number", 0); s != "Insufficient data: 1 quarter since the limits were recalculated from 2023-09, SPC needs 2" {
		t.Errorf("sentence %q", s)
	}
}

// Rebased, the sentence says the limits are the latest segment's, and a short latest segment
// is provisional: the 7 points since position 7 of TestSPCRebaseSplitsRuns.
func TestSPCRebaseSentence(t *testing.T) {
	pts := consecutive(5, 0, 5, 0, 1, 2, 3, 4, 5, 6, 7, 0, 7, 0)
	pts[7].Label = "2023/24 Q1"
	r := Analyse(spcConfig(true), Input{Points: pts, Polarity: HigherIsBetter, Rebase: []float64{7}})
	want := "Stable: the latest quarter is within normal (common-cause) variation (limits recalculated from 2023/24 Q1); the limits are provisional, resting on 7 quarters (12 are needed)"
	if s := r.Sentence("number", 0); s != want {
		t.Errorf("sentence\n got %q\nwant %q", s, want)
	}
}

// Sentences name periods through the caller's PeriodName, so a month reads as a reader says
// it while the JSON keeps the label.
func TestSPCSentenceNamesPeriods(t *testing.T) {
	pts := consecutive(5, 0, 5, 0, 1, 2, 3)
	pts[6].Label = "2023-09"
	name := func(l string) string {
		if l == "2023-09" {
			return "September 2023"
		}
		return "?" + l
	}
	r := Analyse(spcConfig(true), Input{Points: pts, Polarity: HigherIsBetter, Rebase: []float64{6}, PeriodName: name})
	if s := r.Sentence("number", 0); s != "Insufficient data: 1 quarter since the limits were recalculated from September 2023, SPC needs 2" {
		t.Errorf("sentence %q", s)
	}
}

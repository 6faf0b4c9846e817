package period

import "testing"

// The append forms write what String and Label write, after what the buffer holds.
func TestAppendLabels(t *testing.T) {
	april, january := Calendar{YearStart: 4}, Calendar{YearStart: 1}
	for _, c := range []struct {
		got, want string
	}{
		{string(Month{Year: 2023, Month: 9}.AppendString([]byte("at "))), "at 2023-09"},
		{string(Month{Year: 7, Month: 12}.AppendString(nil)), "0007-12"},
		{string(Month{Year: 12345, Month: 1}.AppendString([]byte("x"))), "x12345-01"},
		{string(Month{Year: -1, Month: 3}.AppendString(nil)), "-001-03"},
		{string(april.AppendLabel([]byte("in "), Quarter{Year: 2023, Q: 2})), "in 2023/24 Q2"},
		{string(april.AppendLabel(nil, Quarter{Year: 1999, Q: 4})), "1999/00 Q4"},
		{string(january.AppendLabel(nil, Quarter{Year: 2024, Q: 1})), "2024 Q1"},
		{string(april.AppendLabel(nil, Quarter{Year: 10000, Q: 1})), "10000/01 Q1"},
		{string(january.AppendLabel([]byte("q"), Quarter{Year: 2024, Q: 12})), "q2024 Q12"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for y := -2; y < 10003; y += 7 {
		for m := -1; m <= 13; m++ {
			mo := Month{Year: y, Month: m}
			if got := string(mo.AppendString([]byte("·"))); got != "·"+mo.String() {
				t.Fatalf("%+v: AppendString %q, String %q", mo, got, mo.String())
			}
		}
		for q := -1; q <= 11; q++ {
			for _, cal := range []Calendar{april, january} {
				qq := Quarter{Year: y, Q: q}
				if got := string(cal.AppendLabel([]byte("·"), qq)); got != "·"+cal.Label(qq) {
					t.Fatalf("%+v in %+v: AppendLabel %q, Label %q", qq, cal, got, cal.Label(qq))
				}
			}
		}
	}
}

package data

import (
	"math"
	"testing"

	"github.com/example/qpr/pkg/diag"
)

func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"code,period,value\nCS01,2023/24 Q2,85\n",
		"\xEF\xBB\xBFcode,period,value,note\nCS01,Sep-23,\"1,234\",\"a\nb\"\n",
		"code;period;value\nCS01;2023/24 Q2;85,5\n",
		"code,2023/24 Q1,2023-07\nCS01,1,n/a\n",
		"code,period,context\nCS01,2023/24 Q2,\xa3 note\n",
		"code,period,value\n\"CS01,2023/24 Q2,85\n",
		"\xFF\xFEc\x00o\x00d\x00e\x00",
		"code,period,value\nCS01,2023/24 Q2,NaN\nCS01\n",
		"code,period,value\nCS01,2023/24 Q2,\x1b[2J\nCS\x0701,2023/24 Q2,1\n",
		"code,period,value\nCS01,2023/24 Q2,1\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nCS01,2023/24 Q3,\"a\nb\nc\nd\"\n",
		"code,period,value,note\nCS01,2023/24 Q2,1,caf\xe9\nCS01,2023/24 Q3,2,Ŵ\n",
		"code,period,value\rCS01,2023/24 Q2,85\rCS01,2023/24 Q3,\"a\rb\"\r",
		"Quarterly returns\r\nPrepared 1 Oct\r\ncode,period,value,value\r\nCS01,2023/24 Q2,1,2\r\n",
		"Returns;;\r\ncode;period;value\r\nCS01;2023/24 Q2;35.123\r\nCS02;2023/24 Q2;1.234,5 \x80\r\nCS04;2023/24 Q2;1,234\r\n",
		",code,2023/24 Q1\n0,CS01,80\n1,CS02,45107\n",
		"code,period,value,note\r\nCS01,45107,85,caf\x82 \x9c5\r\n",
		"code,period,value,note\rCS01,2023/24 Q2,85,\xd2new\xd3 \x81\r",
	} {
		f.Add([]byte(seed))
	}
	// Small limits as well as the defaults, so the fuzzer meets them.
	small := DefaultLimits()
	small.LineLength, small.CellLength, small.Rows = 64, 16, 8
	f.Fuzz(func(t *testing.T, content []byte) {
		// Held whole (as a small file is) or streamed (as a large one), the file reads alike.
		assertCSVReadBothWays(t, "fuzz", content)
		readCSVBytes("small.csv", content, april, small, &Dataset{}, &diag.List{})
		ds := &Dataset{}
		probs := &diag.List{}
		readCSVBytes("fuzz.csv", content, april, DefaultLimits(), ds, probs)
		for _, p := range probs.Problems() {
			if p.Place.File != "fuzz.csv" || p.Message == "" {
				t.Fatalf("problem without its place or message: %+v", p)
			}
			for _, r := range p.Error() {
				if r < 0x20 || r == 0x7f {
					t.Fatalf("message %q holds control character %U", p.Error(), r)
				}
			}
		}
		for o := range ds.All() {
			if o.Place.Line < 1 || math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
				t.Fatalf("bad observation %+v", o)
			}
		}
		Match(ds, testCatalogue())
	})
}

func FuzzParseValue(f *testing.F) {
	for _, seed := range []string{"85", "85%", "1,234", "n/a", "-", "NaN", "Inf", "1e999", "£-1", "0x1p4", "1,23", " .5 ", "#DIV/0!", "%"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, missing, err := ParseValue(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if missing {
			if v != 0 {
				t.Fatalf("missing marker %q gave value %v", s, v)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseValue(%q) = %v", s, v)
		}
		if Round10(v) != v {
			t.Fatalf("ParseValue(%q) = %.17g, not rounded to 10 significant figures", s, v)
		}
	})
}

// FuzzRound10 checks Round10's way without text against the text's, for any double.
func FuzzRound10(f *testing.F) {
	for _, seed := range []float64{57, 0.57 * 100, 123456789012, 1e-5, 99999999995, 0.30000000000000004} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		got, want := Round10(x), round10Text(x)
		if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("Round10(%.17g) = %.17g, want %.17g", x, got, want)
		}
	})
}

package jsontext

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

type inner struct {
	N    int      `json:"n"`
	F    *float64 `json:"f"`
	Skip string   `json:"-"`
	Opt  []string `json:"opt,omitempty"`
}

type withMarshaler struct{ V float64 }

func (w withMarshaler) MarshalJSON() ([]byte, error) {
	return Marshal(map[string]any{"v": w.V, "list": []any{}, "obj": map[string]int{}, "s": "a, b: [c] {d} \"e\""})
}

type embedded struct {
	inner
	Extra string `json:"extra"`
}

// shadow's own N hides the embedded one, as report.Trend's Assurance hides its wire's.
type shadow struct {
	inner
	N     int    `json:"n"`
	Other string `json:"other,omitempty"`
}

type doc struct {
	Title    string         `json:"title"`
	Empty    []int          `json:"empty"`
	Nil      []int          `json:"nil"`
	Items    []inner        `json:"items"`
	Ptr      *inner         `json:"ptr"`
	Map      map[string]any `json:"map"`
	M        withMarshaler  `json:"m"`
	MP       *withMarshaler `json:"mp"`
	E        embedded       `json:"e"`
	Any      any            `json:"any"`
	Bytes    []byte         `json:"bytes"`
	Arr      [2]bool        `json:"arr"`
	Untagged int
	//lint:ignore U1000 an unexported field, which the encoder must leave out as encoding/json does
	private int
	Omit    map[string]string `json:"omit,omitempty"`
	U       uint8             `json:"u"`
}

func f(v float64) *float64 { return &v }

// encodingJSON is today's way: encoding/json's Encoder, indented, without HTML escaping.
func encodingJSON(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func indented(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteIndented(&buf, v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// Every value whose numbers already have at most 10 significant figures is written byte for
// byte as encoding/json writes it.
func TestWriteIndentedAsEncodingJSON(t *testing.T) {
	d := doc{
		Title: "p < 0.001 & \"quoted\"\n\t\u2028 \x01 é – ’ \xff",
		Empty: []int{},
		Items: []inner{{N: 1, F: f(82.4), Opt: []string{"a"}}, {N: -2}},
		Map:   map[string]any{"b": 1.5, "a": []any{1, "x", nil, true}},
		M:     withMarshaler{V: 0.25},
		E:     embedded{inner: inner{N: 3}, Extra: "x"},
		Any:   map[string]int{"z": 1},
		Bytes: []byte("hi"),
		Arr:   [2]bool{true, false},
		U:     7,
	}
	for _, v := range []any{d, &d, []any{}, map[string]int{}, nil, 1e-7, 1e21, 123456789.5, math.Copysign(0, -1), "x", []inner{}, shadow{}, shadow{inner: inner{N: 1}, N: 2}} {
		if got, want := indented(t, v), encodingJSON(t, v); got != want {
			t.Errorf("WriteIndented(%T):\n%s\nencoding/json:\n%s", v, got, want)
		}
		got, err := Marshal(v)
		want, _ := marshalStd(v)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Marshal(%T) = %s, encoding/json %s", v, got, want)
		}
	}
}

// Random documents of nested values, numbers with at most 10 significant figures.
func TestWriteIndentedRandomDocuments(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 2))
	var gen func(depth int) any
	gen = func(depth int) any {
		switch k := rng.IntN(7); {
		case depth > 4 || k == 0:
			return math.Round(rng.NormFloat64()*1e6) / 1000
		case k == 1:
			return strings.Repeat("ab\"c\\", rng.IntN(3))
		case k == 2:
			return nil
		case k == 3:
			var out []any
			for range rng.IntN(4) {
				out = append(out, gen(depth+1))
			}
			return out
		case k == 4:
			return inner{N: rng.IntN(100), F: f(float64(rng.IntN(1000)) / 8)}
		default:
			out := map[string]any{}
			for i := range rng.IntN(4) {
				out[string(rune('a'+i))] = gen(depth + 1)
			}
			return out
		}
	}
	for range 300 {
		v := gen(0)
		if got, want := indented(t, v), encodingJSON(t, v); got != want {
			t.Fatalf("WriteIndented:\n%s\nencoding/json:\n%s", got, want)
		}
		got, err := Marshal(v)
		want, err2 := marshalStd(v)
		if err != nil || err2 != nil || !bytes.Equal(got, want) {
			t.Fatalf("Marshal:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}

func TestNumbersToTenSignificantFigures(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{90.39999999999999, "90.4"},
		{0.9916666666666658, "0.9916666667"},
		{69.44444444444444, "69.44444444"},
		{1.0000000000000001e-07, "1e-7"},
		{123456789012, "123456789000"},
		{82.4, "82.4"},
		{-0.30000000000000004, "-0.3"},
		{0, "0"},
		{2e21, "2e+21"},
	}
	for _, c := range cases {
		if got := string(AppendNumber(nil, c.v)); got != c.want {
			t.Errorf("AppendNumber(%v) = %s, want %s", c.v, got, c.want)
		}
	}
	// inside a MarshalJSON method's output too
	got := indented(t, []any{withMarshaler{V: 90.39999999999999}, 0.1 + 0.2})
	if !strings.Contains(got, `"v": 90.4`) || !strings.Contains(got, "  0.3\n") {
		t.Errorf("got\n%s", got)
	}
	var back any
	if err := json.Unmarshal([]byte(got), &back); err != nil {
		t.Errorf("not JSON: %v", err)
	}
}

// appendRounded writes the rounded number from its digits; strconv reading them back and
// encoding/json writing the result is the oracle.
func TestAppendRoundedAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 10))
	check := func(f float64) {
		r, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', SignificantFigures, 64), 64)
		if err != nil {
			r = f // beyond the largest float64 once rounded: kept as it is
		}
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendRounded(nil, f); string(got) != string(want) {
			t.Fatalf("appendRounded(%v) = %s, want %s", f, got, want)
		}
	}
	for _, f := range []float64{9.9999999999e-7, 9.99999999999e-7, 1e-7, 1.23456789012e-7, 999999999999e9, 9.999999999999e20, 1e21, 0.1 + 0.2, -90.39999999999999, 123456789012, 5e-324, 1.7976931348623157e308} {
		check(f)
	}
	for range 200000 {
		f := math.Float64frombits(rng.Uint64())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		check(f)
		check(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20)))
	}
}

type shaped struct{ A int }

func (s shaped) MarshalJSON() ([]byte, error) { return Marshal(s.JSONShape()) }
func (s shaped) JSONShape() any {
	type wire shaped
	return struct {
		wire
		B *int `json:"b"`
	}{wire(s), nil}
}

// around embeds a Shaper and marshals itself around it, as trend --json's document does: the
// promoted JSONShape is not around's own, so around's MarshalJSON is used.
type around struct {
	Code string `json:"code"`
	*shaped
}

func (a around) MarshalJSON() ([]byte, error) {
	inner, _ := a.shaped.MarshalJSON()
	return []byte(`{"code":"` + a.Code + `",` + string(inner[1:])), nil
}

func TestShaperNotPromoted(t *testing.T) {
	got := indented(t, around{Code: "X", shaped: &shaped{A: 1}})
	if want := "{\n  \"code\": \"X\",\n  \"A\": 1,\n  \"b\": null\n}\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got, want := indented(t, shaped{A: 2}), encodingJSON(t, shaped{A: 2}); got != want {
		t.Errorf("shaped: got %s, encoding/json %s", got, want)
	}
}

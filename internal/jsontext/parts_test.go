package jsontext

import (
	"bytes"
	"errors"
	"runtime"
	"testing"
	"time"
)

// A long array is written in parts side by side; the document must be byte for byte what
// encoding/json writes, at every length around the part boundaries, nested in objects and in
// other long arrays, compact (Marshal) and indented.
func TestLongArraysInPartsAsEncodingJSON(t *testing.T) {
	type entry struct {
		N     int     `json:"n"`
		Items []inner `json:"items,omitempty"`
		Nest  []any   `json:"nest"`
	}
	type top struct {
		Name    string  `json:"name"`
		Entries []entry `json:"entries"`
	}
	for _, n := range []int{partsFrom - 1, partsFrom, partsFrom + 1, partsFrom + partLength - 1, 200, partLength * (partsAhead + 3), 1000} {
		doc := top{Name: "long", Entries: make([]entry, n)}
		for i := range doc.Entries {
			e := entry{N: i, Nest: []any{i, "x", nil}}
			if i%3 == 0 {
				e.Items = make([]inner, 70) // a long array inside a part: written by its worker
				for j := range e.Items {
					e.Items[j] = inner{N: j, F: f(float64(j) / 8)}
				}
			}
			doc.Entries[i] = e
		}
		for _, v := range []any{doc, doc.Entries} {
			if got, want := indented(t, v), encodingJSON(t, v); got != want {
				t.Fatalf("%d entries: WriteIndented differs from encoding/json", n)
			}
			got, err := Marshal(v)
			want, _ := marshalStd(v)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%d entries: Marshal differs from encoding/json", n)
			}
		}
	}
}

type failing struct{ fail bool }

func (f failing) MarshalJSON() ([]byte, error) {
	if f.fail {
		return nil, errPart
	}
	return []byte(`{"ok":true}`), nil
}

var errPart = errors.New("this entry cannot be written")

// An entry that fails stops the writing with its error, the first in order, and leaves no
// worker behind.
func TestLongArrayInPartsStopsAtTheFirstError(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, at := range []int{0, 5, partLength, 300, 999} {
		list := make([]failing, 1000)
		list[at].fail = true
		list[999].fail = true
		var buf bytes.Buffer
		if err := WriteIndented(&buf, list); !errors.Is(err, errPart) {
			t.Fatalf("an error at entry %d: got %v, want %v", at, err, errPart)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Fatalf("%d goroutines left running after the errors, %d before", n, before)
	}
}

package jsontext

import (
	"bytes"
	"encoding/json"
	"testing"
)

// note marshals itself through Marshal, as qpr's MarshalJSON methods do.
type note struct{ Text string }

func (n note) MarshalJSON() ([]byte, error) {
	return Marshal(map[string]string{"text": n.Text})
}

func TestNoHTMLEscaping(t *testing.T) {
	got, err := Marshal("p < 0.001 & a > b")
	if err != nil {
		t.Fatal(err)
	}
	if want := `"p < 0.001 & a > b"`; string(got) != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	// Inside a document written by an encoder, a MarshalJSON method's text stays as it reads;
	// through json.Marshal it would have been escaped before the encoder saw it.
	var buf bytes.Buffer
	if err := NewEncoder(&buf).Encode([]any{note{"<b> & </b>"}, "x<y"}); err != nil {
		t.Fatal(err)
	}
	if want := `[{"text":"<b> & </b>"},"x<y"]` + "\n"; buf.String() != want {
		t.Errorf("Encode = %q, want %q", buf.String(), want)
	}
	// Everything else is as encoding/json writes it.
	for _, v := range []any{"tab\there \"quoted\" \u2028", 1.5, nil, map[string]int{"b": 2, "a": 1}} {
		std, _ := json.Marshal(v)
		got, err := Marshal(v)
		if err != nil || string(got) != string(std) {
			t.Errorf("Marshal(%#v) = %s, %v; encoding/json writes %s", v, got, err, std)
		}
	}
}

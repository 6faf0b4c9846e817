// Package jsontext marshals JSON as qpr writes it: without encoding/json's HTML escaping.
//
// qpr's JSON (the report, --json output, JSON errors) is read by scripts and people, never
// pasted into an HTML page, so "p < 0.001" is written as it reads rather than as
// "p \u003c 0.001". The escaping is decided where a value is marshalled: a MarshalJSON method
// that called json.Marshal would escape its text whatever the encoder writing the whole
// document was told, so every one of qpr's MarshalJSON methods marshals through here.
package jsontext

import (
	"bytes"
	"encoding/json"
	"io"
)

// marshalStd is json.Marshal without HTML escaping.
func marshalStd(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// NewEncoder is json.NewEncoder without HTML escaping.
func NewEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

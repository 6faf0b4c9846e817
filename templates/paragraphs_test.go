package templates

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	got := Paragraphs("Of the 38 KPIs,\n15 achieved  target.\r\n\r\n\n  The direction\nof travel.\n\n")
	want := []string{"Of the 38 KPIs, 15 achieved target.", "The direction of travel."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

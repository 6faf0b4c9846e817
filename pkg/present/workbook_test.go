package present

import (
	"testing"

	"github.com/example/qpr/templates"
)

func TestFillTextTakesTheBetterContrast(t *testing.T) {
	st := templates.Default().Style()
	st.Colours.Amber = templates.Colour{R: 0xFF, G: 0xBF, B: 0x47} // a light amber
	if fill, text := FillColours(st, Amber); fill.Hex() != "#FFBF47" || text.Hex() != "#0B0C0C" {
		t.Errorf("light amber = %s on %s, want the dark text #0B0C0C on #FFBF47", text.Hex(), fill.Hex())
	}
	if _, text := FillColours(st, Green); text.Hex() != "#FFFFFF" {
		t.Errorf("green has text %s, want white", text.Hex())
	}
	// the activity statuses share the activity colour; not rated and no data are grey
	if fill, _ := FillColours(st, Within); fill != st.Colours.Activity {
		t.Errorf("within fill %s, want the activity colour", fill.Hex())
	}
	if fill, _ := FillColours(st, NoData); fill != st.Colours.Grey {
		t.Errorf("no data fill %s, want grey", fill.Hex())
	}
}

// The workbook's Change column shows a change of nought in the words every other format
// uses for it.
func TestNoChangeIsChangesWord(t *testing.T) {
	if Change(3, 3) != NoChange {
		t.Errorf("Change(3, 3) = %q, the workbook shows %q", Change(3, 3), NoChange)
	}
}

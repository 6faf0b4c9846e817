package xlsx

import (
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/present"
)

// numberFormat is the Excel format code for a number shown as pkg/present shows it: its
// unit and places. Percent values are held as 82.4 meaning 82.4%, so the % is a literal and
// the number is never scaled. Every unit groups thousands, as pkg/present's text does.
func numberFormat(u catalogue.Unit, places int) string {
	places = min(max(places, 0), present.MaxPlaces)
	fraction := ""
	if places > 0 {
		fraction = "." + strings.Repeat("0", places)
	}
	switch u {
	case catalogue.Percent:
		return `#,##0` + fraction + `"%"`
	case catalogue.Currency:
		return `"£"#,##0` + fraction
	case catalogue.Days:
		if places == 0 {
			// a value shown as 1 reads "1 day", as pkg/present writes it
			return `[<0.5]#,##0 "days";[<1.5]0 "day";#,##0 "days"`
		}
		return `#,##0` + fraction + ` "days"`
	default: // number, rate and any unit a newer catalogue adds
		return `#,##0` + fraction
	}
}

// formatCode is the Excel format code for a number cell's form; "" is General.
func formatCode(nf present.NumberFormat) string {
	switch nf.Kind {
	case present.MeasureNumber:
		return numberFormat(nf.Unit, nf.Places)
	case present.ChangeNumber:
		// a change of nought reads as pkg/present words it, while the cell stays the number 0
		return `+0;-0;"` + present.NoChange + `"`
	}
	return ""
}

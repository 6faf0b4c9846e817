package xlsx

import (
	"strings"

	"github.com/example/qpr/pkg/present"
)

// formatCode is the Excel format code that spells a number cell's pattern (pkg/present);
// "" is General. Percent values are held as 82.4 meaning 82.4%, so the % is a literal and the
// number is never scaled.
func formatCode(nf present.NumberFormat) string {
	p, ok := nf.Pattern()
	if !ok {
		return ""
	}
	if p.Signed {
		// nought reads as pkg/present words it, while the cell stays the number 0
		return `+0;-0;"` + p.Zero + `"`
	}
	figure := "0"
	if p.Grouped {
		figure = "#,##0"
	}
	if p.Places > 0 {
		figure += "." + strings.Repeat("0", p.Places)
	}
	shown := literal(p.Before) + figure + literal(p.After)
	if p.AfterOne == "" {
		return shown
	}
	// conditions on the value as it will be shown: under 0.5 and from 1.5 it is not 1
	return `[<0.5]` + shown + `;[<1.5]` + literal(p.Before) + "0" + literal(p.AfterOne) + ";" + shown
}

// literal is text in a format code: quoted, with a leading space left bare as Excel writes it.
func literal(s string) string {
	if s == "" {
		return ""
	}
	lead := s[:len(s)-len(strings.TrimLeft(s, " "))]
	if rest := s[len(lead):]; rest != "" {
		return lead + `"` + rest + `"`
	}
	return lead
}

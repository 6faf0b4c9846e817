package app

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/suggest"
)

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func suggestCode(cat *catalogue.Catalogue, code string) string {
	var codes []string
	for _, ind := range cat.Indicators {
		codes = append(codes, ind.Code)
	}
	if s := suggest.Code(code, codes); s != "" {
		return fmt.Sprintf("; did you mean %s?", s)
	}
	const shown = 12
	if len(codes) > shown {
		return fmt.Sprintf("; its codes include %s … (%d in all)", strings.Join(codes[:shown], ", "), len(codes))
	}
	return "; its codes are " + strings.Join(codes, ", ")
}

// placed marks an error whose message already starts with its place (file, file:line), as
// the template and project file loaders write them, so it is printed as it is.
func placed(err error) error {
	if err == nil {
		return nil
	}
	return diag.Problem{Message: err.Error()}
}

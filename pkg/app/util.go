package app

import (
	"fmt"
	"io"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
	reportjson "github.com/example/qpr/pkg/render/json"
	"github.com/example/qpr/pkg/suggest"
)

// encodeJSON writes --json output as the report's JSON is written.
func encodeJSON(w io.Writer, v any) error { return reportjson.Encode(w, v) }

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

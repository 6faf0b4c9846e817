package app

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
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
	var list *diag.Errors
	var p diag.Problem
	if errors.As(err, &list) || errors.As(err, &p) {
		return err // placed already, in parts
	}
	return placedProblem(err)
}

// leadingPlace is the "file:line[:column]: " or "file: " a template or style error starts with.
var leadingPlace = regexp.MustCompile(`^([^:\s][^:]*\.(?:tmpl|yaml|yml|png)|[^:\s][^:]*/?)(?::(\d+)(?::\d+)?)?: (.+)$`)

// placedProblem splits such a message into its place and the rest, so --json gives the
// file and line as parts, as it does for every other problem; a message that starts with no
// file is kept whole, with no place.
func placedProblem(err error) diag.Problem {
	msg := err.Error()
	m := leadingPlace.FindStringSubmatch(msg)
	if m == nil {
		return diag.Problem{Message: msg, Severity: diag.Error}
	}
	line, _ := strconv.Atoi(m[2])
	return diag.Problem{Place: diag.Place{File: m[1], Line: line}, Message: m[3], Severity: diag.Error}
}

package data

import "github.com/example/qpr/pkg/suggest"

// nearestCode is the catalogue code most like an unknown one, if any is close enough to be a
// likely slip.
func nearestCode(code string, codes []string) string {
	return suggest.Code(code, codes)
}

package xlsx

import "time"

// NormalizeZip re-packs another workbook qpr writes (a return) as the report's workbook is
// re-packed, so that it too is byte-identical for the same inputs.
func NormalizeZip(in []byte, modified time.Time) ([]byte, error) { return normalizeZip(in, modified) }

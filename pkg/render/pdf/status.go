package pdf

import (
	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// colour is a tone's colour in this document's style.
func (d *doc) colour(t present.Tone) templates.Colour { return present.ToneColour(d.st, t) }

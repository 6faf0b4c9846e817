package catalogue

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"

	"github.com/example/qpr/pkg/yamltext"
)

// document parses src into its single top-level node, reporting malformed YAML, an empty file,
// or more than one document. It returns nil when there is nothing to walk.
func (p *parser) document(src []byte) (root *yaml.Node) {
	defer func() {
		// A parser bug must not reach the user as a stack trace.
		if r := recover(); r != nil {
			p.errorf(0, "the YAML parser failed on this file (%v); check that it is a plain YAML text file", r)
			root = nil
		}
	}()
	var doc yaml.Node
	if quick := quickDocument(src); quick != nil {
		doc = *quick // one document, read as yaml.v3 reads it (see quickDocument)
		p.quick = true
	} else if !p.decode(src, &doc) {
		return nil
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		p.errorf(0, "the catalogue is empty; it needs at least directorates: and indicators:")
		return nil
	}
	root = resolve(doc.Content[0])
	if root == nil || root.Kind != yaml.MappingNode {
		line := 0
		if root != nil {
			line = root.Line
		}
		p.errorf(line, "the catalogue must be a mapping of keys such as organisation:, directorates: and indicators:; found %s", describe(root))
		return nil
	}
	return root
}

// decode parses src with yaml.v3 into doc, reporting malformed YAML, an empty file or more
// than one document; it returns false when there is nothing to walk.
func (p *parser) decode(src []byte, doc *yaml.Node) bool {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	err := dec.Decode(doc)
	if errors.Is(err, io.EOF) {
		p.errorf(0, "the catalogue is empty; it needs at least directorates: and indicators:")
		return false
	}
	if err != nil {
		p.yamlError(err, src)
		return false
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		p.errorf(extra.Line, "a second YAML document starts here; the catalogue must be a single document, so remove this --- and what follows or merge it into the first")
	case !errors.Is(err, io.EOF):
		p.yamlError(err, src)
	}
	return true
}

// yamlError reports the line where src stops being valid YAML (yamltext finds it: the yaml
// package's own line is often where the enclosing block starts).
func (p *parser) yamlError(err error, src []byte) {
	line, msg := yamltext.SyntaxError(src, err)
	p.errorf(line, "%s", msg)
}

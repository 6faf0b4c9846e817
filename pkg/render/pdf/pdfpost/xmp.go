package pdfpost

import (
	"encoding/xml"
	"strings"
	"time"
)

// Meta is the document's metadata as the XMP packet states it; it should match what the
// painter gives fpdf for the document information dictionary.
type Meta struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Lang                                                string
	Date                                                time.Time
}

// XMP is the XMP metadata packet PDF/UA-1 asks for (dc:title and pdfuaid:part 1), for
// fpdf's SetXmpMetadata.
func XMP(m Meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := m.Date.UTC().Format("2006-01-02T15:04:05Z")
	lang := m.Lang
	if lang == "" {
		lang = "x-default"
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	if m.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(m.Keywords) + "</pdf:Keywords>\n")
	}
	if m.Producer != "" {
		b.WriteString("<pdf:Producer>" + esc(m.Producer) + "</pdf:Producer>\n")
	}
	if m.Creator != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(m.Creator) + "</xmp:CreatorTool>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

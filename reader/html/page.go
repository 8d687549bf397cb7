package html

import (
	"bytes"
	"strings"

	nethtml "golang.org/x/net/html"
)

// page is what the reader takes from an HTML document: the elements that
// carry metadata, each with the byte offset at which it starts.
type page struct {
	metas []meta
	// canonical is the href of the first <link rel="canonical">.
	canonical string
	// lang is the lang (or xml:lang) attribute of <html>.
	lang string
	// base is the href of the first <base>.
	base string
	// title is the raw content of the first <title>, entities undecoded.
	title      string
	titleFound bool
	// scripts are the <script type="application/ld+json"> elements.
	scripts []script
}

// meta is one <meta> element with a name (or property) and content.
type meta struct {
	// name is the name attribute, or else the property attribute, lower
	// cased: "citation_title", "dc.creator", "og:title".
	name string
	// tag is the name as written, for messages: "DC.Creator".
	tag     string
	content string
	offset  int
}

// script is the raw text of one JSON-LD script element.
type script struct {
	text string
	// offset is where text starts in the page.
	offset int
}

// scanPage tokenizes data and collects the metadata elements. The HTML
// tokenizer never fails: what is not markup is text.
func scanPage(data []byte) *page {
	p := &page{}
	tokenizer := nethtml.NewTokenizer(bytes.NewReader(data))
	offset := 0
	var titleText strings.Builder
	inTitle := false
	jsonLD := -1 // index in p.scripts of the open JSON-LD script, or -1
	for {
		tokenType := tokenizer.Next()
		raw := tokenizer.Raw()
		start := offset
		offset += len(raw)
		switch tokenType {
		case nethtml.ErrorToken:
			if inTitle {
				p.title = titleText.String()
			}
			return p
		case nethtml.TextToken:
			switch {
			case inTitle:
				titleText.Write(raw)
			case jsonLD >= 0:
				p.scripts[jsonLD].text += string(raw)
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, hasAttributes := tokenizer.TagName()
			var attributes map[string]string
			if hasAttributes {
				attributes = readAttributes(tokenizer)
			}
			switch string(name) {
			case "meta":
				p.addMeta(attributes, start)
			case "link":
				if p.canonical == "" && hasToken(attributes["rel"], "canonical") {
					p.canonical = strings.TrimSpace(attributes["href"])
				}
			case "html":
				if p.lang == "" {
					p.lang = strings.TrimSpace(attributes["lang"])
				}
				if p.lang == "" {
					p.lang = strings.TrimSpace(attributes["xml:lang"])
				}
			case "base":
				if p.base == "" {
					p.base = strings.TrimSpace(attributes["href"])
				}
			case "title":
				// The tokenizer reads the content of <title> and <script>
				// as text even after a self-closing tag.
				inTitle = !p.titleFound
				p.titleFound = true
			case "script":
				if isJSONLDType(attributes["type"]) {
					p.scripts = append(p.scripts, script{offset: offset})
					jsonLD = len(p.scripts) - 1
				}
			}
		case nethtml.EndTagToken:
			name, _ := tokenizer.TagName()
			switch string(name) {
			case "title":
				if inTitle {
					p.title = titleText.String()
					inTitle = false
				}
			case "script":
				jsonLD = -1
			}
		}
	}
}

func readAttributes(tokenizer *nethtml.Tokenizer) map[string]string {
	attributes := map[string]string{}
	for {
		key, value, more := tokenizer.TagAttr()
		if _, seen := attributes[string(key)]; !seen {
			attributes[string(key)] = string(value)
		}
		if !more {
			return attributes
		}
	}
}

func (p *page) addMeta(attributes map[string]string, offset int) {
	name := attributes["name"]
	if strings.TrimSpace(name) == "" {
		name = attributes["property"]
	}
	tag := strings.TrimSpace(name)
	content, hasContent := attributes["content"]
	if tag == "" || !hasContent {
		return
	}
	p.metas = append(p.metas, meta{name: strings.ToLower(tag), tag: tag, content: content, offset: offset})
}

// hasToken reports whether the space-separated list holds token, ignoring
// case, as rel="Canonical" or rel="alternate canonical".
func hasToken(list, token string) bool {
	for _, field := range strings.Fields(list) {
		if strings.EqualFold(field, token) {
			return true
		}
	}
	return false
}

func isJSONLDType(mediaType string) bool {
	mediaType, _, _ = strings.Cut(mediaType, ";")
	return strings.EqualFold(strings.TrimSpace(mediaType), "application/ld+json")
}

// trimScriptWrapping removes what pages put around the JSON in a script
// element: white space, an HTML comment and a CDATA section. It returns
// the JSON and the number of bytes cut from the front.
func trimScriptWrapping(s string) (string, int) {
	cut := 0
	trimFront := func(prefix string) bool {
		trimmed := strings.TrimLeft(s, " \t\r\n\f")
		if !strings.HasPrefix(trimmed, prefix) {
			return false
		}
		cut += len(s) - len(trimmed) + len(prefix)
		s = trimmed[len(prefix):]
		return true
	}
	trimBack := func(suffix string) {
		trimmed := strings.TrimRight(s, " \t\r\n\f")
		s = strings.TrimSuffix(trimmed, suffix)
	}
	if trimFront("<!--") {
		trimBack("-->")
	}
	for _, wrap := range [][2]string{{"//<![CDATA[", "//]]>"}, {"/*<![CDATA[*/", "/*]]>*/"}, {"<![CDATA[", "]]>"}} {
		if trimFront(wrap[0]) {
			trimBack(wrap[1])
			break
		}
	}
	trimmed := strings.TrimLeft(s, " \t\r\n\f")
	cut += len(s) - len(trimmed)
	return strings.TrimRight(trimmed, " \t\r\n\f"), cut
}

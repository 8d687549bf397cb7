package html

import (
	"bytes"
	"fmt"
	"regexp"
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
	// licenses are the hrefs of <a rel="license"> and <link rel="license">.
	licenses []located
	// microdata are the article properties given as microdata
	// (itemprop="description", "abstract", "datePublished"), first of each.
	microdata map[string]located
	// labelledDates are <time datetime> elements that follow a label
	// ("Received", "Accepted", "Published online"), by the date field the
	// label names.
	labelledDates map[string]located
}

// located is a value with the byte offset of its element, and the name of
// what gave it, for messages.
type located struct {
	value, from string
	offset      int
}

// microdataProperties are the itemprop names scanPage keeps.
var microdataProperties = map[string]bool{"description": true, "abstract": true, "datePublished": true}

// dateLabel matches the label a page prints before a date, at the end of
// the text that precedes a <time> element: "Received: ", "Accepted",
// "Published online:", "First published".
var dateLabel = regexp.MustCompile(`(?i)\b(received|accepted|published(?: online)?|first published|issue date)\s*:?\s*$`)

// capture collects the markup inside an element with an itemprop, until
// the element closes: depth counts the open elements of its tag name.
type capture struct {
	property, tag string
	depth, offset int
	html          strings.Builder
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
	var captures []*capture
	recentText := "" // the end of the text read since the last <time>
	for {
		tokenType := tokenizer.Next()
		raw := tokenizer.Raw()
		start := offset
		offset += len(raw)
		for _, c := range captures {
			c.html.Write(raw) // the markup inside an itemprop element
		}
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
			default:
				recentText = lastRunes(recentText+string(tokenizer.Text()), 80)
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, hasAttributes := tokenizer.TagName()
			var attributes map[string]string
			if hasAttributes {
				attributes = readAttributes(tokenizer)
			}
			for _, c := range captures {
				if c.tag == string(name) && tokenType == nethtml.StartTagToken {
					c.depth++
				}
			}
			if prop := attributes["itemprop"]; microdataProperties[prop] && p.microdata[prop].from == "" {
				if value, ok := microdataValue(string(name), attributes); ok {
					p.setMicrodata(prop, value, start)
				} else if tokenType == nethtml.StartTagToken && !voidElements[string(name)] {
					captures = append(captures, &capture{property: prop, tag: string(name), depth: 1, offset: start})
				}
			}
			if hasToken(attributes["rel"], "license") && (string(name) == "a" || string(name) == "link") && strings.TrimSpace(attributes["href"]) != "" {
				p.licenses = append(p.licenses, located{value: strings.TrimSpace(attributes["href"]), from: string(name) + `[rel="license"]`, offset: start})
			}
			if string(name) == "time" && attributes["datetime"] != "" {
				if m := dateLabel.FindStringSubmatch(recentText); m != nil {
					p.addLabelledDate(strings.ToLower(m[1]), attributes["datetime"], start)
				}
				recentText = ""
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
			open := captures[:0]
			for _, c := range captures {
				if c.tag == string(name) {
					c.depth--
				}
				if c.depth > 0 {
					open = append(open, c)
				} else if p.microdata[c.property].from == "" {
					p.setMicrodata(c.property, strings.TrimSuffix(c.html.String(), string(raw)), c.offset)
				}
			}
			captures = open
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

// voidElements have no end tag, so they hold no text to capture.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// microdataValue is the value of a microdata property given by an
// attribute (HTML Living Standard, microdata "property value"): content,
// datetime of <time>, href of <a> and <link>. ok is false when the value is
// the element's text.
func microdataValue(tag string, attributes map[string]string) (string, bool) {
	if v, ok := attributes["content"]; ok {
		return v, true
	}
	switch tag {
	case "time":
		if v, ok := attributes["datetime"]; ok {
			return v, true
		}
	case "a", "link":
		return attributes["href"], true
	case "meta":
		return "", true
	}
	return "", false
}

func (p *page) setMicrodata(property, value string, offset int) {
	if p.microdata == nil {
		p.microdata = map[string]located{}
	}
	p.microdata[property] = located{value: value, from: `[itemprop="` + property + `"]`, offset: offset}
}

// addLabelledDate keeps the first date under each label.
func (p *page) addLabelledDate(label, datetime string, offset int) {
	field := map[string]string{
		"received": dateReceived, "accepted": dateAccepted, "published": datePublished,
		"published online": datePublished, "first published": datePublished, "issue date": datePublishedPrint,
	}[label]
	if p.labelledDates == nil {
		p.labelledDates = map[string]located{}
	}
	if _, seen := p.labelledDates[field]; !seen {
		p.labelledDates[field] = located{value: datetime, from: fmt.Sprintf("time[datetime] after %q", label), offset: offset}
	}
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[len(r)-n:])
	}
	return s
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

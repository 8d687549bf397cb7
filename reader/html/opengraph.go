package html

import (
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Source names of the page-level metadata in messages.
const (
	pageName        = "page"
	openGraphName   = "Open Graph"
	titleName       = "<title>"
	descriptionName = `meta[name="description"]`
)

// readOpenGraph reads the Open Graph tags (og:* and the article:* tags of
// og:type "article"). They describe a page for sharing, not an article,
// so they fill only what no other source gives, and alone they do not make
// a page an article. og:image becomes the graphical abstract only on a page
// of og:type "article": on other pages it is the site's picture, such as
// arXiv's logo.
func readOpenGraph(r *reading, metas []meta) *source {
	s := newSource(openGraphName)
	a := &s.article
	var image, imageType, imageAlt, ogType string
	for _, m := range metas {
		name, value := m.tag, m.content
		switch m.name {
		case "og:title":
			s.setTitle(markupText(value), name)
		case "og:url":
			r.setOnce(&a.URL, name, r.url(name, value))
		case "og:description":
			if a.Abstract == "" {
				a.Abstract = markupText(value)
			}
		case "og:type":
			ogType = strings.ToLower(text.Clean(value))
		case "og:image", "og:image:url":
			if image == "" {
				image = value
			}
		case "og:image:type":
			imageType = text.Clean(value)
		case "og:image:alt":
			imageAlt = text.Clean(value)
		case "article:published_time":
			r.date(s, datePublished, name, r.lines.Position(m.offset), value)
		case "article:section":
			r.setOnce(&a.Section, name, text.Clean(value))
		case "article:tag":
			a.Keywords = appendUnique(a.Keywords, text.Clean(value))
		}
	}
	if ogType == "article" && text.Clean(image) != "" {
		if u := r.url("og:image", image); u != "" {
			a.GraphicalAbstract = &ld.Image{URL: u, Caption: imageAlt, MediaType: r.mediaType("og:image:type", imageType)}
		}
	}
	return s
}

// readPageLevel reads what the page says of itself: its canonical URL, its
// language, the article properties it marks up as microdata (abstract or
// description, datePublished), the dates it prints after a label
// (Received, Accepted, Published online) in <time datetime> elements, and
// its rel="license" link.
func readPageLevel(r *reading, p *page) *source {
	s := newSource(pageName)
	if p.canonical != "" {
		s.article.URL = r.url(`link[rel="canonical"]`, p.canonical)
	}
	if p.lang != "" {
		s.article.Language = r.language("html[lang]", p.lang)
	}
	for _, prop := range []string{"abstract", "description"} {
		if m, ok := p.microdata[prop]; ok && s.article.Abstract == "" {
			// The element often starts with its heading, "Abstract".
			abstract := markupText(m.value)
			if rest, ok := strings.CutPrefix(abstract, "Abstract"); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ":")) {
				abstract = strings.TrimLeft(rest, " :")
			}
			s.article.Abstract = abstract
		}
	}
	if m, ok := p.microdata["datePublished"]; ok {
		r.date(s, datePublished, m.from, r.lines.Position(m.offset), m.value)
	}
	for _, field := range dateFields {
		if m, ok := p.labelledDates[field]; ok {
			r.date(s, field, m.from, r.lines.Position(m.offset), m.value)
		}
	}
	if len(p.licenses) > 0 {
		first := p.licenses[0]
		href := first.value
		if lower := strings.ToLower(href); !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
			href = r.url(first.from, href) // a relative link, resolved
		}
		r.licenseFrom(&s.article, first.from, href)
		for _, other := range p.licenses[1:] {
			if other.value != first.value {
				r.unused(other.from, other.value)
			}
		}
	}
	return s
}

// readTitleElement reads the <title> element, whose content may carry
// markup written as text ("<em>Brachiosaurus</em>").
func readTitleElement(p *page) *source {
	s := newSource(titleName)
	s.setTitle(markupText(p.title), titleName)
	return s
}

// readDescription reads <meta name="description">, the page's summary for
// search results, as the abstract of last resort: it comes after every
// other source, and the merge warns when it is used.
func readDescription(metas []meta) *source {
	s := newSource(descriptionName)
	for _, m := range metas {
		if m.name == "description" {
			s.article.Abstract = markupText(m.content)
			break
		}
	}
	return s
}

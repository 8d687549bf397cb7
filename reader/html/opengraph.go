package html

import (
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Source names of the page-level metadata in messages.
const (
	pageName      = "page"
	openGraphName = "Open Graph"
	titleName     = "<title>"
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

// readPageLevel reads what the page says of itself: its canonical URL and
// its language.
func readPageLevel(r *reading, p *page) *source {
	s := newSource(pageName)
	if p.canonical != "" {
		s.article.URL = r.url(`link[rel="canonical"]`, p.canonical)
	}
	if p.lang != "" {
		s.article.Language = r.language("html[lang]", p.lang)
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

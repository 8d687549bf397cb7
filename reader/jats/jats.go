package jats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Read reads every record in data; file names the input in errors.
// It returns an error only when the input as a whole cannot be read
// (not this format at all, truncated JSON or XML). A bad entry in a
// multi-record input becomes a reader.Record with Err set, and the other
// entries are still returned.
//
// The input is one JATS <article>, or a container such as PMC's
// <pmc-articleset> holding several; each article is one record.
func Read(data []byte, file string) ([]reader.Record, error) {
	document, err := parse(data, file)
	if err != nil {
		return nil, err
	}
	elements := document.Elements()
	if len(elements) == 0 {
		return nil, &reader.SyntaxError{Format: "jats", PosFirst: true, Pos: ld.Position{File: file, Line: 1, Column: 1}, Err: errors.New("no XML element in the input: not JATS")}
	}
	root := elements[0]
	articles := []*element{root}
	if root.Name != "article" {
		// In a container, an article is JATS when it has its <front>;
		// this leaves out the <article> of an XHTML page.
		articles = slices.DeleteFunc(root.Descendants("article"), func(a *element) bool { return a.Child("front") == nil })
	}
	if len(articles) == 0 {
		return nil, &reader.SyntaxError{Format: "jats", PosFirst: true, Pos: root.Pos, Err: fmt.Errorf("root element <%s> holds no JATS <article>: not JATS", root.Name)}
	}
	records := make([]reader.Record, len(articles))
	for i, article := range articles {
		records[i] = readArticle(article, i)
	}
	return records, nil
}

// sniffLimit is how much of the input Sniff looks at.
const sniffLimit = 4096

// Sniff reports whether data looks like this format; it looks at no more
// than the first 4 KiB and is cheap. It accepts XML whose root element is
// <article> or <pmc-articleset>, with or without a namespace prefix.
func Sniff(data []byte) bool {
	if len(data) > sniffLimit {
		data = data[:sniffLimit]
	}
	if decoded, ok, err := text.FromUTF16(data[:len(data)&^1]); ok && err == nil {
		data = decoded // UTF-16, by its byte-order mark
	}
	decoder := xml.NewDecoder(bytes.NewReader(data))
	decoder.Strict = false
	decoder.Entity = xml.HTMLEntity
	decoder.CharsetReader = charset.NewReaderLabel
	for {
		token, err := decoder.RawToken()
		if err != nil {
			return false
		}
		switch token := token.(type) {
		case xml.StartElement:
			return token.Name.Local == "article" || token.Name.Local == "pmc-articleset"
		case xml.CharData:
			if len(bytes.TrimSpace(bytes.TrimPrefix(token, []byte("\uFEFF")))) > 0 {
				return false
			}
		}
	}
}

// articleReader maps one <article> to the model, collecting warnings and
// the errors that reject the record.
type articleReader struct {
	article  *ld.Article
	warnings []reader.Warning
	errs     ld.ErrorList
	meta     *element
	// affiliationsByJATSID finds an aff by its id attribute.
	affiliationsByJATSID map[string]*element
	// warnedEmails are the affs whose e-mail addresses were reported.
	warnedEmails map[*element]bool
}

func readArticle(article *element, index int) reader.Record {
	r := &articleReader{
		article:              &ld.Article{},
		affiliationsByJATSID: map[string]*element{},
		warnedEmails:         map[*element]bool{},
	}
	front := article.Child("front")
	r.meta = front.Child("article-meta")
	record := reader.Record{Index: index, Pos: article.Pos}
	if r.meta == nil {
		r.fail(article.Pos, "front/article-meta", errors.New("required: the article has no article-meta"))
		record.Err = r.errs.Err()
		return record
	}
	r.readArticleType(article)
	r.readLanguage(article)
	r.readJournal(front.Child("journal-meta"))
	r.readArticleMeta()
	r.readReferences(article.Child("back"))
	for _, name := range []string{"sub-article", "response"} {
		if len(article.All(name)) > 0 {
			r.warn("article/"+name, "%d %s element(s) not read", len(article.All(name)), name)
		}
	}
	if len(r.errs) == 0 {
		// What the checks still find (dates out of order) names the
		// record field; the source is article-meta.
		for _, err := range ld.Check(r.article) {
			r.errs = append(r.errs, &ld.FieldError{Pos: r.meta.Pos, Path: "article-meta", Err: err})
		}
	}
	record.Warnings = r.warnings
	if len(r.errs) > 0 {
		record.Err = r.errs.Err()
		return record
	}
	record.Article = r.article
	return record
}

func (r *articleReader) warn(path, format string, args ...any) {
	r.warnings = append(r.warnings, reader.Warning{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (r *articleReader) fail(pos ld.Position, path string, err error) {
	r.errs = append(r.errs, &ld.FieldError{Pos: pos, Path: path, Err: err})
}

// articleTypes maps the JATS article-type values to the model's genres.
var articleTypes = map[string]ld.ArticleType{
	"research-article":    ld.ResearchArticle,
	"review-article":      ld.ReviewArticle,
	"systematic-review":   ld.ReviewArticle,
	"editorial":           ld.Editorial,
	"correction":          ld.Correction,
	"erratum":             ld.Correction,
	"retraction":          ld.Retraction,
	"letter":              ld.Letter,
	"case-report":         ld.CaseReport,
	"brief-report":        ld.BriefReport,
	"rapid-communication": ld.BriefReport,
	"book-review":         ld.BookReview,
	"article-commentary":  ld.Comment,
	"other":               ld.OtherArticle,
	// Not in the tag library's suggested list, but written by preprint
	// servers and Europe PMC; JATS 1.3 says it with <article-version>.
	"preprint": ld.Preprint,
}

func (r *articleReader) readArticleType(article *element) {
	value := article.Attr("article-type")
	if value == "" {
		return
	}
	if kind, ok := articleTypes[strings.ToLower(value)]; ok {
		r.article.Type = kind
		return
	}
	r.article.Type = ld.OtherArticle
	r.warn("article/@article-type", "article type %q has no equivalent: read as %q", value, ld.OtherArticle)
}

// readArticleVersion reads JATS 1.3's article-version: a version typed
// "preprint" (the tag library's, and JATS4R's, value) makes the article a
// preprint; the other versions (VoR, AM …) are the article's own state.
func (r *articleReader) readArticleVersion(version *element, path string) {
	kind := strings.ToLower(version.Attr("article-version-type"))
	switch {
	case kind == "preprint":
		r.article.Type = ld.Preprint
	case kind == "vor" || kind == "version-of-record" || kind == "":
	default:
		r.warn(path, "article version %q (%s) not kept", plainText(version), kind)
	}
}

func (r *articleReader) readLanguage(article *element) {
	tag := article.Attr("lang")
	if tag == "" {
		return
	}
	if err := ident.CheckLanguage(tag); err != nil {
		r.warn("article/@xml:lang", "dropped: %v", err)
		return
	}
	r.article.Language = tag
}

// readArticleMeta reads the children of article-meta; a child with no
// reader here is reported as not kept.
func (r *articleReader) readArticleMeta() {
	meta := r.meta
	r.readTitle(meta.Child("title-group"))
	r.readCategories(meta.Child("article-categories"))
	r.readContributors()
	r.readDates()
	r.readPermissions(meta.All("permissions"))
	r.readKeywords(meta.All("kwd-group"))
	r.readAbstract(meta)
	r.readRelated(meta.Descendants("related-article"))
	counts := map[string]int{}
	for _, child := range meta.Elements() {
		counts[child.Name]++
		path := fmt.Sprintf("article-meta/%s[%d]", child.Name, counts[child.Name])
		switch child.Name {
		case "article-id":
			r.readArticleID(child, path)
		case "volume":
			r.readSingle(&r.article.Volume, child, path)
		case "issue":
			r.readSingle(&r.article.Issue, child, path)
		case "fpage":
			r.readSingle(&r.article.FirstPage, child, path)
		case "lpage":
			r.readSingle(&r.article.LastPage, child, path)
		case "elocation-id":
			r.readSingle(&r.article.ArticleNumber, child, path)
		case "self-uri":
			r.readSelfURI(child, path)
		case "page-range":
			if r.article.FirstPage == "" && meta.Child("fpage") == nil {
				r.warn(path, "page range %q not kept: the model takes first and last page", plainText(child))
			}
		case "title-group", "article-categories", "contrib-group", "aff",
			"aff-alternatives", "author-notes", "history", "pub-date",
			"permissions", "kwd-group", "abstract", "related-article", "x":
			// Read above.
		case "funding-group":
			// Read by readFundingAndEditors.
		case "article-version":
			r.readArticleVersion(child, path)
		case "trans-abstract":
			r.warn(path, "translated abstract not kept")
		default:
			r.warn(path, "<%s> not kept: the model has no place for it", child.Name)
		}
	}
	r.readFundingAndEditors()
}

// readSingle keeps the first value of an element the model holds once.
func (r *articleReader) readSingle(field *string, e *element, path string) {
	value := plainText(e)
	switch {
	case value == "":
	case *field == "":
		*field = value
	case *field != value:
		r.warn(path, "second value %q not kept", value)
	}
}

func (r *articleReader) readTitle(group *element) {
	title := group.Child("article-title")
	const path = "article-meta/title-group/article-title"
	pos := r.meta.Pos
	if title != nil {
		pos = title.Pos
		r.article.Title = r.markup(title, path)
	}
	if r.article.Title == "" {
		r.fail(pos, path, errors.New("required: the article has no title"))
		return
	}
	for i, subtitle := range group.All("subtitle") {
		path := fmt.Sprintf("article-meta/title-group/subtitle[%d]", i+1)
		switch value := r.markup(subtitle, path); {
		case value == "":
		case r.article.Subtitle == "":
			r.article.Subtitle = value
		default:
			r.warn(path, "a further subtitle %q not kept", value)
		}
	}
	for _, other := range group.Elements() {
		switch other.Name {
		case "article-title", "subtitle":
		case "alt-title":
			r.warn("article-meta/title-group/alt-title", "alternative title %q (%s) not kept", plainText(other), orDefault(other.Attr("alt-title-type"), "untyped"))
		case "trans-title-group":
			// Read by readFundingAndEditors.
		default:
			r.warn("article-meta/title-group/"+other.Name, "<%s> not kept", other.Name)
		}
	}
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// markup converts the content of e to the model's inline markup; footnotes
// inside a title are left out.
func (r *articleReader) markup(e *element, path string) string {
	content := *e
	content.Children = nil
	for _, child := range e.Children {
		if child.Name == "fn" {
			r.warn(path+"/fn", "footnote not kept: %s", truncate(plainText(child)))
			continue
		}
		content.Children = append(content.Children, child)
	}
	readable := r.readableFormulas(&content, path)
	out, err := markup.FromJATS(readable.InnerXML())
	if err != nil {
		// innerXML writes well-formed XML, so this does not happen; the
		// plain text is the fallback all the same.
		r.warn(path, "markup not converted: %v", err)
		return plainText(&content)
	}
	return out
}

// truncate shortens a text quoted in a warning.
func truncate(s string) string {
	const limit = 80
	if utf8.RuneCountInString(s) <= limit {
		return fmt.Sprintf("%q", s)
	}
	runes := []rune(s)
	return fmt.Sprintf("%q", string(runes[:limit])+"…")
}

func (r *articleReader) readCategories(categories *element) {
	for i, group := range categories.All("subj-group") {
		path := fmt.Sprintf("article-meta/article-categories/subj-group[%d]", i+1)
		subjects := subjectTexts(group)
		if len(subjects) == 0 {
			continue
		}
		kind := group.Attr("subj-group-type")
		if strings.EqualFold(kind, "heading") && r.article.Section == "" {
			r.article.Section = subjects[0]
			if len(subjects) > 1 {
				r.warn(path, "further headings %q not kept: the model has one section", subjects[1:])
			}
			continue
		}
		r.warn(path, "subjects (%s) %q not kept", orDefault(kind, "untyped"), subjects)
	}
	for _, other := range categories.Elements() {
		if other.Name != "subj-group" {
			r.warn("article-meta/article-categories/"+other.Name, "%q not kept", plainText(other))
		}
	}
}

// subjectTexts lists the subjects of a subj-group and its nested groups.
func subjectTexts(group *element) []string {
	var subjects []string
	for _, child := range group.Elements() {
		switch child.Name {
		case "subject":
			if s := plainText(child); s != "" {
				subjects = append(subjects, s)
			}
		case "subj-group":
			subjects = append(subjects, subjectTexts(child)...)
		}
	}
	return subjects
}

func (r *articleReader) readArticleID(e *element, path string) {
	value := plainText(e)
	kind := e.Attr("pub-id-type")
	if !strings.EqualFold(kind, "doi") {
		r.warn(path, "identifier %q of type %s not kept", value, orDefault(kind, "unknown"))
		return
	}
	doi, err := ident.NormalizeDOI(value)
	switch {
	case err != nil:
		r.warn(path, "DOI dropped: %v", err)
	case r.article.DOI == "":
		r.article.DOI = doi
	case r.article.DOI != doi:
		r.warn(path, "second DOI %q not kept", doi)
	}
}

func (r *articleReader) readSelfURI(e *element, path string) {
	href := e.Attr("href")
	kind := strings.ToLower(e.Attr("content-type"))
	isPDF := kind == "pdf" || kind == "application/pdf" || strings.HasSuffix(strings.ToLower(strings.SplitN(href, "?", 2)[0]), ".pdf")
	if !isPDF {
		r.warn(path, "link %q (%s) not kept", href, orDefault(kind, "untyped"))
		return
	}
	url, err := ident.CheckHTTPURL(href)
	if err != nil {
		r.warn(path, "PDF link dropped: %v", err)
		return
	}
	r.article.Files = append(r.article.Files, ld.File{URL: url, MediaType: "application/pdf"})
}

// readAbstract keeps the first abstract without a type, else the first
// "summary", and reports the others.
func (r *articleReader) readAbstract(meta *element) {
	abstracts := meta.All("abstract")
	chosen := -1
	for i, abstract := range abstracts {
		if abstract.Attr("abstract-type") == "" {
			chosen = i
			break
		}
	}
	if chosen < 0 {
		for i, abstract := range abstracts {
			if strings.EqualFold(abstract.Attr("abstract-type"), "summary") {
				chosen = i
				break
			}
		}
	}
	for i, abstract := range abstracts {
		path := fmt.Sprintf("article-meta/abstract[%d]", i+1)
		if i != chosen {
			r.warn(path, "abstract of type %s not kept: the model has one abstract", orDefault(abstract.Attr("abstract-type"), "untyped"))
			continue
		}
		r.article.Abstract = r.markup(abstract, path)
	}
}

// relations maps the related-article-type values to the model's.
var relations = map[string]ld.Relation{
	"corrected-article":  ld.Corrects,
	"retracted-article":  ld.Retracts,
	"commentary-article": ld.CommentOn,
	"correction-forward": ld.CorrectedBy,
	"retraction-forward": ld.RetractedBy,
}

func (r *articleReader) readRelated(links []*element) {
	for i, link := range links {
		path := fmt.Sprintf("article-meta/related-article[%d]", i+1)
		kind := link.Attr("related-article-type")
		relation, ok := relations[strings.ToLower(kind)]
		if !ok {
			r.warn(path, "related article of type %s not kept", orDefault(kind, "unknown"))
			continue
		}
		related := ld.Related{Relation: relation}
		href := link.Attr("href")
		linkType := strings.ToLower(link.Attr("ext-link-type"))
		switch {
		case href == "":
		case linkType == "doi" || strings.HasPrefix(href, "info:doi/") || looksLikeDOI(href):
			doi, err := ident.NormalizeDOI(strings.TrimPrefix(href, "info:doi/"))
			if err != nil {
				r.warn(path+"/@xlink:href", "DOI dropped: %v", err)
				break
			}
			related.DOI = doi
		default:
			url, err := ident.CheckHTTPURL(href)
			if err != nil {
				r.warn(path+"/@xlink:href", "link dropped: %v", err)
				break
			}
			related.URL = url
		}
		if related.DOI == "" {
			if id := findPubID(link, "doi"); id != "" {
				if doi, err := ident.NormalizeDOI(id); err == nil {
					related.DOI = doi
				} else {
					r.warn(path+"/pub-id", "DOI dropped: %v", err)
				}
			}
		}
		if title := link.Child("article-title"); title != nil {
			related.Title = r.markup(title, path+"/article-title")
		}
		if related.DOI == "" && related.URL == "" {
			r.warn(path, "related article (%s) without a DOI or URL not kept", kind)
			continue
		}
		r.article.Related = append(r.article.Related, related)
	}
}

// looksLikeDOI reports whether a link is a DOI or a DOI resolver URL.
func looksLikeDOI(href string) bool {
	_, err := ident.NormalizeDOI(href)
	return err == nil
}

// findPubID returns the first pub-id of the given type below e.
func findPubID(e *element, kind string) string {
	for _, id := range e.Descendants("pub-id") {
		if strings.EqualFold(id.Attr("pub-id-type"), kind) {
			return plainText(id)
		}
	}
	return ""
}

func cleanAll(values []string) []string {
	var out []string
	for _, v := range values {
		if v = text.Clean(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

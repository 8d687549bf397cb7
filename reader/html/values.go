package html

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	licences "github.com/scholarld/scholarld/reader/internal/license"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
	"github.com/scholarld/scholarld/reader/textpos"
)

// reading is the state of reading one input: where positions point, the
// URL that relative links resolve against, and the warnings so far.
type reading struct {
	lines *textpos.Lines[[]byte]
	// base is the absolute URL relative links are resolved against, nil
	// when the page names none; baseFrom names where it came from.
	base     *url.URL
	baseFrom string
	warnings []reader.Warning
}

func (r *reading) warn(path, format string, args ...any) {
	r.warnings = append(r.warnings, reader.Warning{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// unused warns that the source holds a value the model has no place for.
func (r *reading) unused(path, value string) {
	r.warn(path, "%q is not held by the article model", shorten(text.Clean(value)))
}

// shorten cuts a value quoted in a message to at most 100 characters.
func shorten(s string) string {
	const limit = 100
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// doi returns the bare DOI of value, or "" with a warning.
func (r *reading) doi(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	if rest, ok := cutPrefixFold(value, "info:doi/"); ok {
		value = rest
	}
	doi, err := ident.NormalizeDOI(value)
	if err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	return doi
}

// addDOI sets the source's DOI from value, remembering its field; a
// second, different DOI gets a warning.
func (r *reading) addDOI(s *source, path, value string) {
	doi := r.doi(path, value)
	switch {
	case doi == "" || strings.EqualFold(doi, s.article.DOI):
	case s.article.DOI == "":
		s.article.DOI, s.origin["doi"] = doi, path
	default:
		r.unused(path, value)
	}
}

// issn returns the NNNN-NNNC form of value, or "" with a warning.
func (r *reading) issn(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	if rest, ok := cutPrefixFold(value, "urn:issn:"); ok {
		value = rest
	}
	issn, err := ident.NormalizeISSN(value)
	if err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	if issn != value {
		r.warn(path, "ISSN %q written as %s", value, issn)
	}
	return issn
}

// isbn returns the digits of an ISBN, or "" with a warning.
func (r *reading) isbn(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	if rest, ok := cutPrefixFold(value, "urn:isbn:"); ok {
		value = rest
	}
	isbn, err := ident.NormalizeISBN(value)
	if err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	return isbn
}

// orcid returns the bare ORCID iD of value, or "" with a warning.
func (r *reading) orcid(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	orcid, err := ident.NormalizeORCID(value)
	if err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	return orcid
}

// email returns value without a mailto: prefix, or "" with a warning.
func (r *reading) email(path, value string) string {
	value = text.Clean(value)
	if rest, ok := cutPrefixFold(value, "mailto:"); ok {
		value = rest
	}
	if value == "" {
		return ""
	}
	if err := ident.CheckEmail(value); err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	return value
}

// language returns value as a BCP 47 tag, or "" with a warning. An
// underscore ("en_US", as og:locale writes it) becomes a hyphen.
func (r *reading) language(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	tag := strings.ReplaceAll(value, "_", "-")
	if err := ident.CheckLanguage(tag); err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	if tag != value {
		r.warn(path, "language %q written as %s", value, tag)
	}
	return tag
}

// url returns value as an absolute http(s) URL, resolving a relative one
// against the page's base URL, or "" with a warning.
func (r *reading) url(path, value string) string {
	value = text.Clean(value)
	if value == "" {
		return ""
	}
	if ref, err := url.Parse(value); err == nil && !ref.IsAbs() {
		if r.base == nil {
			r.warn(path, "dropped: relative URL %q and the page names no absolute base URL", value)
			return ""
		}
		resolved := r.base.ResolveReference(ref).String()
		r.warn(path, "relative URL %q resolved against %s (%s)", value, r.base, r.baseFrom)
		value = resolved
	}
	checked, err := ident.CheckHTTPURL(value)
	if err != nil {
		r.warn(path, "dropped: %v", err)
		return ""
	}
	return checked
}

// setBase makes value the base URL when it is an absolute http(s) URL and
// no base is set yet.
func (r *reading) setBase(from, value string) {
	if r.base != nil {
		return
	}
	u, err := url.Parse(strings.TrimSpace(value))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return
	}
	r.base, r.baseFrom = u, from
}

// date reads value into the date field of src named field ("published",
// "received"...). A value that is not a date is kept as the source's error
// for that field: the merge decides whether it stops the record.
func (r *reading) date(src *source, field, path string, pos ld.Position, value string) {
	if src.hasDate(field) || text.Clean(value) == "" {
		return
	}
	d, err := dates.Parse(value)
	if err != nil {
		src.dateErrs[field] = &ld.FieldError{Pos: pos, Path: path, Err: err}
		return
	}
	src.setDate(field, d, path)
}

// markupText converts an HTML title or abstract to the model's markup.
func markupText(value string) string { return markup.FromHTML(value) }

// personName makes an author of a name given as one string: "Smith, John
// A.", "John A. Smith". A name that reads as an organisation ("The
// Tuberculosis Consortium") makes an organisation author.
func personName(value string) (ld.Author, bool) {
	value = text.Clean(value)
	if value == "" {
		return ld.Author{}, false
	}
	if isOrganizationName(value) {
		return ld.Author{Kind: ld.OrganizationAuthor, Name: value}, true
	}
	name := names.Parse(value)
	author := ld.Author{Given: name.Given, Family: name.Family, Suffix: name.Suffix}
	if author.Family == "" {
		author.Name = value
	}
	return author, true
}

// organizationWords are words that do not stand in a person's name but do
// in the names of groups that sign articles. weakOrganizationWords are
// also surnames ("Center", "Team", "Study"): they make an organisation
// only in a name of three words or more ("Cancer Genome Project").
var (
	organizationWords     = regexp.MustCompile(`(?i)\b(consortium|collaboration|collaborative|group|committee|network|society|association|investigators|initiative|organi[sz]ation|institute|university|council|alliance|foundation|federation|working party|task force|trialists)\b`)
	weakOrganizationWords = regexp.MustCompile(`(?i)\b(centre|center|team|study|project|program|programme|department|laboratory|registry)\b`)
)

func isOrganizationName(name string) bool {
	return organizationWords.MatchString(name) ||
		len(strings.Fields(name)) >= 3 && weakOrganizationWords.MatchString(name)
}

// splitKeywords splits one keywords value on semicolons, or on commas
// when it has no semicolon.
func splitKeywords(value string) []string {
	separator := ","
	if strings.Contains(value, ";") {
		separator = ";"
	}
	var keywords []string
	for _, keyword := range strings.Split(value, separator) {
		if keyword = text.Clean(keyword); keyword != "" {
			keywords = append(keywords, keyword)
		}
	}
	return keywords
}

// appendUnique appends the values not yet in list.
func appendUnique(list []string, values ...string) []string {
	for _, value := range values {
		if value == "" || contains(list, value) {
			continue
		}
		list = append(list, value)
	}
	return list
}

func contains(list []string, value string) bool {
	for _, v := range list {
		if v == value {
			return true
		}
	}
	return false
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// articleNumberPattern matches a first page that is an article number:
// "e01567", "e0097541", "Article 123".
var articleNumberPattern = regexp.MustCompile(`^(?i:e\d{3,}|(?:article|art\.?)\s*(?:no\.?\s*)?(\d+))$`)

// setPages fills the pages of a from a first and last page, telling an
// article number ("e01567") from a page.
func setPages(a *ld.Article, first, last string) {
	first, last = text.Clean(first), text.Clean(last)
	if last == "" {
		// A range given in one field ("444-445" in citation_firstpage).
		if m := pageRangePattern.FindStringSubmatch(first); m != nil {
			first, last = m[1], m[2]
		}
	}
	if match := articleNumberPattern.FindStringSubmatch(first); match != nil && (last == "" || last == first) {
		a.ArticleNumber = first
		if match[1] != "" {
			a.ArticleNumber = match[1]
		}
		return
	}
	if first == "" && last == "" {
		return
	}
	a.FirstPage, a.LastPage = first, last
	if last == first {
		a.LastPage = ""
	}
}

// pageRangePattern matches two page numbers joined by a dash, each with
// an optional letter prefix: "444-445", "S12–S19".
var pageRangePattern = regexp.MustCompile(`^([A-Za-z]?\d+)\s*[-–—]\s*([A-Za-z]?\d+)$`)

// setPageRange fills the pages from a range "709-718", "pp. 709–718" or
// "709".
func setPageRange(a *ld.Article, pages string) {
	pages = text.Clean(pages)
	for _, prefix := range []string{"pages", "page", "pp.", "p."} {
		if rest, ok := cutPrefixFold(pages, prefix); ok {
			pages = strings.TrimSpace(rest)
			break
		}
	}
	for _, dash := range []string{"–", "—", "-"} {
		if first, last, ok := strings.Cut(pages, dash); ok {
			setPages(a, first, last)
			return
		}
	}
	setPages(a, pages, "")
}

// licenseFrom reads a rights or licence value: a URL is the licence URL;
// a licence scholarld recognises by name (reader/internal/license) is
// that licence; any other text is a rights statement, never a licence
// ("2010 Springer Science+Business Media, LLC"), kept as the copyright
// statement when the page gives none.
func (r *reading) licenseFrom(a *ld.Article, path, value string) {
	value = text.Clean(value)
	if value == "" {
		return
	}
	if lower := strings.ToLower(value); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		if u := r.url(path, value); u != "" && a.License == nil {
			a.License = &ld.License{URL: u}
		} else if u != "" {
			if a.License.URL == "" {
				a.License.URL = u
			} else if a.License.URL != u {
				r.unused(path, value)
			}
		}
		return
	}
	if named, ok := licences.Recognise(value); ok && !looksLikeCopyright(value) {
		switch {
		case a.License == nil:
			a.License = &named
		case a.License.Label == "" && (named.URL == "" || a.License.URL == "" || a.License.URL == named.URL):
			a.License.Label = named.Label
		default:
			r.unused(path, value)
		}
		return
	}
	if a.Copyright == nil {
		a.Copyright = &ld.Copyright{Statement: value}
		if !looksLikeCopyright(value) {
			r.warn(path, "%q names no licence: kept as the copyright statement", shorten(value))
		}
		return
	}
	r.unused(path, value)
}

// looksLikeCopyright reports whether a rights value is a copyright line.
func looksLikeCopyright(value string) bool {
	lower := strings.ToLower(value)
	return strings.Contains(lower, "copyright") || strings.Contains(value, "©") || strings.HasPrefix(lower, "(c)")
}

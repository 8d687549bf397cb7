package crossref

import (
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// errNotCrossref is wrapped by the error Read and ReadXML return for input
// that is well-formed but not a Crossref record at all.
var errNotCrossref = errors.New("not Crossref metadata")

// errInvalidArticle marks a record whose article fails ld.Check: a value
// the reader let through without normalising it. It is a safety net that
// no input should reach.
var errInvalidArticle = errors.New("the record does not make a valid article")

// builder collects one article, the warnings about it and the problems
// that reject it. Both readers fill it; record turns it into a Record.
type builder struct {
	art      ld.Article
	warnings []reader.Warning
	errs     ld.ErrorList
	// affiliationIDs gives the ID of each distinct affiliation seen.
	affiliationIDs map[ld.Affiliation]string
	// fileURLs holds the URLs of the files kept, to keep each once.
	fileURLs map[string]bool
	// licence is the chosen licence and the version it applies to.
	licence        string
	licenceVersion string
	licencePath    string
	otherLicences  []string
	// partLicences are licences for versions other than the version of
	// record, reported (at the first one's path) when no licence for it
	// exists.
	partLicences    []string
	partLicencePath string
	// miningLicences are the text-and-data-mining licence URLs reported.
	miningLicences []string
}

func (b *builder) warn(path, format string, args ...any) {
	b.warnings = append(b.warnings, reader.Warning{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) fail(pos ld.Position, path string, err error) {
	b.errs = append(b.errs, &ld.FieldError{Pos: pos, Path: path, Err: err})
}

// record finishes the article: it settles the licence, checks the article
// against the model and gives the Record.
func (b *builder) record(index int, pos ld.Position) reader.Record {
	b.settleLicence()
	rec := reader.Record{Index: index, Pos: pos, Warnings: b.warnings}
	if len(b.errs) == 0 {
		for _, err := range ld.Check(&b.art) {
			b.errs = append(b.errs, fmt.Errorf("%s: crossref: %w: %w", pos, errInvalidArticle, err))
		}
	}
	if len(b.errs) > 0 {
		if len(b.errs) == 1 {
			rec.Err = b.errs[0]
		} else {
			rec.Err = b.errs
		}
		return rec
	}
	art := b.art
	rec.Article = &art
	return rec
}

// clean gives a plain value (a name, a number, an identifier) in the
// model's form. Character references left in the text ("&amp;", as some
// deposits escape twice) are decoded first.
func clean(s string) string {
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return text.Clean(s)
}

// smallCaps matches Crossref's small-caps face markup, <scp>, which JATS
// and the model call <sc>. The other face markup (<i>, <b>, <sub>, <sup>)
// has the model's names, and the rest (<u>, <ovl>, <tt>, <font>) is read
// as its text.
var smallCaps = regexp.MustCompile(`<(/?)(?:[A-Za-z][\w.-]*:)?scp(\s[^<>]*)?>`)

// inlineMarkup converts a title or abstract that may hold Crossref face
// markup (<i>, <b>, <scp>, <sup>, <sub>) or JATS inline markup to the
// model's markup. Text that does not parse as XML is read as HTML, which
// has no syntax errors.
func inlineMarkup(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return clean(s)
	}
	s = smallCaps.ReplaceAllString(s, "<${1}sc>")
	if out, err := markup.FromJATS(s); err == nil {
		return out
	}
	return markup.FromHTML(s)
}

// affiliationID gives the ID of aff, adding it to the article the first
// time it is seen, so that equal affiliations are shared. An affiliation
// with neither a name nor a department (a ROR ID alone) cannot stand in
// the model and is reported.
func (b *builder) affiliationID(path string, aff ld.Affiliation) (string, bool) {
	if aff.Name == "" && aff.Department == "" {
		if aff.ROR != "" {
			b.warn(path, "affiliation with only a ROR ID %s not kept: the model needs a name", aff.ROR)
		}
		return "", false
	}
	if b.affiliationIDs == nil {
		b.affiliationIDs = map[ld.Affiliation]string{}
	}
	if id, ok := b.affiliationIDs[aff]; ok {
		return id, true
	}
	id := fmt.Sprintf("aff%d", len(b.art.Affiliations)+1)
	b.affiliationIDs[aff] = id
	aff.ID = id
	b.art.Affiliations = append(b.art.Affiliations, aff)
	return id, true
}

// person settles the names of a person and reports whether there is one
// to keep: a given name alone is a mononym put in the wrong field, and
// goes to the family name as the model asks; a person with neither is
// reported.
func (b *builder) person(path string, author *ld.Author) bool {
	switch {
	case author.Family != "" || author.Name != "":
		return true
	case author.Given != "":
		b.warn(path, "a given name %q alone is read as the family name of a mononym", author.Given)
		author.Given, author.Family = "", author.Given
		return true
	}
	b.warn(path, "author without a name not kept")
	return false
}

// setDOI stores the article's DOI, or warns when it is not one.
func (b *builder) setDOI(path, raw string) {
	raw = clean(raw)
	if raw == "" {
		return
	}
	doi, err := ident.NormalizeDOI(raw)
	if err != nil {
		b.warn(path, "DOI %q dropped: %v", raw, err)
		return
	}
	b.art.DOI = doi
}

// setURL stores the landing page, or warns when it is not an HTTP URL.
func (b *builder) setURL(path, raw string) {
	raw = clean(raw)
	if raw == "" {
		return
	}
	url, err := ident.CheckHTTPURL(raw)
	if err != nil {
		b.warn(path, "URL %q dropped: %v", raw, err)
		return
	}
	b.art.URL = url
}

// setLanguage stores the language tag, or warns when it is not one.
func (b *builder) setLanguage(path, raw string) {
	raw = clean(raw)
	if raw == "" {
		return
	}
	if err := ident.CheckLanguage(raw); err != nil {
		b.warn(path, "language %q dropped: %v", raw, err)
		return
	}
	b.art.Language = raw
}

func (b *builder) journal() *ld.Journal {
	if b.art.Journal == nil {
		b.art.Journal = &ld.Journal{}
	}
	return b.art.Journal
}

// addISSN adds one ISSN of the journal; a repeated ISSN gains a kind it
// lacked but is not added twice.
func (b *builder) addISSN(path, raw string, kind ld.ISSNKind) {
	raw = clean(raw)
	if raw == "" {
		return
	}
	issn, err := ident.NormalizeISSN(raw)
	if err != nil {
		b.warn(path, "ISSN %q dropped: %v", raw, err)
		return
	}
	if issn != strings.ToUpper(raw) {
		b.warn(path, "ISSN %q read as %s", raw, issn)
	}
	j := b.journal()
	for i := range j.ISSNs {
		if j.ISSNs[i].Value == issn {
			if j.ISSNs[i].Kind == "" {
				j.ISSNs[i].Kind = kind
			}
			return
		}
	}
	j.ISSNs = append(j.ISSNs, ld.ISSN{Value: issn, Kind: kind})
}

// issnKind reads a Crossref ISSN type or media type.
func issnKind(s string) (ld.ISSNKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "print":
		return ld.PrintISSN, true
	case "electronic":
		return ld.ElectronicISSN, true
	case "linking":
		return ld.LinkingISSN, true
	}
	return "", false
}

// setPages reads a page range: "2918-2922", "14348–14363", "1482".
func (b *builder) setPages(path, raw string) {
	raw = clean(raw)
	if raw == "" {
		return
	}
	if i := strings.IndexAny(raw, ",;"); i >= 0 {
		b.warn(path, "pages %q: only the first range %q is kept", raw, strings.TrimSpace(raw[:i]))
		raw = strings.TrimSpace(raw[:i])
	}
	first, last := cutRange(raw)
	b.setPageRange(path, first, last)
}

// setPageRange stores the first and last page. A last page abbreviated
// as printed ("2918-22") is written out in full; a numeric last page
// before the first page is dropped with a warning.
func (b *builder) setPageRange(path, first, last string) {
	b.art.FirstPage, b.art.LastPage = first, ""
	if last == "" || last == first {
		return
	}
	if first == "" {
		b.warn(path, "last page %q without a first page not kept", last)
		return
	}
	if isDigits(first) && isDigits(last) {
		first, last := strings.TrimLeft(first, "0"), strings.TrimLeft(last, "0")
		if len(last) < len(first) {
			if full := first[:len(first)-len(last)] + last; full > first {
				b.warn(path, "abbreviated last page %q read as %s", last, full)
				b.art.LastPage = full
				return
			}
		}
		if len(last) < len(first) || len(last) == len(first) && last < first {
			b.warn(path, "last page %s is before first page %s; not kept", last, first)
			return
		}
	}
	b.art.LastPage = last
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// cutRange splits "a-b" at a hyphen or dash; a single page has no last.
func cutRange(s string) (first, last string) {
	for _, dash := range []string{"-", "\u2013", "\u2014", "\u2012", "\u2010", "\u2011", "\u2212"} {
		if a, z, ok := strings.Cut(s, dash); ok {
			return strings.TrimSpace(a), strings.TrimSpace(z)
		}
	}
	return s, ""
}

// offerLicence considers one licence URL for the version given ("vor",
// "am", "tdm", "unspecified" or ""). The version-of-record licence wins,
// then one for no version in particular; licences for the accepted
// manuscript or text mining are not the article's.
func (b *builder) offerLicence(path, url, version string) {
	url = clean(url)
	if url == "" {
		return
	}
	version = strings.ToLower(strings.TrimSpace(version))
	if (version == "vor" || version == "" || version == "unspecified") && isMiningLicence(url) {
		// Springer and others deposit their text-and-data-mining terms
		// with content-version "vor" too: they are not the article's
		// licence.
		if !slices.Contains(b.miningLicences, url) {
			b.miningLicences = append(b.miningLicences, url)
			b.warn(path, "text-and-data-mining licence %q is not the article's licence: not kept", url)
		}
		return
	}
	switch version {
	case "vor":
	case "", "unspecified":
		version = "unspecified"
	default:
		if b.partLicencePath == "" {
			b.partLicencePath = path
		}
		b.partLicences = append(b.partLicences, version)
		return
	}
	switch {
	case b.licence == "":
	case b.licence == url:
		return
	case b.licenceVersion == "unspecified" && version == "vor":
		b.otherLicences = append(b.otherLicences, b.licence)
	default:
		b.otherLicences = append(b.otherLicences, url)
		return
	}
	b.licence, b.licenceVersion, b.licencePath = url, version, path
}

// isMiningLicence reports whether a licence URL is a publisher's
// text-and-data-mining terms: a "tdm" path segment or file name
// (http://www.springer.com/tdm, http://www.elsevier.com/tdm/userlicense/1.0/,
// http://doi.wiley.com/10.1002/tdm_license_1.1) or "text-and-data-mining".
func isMiningLicence(url string) bool {
	lower := strings.ToLower(url)
	if strings.Contains(lower, "text-and-data-mining") || strings.Contains(lower, "textanddatamining") {
		return true
	}
	_, rest, ok := strings.Cut(lower, "://")
	if !ok {
		return false
	}
	for _, segment := range strings.FieldsFunc(rest, func(r rune) bool { return r == '/' || r == '?' || r == '#' }) {
		if segment == "tdm" || strings.HasPrefix(segment, "tdm_") || strings.HasPrefix(segment, "tdm-") {
			return true
		}
	}
	return false
}

func (b *builder) settleLicence() {
	if b.licence == "" {
		if len(b.partLicences) > 0 && len(b.miningLicences) == 0 {
			b.warn(b.partLicencePath, "only licences for versions other than the version of record (%s): none kept", strings.Join(dedupe(b.partLicences), ", "))
		}
		return
	}
	url, err := ident.CheckHTTPURL(b.licence)
	if err != nil {
		b.warn(b.licencePath, "licence URL %q dropped: %v", b.licence, err)
		return
	}
	b.art.License = &ld.License{URL: url}
	for _, other := range dedupe(b.otherLicences) {
		if other != b.licence {
			b.warn(b.licencePath, "a second licence %q is not kept", other)
		}
	}
}

// addFile adds a full-text file once per URL. Only PDF, XML and HTML are
// full text; other media types are reported.
func (b *builder) addFile(path, url, mediaType string) {
	url = clean(url)
	if url == "" {
		return
	}
	mediaType = strings.ToLower(clean(mediaType))
	if i := strings.IndexByte(mediaType, ';'); i >= 0 {
		mediaType = strings.TrimSpace(mediaType[:i])
	}
	switch mediaType {
	case "application/pdf", "text/html":
	case "application/xml", "text/xml":
		mediaType = "application/xml"
	default:
		if mediaType == "" || mediaType == "unspecified" {
			b.warn(path, "link %s of unstated media type not kept as a file", url)
		} else {
			b.warn(path, "link %s of media type %s not kept as a file", url, mediaType)
		}
		return
	}
	if b.fileURLs[url] {
		return
	}
	checked, err := ident.CheckHTTPURL(url)
	if err != nil {
		b.warn(path, "file URL %q dropped: %v", url, err)
		return
	}
	if b.fileURLs == nil {
		b.fileURLs = map[string]bool{}
	}
	b.fileURLs[url] = true
	b.art.Files = append(b.art.Files, ld.File{URL: checked, MediaType: mediaType})
}

// citation is a reference as both formats give it.
type citation struct {
	doi          string
	unstructured string
	// parts are the structured fields in reading order: author, year,
	// article title, container title, volume, first page...
	parts []string
}

// addReference adds one reference: its DOI and its unstructured text;
// with neither, its text is made from the structured parts joined with
// ". ". A reference with nothing at all is reported.
func (b *builder) addReference(path string, c citation) {
	var ref ld.Reference
	if raw := clean(c.doi); raw != "" {
		doi, err := ident.NormalizeDOI(raw)
		if err != nil {
			b.warn(path, "reference DOI %q dropped: %v", raw, err)
		} else {
			ref.DOI = doi
		}
	}
	ref.Text = inlineMarkup(c.unstructured)
	if ref.DOI == "" && ref.Text == "" {
		var parts []string
		for _, p := range c.parts {
			p = strings.TrimRight(inlineMarkup(p), ". ")
			if p != "" {
				parts = append(parts, p)
			}
		}
		ref.Text = strings.Join(parts, ". ")
	}
	if ref.DOI == "" && ref.Text == "" {
		b.warn(path, "reference with no DOI and no text not kept")
		return
	}
	b.art.References = append(b.art.References, ref)
}

// addRelated adds a related article named by a DOI or a URL.
func (b *builder) addRelated(path string, rel ld.Relation, idType, id string) {
	id = clean(id)
	r := ld.Related{Relation: rel}
	switch strings.ToLower(idType) {
	case "doi":
		doi, err := ident.NormalizeDOI(id)
		if err != nil {
			b.warn(path, "related DOI %q dropped: %v", id, err)
			return
		}
		r.DOI = doi
	case "uri", "url":
		url, err := ident.CheckHTTPURL(id)
		if err != nil {
			b.warn(path, "related URL %q dropped: %v", id, err)
			return
		}
		r.URL = url
	default:
		b.warn(path, "related item %s %q not kept: the model links by DOI or URL only", idType, id)
		return
	}
	for _, have := range b.art.Related {
		if have == r {
			return
		}
	}
	b.art.Related = append(b.art.Related, r)
}

// updateRelation maps a Crossmark update type to the relation from the
// notice that carries it to the article it updates.
func updateRelation(updateType string) (ld.Relation, ld.ArticleType, bool) {
	switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(updateType)), "-", "_") {
	case "correction", "erratum", "corrigendum":
		return ld.Corrects, ld.Correction, true
	case "retraction", "withdrawal", "removal":
		return ld.Retracts, ld.Retraction, true
	}
	return "", "", false
}

// inverse gives the relation seen from the other article.
func inverse(rel ld.Relation) ld.Relation {
	switch rel {
	case ld.Corrects:
		return ld.CorrectedBy
	case ld.Retracts:
		return ld.RetractedBy
	}
	return rel
}

// noteUpdate records that this article is a notice updating another: the
// relation, and the article type when the source gave none more precise.
func (b *builder) noteUpdate(path, updateType, doi string) {
	rel, kind, ok := updateRelation(updateType)
	if !ok {
		b.warn(path, "update of type %q to %s not kept", updateType, clean(doi))
		return
	}
	b.addRelated(path, rel, "doi", doi)
	if b.art.Type == "" {
		b.art.Type = kind
	}
}

// noteUpdatedBy records that another article (a correction or a
// retraction notice) updates this one.
func (b *builder) noteUpdatedBy(path, updateType, doi string) {
	rel, _, ok := updateRelation(updateType)
	if !ok {
		b.warn(path, "update of type %q by %s not kept", updateType, clean(doi))
		return
	}
	b.addRelated(path, inverse(rel), "doi", doi)
}

// interWorkRelation maps a relation type of the Crossref relations schema,
// in its XML (isCommentOn) or REST API (is-comment-on) spelling.
func interWorkRelation(name string) (ld.Relation, bool) {
	switch strings.ToLower(strings.ReplaceAll(name, "-", "")) {
	case "iscommenton":
		return ld.CommentOn, true
	case "ispreprintof":
		return ld.PreprintOf, true
	case "haspreprint":
		return ld.HasPreprint, true
	}
	return "", false
}

// assertion reads one Crossmark assertion, named as Crossref and the
// publishers name them.
func (b *builder) assertion(path, name, label, value string, d *ld.Dates) {
	value = clean(value)
	if value == "" {
		return
	}
	var slot *ld.Date
	switch strings.ToLower(name) {
	case "received":
		slot = &d.Received
	case "accepted":
		slot = &d.Accepted
	case "published", "first_online", "published_online", "online":
		slot = &d.Published
	case "revised":
		date, err := dates.Parse(value)
		if err != nil {
			b.warn(path, "revised date %q not read: %v", value, err)
			return
		}
		d.Revised = append(d.Revised, date)
		return
	case "copyright":
		if b.art.Copyright == nil {
			b.art.Copyright = &ld.Copyright{Statement: value}
		}
		return
	default:
		if label == "" {
			label = name
		}
		b.warn(path, "assertion %q (%s) not kept", label, value)
		return
	}
	date, err := dates.Parse(value)
	if err != nil {
		b.warn(path, "%s date %q not read: %v", name, value, err)
		return
	}
	b.setDate(path, slot, date)
}

// setDate stores a publication milestone. A date from a later, weaker
// source (an assertion) never overwrites one already set; a disagreement
// is reported.
func (b *builder) setDate(path string, slot *ld.Date, d ld.Date) {
	switch {
	case d.IsZero():
	case slot.IsZero():
		*slot = d
	case *slot != d:
		b.warn(path, "date %s differs from %s already read; not kept", d, *slot)
	}
}

// settleDates leaves PublishedPrint empty when it repeats Published, as
// the model asks, and makes the history dates follow their order
// (received, revised, accepted, published): a date that comes after a
// later milestone is dropped with a warning. The publication date is the
// one Crossref vouches for, so the earlier milestone is the one dropped.
func (b *builder) settleDates(path string) {
	d := &b.art.Dates
	if d.PublishedPrint == d.Published {
		d.PublishedPrint = ld.Date{}
	}
	type milestone struct {
		name string
		date *ld.Date
	}
	order := []milestone{{"received", &d.Received}}
	for i := range d.Revised {
		order = append(order, milestone{"revised", &d.Revised[i]})
	}
	order = append(order, milestone{"accepted", &d.Accepted}, milestone{"published", &d.Published})
	var kept []milestone // the later milestones kept so far
	for i := len(order) - 1; i >= 0; i-- {
		m := order[i]
		if m.date.IsZero() {
			continue
		}
		if j := slices.IndexFunc(kept, func(later milestone) bool { return later.date.Before(*m.date) }); j >= 0 {
			b.warn(path, "%s date %s comes after the %s date %s; not kept", m.name, *m.date, kept[j].name, *kept[j].date)
			*m.date = ld.Date{}
			continue
		}
		kept = append(kept, m)
	}
	d.Revised = slices.DeleteFunc(d.Revised, ld.Date.IsZero)
	if len(d.Revised) == 0 {
		d.Revised = nil
	}
}

func dedupe(list []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// settleJournal makes sure a journal has a title: an abbreviation stands
// in for a missing full title; the other facts of a journal without any
// title are reported and dropped, since the model names a journal by its
// title.
func (b *builder) settleJournal(path string) {
	if b.settleContainer(path) {
		return
	}
	j := b.art.Journal
	switch {
	case j == nil || j.Title != "":
	case j.Abbreviation != "":
		j.Title = j.Abbreviation
		b.warn(path, "no journal title: the abbreviation %q stands for it", j.Abbreviation)
	default:
		var facts []string
		for _, issn := range j.ISSNs {
			facts = append(facts, "ISSN "+issn.Value)
		}
		if j.Publisher != nil {
			facts = append(facts, "publisher "+j.Publisher.Name)
		}
		b.art.Journal = nil
		if j.Publisher != nil { // a publisher without a journal is the work's
			b.keepPublisher(j.Publisher)
			facts = facts[:len(facts)-1]
		}
		if len(facts) > 0 {
			b.warn(path, "no journal title: %s not kept", strings.Join(facts, ", "))
		}
	}
}

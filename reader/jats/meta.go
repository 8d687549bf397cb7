package jats

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader/internal/dates"
	licences "github.com/scholarld/scholarld/reader/internal/license"
)

func (r *articleReader) readJournal(meta *element) {
	if meta == nil {
		return
	}
	journal := &ld.Journal{}
	counts := map[string]int{}
	var titles, abbreviations, journalIDs []*element
	for _, child := range meta.Elements() {
		counts[child.Name]++
		path := fmt.Sprintf("journal-meta/%s[%d]", child.Name, counts[child.Name])
		switch child.Name {
		case "journal-id":
			// Identifiers for the publisher's and PubMed's systems; those
			// that are names stand in for a missing title.
			journalIDs = append(journalIDs, child)
		case "journal-title-group":
			titles = append(titles, child.All("journal-title")...)
			abbreviations = append(abbreviations, child.All("abbrev-journal-title")...)
			for _, trans := range child.All("trans-title-group") {
				r.warn(path+"/trans-title-group", "translated journal title %q not kept", plainText(trans.Child("trans-title")))
			}
		case "journal-title":
			titles = append(titles, child)
		case "abbrev-journal-title":
			abbreviations = append(abbreviations, child)
		case "issn":
			r.readISSN(journal, child, path, issnKind(child))
		case "issn-l":
			r.readISSN(journal, child, path, ld.LinkingISSN)
		case "publisher":
			journal.Publisher = r.readPublisher(child, path)
		default:
			r.warn(path, "<%s> not kept: the model has no place for it", child.Name)
		}
	}
	for i, title := range titles {
		value := plainText(title)
		switch {
		case value == "":
		case journal.Title == "":
			journal.Title = value
		case value != journal.Title:
			r.warn(fmt.Sprintf("journal-meta/journal-title[%d]", i+1), "second journal title %q not kept", value)
		}
	}
	journal.Abbreviation = r.chooseAbbreviation(abbreviations)
	if journal.Title == "" {
		r.untitledJournal(journal, journalIDs)
	}
	if journal.Title == "" {
		if journal.Abbreviation != "" || len(journal.ISSNs) > 0 || journal.Publisher != nil {
			r.warn("journal-meta", "journal without a title or a name among its journal-ids not kept")
		}
		return
	}
	r.article.Journal = journal
}

// titleJournalIDs are the journal-id types that hold a name of the journal
// rather than a code, best first (JATS tag library, <journal-id>).
var titleJournalIDs = []string{"nlm-journal-title", "iso-abbrev", "nlm-ta"}

// untitledJournal names a journal whose journal-meta has no journal-title,
// as older PLOS files are, so that its ISSNs and publisher are not lost:
// by its abbreviated title, else by a journal-id that is a name.
func (r *articleReader) untitledJournal(journal *ld.Journal, ids []*element) {
	if journal.Abbreviation != "" {
		journal.Title = journal.Abbreviation
		r.warn("journal-meta", "no journal-title: the abbreviated title %q stands for it", journal.Title)
		return
	}
	for _, kind := range titleJournalIDs {
		for _, id := range ids {
			if strings.EqualFold(id.Attr("journal-id-type"), kind) {
				if name := plainText(id); name != "" {
					journal.Title = name
					r.warn("journal-meta", "no journal-title: the journal-id %q (%s) stands for it", name, kind)
					return
				}
			}
		}
	}
}

// chooseAbbreviation prefers the ISO abbreviation, then the first given.
func (r *articleReader) chooseAbbreviation(abbreviations []*element) string {
	chosen := -1
	for i, a := range abbreviations {
		if plainText(a) != "" && (chosen < 0 || strings.EqualFold(a.Attr("abbrev-type"), "iso-abbrev") && !strings.EqualFold(abbreviations[chosen].Attr("abbrev-type"), "iso-abbrev")) {
			chosen = i
		}
	}
	if chosen < 0 {
		return ""
	}
	value := plainText(abbreviations[chosen])
	for i, a := range abbreviations {
		if other := plainText(a); i != chosen && other != "" && other != value {
			r.warn(fmt.Sprintf("journal-meta/abbrev-journal-title[%d]", i+1), "second abbreviation %q (%s) not kept", other, orDefault(a.Attr("abbrev-type"), "untyped"))
		}
	}
	return value
}

// issnKind reads the kind of an <issn> from @pub-type (JATS 1.0 and NLM)
// or @publication-format (JATS 1.1 on).
func issnKind(e *element) ld.ISSNKind {
	switch strings.ToLower(orDefault(e.Attr("publication-format"), e.Attr("pub-type"))) {
	case "ppub", "print":
		return ld.PrintISSN
	case "epub", "electronic", "online":
		return ld.ElectronicISSN
	case "linking":
		return ld.LinkingISSN
	}
	return ""
}

func (r *articleReader) readISSN(journal *ld.Journal, e *element, path string, kind ld.ISSNKind) {
	value := plainText(e)
	issn, err := ident.NormalizeISSN(value)
	if err != nil {
		r.warn(path, "ISSN dropped: %v", err)
		return
	}
	if issn != value {
		r.warn(path, "ISSN %q written as %q", value, issn)
	}
	entry := ld.ISSN{Value: issn, Kind: kind}
	if !slices.Contains(journal.ISSNs, entry) {
		journal.ISSNs = append(journal.ISSNs, entry)
	}
}

func (r *articleReader) readPublisher(e *element, path string) *ld.Publisher {
	name := plainText(e.Child("publisher-name"))
	if name == "" {
		return nil
	}
	for i, other := range e.All("publisher-name")[1:] {
		r.warn(fmt.Sprintf("%s/publisher-name[%d]", path, i+2), "second publisher %q not kept", plainText(other))
	}
	publisher := &ld.Publisher{Name: name}
	if loc := e.Child("publisher-loc"); loc != nil {
		address, untyped := readAddress(loc)
		publisher.Address = address
		if address == nil && len(untyped) == 0 {
			untyped = cleanAll([]string{plainText(loc)})
		}
		for _, place := range untyped {
			r.warn(path+"/publisher-loc", "place %q not kept: the model's address has no free-text form", place)
		}
	}
	return publisher
}

// readAddress reads the tagged parts of an address below e; it returns
// nil when there are none. An addr-line without tagged parts is a street
// only when its @content-type says so; the other lines are returned, as
// the model's address has no untyped line.
func readAddress(e *element) (address *ld.Address, untyped []string) {
	address = &ld.Address{}
	var street []string
	var walk func(*element)
	walk = func(n *element) {
		for _, c := range n.Elements() {
			switch c.Name {
			case "institution", "institution-wrap", "label", "email", "xref", "fn", "uri", "ext-link", "phone", "fax":
				continue
			case "addr-line":
				switch {
				case hasAddressParts(c):
					walk(c)
				case isStreetLine(c):
					street = append(street, plainText(c))
				default:
					untyped = append(untyped, plainText(c))
				}
			case "named-content", "city", "state", "postal-code", "country":
				setAddressPart(address, c)
			default:
				walk(c)
			}
		}
	}
	walk(e)
	if len(street) > 0 && address.Street == "" {
		address.Street = strings.Join(cleanAll(street), ", ")
	}
	if *address == (ld.Address{}) {
		return nil, cleanAll(untyped)
	}
	return address, cleanAll(untyped)
}

func isStreetLine(e *element) bool {
	switch strings.ToLower(e.Attr("content-type")) {
	case "street", "street-address", "streetaddress":
		return true
	}
	return false
}

func hasAddressParts(e *element) bool {
	for _, c := range e.Elements() {
		if c.Name == "named-content" || c.Name == "city" || c.Name == "state" || c.Name == "postal-code" || c.Name == "country" {
			return true
		}
	}
	return false
}

// setAddressPart puts one tagged part into the address; the first value of
// each part is kept.
func setAddressPart(address *ld.Address, e *element) {
	value := plainText(e)
	kind := e.Name
	if kind == "named-content" {
		kind = strings.ToLower(e.Attr("content-type"))
	}
	if kind == "country" && value == "" {
		value = e.Attr("country")
	}
	var field *string
	switch kind {
	case "city":
		field = &address.City
	case "state", "region", "province":
		field = &address.Region
	case "postal-code", "postcode", "zip":
		field = &address.PostalCode
	case "country":
		field = &address.Country
	case "street", "addr-line":
		field = &address.Street
	default:
		return
	}
	if *field == "" {
		*field = value
	}
}

// readDates reads history/date and pub-date. Published is the earliest
// electronic publication date; without one, the earliest publication date
// of no stated medium, else of print, else of the collection (issue).
// PublishedPrint is the first print date when it differs from Published.
func (r *articleReader) readDates() {
	meta := r.meta
	for i, date := range meta.Child("history").All("date") {
		path := fmt.Sprintf("article-meta/history/date[%d]", i+1)
		kind := strings.ToLower(date.Attr("date-type"))
		value, ok := r.readDate(date, path)
		if !ok {
			continue
		}
		switch kind {
		case "received":
			r.setDate(&r.article.Dates.Received, value, path)
		case "rev-recd", "revised":
			r.article.Dates.Revised = append(r.article.Dates.Revised, value)
		case "accepted":
			r.setDate(&r.article.Dates.Accepted, value, path)
		default:
			r.warn(path, "date %s of type %s not kept", value, orDefault(kind, "unknown"))
		}
	}
	byKind := map[string][]datedElement{}
	var all []datedElement
	for i, date := range meta.All("pub-date") {
		path := fmt.Sprintf("article-meta/pub-date[%d]", i+1)
		value, ok := r.readDate(date, path)
		if !ok {
			continue
		}
		kind := pubDateKind(date)
		if kind == "ignored" {
			r.warn(path, "date %s of type %s not kept", value, orDefault(date.Attr("pub-type"), date.Attr("date-type")))
			continue
		}
		d := datedElement{date: value, path: path, kind: kind}
		byKind[kind] = append(byKind[kind], d)
		all = append(all, d)
	}
	// The earliest date of the first kind present is the publication.
	var published datedElement
	for _, kind := range []string{"electronic", "electronic print", "", "print", "collection"} {
		for _, d := range byKind[kind] {
			if published.path == "" || d.date.Before(published.date) {
				published = d
			}
		}
		if published.path != "" {
			break
		}
	}
	r.article.Dates.Published = published.date
	for _, d := range all {
		switch {
		case d.path == published.path:
		case d.kind == "print" && r.article.Dates.PublishedPrint.IsZero():
			if d.date != published.date {
				r.article.Dates.PublishedPrint = d.date
			}
		case d.kind == "collection":
			r.warn(d.path, "issue date %s not kept", d.date)
		default:
			r.warn(d.path, "publication date %s not kept: the earliest is the publication date", d.date)
		}
	}
}

type datedElement struct {
	date ld.Date
	path string
	// kind is "electronic", "print", "electronic print", "collection",
	// "ignored" or "" for a publication date of no stated medium.
	kind string
}

// pubDateKind classifies a pub-date by @pub-type (NLM and JATS 1.0) or by
// @date-type with @publication-format (JATS 1.1 on).
func pubDateKind(e *element) string {
	switch strings.ToLower(e.Attr("pub-type")) {
	case "epub", "epub-original", "ecorrected":
		if strings.EqualFold(e.Attr("pub-type"), "epub") {
			return "electronic"
		}
		return "ignored"
	case "ppub", "pcorrected":
		if strings.EqualFold(e.Attr("pub-type"), "ppub") {
			return "print"
		}
		return "ignored"
	case "epub-ppub":
		return "electronic print"
	case "collection":
		return "collection"
	case "":
	default:
		// pmc-release, nihms-submitted, epreprint, ...
		return "ignored"
	}
	// JATS 1.1 and JATS4R: date-type "pub" is the publication, "collection"
	// the date; eLife writes "publication" for "pub".
	switch strings.ToLower(e.Attr("date-type")) {
	case "", "pub", "published", "publication":
	case "collection":
		return "collection"
	default:
		return "ignored"
	}
	switch strings.ToLower(e.Attr("publication-format")) {
	case "electronic", "online":
		return "electronic"
	case "print":
		return "print"
	case "electronic-print":
		return "electronic print"
	}
	return ""
}

func (r *articleReader) setDate(field *ld.Date, value ld.Date, path string) {
	if field.IsZero() {
		*field = value
		return
	}
	r.warn(path, "second date %s not kept", value)
}

// readDate reads a JATS date from its day, month, season and year, or
// from @iso-8601-date or string-date when there is no year. An impossible
// date rejects the record.
func (r *articleReader) readDate(e *element, path string) (ld.Date, bool) {
	year := plainText(e.Child("year"))
	if year == "" {
		source := e.Attr("iso-8601-date")
		if source == "" {
			source = plainText(e.Child("string-date"))
		}
		if source == "" {
			r.warn(path, "date without a year not kept")
			return ld.Date{}, false
		}
		d, err := dates.Parse(source)
		if err != nil {
			r.fail(e.Pos, path, err)
			return ld.Date{}, false
		}
		return d, true
	}
	var d ld.Date
	var err error
	d.Year, err = strconv.Atoi(year)
	if err != nil {
		r.fail(e.Pos, path+"/year", fmt.Errorf("year %q is not a number", year))
		return ld.Date{}, false
	}
	if month := plainText(e.Child("month")); month != "" {
		d.Month, err = strconv.Atoi(month)
		if err != nil {
			named, parseErr := dates.Parse(month + " " + year)
			if parseErr != nil {
				r.fail(e.Pos, path+"/month", fmt.Errorf("month %q is neither a number nor a month name", month))
				return ld.Date{}, false
			}
			d.Month = named.Month
		}
	} else if season := plainText(e.Child("season")); season != "" {
		r.warn(path+"/season", "season %q not kept: the date is read as the year %d", season, d.Year)
	}
	if day := plainText(e.Child("day")); day != "" {
		d.Day, err = strconv.Atoi(day)
		if err != nil {
			r.fail(e.Pos, path+"/day", fmt.Errorf("day %q is not a number", day))
			return ld.Date{}, false
		}
	}
	if err := d.Validate(); err != nil {
		r.fail(e.Pos, path, err)
		return ld.Date{}, false
	}
	return d, true
}

// licenseLabelLimit is the longest licence text read as its label; longer
// ones are sentences, not names.
const licenseLabelLimit = 60

func (r *articleReader) readPermissions(all []*element) {
	for i, permissions := range all {
		path := fmt.Sprintf("article-meta/permissions[%d]", i+1)
		if i > 0 {
			r.warn(path, "second permissions not kept")
			continue
		}
		r.readCopyright(permissions, path)
		for j, license := range permissions.All("license") {
			licensePath := fmt.Sprintf("%s/license[%d]", path, j+1)
			if j > 0 || r.article.License != nil {
				r.warn(licensePath, "second licence %q not kept", orDefault(licenseURL(license), plainText(license)))
				continue
			}
			r.readLicense(license, licensePath)
		}
		for _, ref := range permissions.All("license_ref") {
			if r.article.License == nil {
				r.readLicense(ref, path+"/ali:license_ref")
			} else if u := plainText(ref); u != r.article.License.URL {
				r.warn(path+"/ali:license_ref", "second licence %q not kept", u)
			}
		}
		for _, child := range permissions.Elements() {
			switch child.Name {
			case "copyright-statement", "copyright-year", "copyright-holder", "license", "license_ref":
			case "free_to_read":
				// NISO ALI: the article is free to read; a start or end date
				// makes it so for a time only, which a reader without a clock
				// cannot settle.
				if child.Attr("start_date") != "" || child.Attr("end_date") != "" {
					r.warn(path+"/ali:free_to_read", "free to read from %q to %q: open access not asserted", child.Attr("start_date"), child.Attr("end_date"))
					break
				}
				open := true
				r.article.OpenAccess = &open
			default:
				r.warn(path+"/"+child.Name, "<%s> not kept", child.Name)
			}
		}
	}
}

func (r *articleReader) readCopyright(permissions *element, path string) {
	copyright := &ld.Copyright{
		Statement: plainText(permissions.Child("copyright-statement")),
		Holder:    plainText(permissions.Child("copyright-holder")),
	}
	if year := plainText(permissions.Child("copyright-year")); year != "" {
		n, err := strconv.Atoi(year)
		if err != nil || n < 1000 || n > 9999 {
			r.warn(path+"/copyright-year", "year %q dropped: not a four-digit year", year)
		} else {
			copyright.Year = n
		}
	}
	if *copyright != (ld.Copyright{}) {
		r.article.Copyright = copyright
	}
}

// licenseURL is the licence's own link: ali:license_ref inside it, or
// its @xlink:href.
func licenseURL(license *element) string {
	if license.Name == "license_ref" {
		return plainText(license)
	}
	if ref := license.Child("license_ref"); ref != nil {
		return plainText(ref)
	}
	return license.Attr("href")
}

func (r *articleReader) readLicense(license *element, path string) {
	result := &ld.License{}
	href := licenseURL(license)
	if href == "" {
		// A licence paragraph that links only to a Creative Commons
		// licence names it.
		links := licenseLinks(license)
		if len(links) == 1 {
			href = links[0]
			r.warn(path, "licence URL taken from the link in its text")
		}
	}
	if href != "" {
		url, err := ident.CheckHTTPURL(href)
		if err != nil {
			r.warn(path, "licence URL dropped: %v", err)
		} else {
			result.URL = url
		}
	}
	if license.Name == "license" {
		texts := license.All("license-p")
		var paragraphs []string
		for _, p := range texts {
			paragraphs = append(paragraphs, plainText(p))
		}
		label := strings.Join(cleanAll(paragraphs), " ")
		recognised, named := licences.Recognise(label)
		switch {
		case label == "":
		case named && result.URL == "":
			// Only text: the licence it names, by the shared table.
			result.URL, result.Label = recognised.URL, recognised.Label
			if recognised.URL == "" {
				r.warn(path+"/license-p", "the text names %s without a version: no licence URL", recognised.Label)
			}
		case utf8.RuneCountInString(label) <= licenseLabelLimit:
			result.Label = label
		default:
			r.warn(path+"/license-p", "licence text not kept: longer than a label (%s)", truncate(label))
		}
		if strings.EqualFold(license.Attr("license-type"), "open-access") {
			open := true
			r.article.OpenAccess = &open
		}
	}
	if *result == (ld.License{}) {
		return
	}
	r.article.License = result
}

// licenseLinks lists the distinct Creative Commons links in a licence.
func licenseLinks(license *element) []string {
	var links []string
	for _, name := range []string{"ext-link", "uri"} {
		for _, link := range license.Descendants(name) {
			href := link.Attr("href")
			lower := strings.ToLower(href)
			if strings.Contains(lower, "creativecommons.org/licenses/") || strings.Contains(lower, "creativecommons.org/publicdomain/") {
				if !slices.Contains(links, href) {
					links = append(links, href)
				}
			}
		}
	}
	return links
}

// keptKeywordGroup reports whether a kwd-group holds the article's own
// keywords: an untyped group or one given by the authors. Other groups
// (abbreviations, MeSH terms, research organisms...) are reported.
func keptKeywordGroup(kind string) bool {
	kind = strings.ToLower(kind)
	return kind == "" || strings.Contains(kind, "author") || kind == "keywords" || kind == "key-words" || kind == "kwd"
}

func (r *articleReader) readKeywords(groups []*element) {
	for i, group := range groups {
		path := fmt.Sprintf("article-meta/kwd-group[%d]", i+1)
		var terms []string
		for _, kwd := range group.Elements() {
			switch kwd.Name {
			case "kwd":
				terms = append(terms, plainText(kwd))
			case "compound-kwd":
				terms = append(terms, plainText(kwd, "compound-kwd-part"))
			case "nested-kwd":
				for _, nested := range kwd.Descendants("kwd") {
					terms = append(terms, plainText(nested))
				}
			}
		}
		terms = cleanAll(terms)
		if len(terms) == 0 {
			continue
		}
		kind := group.Attr("kwd-group-type")
		if lang := group.Attr("lang"); lang != "" && r.article.Language != "" && !sameLanguage(lang, r.article.Language) {
			r.warn(path, "keywords in %s %q not kept: the article is in %s", lang, terms, r.article.Language)
			continue
		}
		if !keptKeywordGroup(kind) {
			r.warn(path, "terms of type %s %q not kept as keywords", kind, terms)
			continue
		}
		for _, term := range terms {
			if !slices.Contains(r.article.Keywords, term) {
				r.article.Keywords = append(r.article.Keywords, term)
			}
		}
	}
}

// sameLanguage compares the primary language subtags of two tags.
func sameLanguage(a, b string) bool {
	primary := func(tag string) string {
		head, _, _ := strings.Cut(tag, "-")
		return strings.ToLower(head)
	}
	return primary(a) == primary(b)
}

// citationNames are the citation elements of a ref, in order of
// preference.
var citationNames = []string{"mixed-citation", "element-citation", "nlm-citation", "citation"}

// citationSpaced are the citation parts that stand apart from their
// neighbours as words; in an element-citation every part does.
var citationSpaced = []string{"surname", "given-names", "prefix", "suffix", "name", "string-name", "collab", "etal"}

func (r *articleReader) readReferences(back *element) {
	for i, ref := range back.Descendants("ref-list") {
		for j, entry := range ref.Descendants("ref") {
			path := fmt.Sprintf("back/ref-list[%d]/ref[%d]", i+1, j+1)
			r.readReference(entry, path)
		}
	}
}

func (r *articleReader) readReference(ref *element, path string) {
	var citations []*element
	for _, name := range citationNames {
		citations = append(citations, ref.Descendants(name)...)
	}
	var citation *element
	if len(citations) > 0 {
		citation = citations[0]
	}
	if len(citations) > 1 {
		r.warn(path, "%d other citation(s) in the same reference not kept", len(citations)-1)
	}
	var reference ld.Reference
	if id := findPubID(ref, "doi"); id != "" {
		doi, err := ident.NormalizeDOI(id)
		if err != nil {
			r.warn(path+"/pub-id", "DOI dropped: %v", err)
		} else {
			reference.DOI = doi
		}
	}
	for _, name := range []string{"ext-link", "uri"} {
		for _, link := range ref.Descendants(name) {
			href := orDefault(link.Attr("href"), plainText(link))
			if reference.DOI == "" && looksLikeDOI(href) {
				reference.DOI, _ = ident.NormalizeDOI(href)
				continue
			}
			if reference.URL != "" || looksLikeDOI(href) {
				continue
			}
			if url, err := ident.CheckHTTPURL(href); err == nil {
				reference.URL = url
			}
		}
	}
	if citation != nil {
		content := *citation
		content.Children = slices.DeleteFunc(slices.Clone(citation.Children), func(c *element) bool { return c.Name == "label" })
		if citation.Name == "mixed-citation" {
			reference.Text = plainText(&content, citationSpaced...)
		} else {
			reference.Text = plainText(&content, citationPartNames(citation)...)
		}
	}
	if reference == (ld.Reference{}) {
		r.warn(path, "empty reference not kept")
		return
	}
	r.article.References = append(r.article.References, reference)
}

// citationPartNames lists the parts of a structured citation that stand
// apart as words, since an element-citation has no punctuation between
// them: its children, the names of its person-groups and their parts.
// Inline markup such as <sub> stays joined to its word.
func citationPartNames(citation *element) []string {
	var parts []string
	for _, child := range citation.Elements() {
		parts = append(parts, child.Name)
		if child.Name == "person-group" {
			for _, name := range child.Elements() {
				parts = append(parts, name.Name)
			}
		}
	}
	parts = append(parts, citationSpaced...)
	return slices.DeleteFunc(parts, func(name string) bool { return inlineMarkup[name] })
}

// inlineMarkup are the JATS elements that style text within a word.
var inlineMarkup = map[string]bool{
	"italic": true, "bold": true, "sub": true, "sup": true, "sc": true,
	"underline": true, "overline": true, "strike": true, "monospace": true,
	"roman": true, "sans-serif": true, "styled-content": true,
	"inline-formula": true, "math": true,
}

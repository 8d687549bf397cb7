package ris

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Read reads every record in data; file names the input in errors.
// It returns an error only when the input as a whole cannot be read
// (not this format at all, truncated JSON or XML). A bad entry in a
// multi-record input becomes a reader.Record with Err set, and the other
// entries are still returned.
func Read(data []byte, file string) ([]reader.Record, error) {
	src, repairs := text.DecodeInput(data)
	raws := split(src, file)
	if len(raws) == 0 {
		return nil, fmt.Errorf("%s: ris: no TY line: not RIS", ld.Position{File: file}.String())
	}
	records := make([]reader.Record, len(raws))
	for i, raw := range raws {
		var record reader.Record
		if raw.err != nil {
			record = reader.Record{Pos: raw.pos, Err: raw.err}
		} else {
			record = build(raw)
		}
		record.Index = i
		for j := len(repairs) - 1; j >= 0; j-- {
			record.Warnings = append([]reader.Warning{{Path: "TY", Msg: repairs[j]}}, record.Warnings...)
		}
		records[i] = record
	}
	return records, nil
}

// Sniff reports whether data looks like this format; it looks at no more
// than the first 4 KiB and is cheap.
func Sniff(data []byte) bool {
	raw := data[:min(len(data), 4096)]
	if decoded, ok, err := text.FromUTF16(raw[:len(raw)&^1]); ok && err == nil {
		raw = decoded // UTF-16, by its byte-order mark
	}
	head := strings.TrimPrefix(string(raw), "\uFEFF")
	for _, line := range strings.Split(head, "\n") {
		line = strings.TrimRight(line, "\r")
		kind, tag, _ := classify(line)
		switch {
		case kind == goodTagLine:
			return tag == "TY"
		case kind == blankLine:
		case strings.ContainsAny(line[:1], "<{[@"):
			// Markup, JSON or BibTeX before any tag.
			return false
		}
	}
	return false
}

// articleTypes are the TY values that are journal articles.
var articleTypes = map[string]bool{"JOUR": true, "JFULL": true, "EJOUR": true, "ABST": true, "INPR": true}

// builder makes one article from one record.
type builder struct {
	file     string
	article  ld.Article
	warnings []reader.Warning
	errs     ld.ErrorList

	titles, journals, abbreviations, publishers, places []tagLine
	abstracts, urls, dates                              []tagLine
	doi                                                 *tagLine
	issns                                               []ld.ISSN
	kind                                                string               // TY, upper case
	work                                                map[string][]tagLine // readWorkTag
}

// unknownTag reports a tag the model does not hold.
func (b *builder) unknownTag(l tagLine) {
	if name, known := knownTags[l.tag]; known {
		b.warn(l.tag, "%s not held by the model: %q", name, text.Clean(l.value))
	} else {
		b.warn(l.tag, "unknown tag: %q not kept", text.Clean(l.value))
	}
}

// build maps the tags of a record to an article. Tags that depend on each
// other (the journal, the date, a DOI in a URL) are settled at the end.
func build(raw rawRecord) reader.Record {
	b := &builder{file: raw.pos.File, work: map[string][]tagLine{}}
	for _, msg := range raw.warnings {
		b.warn("ER", "%s", msg)
	}
	for _, l := range raw.lines {
		switch l.tag {
		case "TY":
			b.setWorkType(l)
		case "T2", "T3", "C1", "C3", "A2", "ED", "BT", "M3", "SN":
			switch {
			case b.readWorkTag(l):
			case l.tag == "SN":
				b.issn(l)
			case l.tag == "T2":
				b.journals = append(b.journals, l)
			default:
				b.unknownTag(l)
			}
		case "TI", "T1":
			b.titles = append(b.titles, l)
		case "AU", "A1":
			b.author(l)
		case "JF", "JO":
			b.journals = append(b.journals, l)
		case "JA", "J2", "J1":
			b.abbreviations = append(b.abbreviations, l)
		case "VL", "VO":
			b.single(l, &b.article.Volume)
		case "IS":
			b.single(l, &b.article.Issue)
		case "SP":
			b.startPage(l)
		case "EP":
			b.endPage(l)
		case "C7":
			b.single(l, &b.article.ArticleNumber)
		case "SE":
			b.single(l, &b.article.Section)
		case "DO":
			if b.doi != nil {
				b.warn(l.tag, "a second DOI %q: not kept", l.value)
				continue
			}
			b.doi = &l
		case "UR", "L1", "L2":
			b.urls = append(b.urls, l)
		case "PY", "Y1", "DA":
			b.dates = append(b.dates, l)
		case "PB":
			b.publishers = append(b.publishers, l)
		case "CY":
			b.places = append(b.places, l)
		case "LA":
			b.language(l)
		case "AB", "N2":
			b.abstracts = append(b.abstracts, l)
		case "KW":
			if keyword := text.Clean(l.value); keyword != "" {
				b.article.Keywords = append(b.article.Keywords, keyword)
			}
		default:
			b.unknownTag(l)
		}
	}
	b.finishTitle(raw)
	b.finishContainer()
	b.finishAbstract()
	b.finishDOI()
	b.finishURLs()
	b.finishDate()
	b.finishPages()
	record := reader.Record{Pos: raw.pos, Warnings: b.warnings}
	if err := b.errs.Err(); err != nil {
		record.Err = err
		return record
	}
	record.Article = &b.article
	return record
}

func (b *builder) warn(path, format string, args ...any) {
	b.warnings = append(b.warnings, reader.Warning{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) fail(l tagLine, format string, args ...any) {
	b.errs = append(b.errs, &ld.FieldError{Pos: ld.Position{File: b.file, Line: l.line, Column: 1}, Path: l.tag, Err: fmt.Errorf("ris: "+format, args...)})
}

// single sets a field that the record should give once.
func (b *builder) single(l tagLine, into *string) {
	value := text.Clean(l.value)
	switch {
	case value == "":
	case *into == "":
		*into = value
	case *into != value:
		b.warn(l.tag, "a second value %q: not kept", value)
	}
}

// richText converts a title or abstract: RIS is plain text, but exports
// carry the HTML or JATS markup of their source.
func richText(value string) string {
	if strings.Contains(value, "<jats:") {
		if converted, err := markup.FromJATS(value); err == nil {
			return converted
		}
	}
	return markup.FromHTML(value)
}

// author reads "Last, First", "Last, First, Suffix" or a name in natural
// order. A name that ends in a comma with nothing after it is how
// EndNote writes an organisation.
func (b *builder) author(l tagLine) {
	value := text.Clean(l.value)
	if org, ok := strings.CutSuffix(value, ","); ok && !strings.Contains(org, ",") {
		if org = strings.TrimSpace(org); org != "" {
			b.article.Authors = append(b.article.Authors, ld.Author{Kind: ld.OrganizationAuthor, Name: org})
			return
		}
	}
	name := names.Parse(value)
	if name.Family == "" {
		name.Family, name.Given = name.Given, ""
	}
	if name.Family == "" {
		b.warn(l.tag, "empty author: not kept")
		return
	}
	b.article.Authors = append(b.article.Authors, ld.Author{Given: name.Given, Family: name.Family, Suffix: name.Suffix})
}

// qualifier is a parenthesis after an ISSN or ISBN: "(Print)",
// "(Electronic)", "(ISSN)".
var qualifier = regexp.MustCompile(`\(([^()]*)\)`)

// issnKinds are the qualifiers that name an ISSN's medium.
var issnKinds = map[string]ld.ISSNKind{
	"print": ld.PrintISSN, "electronic": ld.ElectronicISSN,
	"online": ld.ElectronicISSN, "linking": ld.LinkingISSN,
}

// issn reads one SN line, which may hold several ISSNs or ISBNs separated
// by ";", "," or spaces, each perhaps followed by a qualifier that names
// its medium.
func (b *builder) issn(l tagLine) {
	for _, piece := range strings.FieldsFunc(l.value, func(r rune) bool { return r == ';' || r == ',' }) {
		var kind ld.ISSNKind
		for _, m := range qualifier.FindAllStringSubmatch(piece, -1) {
			if k, ok := issnKinds[strings.ToLower(strings.TrimSpace(m[1]))]; ok {
				kind = k
			}
		}
		piece = qualifier.ReplaceAllString(piece, " ")
		for _, token := range strings.Fields(piece) {
			if label := strings.ToUpper(strings.TrimSuffix(token, ":")); label == "ISSN" || label == "EISSN" || label == "ISBN" {
				continue
			}
			issn, err := ident.NormalizeISSN(token)
			if err != nil {
				if isbn, isbnErr := ident.NormalizeISBN(token); isbnErr == nil {
					b.warn(l.tag, "ISBN %s not held by the model", isbn)
				} else {
					b.warn(l.tag, "dropped: %v", err)
				}
				continue
			}
			if issn != strings.ToUpper(token) {
				b.warn(l.tag, "ISSN %q written as %q", token, issn)
			}
			b.issns = append(b.issns, ld.ISSN{Value: issn, Kind: kind})
		}
	}
}

// pageSplit cuts a page range "14348-14363" (hyphen, en dash or "--").
var pageSplit = regexp.MustCompile(`^([^\s–—-]+)\s*[–—-]+\s*([^\s–—-]+)$`)

func (b *builder) startPage(l tagLine) {
	value := text.Clean(l.value)
	if m := pageSplit.FindStringSubmatch(value); m != nil {
		b.single(tagLine{tag: l.tag, value: m[1], line: l.line}, &b.article.FirstPage)
		b.single(tagLine{tag: l.tag, value: m[2], line: l.line}, &b.article.LastPage)
		return
	}
	b.single(l, &b.article.FirstPage)
}

func (b *builder) endPage(l tagLine) {
	value := text.Clean(l.value)
	if b.article.LastPage != "" && b.article.LastPage != value {
		b.warn(l.tag, "end page %q differs from the range in SP, which ends at %q: not kept", value, b.article.LastPage)
		return
	}
	b.single(l, &b.article.LastPage)
}

// finishPages checks that a numeric range is in order. A shortened range
// ("1234-56") is completed from the first page; a range that runs
// backwards keeps its first page.
func (b *builder) finishPages() {
	first, last := b.article.FirstPage, b.article.LastPage
	if !isDigits(first) || !isDigits(last) || compareNumbers(first, last) <= 0 {
		if last != "" && first == "" {
			b.warn("EP", "end page %q without a start page: not kept", last)
			b.article.LastPage = ""
		}
		return
	}
	if len(last) < len(first) {
		full := first[:len(first)-len(last)] + last
		if compareNumbers(first, full) <= 0 {
			b.warn("EP", "shortened end page %q read as %q", last, full)
			b.article.LastPage = full
			return
		}
	}
	b.warn("EP", "end page %q comes before start page %q: not kept", last, first)
	b.article.LastPage = ""
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// compareNumbers compares two non-negative decimal numbers of any length.
func compareNumbers(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

func (b *builder) language(l tagLine) {
	value := text.Clean(l.value)
	tag := text.Language(value)
	switch {
	case tag == "":
		b.warn(l.tag, "dropped: %q is neither a BCP 47 tag nor a known language name", value)
	case b.article.Language == "":
		b.article.Language = tag
	case b.article.Language != tag:
		b.warn(l.tag, "a second language %q: not kept", value)
	}
}

// finishTitle takes the first title; a record without one is rejected.
func (b *builder) finishTitle(raw rawRecord) {
	for _, l := range b.titles {
		title := richText(l.value)
		switch {
		case title == "":
		case b.article.Title == "":
			b.article.Title = title
		case title != b.article.Title:
			b.warn(l.tag, "a second title %q: not kept", title)
		}
	}
	if b.article.Title == "" {
		at := tagLine{tag: "TI", line: raw.pos.Line}
		if len(b.titles) > 0 {
			at = b.titles[0]
		}
		b.fail(at, "the record has no title (TI or T1)")
	}
}

// finishJournal names the journal from JF, then JO, then T2, and takes
// its abbreviation from JA, J2 or J1. Without a title there is no journal,
// and its other parts are reported.
func (b *builder) finishJournal() {
	title := firstByTag(b.journals, "JF", "JO", "T2")
	abbreviation := firstByTag(b.abbreviations, "JA", "J2", "J1")
	for _, l := range b.journals {
		if v := text.Clean(l.value); v != title && v != abbreviation {
			b.warn(l.tag, "another journal name %q: not kept", v)
		}
	}
	for _, l := range b.abbreviations {
		if v := text.Clean(l.value); v != abbreviation {
			b.warn(l.tag, "another journal abbreviation %q: not kept", v)
		}
	}
	publisher := firstByTag(b.publishers, "PB")
	place := firstByTag(b.places, "CY")
	for _, extra := range [][]tagLine{b.publishers, b.places} {
		for _, l := range extra[min(1, len(extra)):] {
			b.warn(l.tag, "a second value %q: not kept", text.Clean(l.value))
		}
	}
	if title == "" {
		if abbreviation != "" {
			b.warn(b.abbreviations[0].tag, "journal abbreviation %q without a journal name: not kept", abbreviation)
		}
		if len(b.issns) > 0 {
			b.warn("SN", "not kept: the model holds ISSNs only for a journal, and the record names none")
		}
		b.workPublisher() // a publisher without a journal is the work's
		return
	}
	journal := &ld.Journal{Title: title, Abbreviation: abbreviation, ISSNs: b.issns}
	if publisher != "" {
		journal.Publisher = &ld.Publisher{Name: publisher}
		if place != "" {
			journal.Publisher.Address = &ld.Address{City: place}
		}
	} else if place != "" {
		b.warn("CY", "place %q not kept: the record names no publisher", place)
	}
	b.article.Journal = journal
}

// firstByTag returns the cleaned value of the first line with the first
// tag of tags that occurs.
func firstByTag(lines []tagLine, tags ...string) string {
	for _, tag := range tags {
		for _, l := range lines {
			if l.tag == tag {
				if v := text.Clean(l.value); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// finishAbstract takes AB, or N2 when there is no AB.
func (b *builder) finishAbstract() {
	abstract := firstByTag(b.abstracts, "AB", "N2")
	if abstract == "" {
		return
	}
	for _, l := range b.abstracts {
		if v := text.Clean(l.value); v != abstract && v != "" {
			b.warn(l.tag, "a second abstract: not kept")
		}
	}
	for _, l := range b.abstracts {
		if text.Clean(l.value) == abstract {
			b.article.Abstract = richText(l.value)
			return
		}
	}
}

func (b *builder) finishDOI() {
	if b.doi == nil {
		return
	}
	doi, err := ident.NormalizeDOI(text.Clean(b.doi.value))
	if err != nil {
		b.warn(b.doi.tag, "dropped: %v", err)
		return
	}
	b.article.DOI = doi
}

// finishURLs sorts the links: a doi.org link gives the DOI when DO is
// absent, a PDF link (and every L1) is a file, L2 is a full-text file, and
// the first other UR is the landing page.
//
// A line may hold several links, separated by white space or ";". A
// piece that does not start a new absolute URL ("scheme://") continues
// the one before it, whose space it holds: the space is percent-encoded
// with a warning, and a URL that is then not valid is rejected whole, never
// cut at the space ("http://exa mple.org" must not become "http://exa").
func (b *builder) finishURLs() {
	for _, l := range b.urls {
		var links []string
		for i, piece := range strings.Split(l.value, ";") {
			for j, token := range strings.Fields(piece) {
				switch {
				case len(links) == 0 || strings.Contains(token, "://") || strings.HasPrefix(strings.ToLower(token), "doi:"):
					links = append(links, token)
				case i > 0 && j == 0 && !strings.HasPrefix(piece, " "):
					links[len(links)-1] += ";" + token // a ";" inside the URL
				default:
					b.warn(l.tag, "the space in %q encoded as %%20", links[len(links)-1]+" "+token)
					links[len(links)-1] += "%20" + token
				}
			}
		}
		for _, value := range links {
			b.link(l, value)
		}
	}
}

func (b *builder) link(l tagLine, value string) {
	if l.tag == "UR" && isDOIURL(value) {
		doi, err := ident.NormalizeDOI(value)
		switch {
		case err != nil:
			b.warn(l.tag, "dropped: %v", err)
		case b.article.DOI == "":
			b.article.DOI = doi
		case !strings.EqualFold(doi, b.article.DOI):
			b.warn(l.tag, "DOI link %q differs from DO %q: not kept", value, b.article.DOI)
		}
		return
	}
	url, err := ident.CheckHTTPURL(value)
	if err != nil {
		b.warn(l.tag, "dropped: %v", err)
		return
	}
	switch {
	case l.tag == "L1" || looksLikePDF(url):
		b.article.Files = append(b.article.Files, ld.File{URL: url, MediaType: "application/pdf"})
	case l.tag == "L2":
		b.article.Files = append(b.article.Files, ld.File{URL: url})
	case b.article.URL == "":
		b.article.URL = url
	case b.article.URL != url:
		b.warn(l.tag, "another link %q: not kept", url)
	}
}

func isDOIURL(value string) bool {
	lower := strings.ToLower(value)
	for _, prefix := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"} {
		if strings.HasPrefix(lower, prefix) {
			return true
		}
	}
	return false
}

// looksLikePDF reports whether a URL's path ends in ".pdf".
func looksLikePDF(url string) bool {
	path, _, _ := strings.Cut(url, "?")
	path, _, _ = strings.Cut(path, "#")
	return strings.HasSuffix(strings.ToLower(path), ".pdf")
}

// isoShape is a numeric date whose parts may be out of range: a date of
// that shape that does not parse does not exist.
var isoShape = regexp.MustCompile(`^\d{4}([-/]\d{1,2}([-/]\d{1,2})?)?/?$`)

// yearRange matches a year and a year or two digits joined by a dash:
// "1984 - 1985", "1984-85"; isYearRange tells "1984-85" from "2014-08".
var yearRange = regexp.MustCompile(`^(\d{4})\s*[-–—]\s*(\d{2}|\d{4})$`)

// isYearRange reports whether the second part of a yearRange match is a
// later year: four digits after the first, or two digits that are no
// month (13 to 99) and come after the first year's last two.
func isYearRange(first, second string) bool {
	a, _ := strconv.Atoi(first)
	b, _ := strconv.Atoi(second)
	if len(second) == 4 {
		return b > a
	}
	return b > 12 && b > a%100
}

// risDate reads the RIS form "YYYY/MM/DD/other info", in which every part
// but the year may be empty, or any form package dates knows. The other
// info is returned for a warning. impossible is set for a numeric date
// that does not exist.
func risDate(value string) (d ld.Date, other string, impossible bool, err error) {
	value = strings.TrimSpace(value)
	if m := yearRange.FindStringSubmatch(value); m != nil && isYearRange(m[1], m[2]) {
		// "1984 - 1985": a work published over two years; the first is
		// its publication year, the rest is reported.
		d, err = dates.Parse(m[1])
		return d, "year range " + value + ": the first year is kept", false, err
	}
	if parts := strings.SplitN(value, "/", 4); len(parts) > 1 {
		// "2014/", "2014/08/18" and "2014/08/18/Spring" in the full form.
		for len(parts) < 4 {
			parts = append(parts, "")
		}
		value, other = strings.Join(parts[:3], "/")+"/", strings.TrimSpace(parts[3])
	}
	d, err = dates.Parse(value)
	if err != nil {
		return ld.Date{}, other, isoShape.MatchString(value), err
	}
	return d, other, false, nil
}

// finishDate reads PY (or its older form Y1) as the publication date and
// lets DA make it more precise when the two agree. A date that does not
// exist rejects the record; text that is no date is reported.
func (b *builder) finishDate() {
	var primary ld.Date
	var primaryLine tagLine
	for _, l := range b.dates {
		if text.Clean(l.value) == "" {
			continue
		}
		d, other, impossible, err := risDate(l.value)
		switch {
		case strings.HasPrefix(other, "year range "):
			b.warn(l.tag, "%s", other)
		case other != "":
			b.warn(l.tag, "date information %q not held by the model", other)
		}
		switch {
		case impossible:
			b.fail(l, "date %q does not exist: %v", text.Clean(l.value), err)
			continue
		case err != nil && !primary.IsZero():
			// "DA  - July" beside "PY  - 1948".
			if withYear, yearErr := dates.Parse(fmt.Sprintf("%s %04d", text.Clean(l.value), primary.Year)); yearErr == nil {
				d, err = withYear, nil
			}
		}
		switch {
		case err != nil:
			b.warn(l.tag, "not a date: %q", text.Clean(l.value))
		case primary.IsZero():
			primary, primaryLine = d, l
		case refines(d, primary):
			primary = d
		case !refines(primary, d):
			b.warn(l.tag, "date %s disagrees with %s %s: not kept", d, primaryLine.tag, primary)
		}
	}
	b.article.Dates.Published = primary
}

// refines reports whether d says everything coarse says and more, or the
// same.
func refines(d, coarse ld.Date) bool {
	return d.Year == coarse.Year &&
		(coarse.Month == 0 || d.Month == coarse.Month) &&
		(coarse.Day == 0 || d.Day == coarse.Day)
}

// knownTags are the tags of the RIS specifications (2011 and before) with
// what they hold, for the warnings about tags the model cannot hold.
var knownTags = map[string]string{
	"TY": "reference type", "ER": "end of record",
	"A1": "author", "A2": "secondary author or editor", "A3": "tertiary author",
	"A4": "subsidiary author", "AU": "author", "ED": "editor",
	"AB": "abstract", "N2": "abstract", "AD": "author address",
	"AN": "accession number", "AV": "availability", "BT": "book title",
	"C1": "custom field 1", "C2": "custom field 2", "C3": "custom field 3",
	"C4": "custom field 4", "C5": "custom field 5", "C6": "custom field 6",
	"C7": "article number", "C8": "custom field 8", "CA": "caption",
	"CN": "call number", "CP": "city or issue", "CT": "title of unpublished work",
	"CY": "place published", "DA": "date", "DB": "database name",
	"DO": "DOI", "DP": "database provider", "EP": "end page",
	"ET": "edition", "ID": "reference ID", "IS": "issue",
	"J1": "journal abbreviation", "J2": "alternate title",
	"JA": "journal abbreviation", "JF": "journal name", "JO": "journal name",
	"KW": "keyword", "L1": "file attachment", "L2": "full-text link",
	"L3": "related records", "L4": "image", "LA": "language",
	"LB": "label", "LK": "website link", "M1": "miscellaneous 1",
	"M2": "miscellaneous 2", "M3": "type of work", "N1": "note",
	"NV": "number of volumes", "OP": "original publication",
	"PB": "publisher", "PP": "place published", "PY": "publication year",
	"RI": "reviewed item", "RN": "research notes", "RP": "reprint edition",
	"SE": "section", "SN": "ISSN or ISBN", "SP": "start page",
	"ST": "short title", "T1": "title", "T2": "secondary title",
	"T3": "tertiary title", "TA": "translated author", "TI": "title",
	"TT": "translated title", "U1": "user field 1", "U2": "user field 2",
	"U3": "user field 3", "U4": "user field 4", "U5": "user field 5",
	"UR": "URL", "VL": "volume", "VO": "volume", "Y1": "primary date",
	"Y2": "access date",
}

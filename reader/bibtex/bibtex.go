package bibtex

import (
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	licences "github.com/scholarld/scholarld/reader/internal/license"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// Read reads every record in data; file names the input in errors.
// It returns an error only when the input as a whole cannot be read
// (not this format at all, truncated JSON or XML). A bad entry in a
// multi-record input becomes a reader.Record with Err set, and the other
// entries are still returned.
func Read(data []byte, file string) ([]reader.Record, error) {
	return read(data, file, nil)
}

// read is Read with macros defined before data (by @string entries of
// earlier chunks).
func read(data []byte, file string, macros map[string]string) ([]reader.Record, error) {
	src, repairs := text.DecodeInput(data)
	p := newParser(src, file)
	maps.Copy(p.macros, macros)
	var records []reader.Record
	entries := 0
	for p.nextEntry() >= 0 {
		start := p.off
		entries++
		e, err := p.parseEntry()
		if err != nil {
			records = append(records, reader.Record{Index: len(records), Pos: p.lines.Position(start), Err: err})
			p.resync(start)
			continue
		}
		if e == nil {
			continue
		}
		record := build(e)
		record.Index = len(records)
		record.Warnings = append(inputWarnings("@"+e.kind, repairs), record.Warnings...)
		records = append(records, record)
	}
	if entries == 0 {
		return nil, fmt.Errorf("%s: bibtex: no @entries: not BibTeX", ld.Position{File: file}.String())
	}
	return records, nil
}

// inputWarnings reports the repairs text.DecodeInput made to the input,
// in each record, at path.
func inputWarnings(path string, repairs []string) []reader.Warning {
	warnings := make([]reader.Warning, len(repairs))
	for i, msg := range repairs {
		warnings[i] = reader.Warning{Path: path, Msg: msg}
	}
	return warnings
}

// sniffEntry matches the start of an entry at the start of a line.
var sniffEntry = regexp.MustCompile(`(?m)^[ \t]*@[A-Za-z]+[ \t]*[{(]`)

// Sniff reports whether data looks like this format; it looks at no more
// than the first 4 KiB and is cheap.
func Sniff(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if decoded, ok, err := text.FromUTF16(head[:len(head)&^1]); ok && err == nil {
		head = decoded
	}
	head = trimBOM(head)
	trimmed := strings.TrimLeft(string(head), " \t\r\n")
	if trimmed == "" || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '<' {
		return false
	}
	at := sniffEntry.FindIndex(head)
	// Text before the first entry is a comment, but markup there means an
	// HTML or XML page that merely mentions BibTeX.
	return at != nil && !strings.ContainsRune(string(head[:at[0]]), '<')
}

func trimBOM(data []byte) []byte {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return data[3:]
	}
	return data
}

// builder makes one article from one entry.
type builder struct {
	article  ld.Article
	warnings []reader.Warning
	errs     ld.ErrorList
	seen     map[string]bool

	journal, journalTitle, shortJournal, publisher, place *field
	issns                                                 []ld.ISSN
	year, month, day, date                                *field
	orcids                                                []*field
	number                                                *field            // of an entry that is not an article
	work                                                  map[string]*field // workFields
}

// build maps the fields of an entry to an article. Each field is read
// where it stands; what depends on several fields (the journal, the date,
// ORCID annotations on the authors) is settled at the end.
func build(e *entry) reader.Record {
	b := &builder{seen: map[string]bool{}, warnings: e.warnings, work: map[string]*field{}}
	b.setWorkType(e)
	var title *field
	for i := range e.fields {
		f := &e.fields[i]
		if b.seen[f.name] {
			b.warn(f.name, "repeated field: only the first is read")
			continue
		}
		b.seen[f.name] = true
		switch {
		case f.name == "title":
			title = f
			b.article.Title = b.markup(f)
		case f.name == "author":
			b.authors(f)
		case f.name == "author+an" || strings.HasPrefix(f.name, "author+an:"):
			b.orcids = append(b.orcids, f)
		case f.name == "journaltitle":
			b.journalTitle = f
		case f.name == "journal":
			b.journal = f
		case f.name == "shortjournal":
			b.shortJournal = f
		case f.name == "issn":
			b.issn(f)
		case f.name == "volume":
			b.article.Volume = b.plain(f)
		case f.name == "number" && e.kind != "article" && e.kind != "periodical":
			// BibTeX's number is the issue of a journal only; in a
			// @techreport, @book or @inproceedings it numbers the report
			// or the work in its series.
			b.number = f
		case workFields[f.name]:
			b.work[f.name] = f
		case f.name == "number" || f.name == "issue":
			b.issue(f)
		case f.name == "pages":
			b.pages(f)
		case f.name == "eid":
			b.article.ArticleNumber = b.plain(f)
		case f.name == "doi":
			b.doi(f)
		case f.name == "url":
			b.url(f)
		case f.name == "year":
			b.year = f
		case f.name == "month":
			b.month = f
		case f.name == "day":
			b.day = f
		case f.name == "date":
			b.date = f
		case f.name == "publisher":
			b.publisher = f
		case f.name == "address" || f.name == "location":
			b.place = f
		case f.name == "langid" || f.name == "language":
			b.language(f)
		case f.name == "abstract":
			b.article.Abstract = b.markup(f)
		case f.name == "keywords":
			b.keywords(f)
		case f.name == "file":
			b.file(f)
		case f.name == "copyright" || f.name == "license" || f.name == "licence":
			b.license(f)
		case f.name == "note":
			b.warn(f.name, "note not held by the model: %q", b.plain(f))
		default:
			b.warn(f.name, "field not held by the model: %q", b.plain(f))
		}
	}
	b.finishContainer(e.kind)
	b.finishDate()
	b.finishORCIDs()
	if strings.TrimSpace(b.article.Title) == "" {
		pos := e.pos
		if title != nil {
			pos = title.pos
		}
		b.errs = append(b.errs, &ld.FieldError{Pos: pos, Path: "title", Err: fmt.Errorf("bibtex: entry %q has no title", e.key)})
	}
	record := reader.Record{Pos: e.pos, Warnings: b.warnings}
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

func (b *builder) fail(f *field, format string, args ...any) {
	b.errs = append(b.errs, &ld.FieldError{Pos: f.pos, Path: f.name, Err: fmt.Errorf("bibtex: "+format, args...)})
}

// latexWarner reports unknown LaTeX commands of field f.
func (b *builder) latexWarner(f *field) func(string) {
	return func(msg string) { b.warn(f.name, "%s", msg) }
}

func (b *builder) plain(f *field) string { return decodePlain(f.value, b.latexWarner(f)) }

func (b *builder) markup(f *field) string { return decodeMarkup(f.value, b.latexWarner(f)) }

// verbatim reads an identifier or a URL: braces and commands (\url{...})
// go, escaped characters lose their backslash, and nothing else is
// decoded.
func verbatim(value string) string {
	var out strings.Builder
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case c == '{' || c == '}':
		case c == '\\' && i+1 < len(value) && isLetter(value[i+1]):
			for i+1 < len(value) && isLetter(value[i+1]) {
				i++
			}
		case c == '\\' && i+1 < len(value):
			i++
			out.WriteByte(value[i])
		default:
			out.WriteByte(c)
		}
	}
	return strings.TrimSpace(out.String())
}

// authors splits the author list on "and" outside braces. A name wholly in
// braces is an organisation; "others" ends a shortened list.
func (b *builder) authors(f *field) { b.article.Authors = append(b.article.Authors, b.names(f)...) }

// names reads a list of names (author, editor).
func (b *builder) names(f *field) []ld.Author {
	var list []ld.Author
	for i, raw := range splitAnd(f.value) {
		raw = strings.TrimSpace(raw)
		switch {
		case raw == "":
			b.warn(f.name, "name %d is empty", i+1)
			continue
		case raw == "others":
			b.warn(f.name, "the list ends with \"and others\": further authors are not named")
			continue
		}
		warn := b.latexWarner(f)
		if inner, ok := wholeGroup(raw); ok {
			if name := decodePlain(inner, warn); name != "" {
				list = append(list, ld.Author{Kind: ld.OrganizationAuthor, Name: name})
			} else {
				b.warn(f.name, "name %d %q holds no letters: not kept", i+1, raw)
			}
			continue
		}
		name := parseName(raw, warn)
		if name.Family == "" {
			// ", John" or "{}, John": what there is goes where a mononym goes.
			name.Family, name.Given = name.Given, ""
		}
		if name.Family == "" {
			b.warn(f.name, "name %d %q holds no letters: not kept", i+1, raw)
			continue
		}
		list = append(list, ld.Author{Given: name.Given, Family: name.Family, Suffix: name.Suffix})
	}
	return list
}

// parseName reads one BibTeX name: "First von Last", "von Last, First" or
// "von Last, Jr, First" ("Last, First, Jr" too, when Jr is a known
// suffix). Braces keep words together: in "Per {Brinch Hansen}" the family
// name is Brinch Hansen, and in "{Barnes, Inc}, Ann" it is Barnes, Inc.
func parseName(raw string, warn func(string)) names.Name {
	parts := splitTopLevel(raw, func(c byte) bool { return c == ',' })
	protectedComma := false
	for i := range parts {
		parts[i] = decodePlain(parts[i], warn)
		protectedComma = protectedComma || strings.Contains(parts[i], ",")
	}
	switch {
	case len(parts) == 1:
		words := nonEmpty(splitTopLevel(raw, isSpace))
		if len(words) > 1 && strings.ContainsAny(strings.TrimSpace(words[len(words)-1]), " \t\n") {
			// A braced last word of several words is the family name.
			return names.Name{
				Given:  decodePlain(strings.Join(words[:len(words)-1], " "), warn),
				Family: decodePlain(words[len(words)-1], warn),
			}
		}
		return names.Parse(parts[0])
	case len(parts) == 2 && !protectedComma:
		return names.Parse(parts[0] + ", " + parts[1])
	case len(parts) == 2:
		return names.Name{Given: parts[1], Family: parts[0]}
	}
	if !protectedComma {
		if name := names.Parse(strings.Join(parts, ", ")); name.Suffix != "" {
			return name
		}
	}
	// BibTeX's own order, whatever the middle part says; more commas than
	// that are a mistake whose extra parts stay with the first name.
	return names.Name{Family: parts[0], Suffix: parts[1], Given: strings.Join(parts[2:], ", ")}
}

// splitAnd splits a name list on the word "and" (any case) outside braces.
func splitAnd(value string) []string {
	return splitOutsideBraces(value, func(i int) int {
		if isSpace(value[i]) && i+4 < len(value) && strings.EqualFold(value[i+1:i+4], "and") && isSpace(value[i+4]) {
			return 5
		}
		return 0
	})
}

// splitTopLevel splits value at the bytes sep accepts outside braces.
func splitTopLevel(value string, sep func(byte) bool) []string {
	return splitOutsideBraces(value, func(i int) int {
		if sep(value[i]) {
			return 1
		}
		return 0
	})
}

// splitOutsideBraces splits value where, outside braces, separator(i)
// gives the length of a separator starting at byte i (0 for none).
func splitOutsideBraces(value string, separator func(i int) int) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(value); i++ {
		switch c := value[i]; {
		case c == '{':
			depth++
		case c == '}':
			depth--
		case depth == 0:
			if n := separator(i); n > 0 {
				parts = append(parts, value[start:i])
				start = i + n
				i += n - 1
			}
		}
	}
	return append(parts, value[start:])
}

func nonEmpty(list []string) []string {
	var kept []string
	for _, s := range list {
		if strings.TrimSpace(s) != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// wholeGroup reports whether s is one brace group, {...} or {{...}}, that
// does not start with a command (as {\'E}mile does), and returns what is
// inside.
func wholeGroup(s string) (string, bool) {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return "", false
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && i != len(s)-1 {
				return "", false
			}
		}
	}
	inner := s[1 : len(s)-1]
	if strings.HasPrefix(inner, "\\") {
		return "", false
	}
	return inner, true
}

func (b *builder) issue(f *field) {
	value := b.plain(f)
	if b.article.Issue != "" && b.article.Issue != value {
		b.warn(f.name, "issue %q differs from the one already read, %q: not kept", value, b.article.Issue)
		return
	}
	b.article.Issue = value
}

// pageRange splits "14348--14363", "14348-14363" and "14348–14363"; the
// LaTeX dashes are decoded by then.
var pageRange = regexp.MustCompile(`^\s*([^\s–—-]+)\s*(?:[–—-]+\s*([^\s–—-]+))?\s*$`)

// pages reads a page or a page range. A shortened range ("1234--56") is
// completed from the first page; a range that runs backwards keeps its
// first page.
func (b *builder) pages(f *field) {
	value := b.plain(f)
	first, _, more := strings.Cut(value, ",")
	if more {
		b.warn(f.name, "pages %q are several ranges: only the first, %q, is kept", value, first)
	}
	m := pageRange.FindStringSubmatch(first)
	if m == nil {
		b.warn(f.name, "pages %q are not a page or a range of pages: not kept", value)
		return
	}
	start, end := m[1], m[2]
	if isDigits(start) && isDigits(end) && compareNumbers(start, end) > 0 {
		full := start[:max(len(start)-len(end), 0)] + end
		if len(end) < len(start) && compareNumbers(start, full) <= 0 {
			b.warn(f.name, "shortened end page %q read as %q", end, full)
			end = full
		} else {
			b.warn(f.name, "end page %q comes before start page %q: not kept", end, start)
			end = ""
		}
	}
	b.article.FirstPage, b.article.LastPage = start, end
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

func (b *builder) doi(f *field) {
	doi, err := ident.NormalizeDOI(verbatim(f.value))
	if err != nil {
		b.warn(f.name, "dropped: %v", err)
		return
	}
	b.article.DOI = doi
}

func (b *builder) url(f *field) {
	url, err := ident.CheckHTTPURL(verbatim(f.value))
	if err != nil {
		b.warn(f.name, "dropped: %v", err)
		return
	}
	if looksLikePDF(url) {
		b.article.Files = append(b.article.Files, ld.File{URL: url, MediaType: "application/pdf"})
		return
	}
	b.article.URL = url
}

// looksLikePDF reports whether a URL's path ends in ".pdf".
func looksLikePDF(url string) bool {
	path, _, _ := strings.Cut(url, "?")
	path, _, _ = strings.Cut(path, "#")
	return strings.HasSuffix(strings.ToLower(path), ".pdf")
}

// fileType is the trailing ":type" of a JabRef or Zotero file entry.
var fileType = regexp.MustCompile(`:([A-Za-z]+(?:/[A-Za-z0-9.+-]+)?)$`)

// file reads the JabRef and Zotero form "description:location:type" with
// entries separated by ";", and a bare URL. Only web locations can be
// kept; local paths are reported.
func (b *builder) file(f *field) {
	value := verbatim(f.value)
	for _, item := range strings.Split(value, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		kind := ""
		if m := fileType.FindStringSubmatchIndex(item); m != nil {
			kind = strings.ToLower(item[m[2]:m[3]])
			item = item[:m[0]]
		}
		start := strings.Index(item, "http://")
		if https := strings.Index(item, "https://"); https >= 0 && (start < 0 || https < start) {
			start = https
		}
		if start < 0 {
			b.warn(f.name, "file %q is not a web address: not kept", item)
			continue
		}
		url, err := ident.CheckHTTPURL(item[start:])
		if err != nil {
			b.warn(f.name, "dropped: %v", err)
			continue
		}
		file := ld.File{URL: url}
		if kind == "pdf" || kind == "application/pdf" || looksLikePDF(url) {
			file.MediaType = "application/pdf"
		}
		b.article.Files = append(b.article.Files, file)
	}
}

// license reads a licence: a URL (Crossref writes the licence URL in a
// copyright field) or a name, and any other copyright text as the
// copyright statement.
func (b *builder) license(f *field) {
	raw := verbatim(f.value)
	if url, err := ident.CheckHTTPURL(raw); err == nil && !strings.ContainsAny(raw, " \t\n") {
		b.setLicense(f, &ld.License{URL: url})
		return
	}
	value := b.plain(f)
	switch {
	case value == "":
		return
	case f.name == "copyright":
		b.article.Copyright = &ld.Copyright{Statement: value}
	default:
		if named, ok := licences.Recognise(value); ok {
			b.setLicense(f, &named)
			return
		}
		b.setLicense(f, &ld.License{Label: value})
	}
}

func (b *builder) setLicense(f *field, license *ld.License) {
	if b.article.License != nil {
		b.warn(f.name, "a second licence %q: not kept", f.value)
		return
	}
	b.article.License = license
}

func (b *builder) issn(f *field) {
	for _, token := range strings.FieldsFunc(verbatim(f.value), func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n'
	}) {
		issn, err := ident.NormalizeISSN(token)
		if err != nil {
			b.warn(f.name, "dropped: %v", err)
			continue
		}
		if issn != strings.ToUpper(token) {
			b.warn(f.name, "ISSN %q written as %q", token, issn)
		}
		b.issns = append(b.issns, ld.ISSN{Value: issn})
	}
}

// keywords splits on semicolons when there are any, else on commas.
func (b *builder) keywords(f *field) {
	value := b.plain(f)
	sep := ","
	if strings.Contains(value, ";") {
		sep = ";"
	}
	for _, keyword := range strings.Split(value, sep) {
		if keyword = text.Clean(keyword); keyword != "" {
			b.article.Keywords = append(b.article.Keywords, keyword)
		}
	}
}

func (b *builder) language(f *field) {
	if b.article.Language != "" {
		b.warn(f.name, "a second language %q: not kept", f.value)
		return
	}
	value := b.plain(f)
	if tag := languageTag(value); tag != "" {
		b.article.Language = tag
		return
	}
	b.warn(f.name, "dropped: %q is neither a BCP 47 tag nor a known language name", value)
}

// finishJournal builds the journal once every field is read; without a
// title there is no journal, and its other parts are reported.
func (b *builder) finishJournal() {
	title := ""
	switch {
	case b.journalTitle != nil:
		title = b.plain(b.journalTitle)
		if b.journal != nil && b.plain(b.journal) != title {
			b.warn(b.journal.name, "journal %q differs from journaltitle %q: not kept", b.plain(b.journal), title)
		}
	case b.journal != nil:
		title = b.plain(b.journal)
	}
	if title == "" {
		for _, f := range []*field{b.shortJournal, b.publisher, b.place} {
			if f != nil {
				b.warn(f.name, "not kept: the model holds it only for a journal, and the entry names none")
			}
		}
		if len(b.issns) > 0 {
			b.warn("issn", "not kept: the model holds ISSNs only for a journal, and the entry names none")
		}
		return
	}
	journal := &ld.Journal{Title: title, ISSNs: b.issns}
	if b.shortJournal != nil {
		journal.Abbreviation = b.plain(b.shortJournal)
	}
	if b.publisher != nil {
		journal.Publisher = &ld.Publisher{Name: b.plain(b.publisher)}
		if b.place != nil {
			journal.Publisher.Address = &ld.Address{City: b.plain(b.place)}
		}
	} else if b.place != nil {
		b.warn(b.place.name, "not kept: a place without a publisher")
	}
	b.article.Journal = journal
}

// isoDate is an ISO date in the form ld.ParseDate reads, with any number
// of digits so that an impossible month or day is an error, not a form
// the reader does not know.
var isoDate = regexp.MustCompile(`^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$`)

// finishDate reads the publication date from the BibLaTeX date field or
// from year, month and day. A date that does not exist rejects the entry;
// a value that is no date at all ("in press") is reported.
func (b *builder) finishDate() {
	if b.date != nil {
		value := b.plain(b.date)
		if start, _, isRange := strings.Cut(value, "/"); isRange {
			b.warn(b.date.name, "date range %q: only its start is kept", value)
			value = start
		}
		d, err := dates.Parse(value)
		switch {
		case err != nil && isoDate.MatchString(value):
			b.fail(b.date, "date %q does not exist: %v", value, err)
			return
		case err != nil:
			b.warn(b.date.name, "not a date: %q", value)
		default:
			b.article.Dates.Published = d
			b.compareWithDate(d)
			return
		}
	}
	withoutYear := func() {
		for _, f := range []*field{b.month, b.day} {
			if f != nil {
				b.warn(f.name, "not kept: a %s without a year", f.name)
			}
		}
	}
	if b.year == nil {
		withoutYear()
		return
	}
	yearText := b.plain(b.year)
	year, err := strconv.Atoi(yearText)
	switch {
	case err != nil:
		b.warn(b.year.name, "not a year: %q", yearText)
		withoutYear()
		return
	case len(yearText) != 4 || year < 1:
		b.fail(b.year, "year %q does not exist", yearText)
		return
	}
	d := ld.Date{Year: year}
	if b.month != nil {
		if d.Month = b.monthNumber(); d.Month < 0 {
			return
		}
	}
	if b.day != nil {
		dayText := b.plain(b.day)
		day, err := strconv.Atoi(dayText)
		switch {
		case err != nil:
			b.warn(b.day.name, "not a day: %q", dayText)
		case d.Month == 0:
			b.warn(b.day.name, "not kept: a day without a month")
		default:
			d.Day = day
		}
	}
	if err := d.Validate(); err != nil {
		f := b.year
		if d.Day != 0 {
			f = b.day
		}
		b.fail(f, "date does not exist: %v", err)
		return
	}
	b.article.Dates.Published = d
}

// monthNames are the month names and abbreviations BibTeX files use.
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthNumber reads the month field: a month macro, a name or a number.
// It returns 0 for a value that is not a month (reported) and -1 for a
// number that is no month (the entry is rejected).
func (b *builder) monthNumber() int {
	value := b.plain(b.month)
	n, ok := monthValue(value)
	switch {
	case ok:
		return n
	case n != 0:
		b.fail(b.month, "month %q does not exist", value)
		return -1
	}
	b.warn(b.month.name, "not a month: %q", value)
	return 0
}

// monthValue reads a month name, abbreviation or number. It returns the
// number and false for a number that is no month, and 0 and false for
// text that is no month.
func monthValue(value string) (int, bool) {
	value = strings.ToLower(strings.TrimSuffix(value, "."))
	if n, ok := monthNames[value]; ok {
		return n, true
	}
	n, err := strconv.Atoi(value)
	if err != nil {
		return 0, false
	}
	return n, n >= 1 && n <= 12
}

// compareWithDate reports year, month and day fields that say something
// else than the BibLaTeX date, which is the one kept.
func (b *builder) compareWithDate(d ld.Date) {
	if b.year != nil && b.plain(b.year) != fmt.Sprintf("%04d", d.Year) {
		b.warn(b.year.name, "year %q disagrees with date %s: not kept", b.plain(b.year), d)
	}
	if b.month != nil {
		if n, _ := monthValue(b.plain(b.month)); n != d.Month {
			b.warn(b.month.name, "month %q disagrees with date %s: not kept", b.plain(b.month), d)
		}
	}
	if b.day != nil {
		if n, _ := strconv.Atoi(b.plain(b.day)); n != d.Day {
			b.warn(b.day.name, "day %q disagrees with date %s: not kept", b.plain(b.day), d)
		}
	}
}

// finishORCIDs applies BibLaTeX name annotations once the authors are
// read: author+an:orcid = {1="0000-..."} or author+an = {1:orcid=0000-...}.
// Other annotations are reported.
func (b *builder) finishORCIDs() {
	for _, f := range b.orcids {
		_, set, _ := strings.Cut(f.name, ":")
		for _, item := range strings.Split(verbatim(f.value), ";") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			key, value, ok := strings.Cut(item, "=")
			value = strings.Trim(strings.TrimSpace(value), `"`)
			index, part, _ := strings.Cut(strings.TrimSpace(key), ":")
			n, err := strconv.Atoi(strings.TrimSpace(index))
			isORCID := strings.EqualFold(set, "orcid") || strings.EqualFold(strings.TrimSpace(part), "orcid")
			switch {
			case !ok || err != nil:
				b.warn(f.name, "annotation %q is not about one name: not kept", item)
				continue
			case !isORCID:
				b.warn(f.name, "annotation %q of name %d not held by the model", item, n)
				continue
			case n < 1 || n > len(b.article.Authors):
				b.warn(f.name, "ORCID %q for name %d, but the entry has %d authors: not kept", value, n, len(b.article.Authors))
				continue
			}
			orcid, err := ident.NormalizeORCID(value)
			if err != nil {
				b.warn(f.name, "dropped: %v", err)
				continue
			}
			b.article.Authors[n-1].ORCID = orcid
		}
	}
}

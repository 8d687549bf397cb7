package csl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	licences "github.com/scholarld/scholarld/reader/internal/license"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/text"
	"github.com/scholarld/scholarld/reader/textpos"
)

// errNotCSL is the cause when well-formed JSON is not CSL-JSON.
var errNotCSL = errors.New("not CSL-JSON")

var utf8BOM = []byte("\xef\xbb\xbf")

// Read reads every CSL-JSON item in data: one item object or a list of
// them. file names the input in errors.
//
// It returns an error only when the input as a whole cannot be read: not
// JSON (a *reader.SyntaxError with the line and column), or JSON that is neither
// an item nor a list. A bad item of a list becomes a Record with Err set,
// and the other items are still returned.
func Read(data []byte, file string) ([]reader.Record, error) {
	data, repairs := text.JSONInput(data)
	records, err := readJSON(data, file)
	for i := range records {
		for j := len(repairs) - 1; j >= 0; j-- {
			records[i].Warnings = append([]reader.Warning{{Path: "input", Msg: repairs[j]}}, records[i].Warnings...)
		}
	}
	return records, err
}

func readJSON(data []byte, file string) ([]reader.Record, error) {
	src := &input{Lines: textpos.New(data, file), data: data, file: file}
	start := 0
	if bytes.HasPrefix(data, utf8BOM) {
		start = len(utf8BOM)
	}
	root, err := src.parse(start)
	if err != nil {
		return nil, err
	}
	switch root.kind {
	case objectKind:
		if !looksLikeItem(root) {
			return nil, fmt.Errorf("%s: csl: %w: the object has none of the keys of a CSL item", src.Position(root.off), errNotCSL)
		}
		return []reader.Record{src.readItem(root, 0, "")}, nil
	case arrayKind:
		records := make([]reader.Record, 0, len(root.elems))
		for i, elem := range root.elems {
			prefix := fmt.Sprintf("[%d]", i)
			if elem.kind != objectKind {
				pos := src.Position(elem.off)
				records = append(records, reader.Record{Index: i, Pos: pos, Err: &ld.FieldError{
					Pos: pos, Path: prefix, Err: errors.New("csl: the item is not an object"),
				}})
				continue
			}
			records = append(records, src.readItem(elem, i, prefix+"."))
		}
		return records, nil
	}
	return nil, fmt.Errorf("%s: csl: %w: the JSON is neither an item nor a list of items", src.Position(root.off), errNotCSL)
}

// itemKeys are keys of which a CSL item has at least one.
var itemKeys = []string{"type", "title", "author", "issued", "DOI", "id", "container-title", "URL"}

func looksLikeItem(v *value) bool {
	return slices.ContainsFunc(itemKeys, func(key string) bool { return v.get(key) != nil })
}

const sniffLen = 4096

var (
	sniffCSLType     = regexp.MustCompile(`"type"\s*:\s*"(?:article|article-journal|article-magazine|article-newspaper|bill|book|broadcast|chapter|classic|collection|dataset|document|entry|entry-dictionary|entry-encyclopedia|event|figure|graphic|hearing|interview|legal_case|legislation|manuscript|map|motion_picture|musical_score|pamphlet|paper-conference|patent|performance|periodical|personal_communication|post|post-weblog|regulation|report|review|review-book|software|song|speech|standard|thesis|treaty|webpage)"`)
	sniffStringTitle = regexp.MustCompile(`"title"\s*:\s*"`)
	sniffListTitle   = regexp.MustCompile(`"title"\s*:\s*\[`)
	sniffIssued      = regexp.MustCompile(`"issued"\s*:\s*\{\s*"(?:date-parts|raw|literal)"`)
	sniffOther       = regexp.MustCompile(`"(?:@context|message-type|resourceTypeGeneral)"`)
)

// Sniff reports whether data looks like CSL-JSON. It reads at most the
// first 4 KiB: a JSON object or list holding a "type" from the CSL type
// list, or an "issued" date object and a title that is a string. Crossref
// REST JSON (a list for its title, message-type), JSON-LD (@context) and
// DataCite JSON (resourceTypeGeneral) are not CSL-JSON.
func Sniff(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	if decoded, ok, err := text.FromUTF16(head[:len(head)&^1]); ok && err == nil {
		head = decoded // UTF-16, by its byte-order mark
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || (head[0] != '{' && head[0] != '[') {
		return false
	}
	if sniffOther.Match(head) || sniffListTitle.Match(head) {
		return false
	}
	return sniffCSLType.Match(head) || (sniffIssued.Match(head) && sniffStringTitle.Match(head))
}

// input is one input being read: its bytes, its name, and its Position,
// which turns offsets into positions.
type input struct {
	*textpos.Lines[[]byte]
	data []byte
	file string
}

// valueKind is the JSON type of a value.
type valueKind byte

const (
	nullKind valueKind = iota
	boolKind
	numberKind
	stringKind
	arrayKind
	objectKind
)

// value is a JSON value with the offset where it starts in the input.
type value struct {
	kind valueKind
	off  int
	// str holds a string, or a number as written.
	str     string
	members []member // of an object, in input order
	elems   []*value // of an array
}

type member struct {
	key string
	val *value
}

// get returns the value of key in an object, the last one when the key is
// repeated (as encoding/json does), or nil.
func (v *value) get(key string) *value {
	if v == nil {
		return nil
	}
	for i := len(v.members) - 1; i >= 0; i-- {
		if v.members[i].key == key {
			return v.members[i].val
		}
	}
	return nil
}

// isEmpty reports whether v holds nothing: absent, null, "", [] or {}, or
// a list of such values.
func (v *value) isEmpty() bool {
	if v == nil {
		return true
	}
	switch v.kind {
	case nullKind:
		return true
	case stringKind:
		return text.Clean(v.str) == ""
	case objectKind:
		return len(v.members) == 0
	case arrayKind:
		for _, elem := range v.elems {
			if !elem.isEmpty() {
				return false
			}
		}
		return true
	}
	return false
}

// scalar returns a string or a number as text.
func (v *value) scalar() (string, bool) {
	if v != nil && (v.kind == stringKind || v.kind == numberKind) {
		return v.str, true
	}
	return "", false
}

// parse checks that the input is one JSON value and builds its tree.
func (s *input) parse(start int) (*value, error) {
	body := s.data[start:]
	if err := json.Unmarshal(body, new(json.RawMessage)); err != nil {
		var syntax *json.SyntaxError
		if !errors.As(err, &syntax) {
			return nil, fmt.Errorf("%s: csl: %w", s.file, err)
		}
		return nil, &reader.SyntaxError{Format: "csl", PosFirst: true, Pos: s.Position(start + textpos.JSONErrorOffset(syntax)), Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	b := builder{dec: dec, body: body, base: start}
	root, err := b.value()
	if err != nil {
		return nil, fmt.Errorf("%s: csl: %w", s.Position(start), err)
	}
	return root, nil
}

// builder turns the tokens of valid JSON into a value tree.
type builder struct {
	dec  *json.Decoder
	body []byte
	base int
}

// next returns the next token and the offset where it starts.
func (b *builder) next() (json.Token, int, error) {
	off := int(b.dec.InputOffset())
	for off < len(b.body) && strings.IndexByte(" \t\r\n,:", b.body[off]) >= 0 {
		off++
	}
	tok, err := b.dec.Token()
	return tok, b.base + off, err
}

func (b *builder) value() (*value, error) {
	tok, off, err := b.next()
	if err != nil {
		return nil, err
	}
	v := &value{off: off}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			v.kind = objectKind
			for b.dec.More() {
				keyTok, _, err := b.next()
				if err != nil {
					return nil, err
				}
				key, _ := keyTok.(string)
				child, err := b.value()
				if err != nil {
					return nil, err
				}
				v.members = append(v.members, member{key: key, val: child})
			}
		} else {
			v.kind = arrayKind
			for b.dec.More() {
				child, err := b.value()
				if err != nil {
					return nil, err
				}
				v.elems = append(v.elems, child)
			}
		}
		if _, _, err := b.next(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		v.kind, v.str = stringKind, t
	case json.Number:
		v.kind, v.str = numberKind, t.String()
	case bool:
		v.kind, v.str = boolKind, strconv.FormatBool(t)
	default:
		v.kind = nullKind
	}
	return v, nil
}

// item reads one CSL item into an article.
type item struct {
	src      *input
	obj      *value
	prefix   string // "[3]." inside a list, for error paths
	art      ld.Article
	warnings []reader.Warning
	errs     ld.ErrorList
	// affiliations maps an affiliation's name, department and ROR ID to
	// its ID, so that authors share one entry.
	affiliations map[string]string
}

func (it *item) warn(path, format string, args ...any) {
	it.warnings = append(it.warnings, reader.Warning{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// fail records a problem that rejects the item.
func (it *item) fail(path string, at *value, err error) {
	off := it.obj.off
	if at != nil {
		off = at.off
	}
	it.errs = append(it.errs, &ld.FieldError{Pos: it.src.Position(off), Path: it.prefix + path, Err: err})
}

// silentKeys carry nothing about the article: the item's key in its file.
var silentKeys = map[string]bool{"id": true, "citation-key": true}

// itemReaders read the keys the model holds, in this order.
var itemReaders = []struct {
	keys []string
	read func(*item)
}{
	{[]string{"type", "genre"}, (*item).readType},
	{[]string{"title"}, (*item).readTitle},
	{[]string{"author"}, (*item).readAuthors},
	{[]string{"container-title", "container-title-short", "short-container-title", "journalAbbreviation", "ISSN", "issn-type", "publisher", "publisher-place",
		"ISBN", "editor", "collection-title", "event-title", "event", "event-place", "event-date"}, (*item).readContainer},
	{[]string{"volume", "issue"}, (*item).readVolumeIssue},
	{[]string{"page", "page-first", "number", "article-number"}, (*item).readPages},
	{[]string{"DOI", "URL"}, (*item).readIdentifiers},
	{[]string{"issued", "published", "published-online", "available-date", "published-print", "submitted", "accessed"}, (*item).readDates},
	{[]string{"language"}, (*item).readLanguage},
	{[]string{"abstract"}, (*item).readAbstract},
	{[]string{"keyword", "categories"}, (*item).readKeywords},
	{[]string{"license"}, (*item).readLicense},
	{[]string{"section"}, (*item).readSection},
	{[]string{"reference"}, (*item).readReferences},
}

func (s *input) readItem(obj *value, index int, prefix string) reader.Record {
	it := &item{src: s, obj: obj, prefix: prefix}
	known := map[string]bool{}
	for _, r := range itemReaders {
		for _, key := range r.keys {
			known[key] = true
		}
		r.read(it)
	}
	seen := map[string]bool{}
	for _, m := range obj.members {
		path := m.key
		if path == "" {
			path = `""` // the empty key, named so that the path is not empty
		}
		if seen[m.key] {
			it.warn(path, "the key is repeated; the last value is read")
		}
		seen[m.key] = true
		if !known[m.key] && !silentKeys[m.key] && !m.val.isEmpty() {
			it.warn(path, "not in the article model; dropped")
		}
	}
	rec := reader.Record{Index: index, Pos: s.Position(obj.off), Warnings: it.warnings}
	if len(it.errs) == 0 {
		// The reader repairs or drops what the model rejects, so this
		// only fires on a bug; it keeps such an article out all the same.
		if errs := ld.Check(&it.art); len(errs) > 0 {
			it.errs = append(it.errs, fmt.Errorf("%s: csl: the article fails its checks: %w", rec.Pos, errs))
		}
	}
	switch len(it.errs) {
	case 0:
		rec.Article = &it.art
	case 1:
		rec.Err = it.errs[0]
	default:
		rec.Err = it.errs
	}
	return rec
}

// scalarField returns the text of a string or number field, warning when
// the field holds something else.
func (it *item) scalarField(key string) (string, *value) {
	v := it.obj.get(key)
	if v.isEmpty() {
		return "", nil
	}
	s, ok := v.scalar()
	if !ok {
		it.warn(key, "not a string or number; dropped")
		return "", nil
	}
	return text.Clean(s), v
}

// firstString returns a string field, or the first entry of a list of
// strings (as Crossref writes container-title), warning about the others.
func (it *item) firstString(key string) (string, *value) {
	v := it.obj.get(key)
	if v.isEmpty() {
		return "", nil
	}
	if v.kind != arrayKind {
		return it.scalarField(key)
	}
	var first string
	var at *value
	for i, elem := range v.elems {
		s, ok := elem.scalar()
		s = text.Clean(s)
		switch {
		case !ok && !elem.isEmpty():
			it.warn(fmt.Sprintf("%s[%d]", key, i), "not a string; dropped")
		case s == "":
		case first == "":
			first, at = s, elem
		case s != first:
			it.warn(fmt.Sprintf("%s[%d]", key, i), "only the first value %q is read; %q dropped", first, s)
		}
	}
	return first, at
}

func (it *item) readTitle() {
	title, at := it.firstString("title")
	if title != "" {
		title = text.Clean(markup.FromHTML(title))
	}
	if title == "" {
		it.fail("title", at, errors.New("csl: the item has no title"))
		return
	}
	it.art.Title = title
}

// nameKeys are the keys of a CSL name that are read or carry nothing.
var nameKeys = map[string]bool{
	"family": true, "given": true, "suffix": true, "literal": true,
	"non-dropping-particle": true, "dropping-particle": true,
	"ORCID": true, "orcid": true, "affiliation": true, "email": true,
	"sequence": true, "parse-names": true, "comma-suffix": true, "static-ordering": true,
}

func (it *item) readAuthors() { it.art.Authors = it.readNames("author") }

// readNames reads a list of CSL names (author, editor).
func (it *item) readNames(key string) []ld.Author {
	var names []ld.Author
	list := it.obj.get(key)
	if list.isEmpty() {
		return nil
	}
	if list.kind == objectKind {
		list = &value{kind: arrayKind, off: list.off, elems: []*value{list}} // one name, not in a list
	}
	if list.kind != arrayKind {
		it.warn(key, "not a list of names; dropped")
		return nil
	}
	var unknown []string
	counts := map[string]int{}
	for i, name := range list.elems {
		path := fmt.Sprintf("%s[%d]", key, i)
		if name.kind != objectKind {
			if !name.isEmpty() {
				it.warn(path, "not a name object; dropped")
			}
			continue
		}
		for _, m := range name.members {
			if !nameKeys[m.key] && !m.val.isEmpty() {
				if counts[m.key] == 0 {
					unknown = append(unknown, m.key)
				}
				counts[m.key]++
			}
		}
		if author, ok := it.readName(path, name); ok {
			names = append(names, author)
		}
	}
	for _, unknownKey := range unknown {
		it.warn(key+"[*]."+unknownKey, "not in the article model; dropped for %d of %d names", counts[unknownKey], len(list.elems))
	}
	return names
}

// nameText returns a string part of a CSL name, cleaned.
func (it *item) nameText(path string, name *value, key string) string {
	v := name.get(key)
	if v.isEmpty() {
		return ""
	}
	s, ok := v.scalar()
	if !ok {
		it.warn(path+"."+key, "not a string; dropped")
		return ""
	}
	return text.Clean(s)
}

func (it *item) readName(path string, name *value) (ld.Author, bool) {
	// "Jean de La Fontaine": given, dropping particle, non-dropping
	// particle, family.
	familyParts := []string{
		it.nameText(path, name, "dropping-particle"),
		it.nameText(path, name, "non-dropping-particle"),
		it.nameText(path, name, "family"),
	}
	family := strings.Join(slices.DeleteFunc(familyParts, func(s string) bool { return s == "" }), " ")
	given := it.nameText(path, name, "given")
	literal := it.nameText(path, name, "literal")
	var author ld.Author
	switch {
	case family == "" && given != "":
		it.warn(path+".given", "a name with a given name only; read as a one-word family name")
		author.Family = given
		author.Suffix = it.nameText(path, name, "suffix")
	case family != "" || given != "":
		author.Given = given
		author.Family = family
		author.Suffix = it.nameText(path, name, "suffix")
	case literal != "":
		author.Kind = ld.OrganizationAuthor
		author.Name = literal
	default:
		it.warn(path, "a name without family, given or literal name; dropped")
		return ld.Author{}, false
	}
	for _, key := range []string{"ORCID", "orcid"} {
		raw := it.nameText(path, name, key)
		if raw == "" {
			continue
		}
		orcid, err := ident.NormalizeORCID(raw)
		if err != nil {
			it.warn(path+"."+key, "dropped: %v", err)
			continue
		}
		if author.IsOrganization() {
			it.warn(path+"."+key, "an ORCID iD on a literal (organisation) name; dropped")
			continue
		}
		author.ORCID = orcid
	}
	if email := it.nameText(path, name, "email"); email != "" {
		if err := ident.CheckEmail(email); err != nil {
			it.warn(path+".email", "dropped: %v", err)
		} else {
			author.Email = email
		}
	}
	author.Affiliations = it.readAffiliations(path+".affiliation", name.get("affiliation"))
	return author, true
}

// readAffiliations reads a name's affiliations: strings, or objects with
// a name (as Crossref writes them), a department and ROR IDs.
func (it *item) readAffiliations(path string, list *value) []string {
	if list.isEmpty() {
		return nil
	}
	elems := list.elems
	if list.kind != arrayKind {
		elems = []*value{list}
	}
	var ids []string
	for i, elem := range elems {
		elemPath := fmt.Sprintf("%s[%d]", path, i)
		aff, ok := it.readAffiliation(elemPath, elem)
		if !ok {
			continue
		}
		key := aff.Name + "\x00" + aff.Department + "\x00" + aff.ROR
		id, ok := it.affiliations[key]
		if !ok {
			if it.affiliations == nil {
				it.affiliations = map[string]string{}
			}
			id = fmt.Sprintf("aff%d", len(it.art.Affiliations)+1)
			it.affiliations[key] = id
			aff.ID = id
			it.art.Affiliations = append(it.art.Affiliations, aff)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func (it *item) readAffiliation(path string, elem *value) (ld.Affiliation, bool) {
	if s, ok := elem.scalar(); ok {
		name := text.Clean(s)
		return ld.Affiliation{Name: name}, name != ""
	}
	if elem.kind != objectKind {
		if !elem.isEmpty() {
			it.warn(path, "not a string or an affiliation object; dropped")
		}
		return ld.Affiliation{}, false
	}
	var aff ld.Affiliation
	for _, m := range elem.members {
		switch m.key {
		case "name":
			if s, ok := m.val.scalar(); ok {
				aff.Name = text.Clean(s)
			}
		case "department":
			aff.Department = it.departments(path+".department", m.val)
		case "id":
			aff.ROR = it.affiliationROR(path+".id", m.val)
		default:
			if !m.val.isEmpty() {
				it.warn(path+"."+m.key, "not in the article model; dropped")
			}
		}
	}
	if aff.Name == "" && aff.Department == "" {
		if aff.ROR != "" {
			it.warn(path, "an affiliation with a ROR ID but no name; dropped")
		}
		return ld.Affiliation{}, false
	}
	return aff, true
}

// departments reads Crossref's list of department names into one string.
func (it *item) departments(path string, v *value) string {
	elems := v.elems
	if v.kind != arrayKind {
		elems = []*value{v}
	}
	var names []string
	for _, elem := range elems {
		if s, ok := elem.scalar(); ok && text.Clean(s) != "" {
			names = append(names, text.Clean(s))
		}
	}
	if len(names) > 1 {
		it.warn(path, "only the first department %q is read; %d more dropped", names[0], len(names)-1)
	}
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// affiliationROR reads the ROR ID from Crossref's affiliation id list:
// [{"id": "https://ror.org/...", "id-type": "ROR"}].
func (it *item) affiliationROR(path string, v *value) string {
	elems := v.elems
	if v.kind != arrayKind {
		elems = []*value{v}
	}
	var ror string
	for i, elem := range elems {
		elemPath := fmt.Sprintf("%s[%d]", path, i)
		id, _ := elem.get("id").scalar()
		kind, _ := elem.get("id-type").scalar()
		if elem.kind != objectKind || !strings.EqualFold(kind, "ROR") {
			if !elem.isEmpty() {
				it.warn(elemPath, "not a ROR ID; dropped")
			}
			continue
		}
		normal, err := ident.NormalizeROR(id)
		switch {
		case err != nil:
			it.warn(elemPath, "dropped: %v", err)
		case ror == "":
			ror = normal
		case normal != ror:
			it.warn(elemPath, "a second ROR ID %s; dropped", normal)
		}
	}
	return ror
}

func (it *item) readJournal() {
	title, _ := it.firstString("container-title")
	var abbrev string
	for _, key := range []string{"container-title-short", "short-container-title", "journalAbbreviation"} {
		other, _ := it.firstString(key)
		switch {
		case other == "" || other == abbrev:
		case abbrev == "":
			abbrev = other
		default:
			it.warn(key, "a second abbreviation %q of the journal (first %q); dropped", other, abbrev)
		}
	}
	publisher, _ := it.scalarField("publisher")
	place, _ := it.scalarField("publisher-place")
	issns := it.readISSNs()

	title = text.Clean(markup.FromHTML(title))
	if title == "" {
		for _, dropped := range []struct {
			key string
			has bool
		}{
			{"container-title-short", abbrev != ""}, {"ISSN", len(issns) > 0},
			{"publisher", publisher != ""}, {"publisher-place", place != ""},
		} {
			if dropped.has {
				it.warn(dropped.key, "no container-title names the journal this belongs to; dropped")
			}
		}
		return
	}
	journal := &ld.Journal{Title: title, Abbreviation: abbrev, ISSNs: issns}
	switch {
	case publisher != "":
		journal.Publisher = &ld.Publisher{Name: publisher}
		if place != "" {
			journal.Publisher.Address = &ld.Address{City: place}
		}
	case place != "":
		it.warn("publisher-place", "no publisher to hold the place; dropped")
	}
	it.art.Journal = journal
}

// readISSNs reads ISSN, a string of one or more ISSNs or a list, with the
// kinds Crossref gives in issn-type.
func (it *item) readISSNs() []ld.ISSN {
	kinds := map[string]ld.ISSNKind{}
	var order []string
	if list := it.obj.get("issn-type"); !list.isEmpty() {
		for i, elem := range list.elems {
			raw, _ := elem.get("value").scalar()
			kind, _ := elem.get("type").scalar()
			path := fmt.Sprintf("issn-type[%d]", i)
			issn, err := ident.NormalizeISSN(raw)
			if err != nil {
				it.warn(path, "dropped: %v", err)
				continue
			}
			switch kind {
			case "print":
				kinds[issn] = ld.PrintISSN
			case "electronic":
				kinds[issn] = ld.ElectronicISSN
			case "linking":
				kinds[issn] = ld.LinkingISSN
			default:
				kinds[issn] = ""
				it.warn(path+".type", "ISSN kind %q is not print, electronic or linking; read without a kind", kind)
			}
			order = append(order, issn)
		}
	}
	var issns []ld.ISSN
	add := func(issn string) {
		if !slices.ContainsFunc(issns, func(i ld.ISSN) bool { return i.Value == issn }) {
			issns = append(issns, ld.ISSN{Value: issn, Kind: kinds[issn]})
		}
	}
	v := it.obj.get("ISSN")
	if !v.isEmpty() {
		elems := v.elems
		if v.kind != arrayKind {
			elems = []*value{v}
		}
		for i, elem := range elems {
			path := "ISSN"
			if v.kind == arrayKind {
				path = fmt.Sprintf("ISSN[%d]", i)
			}
			raw, ok := elem.scalar()
			if !ok {
				if !elem.isEmpty() {
					it.warn(path, "not a string; dropped")
				}
				continue
			}
			for _, issn := range it.splitISSNs(path, raw) {
				add(issn)
			}
		}
	}
	for _, issn := range order {
		add(issn)
	}
	return issns
}

// splitISSNs reads "1742-5689", "1742-5689, 1742-5662" or "1742-5689
// 1742-5662"; "1422 0067" is one ISSN.
func (it *item) splitISSNs(path, raw string) []string {
	var issns []string
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ';' }) {
		part = text.Clean(part)
		if part == "" {
			continue
		}
		if issn, err := ident.NormalizeISSN(part); err == nil {
			issns = append(issns, issn)
			continue
		}
		words := strings.Fields(part)
		if len(words) == 1 {
			_, err := ident.NormalizeISSN(part)
			it.warn(path, "dropped: %v", err)
			continue
		}
		for _, word := range words {
			issn, err := ident.NormalizeISSN(word)
			if err != nil {
				it.warn(path, "dropped: %v", err)
				continue
			}
			issns = append(issns, issn)
		}
	}
	return issns
}

func (it *item) readVolumeIssue() {
	it.art.Volume, _ = it.scalarField("volume")
	it.art.Issue, _ = it.scalarField("issue")
}

// eLocator is an electronic article number written where a page goes.
var eLocator = regexp.MustCompile(`^[eE]\d+$`)

// pageRange splits "14348-14363", with any dash, into its ends.
var pageRange = regexp.MustCompile(`^\s*([^\s\-‐‑‒–—−]+)\s*[\-‐‑‒–—−]+\s*([^\s\-‐‑‒–—−]+)\s*$`)

func (it *item) readPages() {
	number, _ := it.scalarField("article-number")
	if it.art.Type == ld.Report || it.art.Type == ld.WorkingPaper {
		it.art.ReportNumber, _ = it.scalarField("number") // CSL: "number identifying the item (e.g. a report number)"
	} else if other, _ := it.scalarField("number"); other != "" {
		switch {
		case number == "":
			number = other
		case other != number:
			it.warn("number", "differs from article-number %q; dropped", number)
		}
	}
	it.art.ArticleNumber = number

	page, _ := it.scalarField("page")
	first, _ := it.scalarField("page-first")
	if page == "" {
		page = first
	}
	switch {
	case page == "" || page == number:
		// Crossref writes some article numbers in page too.
	case eLocator.MatchString(page):
		if number == "" {
			it.art.ArticleNumber = page
			it.warn("page", "%q is an electronic article number; read as the article number", page)
		} else {
			it.warn("page", "%q looks like an article number beside article number %q; dropped", page, number)
		}
	default:
		it.art.FirstPage, it.art.LastPage = it.splitPages(page)
		if first != "" && first != it.art.FirstPage {
			it.warn("page-first", "differs from the first page of page %q; dropped", page)
		}
	}
}

// splitPages reads a page or a page range; discontinuous ranges ("1-5,
// 7-9") give their first and last page with a warning, and an abbreviated
// last page ("14348-63") is written out in full.
func (it *item) splitPages(page string) (first, last string) {
	ranges := slices.DeleteFunc(strings.FieldsFunc(page, func(r rune) bool { return r == ',' || r == ';' }),
		func(r string) bool { return strings.TrimSpace(r) == "" })
	if len(ranges) == 0 {
		return "", ""
	}
	if len(ranges) > 1 {
		it.warn("page", "discontinuous pages %q; read as one range from the first page to the last", page)
	}
	first, _ = rangeEnds(ranges[0])
	_, last = rangeEnds(ranges[len(ranges)-1])
	if trimmed, ok := strings.CutSuffix(first, "+"); ok && last == "" {
		it.warn("page", "%q continues on later pages; only the first page is read", page)
		first = trimmed
	}
	if last == first {
		last = ""
	}
	if full, ok := expandLastPage(first, last); ok {
		it.warn("page", "abbreviated last page %q read as %q", last, full)
		last = full
	}
	if allDigits(first) && allDigits(last) && (len(last) < len(first) || len(last) == len(first) && last < first) {
		it.warn("page", "last page %s comes before first page %s; dropped", last, first)
		last = ""
	}
	return first, last
}

func rangeEnds(r string) (first, last string) {
	if m := pageRange.FindStringSubmatch(r); m != nil {
		return m[1], m[2]
	}
	r = text.Clean(r)
	return r, ""
}

// expandLastPage writes out an abbreviated last page: 14348-63 is
// 14348-14363.
func expandLastPage(first, last string) (string, bool) {
	if !allDigits(first) || !allDigits(last) || len(last) >= len(first) || last == "" {
		return "", false
	}
	full := first[:len(first)-len(last)] + last
	if full <= first {
		return "", false
	}
	return full, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (it *item) readIdentifiers() {
	if raw, _ := it.scalarField("DOI"); raw != "" {
		if doi, err := ident.NormalizeDOI(raw); err != nil {
			it.warn("DOI", "dropped: %v", err)
		} else {
			it.art.DOI = doi
		}
	}
	if raw, _ := it.scalarField("URL"); raw != "" {
		if url, err := ident.CheckHTTPURL(raw); err != nil {
			it.warn("URL", "dropped: %v", err)
		} else {
			it.art.URL = url
		}
	}
}

func (it *item) readDates() {
	issued := it.readDate("issued")
	published := it.readDate("published")
	online := it.readDate("published-online")
	available := it.readDate("available-date")
	print := it.readDate("published-print")
	it.art.Dates.Received = it.readDate("submitted")
	if v := it.obj.get("accessed"); !v.isEmpty() {
		it.warn("accessed", "the date the item was accessed is not a date of the article; dropped")
	}

	if online.IsZero() {
		online = available
	} else if !available.IsZero() && available != online {
		it.warn("available-date", "differs from published-online %s; dropped", online)
	}
	if issued.IsZero() {
		issued = published
	} else if !published.IsZero() && published != issued {
		it.warn("published", "differs from issued %s; dropped", issued)
	}
	switch {
	case !online.IsZero():
		it.art.Dates.Published = online
	case !issued.IsZero():
		it.art.Dates.Published = issued
	default:
		it.art.Dates.Published = print
	}
	if print != it.art.Dates.Published {
		it.art.Dates.PublishedPrint = print
	}
	if !issued.IsZero() && issued != it.art.Dates.Published && issued != print {
		it.warn("issued", "%s differs from the publication date %s read from published-online or available-date; dropped", issued, online)
	}
	if received := it.art.Dates.Received; !received.IsZero() && it.art.Dates.Published.Before(received) {
		it.warn("submitted", "%s is after the publication %s; dropped", received, it.art.Dates.Published)
		it.art.Dates.Received = ld.Date{}
	}
}

// readDate reads a CSL date: an object with date-parts, raw or literal, or
// a string as raw. It returns the zero Date when there is none.
func (it *item) readDate(key string) ld.Date {
	v := it.obj.get(key)
	if v.isEmpty() {
		return ld.Date{}
	}
	if s, ok := v.scalar(); ok {
		return it.parseRawDate(key, v, s)
	}
	if v.kind != objectKind {
		it.warn(key, "not a date object; dropped")
		return ld.Date{}
	}
	for _, m := range v.members {
		switch m.key {
		case "date-parts", "raw", "literal":
		case "season":
			if !m.val.isEmpty() {
				it.warn(key+".season", "a season is not in the article model; dropped")
			}
		case "circa":
			if !m.val.isEmpty() && m.val.str != "false" && m.val.str != "0" {
				it.warn(key+".circa", "the date is approximate; read as exact")
			}
		default:
			if !m.val.isEmpty() {
				it.warn(key+"."+m.key, "not in the article model; dropped")
			}
		}
	}
	if parts := v.get("date-parts"); !parts.isEmpty() {
		return it.readDateParts(key+".date-parts", parts)
	}
	if raw := v.get("raw"); !raw.isEmpty() {
		s, _ := raw.scalar()
		return it.parseRawDate(key+".raw", raw, s)
	}
	if literal := v.get("literal"); !literal.isEmpty() {
		s, _ := literal.scalar()
		d, err := dates.Parse(s)
		if err != nil {
			it.warn(key+".literal", "not a date that can be read (%v); dropped", err)
			return ld.Date{}
		}
		return d
	}
	return ld.Date{}
}

func (it *item) parseRawDate(path string, at *value, s string) ld.Date {
	d, err := dates.Parse(s)
	if err != nil {
		it.fail(path, at, err)
		return ld.Date{}
	}
	return d
}

// readDateParts reads [[year, month, day]], or a range [[from], [to]]
// whose end is dropped with a warning. The parts are numbers or strings of
// digits; [[null]] means no date.
func (it *item) readDateParts(path string, v *value) ld.Date {
	if v.kind != arrayKind || v.elems[0].kind != arrayKind {
		it.fail(path, v, errors.New("csl: date-parts is not a list of lists"))
		return ld.Date{}
	}
	if len(v.elems) > 1 && !v.elems[1].isEmpty() {
		it.warn(path, "a date range; its end is dropped")
	}
	first := v.elems[0]
	if first.isEmpty() {
		return ld.Date{}
	}
	parts := make([]int, 0, len(first.elems))
	for _, elem := range first.elems {
		n, ok := datePart(elem)
		if !ok {
			it.fail(path, elem, fmt.Errorf("csl: date part %s is not a whole number", elemText(elem)))
			return ld.Date{}
		}
		parts = append(parts, n)
	}
	d, err := dates.FromParts(parts)
	if err != nil {
		it.fail(path, v, err)
		return ld.Date{}
	}
	return d
}

// datePart reads one part of a date: a whole number, written as a JSON
// number (2021, 2021.0) or a string of digits ("2021", "02").
func datePart(v *value) (int, bool) {
	switch v.kind {
	case stringKind:
		n, err := strconv.Atoi(strings.TrimSpace(v.str))
		return n, err == nil
	case numberKind:
		f, err := strconv.ParseFloat(v.str, 64)
		if err != nil || f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
			return 0, false
		}
		return int(f), true
	}
	return 0, false
}

func elemText(v *value) string {
	switch v.kind {
	case stringKind:
		return strconv.Quote(v.str)
	case nullKind:
		return "null"
	case arrayKind:
		return "a list"
	case objectKind:
		return "an object"
	}
	return v.str
}

func (it *item) readLanguage() {
	raw, _ := it.scalarField("language")
	if raw == "" {
		return
	}
	tag := strings.ReplaceAll(raw, "_", "-")
	if err := ident.CheckLanguage(tag); err != nil {
		it.warn("language", "dropped: %v", err)
		return
	}
	if tag != raw {
		it.warn("language", "%q read as the BCP 47 tag %q", raw, tag)
	}
	it.art.Language = tag
}

func (it *item) readAbstract() {
	raw, _ := it.scalarField("abstract")
	if raw == "" {
		return
	}
	if !strings.HasPrefix(raw, "<") {
		it.art.Abstract = raw
		return
	}
	abstract, err := markup.FromJATS(raw)
	if err != nil {
		it.warn("abstract", "not well-formed XML (%v); read as HTML", err)
		abstract = markup.FromHTML(raw)
	}
	it.art.Abstract = text.Clean(abstract)
}

func (it *item) readKeywords() {
	var keywords []string
	add := func(k string) {
		if k = text.Clean(k); k != "" && !slices.Contains(keywords, k) {
			keywords = append(keywords, k)
		}
	}
	for _, key := range []string{"keyword", "categories"} {
		v := it.obj.get(key)
		if v.isEmpty() {
			continue
		}
		elems := v.elems
		if v.kind != arrayKind {
			elems = []*value{v}
		}
		for _, elem := range elems {
			s, ok := elem.scalar()
			if !ok {
				if !elem.isEmpty() {
					it.warn(key, "holds a value that is not a string; dropped")
				}
				continue
			}
			sep := ","
			if strings.Contains(s, ";") {
				sep = ";" // "Cells, Cultured; Mice" keeps its commas
			}
			for _, k := range strings.Split(s, sep) {
				add(k)
			}
		}
	}
	it.art.Keywords = keywords
}

// readLicense reads a licence URL or label, or Crossref's list of
// licences, of which the one for the version of record is kept.
func (it *item) readLicense() {
	v := it.obj.get("license")
	if v.isEmpty() {
		return
	}
	if s, ok := v.scalar(); ok {
		it.art.License = it.license("license", text.Clean(s))
		return
	}
	elems := v.elems
	if v.kind != arrayKind {
		elems = []*value{v}
	}
	for i, elem := range elems {
		path := fmt.Sprintf("license[%d]", i)
		if v.kind != arrayKind {
			path = "license"
		}
		raw, ok := elem.scalar()
		version := ""
		if !ok {
			raw, _ = elem.get("URL").scalar()
			version, _ = elem.get("content-version").scalar()
		}
		raw = text.Clean(raw)
		switch {
		case raw == "":
			if !elem.isEmpty() {
				it.warn(path, "a licence without a URL; dropped")
			}
		case version != "" && version != "vor" && version != "unspecified":
			it.warn(path, "the licence of the %q version, not of the version of record; dropped", version)
		case it.art.License == nil:
			it.art.License = it.license(path, raw)
		case it.art.License.URL != raw && it.art.License.Label != raw:
			it.warn(path, "a second licence %q; dropped", raw)
		}
	}
}

// license reads a licence given as a URL, or as a label when it is not one.
func (it *item) license(path, raw string) *ld.License {
	if raw == "" {
		return nil
	}
	if !strings.Contains(raw, "://") {
		named, ok := licences.Recognise(raw)
		if !ok {
			return &ld.License{Label: raw}
		}
		if named.URL == "" {
			it.warn(path, "%q names %s without a version: no licence URL", raw, named.Label)
		}
		return &named
	}
	url, err := ident.CheckHTTPURL(raw)
	if err != nil {
		it.warn(path, "dropped: %v", err)
		return nil
	}
	return &ld.License{URL: url}
}

// referenceParts are the keys of a structured reference whose values make
// its text, in order: Crossref's (author, year, article-title,
// journal-title…) and CSL's own (title, container-title, issued, page).
var referenceParts = [][]string{
	{"author"}, {"year", "issued"}, {"article-title", "title"}, {"journal-title", "container-title"},
	{"volume-title"}, {"series-title"}, {"volume"}, {"issue"}, {"first-page", "page"},
}

// referenceText composes the text of a reference given as fields: the
// values joined by ". ", as the Crossref XML reader joins a citation's.
func referenceText(ref *value) string {
	var parts []string
	for _, keys := range referenceParts {
		for _, key := range keys {
			if part := strings.TrimRight(text.Clean(markup.FromHTML(referencePart(ref.get(key)))), ". "); part != "" {
				parts = append(parts, part)
				break
			}
		}
	}
	return strings.Join(parts, ". ")
}

// referencePart reads one field of a structured reference: a string or
// number; a CSL name list as its family names (or literal names); a CSL
// date as its year; a list of strings as its first.
func referencePart(v *value) string {
	if s, ok := v.scalar(); ok {
		return s
	}
	if v == nil {
		return ""
	}
	switch v.kind {
	case objectKind:
		if parts := v.get("date-parts"); parts != nil && parts.kind == arrayKind && len(parts.elems) > 0 && parts.elems[0].kind == arrayKind && len(parts.elems[0].elems) > 0 {
			year, _ := parts.elems[0].elems[0].scalar()
			return year
		}
		for _, key := range []string{"family", "literal", "name"} {
			if s, ok := v.get(key).scalar(); ok {
				return s
			}
		}
	case arrayKind:
		var names []string
		for _, elem := range v.elems {
			if s := referencePart(elem); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func (it *item) readSection() {
	it.art.Section, _ = it.scalarField("section")
}

// readReferences reads Crossref's reference list: a DOI or the
// unstructured text of each entry.
func (it *item) readReferences() {
	v := it.obj.get("reference")
	if v.isEmpty() {
		return
	}
	if v.kind != arrayKind {
		it.warn("reference", "not a list; dropped")
		return
	}
	for i, elem := range v.elems {
		path := fmt.Sprintf("reference[%d]", i)
		var ref ld.Reference
		if raw, ok := elem.get("DOI").scalar(); ok && text.Clean(raw) != "" {
			if doi, err := ident.NormalizeDOI(raw); err != nil {
				it.warn(path+".DOI", "dropped: %v", err)
			} else {
				ref.DOI = doi
			}
		}
		if raw, ok := elem.get("unstructured").scalar(); ok {
			ref.Text = text.Clean(markup.FromHTML(raw))
		}
		if ref == (ld.Reference{}) {
			// Structured fields only: their text, composed as the Crossref
			// readers compose it.
			ref.Text = referenceText(elem)
		}
		if ref == (ld.Reference{}) {
			if !elem.isEmpty() {
				it.warn(path, "a reference without a DOI, text or fields to compose its text from; dropped")
			}
			continue
		}
		it.art.References = append(it.art.References, ref)
	}
}

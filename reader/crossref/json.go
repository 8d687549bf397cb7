package crossref

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/text"
	"github.com/scholarld/scholarld/reader/textpos"
)

// Read reads Crossref REST API JSON: a work (the bare message object or
// the whole response with status, message-type "work" and message) or a
// list of works (message-type "work-list", message.items). file names the
// input in errors.
//
// It returns an error only when the input as a whole cannot be read: not
// JSON, truncated, or JSON that is not a Crossref work. A bad item of a
// list becomes a Record with Err set, and the other items are still
// returned.
func Read(data []byte, file string) ([]reader.Record, error) {
	data, repairs := text.JSONInput(data)
	records, err := readJSON(data, file)
	return withRepairs(records, repairs), err
}

// withRepairs adds the repairs made to the input to every record's
// warnings.
func withRepairs(records []reader.Record, repairs []string) []reader.Record {
	for i := range records {
		for j := len(repairs) - 1; j >= 0; j-- {
			records[i].Warnings = append([]reader.Warning{{Path: "input", Msg: repairs[j]}}, records[i].Warnings...)
		}
	}
	return records
}

func readJSON(data []byte, file string) ([]reader.Record, error) {
	src := &jsonSource{textpos.New(data, file)}
	start := 0
	if bytes.HasPrefix(data, utf8BOM) {
		start = len(utf8BOM)
	}
	// Check the syntax first: the token walk below gives no positions.
	var whole json.RawMessage
	if err := json.Unmarshal(data[start:], &whole); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return nil, &reader.SyntaxError{Format: "crossref", PosFirst: true, Pos: src.Position(start + textpos.JSONErrorOffset(syntax)), Err: err}
		}
		return nil, fmt.Errorf("%s: crossref: %w: %v", file, errNotCrossref, err)
	}
	top, ok := readObject(data[start:], start)
	if !ok {
		return nil, fmt.Errorf("%s: crossref: %w: the JSON is not an object", src.Position(start), errNotCrossref)
	}

	message, prefix := top, ""
	if m, ok := top.fields["message"]; ok {
		if status := top.str("status"); status != "" && status != "ok" {
			return nil, fmt.Errorf("%s: crossref: %w: the API response has status %q", src.Position(start), errNotCrossref, status)
		}
		message, ok = readObject(m.raw, m.off)
		if !ok {
			return nil, fmt.Errorf("%s: crossref: message: %w: the message is not an object", src.Position(m.off), errNotCrossref)
		}
		prefix = "message."
		switch kind := top.str("message-type"); kind {
		case "", "work", "work-list":
		default:
			return nil, fmt.Errorf("%s: crossref: message-type %q: %w: not a work or a list of works", src.Position(start), kind, errNotCrossref)
		}
	}
	items, isList := message.fields["items"]
	if !isList && top.str("message-type") == "work-list" {
		return nil, fmt.Errorf("%s: crossref: %w: a work-list without items", src.Position(message.off), errNotCrossref)
	}
	if !isList {
		return []reader.Record{src.readWork(message, 0, prefix)}, nil
	}
	elems, ok := readArray(items.raw, items.off)
	if !ok {
		return nil, fmt.Errorf("%s: crossref: %sitems: %w: the items are not a list", src.Position(items.off), prefix, errNotCrossref)
	}
	records := make([]reader.Record, 0, len(elems))
	for i, elem := range elems {
		itemPrefix := fmt.Sprintf("%sitems[%d].", prefix, i)
		work, ok := readObject(elem.raw, elem.off)
		if !ok {
			pos := src.Position(elem.off)
			records = append(records, reader.Record{Index: i, Pos: pos, Err: &ld.FieldError{
				Pos: pos, Path: strings.TrimSuffix(itemPrefix, "."), Err: errors.New("the item is not an object"),
			}})
			continue
		}
		rec := src.readWork(work, i, itemPrefix)
		records = append(records, rec)
	}
	return records, nil
}

var utf8BOM = []byte("\xef\xbb\xbf")

// Sniff reports whether data looks like Crossref REST API JSON. It reads
// at most the first 4 KiB: a JSON object whose message-type is a work or
// a work list, or a bare work object with its title as a list of strings
// or with two of the keys that Crossref writes. CSL-JSON, which shares
// many keys, has its title as a string and types of its own.
func Sniff(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	if decoded, ok, err := text.FromUTF16(head[:len(head)&^1]); ok && err == nil {
		head = decoded // UTF-16, by its byte-order mark
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	if sniffMessageType.Match(head) {
		return true
	}
	if sniffStringTitle.Match(head) || sniffCSLType.Match(head) {
		return false
	}
	markers := 0
	for _, key := range sniffKeys {
		if bytes.Contains(head, key) {
			markers++
		}
	}
	return markers >= 2 || sniffListTitle.Match(head)
}

const sniffLen = 4096

var (
	sniffMessageType = regexp.MustCompile(`"message-type"\s*:\s*"work`)
	sniffStringTitle = regexp.MustCompile(`"title"\s*:\s*"`)
	sniffListTitle   = regexp.MustCompile(`"title"\s*:\s*\[\s*"`)
	sniffCSLType     = regexp.MustCompile(`"type"\s*:\s*"(article-journal|article-magazine|article-newspaper|paper-conference|chapter|post-weblog)"`)
	sniffKeys        = [][]byte{
		[]byte(`"reference-count"`), []byte(`"is-referenced-by-count"`),
		[]byte(`"content-domain"`), []byte(`"issn-type"`), []byte(`"deposited"`),
		[]byte(`"indexed"`), []byte(`"short-container-title"`), []byte(`"published-online"`),
		[]byte(`"published-print"`), []byte(`"container-title"`),
	}
)

// jsonSource is one input being read; its Position turns offsets into
// positions.
type jsonSource struct {
	*textpos.Lines[[]byte]
}

// member is one value inside a JSON object or array, with its offset in
// the whole input.
type member struct {
	raw json.RawMessage
	off int
}

// jsonObject is an object's members by key; a repeated key keeps its last
// value, as encoding/json does.
type jsonObject struct {
	fields map[string]member
	off    int
}

func (o jsonObject) str(key string) string {
	var s string
	if m, ok := o.fields[key]; ok && json.Unmarshal(m.raw, &s) == nil {
		return s
	}
	return ""
}

// object reads the members of the object raw, found at offset off; ok is
// false when raw is not an object. raw is known to be valid JSON.
func readObject(raw []byte, off int) (jsonObject, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return jsonObject{}, false
	}
	obj := jsonObject{fields: map[string]member{}, off: off}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			return jsonObject{}, false
		}
		var value json.RawMessage
		at := valueStart(raw, int(dec.InputOffset()))
		if err := dec.Decode(&value); err != nil {
			return jsonObject{}, false
		}
		obj.fields[key] = member{raw: value, off: off + at}
	}
	return obj, true
}

// array reads the elements of the array raw, found at offset off.
func readArray(raw []byte, off int) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, false
	}
	var elems []member
	for dec.More() {
		var value json.RawMessage
		at := valueStart(raw, int(dec.InputOffset()))
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		elems = append(elems, member{raw: value, off: off + at})
	}
	return elems, true
}

// valueStart skips the white space and separators before a value.
func valueStart(raw []byte, i int) int {
	for i < len(raw) && strings.IndexByte(" \t\r\n:,", raw[i]) >= 0 {
		i++
	}
	return i
}

// isEmpty reports whether a JSON value says nothing: null, "", [] or {}.
func isEmpty(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	switch {
	case string(t) == "null" || string(t) == `""`:
		return true
	case len(t) < 2:
		return false
	case t[0] == '[' && t[len(t)-1] == ']', t[0] == '{' && t[len(t)-1] == '}':
		return len(bytes.TrimSpace(t[1:len(t)-1])) == 0
	}
	return false
}

// flexString is a string that some deposits give as a number: a volume,
// an issue, a year.
type flexString string

func (f *flexString) UnmarshalJSON(raw []byte) error {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return fmt.Errorf("%s where a string was expected", jsonKind(raw))
	}
	*f = flexString(n.String())
	return nil
}

// stringList is a list of strings that may also come as one string.
type stringList []string

func (l *stringList) UnmarshalJSON(raw []byte) error {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		*l = stringList{s}
		return nil
	}
	var list []flexString
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s where a list of strings was expected", jsonKind(raw))
	}
	*l = make(stringList, len(list))
	for i, s := range list {
		(*l)[i] = string(s)
	}
	return nil
}

// first gives the first non-empty string and the non-empty ones after it.
func (l stringList) first() (string, []string) {
	var kept []string
	for _, s := range l {
		if clean(s) != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return "", nil
	}
	return kept[0], kept[1:]
}

func jsonKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// The JSON shapes of a work's parts.
type (
	jsonDate struct {
		DateParts [][]json.RawMessage `json:"date-parts"`
	}
	jsonContributor struct {
		Given       string            `json:"given"`
		Family      string            `json:"family"`
		Name        string            `json:"name"`
		Suffix      string            `json:"suffix"`
		ORCID       string            `json:"ORCID"`
		Sequence    string            `json:"sequence"`
		Affiliation []jsonAffiliation `json:"affiliation"`
	}
	jsonAffiliation struct {
		Name       string      `json:"name"`
		ID         []jsonOrgID `json:"id"`
		Department stringList  `json:"department"`
		Place      stringList  `json:"place"`
		Acronym    stringList  `json:"acronym"`
	}
	jsonOrgID struct {
		ID     string `json:"id"`
		IDType string `json:"id-type"`
	}
	jsonISSNType struct {
		Value string `json:"value"`
		Type  string `json:"type"`
	}
	jsonLicense struct {
		URL            string `json:"URL"`
		ContentVersion string `json:"content-version"`
	}
	jsonLink struct {
		URL                 string `json:"URL"`
		ContentType         string `json:"content-type"`
		ContentVersion      string `json:"content-version"`
		IntendedApplication string `json:"intended-application"`
	}
	jsonResource struct {
		Primary struct {
			URL string `json:"URL"`
		} `json:"primary"`
	}
	jsonAssertion struct {
		Name  string     `json:"name"`
		Value flexString `json:"value"`
		Label string     `json:"label"`
	}
	jsonReference struct {
		Key          string     `json:"key"`
		DOI          string     `json:"DOI"`
		Unstructured string     `json:"unstructured"`
		Author       string     `json:"author"`
		Year         flexString `json:"year"`
		ArticleTitle string     `json:"article-title"`
		JournalTitle string     `json:"journal-title"`
		VolumeTitle  string     `json:"volume-title"`
		SeriesTitle  string     `json:"series-title"`
		Volume       flexString `json:"volume"`
		Issue        flexString `json:"issue"`
		FirstPage    flexString `json:"first-page"`
	}
	jsonRelated struct {
		IDType string `json:"id-type"`
		ID     string `json:"id"`
	}
	jsonUpdate struct {
		DOI  string `json:"DOI"`
		Type string `json:"type"`
	}
	jsonFunder struct {
		Name  string     `json:"name"`
		DOI   string     `json:"DOI"`
		Award stringList `json:"award"`
	}
	jsonTrial struct {
		Number   string `json:"clinical-trial-number"`
		Registry string `json:"registry"`
	}
)

// relatedList is the value of one relation: a list, or a lone object.
type relatedList []jsonRelated

func (l *relatedList) UnmarshalJSON(raw []byte) error {
	var one jsonRelated
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		if err := json.Unmarshal(raw, &one); err != nil {
			return err
		}
		*l = relatedList{one}
		return nil
	}
	var many []jsonRelated
	if err := json.Unmarshal(raw, &many); err != nil {
		return err
	}
	*l = many
	return nil
}

// jsonWork reads one work object into a builder.
type jsonWork struct {
	src    *jsonSource
	obj    jsonObject
	prefix string
	used   map[string]bool
	b      builder
}

func (w *jsonWork) path(key string) string { return w.prefix + key }

// get decodes the value of key into v and reports whether there was one.
// A value of the wrong shape rejects the record, naming the field.
func (w *jsonWork) get(key string, v any) bool {
	w.used[key] = true
	m, ok := w.obj.fields[key]
	if !ok || isEmpty(m.raw) {
		return false
	}
	if err := json.Unmarshal(m.raw, v); err != nil {
		pos, path := w.src.Position(m.off), w.path(key)
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			pos = w.src.Position(m.off + int(typeErr.Offset))
			if typeErr.Field != "" {
				path += "." + typeErr.Field
			}
			err = fmt.Errorf("%s where %s was expected", typeErr.Value, goKind(typeErr.Type))
		}
		w.b.fail(pos, path, err)
		return false
	}
	return true
}

func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "a boolean"
	}
	return "a number"
}

// ignoredKeys are the administrative fields of a work: counts, index
// dates, the member and prefix, the Crossmark policy, the archive, the
// issue block that repeats the work's own issue and dates. They describe
// the deposit, not the article, and are skipped without a warning.
var ignoredKeys = map[string]bool{
	"indexed": true, "reference-count": true, "references-count": true,
	"is-referenced-by-count": true, "content-domain": true, "created": true,
	"deposited": true, "source": true, "prefix": true, "member": true,
	"score": true, "archive": true, "update-policy": true,
	"content-created": true, "content-updated": true,
}

func (s *jsonSource) readWork(obj jsonObject, index int, prefix string) reader.Record {
	w := &jsonWork{src: s, obj: obj, prefix: prefix, used: map[string]bool{}}
	w.readIdentity()
	w.readTitles()
	w.readAuthors()
	w.readJournal()
	w.readBookAndEvent()
	w.readDates()
	w.readAssertions()
	w.readLinks()
	w.readContent()
	w.readReferences()
	w.readRelations()
	w.readFundingAndEditors()
	w.readUnheld()
	w.b.settleDates(w.path("assertion"))
	return w.b.record(index, s.Position(obj.off))
}

func (w *jsonWork) readIdentity() {
	var doi, url, language string
	if w.get("DOI", &doi) {
		w.b.setDOI(w.path("DOI"), doi)
	}
	w.readWorkType()
	var resource jsonResource
	if w.get("resource", &resource) {
		w.b.setURL(w.path("resource.primary.URL"), resource.Primary.URL)
	}
	// URL is Crossref's DOI link (http://dx.doi.org/…), not the landing
	// page, which is resource.primary.URL: the article is named by its DOI
	// already. Another URL there is taken when there is no landing page.
	if w.get("URL", &url) && w.b.art.URL == "" && !isDOILink(url, w.b.art.DOI) {
		w.b.setURL(w.path("URL"), url)
	}
	if w.get("language", &language) {
		w.b.setLanguage(w.path("language"), language)
	}
	var altIDs stringList
	if w.get("alternative-id", &altIDs) {
		for _, id := range altIDs {
			if !strings.EqualFold(clean(id), w.b.art.DOI) && clean(id) != "" {
				w.b.warn(w.path("alternative-id"), "the publisher's identifier %q is not kept", clean(id))
			}
		}
	}
}

// isDOILink reports whether url is a DOI resolver link for doi.
func isDOILink(url, doi string) bool {
	linked, err := ident.NormalizeDOI(clean(url))
	return err == nil && strings.Contains(url, "doi.org/") && strings.EqualFold(linked, doi)
}

func (w *jsonWork) readTitles() {
	var titles stringList
	if w.get("title", &titles) {
		title, more := titles.first()
		w.b.art.Title = inlineMarkup(title)
		for _, other := range more {
			if inlineMarkup(other) != w.b.art.Title {
				w.b.warn(w.path("title"), "a further title %q is not kept", clean(other))
			}
		}
	}
	var originals stringList
	if w.get("original-title", &originals) && w.b.art.Title == "" {
		// A work whose only title is in its original language.
		original, _ := originals.first()
		w.b.art.Title = inlineMarkup(original)
		if w.b.art.Title != "" {
			w.b.warn(w.path("original-title"), "the work has only its original-language title: %q is the title", clean(original))
			originals = originals[1:]
		}
	}
	if w.b.art.Title == "" {
		pos := w.src.Position(w.obj.off)
		if m, ok := w.obj.fields["title"]; ok {
			pos = w.src.Position(m.off)
		}
		w.b.fail(pos, w.path("title"), errors.New("the work has no title"))
	}
	for _, s := range originals {
		if s = clean(s); s != "" && s != clean(w.b.art.Title) {
			w.b.warn(w.path("original-title"), "%q is not kept: the model has no original title", s)
		}
	}
	var shortTitles stringList
	if w.get("short-title", &shortTitles) {
		for _, s := range shortTitles {
			if s = clean(s); s != "" {
				w.b.warn(w.path("short-title"), "%q is not kept: the model has no short title", s)
			}
		}
	}
}

func (w *jsonWork) readAuthors() {
	var authors []jsonContributor
	if !w.get("author", &authors) {
		return
	}
	for i, c := range authors {
		path := fmt.Sprintf("%s[%d]", w.path("author"), i)
		author := ld.Author{
			Given:  clean(c.Given),
			Family: clean(c.Family),
			Suffix: clean(c.Suffix),
		}
		name := clean(c.Name)
		if author.Given == "" && author.Family == "" && name != "" {
			author = ld.Author{Kind: ld.OrganizationAuthor, Name: name}
		} else {
			author.Name = name
			if !w.b.person(path, &author) {
				continue
			}
		}
		if raw := clean(c.ORCID); raw != "" {
			orcid, err := ident.NormalizeORCID(raw)
			if err != nil {
				w.b.warn(path+".ORCID", "ORCID %q dropped: %v", raw, err)
			} else {
				author.ORCID = orcid
			}
		}
		checkSequence(&w.b, path+".sequence", c.Sequence, len(w.b.art.Authors))
		for j, a := range c.Affiliation {
			if id, ok := w.affiliation(fmt.Sprintf("%s.affiliation[%d]", path, j), a); ok && !slices.Contains(author.Affiliations, id) {
				author.Affiliations = append(author.Affiliations, id)
			}
		}
		w.b.art.Authors = append(w.b.art.Authors, author)
	}
}

// checkSequence warns when Crossref's sequence ("first", "additional")
// disagrees with the author's place in the byline, which the order of
// the list gives.
func checkSequence(b *builder, path, sequence string, place int) {
	sequence = strings.ToLower(clean(sequence))
	switch {
	case sequence == "":
	case sequence != "first" && sequence != "additional":
		b.warn(path, "unknown sequence %q; the order of the list is the byline", sequence)
	case (sequence == "first") != (place == 0):
		b.warn(path, "sequence %q disagrees with byline position %d; the order of the list is kept", sequence, place+1)
	}
}

func (w *jsonWork) affiliation(path string, a jsonAffiliation) (string, bool) {
	aff := ld.Affiliation{Name: clean(a.Name), Department: clean(strings.Join(a.Department, ", "))}
	for k, id := range a.ID {
		idPath := fmt.Sprintf("%s.id[%d]", path, k)
		value := clean(id.ID)
		if !strings.EqualFold(clean(id.IDType), "ror") {
			w.b.warn(idPath, "affiliation identifier %s %q not kept: the model holds ROR IDs only", clean(id.IDType), value)
			continue
		}
		ror, err := ident.NormalizeROR(value)
		if err != nil {
			w.b.warn(idPath, "ROR %q dropped: %v", value, err)
			continue
		}
		if aff.ROR == "" {
			aff.ROR = ror
		} else if aff.ROR != ror {
			w.b.warn(idPath, "a second ROR %s is not kept", ror)
		}
	}
	for _, place := range a.Place {
		if place = clean(place); place != "" {
			w.b.warn(path+".place", "place %q not kept: it is not split into an address", place)
		}
	}
	for _, acronym := range a.Acronym {
		if acronym = clean(acronym); acronym != "" {
			w.b.warn(path+".acronym", "acronym %q not kept", acronym)
		}
	}
	return w.b.affiliationID(path, aff)
}

func (w *jsonWork) readJournal() {
	var titles, short, issns stringList
	if w.get("container-title", &titles) {
		title, more := titles.first()
		if title = inlineMarkup(title); title != "" {
			w.b.journal().Title = title
		}
		for _, other := range more {
			w.b.warn(w.path("container-title"), "a further container title %q is not kept", clean(other))
		}
	}
	if w.get("short-container-title", &short) {
		abbrev, more := short.first()
		if abbrev = clean(abbrev); abbrev != "" {
			w.b.journal().Abbreviation = abbrev
		}
		for _, other := range more {
			w.b.warn(w.path("short-container-title"), "a further abbreviation %q is not kept", clean(other))
		}
	}
	var types []jsonISSNType
	w.get("issn-type", &types)
	kinds := map[string]ld.ISSNKind{}
	for i, t := range types {
		kind, ok := issnKind(t.Type)
		if !ok {
			w.b.warn(fmt.Sprintf("%s[%d].type", w.path("issn-type"), i), "unknown ISSN type %q", t.Type)
		}
		kinds[strings.ToUpper(clean(t.Value))] = kind
	}
	if w.get("ISSN", &issns) {
		for i, issn := range issns {
			w.b.addISSN(fmt.Sprintf("%s[%d]", w.path("ISSN"), i), issn, kinds[strings.ToUpper(clean(issn))])
		}
	}
	for i, t := range types {
		kind := kinds[strings.ToUpper(clean(t.Value))]
		w.b.addISSN(fmt.Sprintf("%s[%d].value", w.path("issn-type"), i), t.Value, kind)
	}
	var publisher, location string
	if w.get("publisher", &publisher) {
		if publisher = clean(publisher); publisher != "" {
			w.b.journal().Publisher = &ld.Publisher{Name: publisher}
		}
	}
	if w.get("publisher-location", &location) && clean(location) != "" {
		w.b.warn(w.path("publisher-location"), "publisher location %q not kept: it is not split into an address", clean(location))
	}
	w.b.settleJournal(w.path("container-title"))

	var volume, issue, page, number flexString
	if w.get("volume", &volume) {
		w.b.art.Volume = clean(string(volume))
	}
	if w.get("issue", &issue) {
		w.b.art.Issue = clean(string(issue))
	}
	if w.get("page", &page) {
		w.b.setPages(w.path("page"), string(page))
	}
	if w.get("article-number", &number) {
		w.b.art.ArticleNumber = clean(string(number))
	}
}

// date reads the date at key; ok is false when there is none. A date that
// does not exist rejects the record.
func (w *jsonWork) date(key string) (ld.Date, bool) {
	var d jsonDate
	if !w.get(key, &d) || len(d.DateParts) == 0 {
		return ld.Date{}, false
	}
	path := w.path(key + ".date-parts")
	var parts []int
	for _, raw := range d.DateParts[0] {
		var value flexString
		if isEmpty(raw) || json.Unmarshal(raw, &value) != nil {
			break
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(value)))
		if err != nil {
			w.b.fail(w.src.Position(w.obj.fields[key].off), path, fmt.Errorf("date part %q is not a whole number", value))
			return ld.Date{}, false
		}
		parts = append(parts, n)
	}
	if len(parts) == 0 {
		return ld.Date{}, false
	}
	date, err := dates.FromParts(parts)
	if err != nil {
		w.b.fail(w.src.Position(w.obj.fields[key].off), path, err)
		return ld.Date{}, false
	}
	return date, true
}

// readDates reads the publication dates: published-online is the first
// publication; published-print the print issue; when neither is given,
// issued (Crossref's earliest known date) stands for the first publication.
func (w *jsonWork) readDates() {
	d := &w.b.art.Dates
	online, hasOnline := w.date("published-online")
	printed, hasPrint := w.date("published-print")
	issued, hasIssued := w.date("issued")
	w.used["published"] = true // Crossref's copy of issued
	switch {
	case hasOnline:
		d.Published = online
	case hasPrint:
		d.Published = printed
	case hasIssued:
		d.Published = issued
	}
	if hasPrint {
		d.PublishedPrint = printed
	}
	w.readIssueDates()
	if accepted, ok := w.date("accepted"); ok {
		d.Accepted = accepted
	}
	for _, key := range []string{"posted", "approved"} {
		if date, ok := w.date(key); ok {
			if key == "posted" && d.Published.IsZero() {
				d.Published = date // as the XML reader reads posted_date
				continue
			}
			w.b.warn(w.path(key), "%s date %s not kept", key, date)
		}
	}
}

// readIssueDates reads journal-issue, the issue's own dates: its print
// date is the model's PublishedPrint (the date of the print issue) when
// the work gives none; the others are reported unless they repeat a date
// already read.
func (w *jsonWork) readIssueDates() {
	var issue struct {
		Print  *jsonDate `json:"published-print"`
		Online *jsonDate `json:"published-online"`
	}
	if !w.get("journal-issue", &issue) {
		return
	}
	d := &w.b.art.Dates
	for _, it := range []struct {
		key  string
		date *jsonDate
	}{{"published-print", issue.Print}, {"published-online", issue.Online}} {
		if it.date == nil || len(it.date.DateParts) == 0 {
			continue
		}
		var parts []int
		for _, raw := range it.date.DateParts[0] {
			var n int
			if json.Unmarshal(raw, &n) != nil {
				break
			}
			parts = append(parts, n)
		}
		path := w.path("journal-issue." + it.key)
		date, err := dates.FromParts(parts)
		switch {
		case len(parts) == 0:
		case err != nil:
			w.b.warn(path, "issue date dropped: %v", err)
		case date == d.Published || date == d.PublishedPrint:
		case it.key == "published-print" && d.PublishedPrint.IsZero():
			d.PublishedPrint = date
		default:
			w.b.warn(path, "issue date %s (%s) not kept", date, strings.TrimPrefix(it.key, "published-"))
		}
	}
}

// readAssertions reads the Crossmark assertions: the publication history
// dates, written as free text, and the copyright statement.
func (w *jsonWork) readAssertions() {
	var assertions []jsonAssertion
	if !w.get("assertion", &assertions) {
		return
	}
	d := &w.b.art.Dates
	for i, a := range assertions {
		path := fmt.Sprintf("%s[%d]", w.path("assertion"), i)
		w.b.assertion(path, clean(a.Name), clean(a.Label), string(a.Value), d)
	}
}

func (w *jsonWork) readLinks() {
	var licences []jsonLicense
	if w.get("license", &licences) {
		for i, l := range licences {
			w.b.offerLicence(fmt.Sprintf("%s[%d]", w.path("license"), i), l.URL, l.ContentVersion)
		}
	}
	var links []jsonLink
	if w.get("link", &links) {
		for i, l := range links {
			path := fmt.Sprintf("%s[%d]", w.path("link"), i)
			if v := strings.ToLower(clean(l.ContentVersion)); v == "am" {
				w.b.warn(path, "link %s to the accepted manuscript not kept", clean(l.URL))
				continue
			}
			w.b.addFile(path, l.URL, l.ContentType)
		}
	}
}

func (w *jsonWork) readContent() {
	var abstract string
	if w.get("abstract", &abstract) {
		w.b.art.Abstract = inlineMarkup(abstract)
	}
	var subjects stringList
	if w.get("subject", &subjects) {
		for _, s := range subjects {
			if s = clean(s); s != "" && !slices.Contains(w.b.art.Keywords, s) {
				w.b.art.Keywords = append(w.b.art.Keywords, s)
			}
		}
		if len(w.b.art.Keywords) > 0 {
			w.b.warn(w.path("subject"), "the keywords are Crossref's subject categories of the journal, not the article's own keywords")
		}
	}
}

func (w *jsonWork) readReferences() {
	var refs []jsonReference
	if !w.get("reference", &refs) {
		return
	}
	for i, r := range refs {
		w.b.addReference(fmt.Sprintf("%s[%d]", w.path("reference"), i), citation{
			doi:          r.DOI,
			unstructured: r.Unstructured,
			parts: []string{r.Author, string(r.Year), r.ArticleTitle, r.JournalTitle, r.VolumeTitle,
				r.SeriesTitle, string(r.Volume), string(r.Issue), string(r.FirstPage)},
		})
	}
}

func (w *jsonWork) readRelations() {
	var relations map[string]relatedList
	if w.get("relation", &relations) {
		for _, name := range sortedKeys(relations) {
			for i, r := range relations[name] {
				path := fmt.Sprintf("%s.%s[%d]", w.path("relation"), name, i)
				if rel, ok := interWorkRelation(name); ok {
					w.b.addRelated(path, rel, clean(r.IDType), r.ID)
				} else {
					w.b.warn(path, "relation %q to %s %s not kept", name, clean(r.IDType), clean(r.ID))
				}
			}
		}
	}
	var updates []jsonUpdate
	if w.get("update-to", &updates) {
		for i, u := range updates {
			w.b.noteUpdate(fmt.Sprintf("%s[%d]", w.path("update-to"), i), u.Type, u.DOI)
		}
	}
	updates = nil
	if w.get("updated-by", &updates) {
		for i, u := range updates {
			w.b.noteUpdatedBy(fmt.Sprintf("%s[%d]", w.path("updated-by"), i), u.Type, u.DOI)
		}
	}
}

// readUnheld reports what the model cannot hold: contributors other than
// authors and editors, clinical trials, and any field not read at all.
func (w *jsonWork) readUnheld() {
	for _, role := range []string{"chair", "translator"} {
		var people []jsonContributor
		if w.get(role, &people) {
			for i, c := range people {
				name := clean(c.Name)
				if name == "" {
					name = clean(c.Given + " " + c.Family)
				}
				w.b.warn(fmt.Sprintf("%s[%d]", w.path(role), i), "%s %q not kept: the model holds authors and editors only", role, name)
			}
		}
	}
	var trials []jsonTrial
	if w.get("clinical-trial-number", &trials) {
		for i, t := range trials {
			w.b.warn(fmt.Sprintf("%s[%d]", w.path("clinical-trial-number"), i), "clinical trial %s not kept", clean(t.Number))
		}
	}
	for _, key := range sortedKeys(w.obj.fields) {
		if !w.used[key] && !ignoredKeys[key] && !isEmpty(w.obj.fields[key].raw) {
			w.b.warn(w.path(key), "field not read: the model has no place for it")
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

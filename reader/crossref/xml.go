package crossref

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
)

// ReadXML reads Crossref XML: a UNIXSD query result (crossref_result,
// whose queries wrap doi_record/crossref), a UNIXREF document (doi_records
// or a lone doi_record or crossref element), or a deposit (doi_batch).
// Every journal_article is one Record; a record of another kind (a book,
// a conference paper) or a query that did not resolve is a Record with
// Err set. file names the input in errors.
//
// It returns an error only when the input as a whole cannot be read: not
// well-formed XML (the error gives the line and column), or XML that is
// not Crossref's.
func ReadXML(data []byte, file string) ([]reader.Record, error) {
	root, err := parseXML(data, file)
	if err != nil {
		return nil, err
	}
	r := &xmlReader{file: file}
	switch root.name {
	case "crossref_result", "doi_records", "doi_record", "crossref", "doi_batch", "journal":
	default:
		return nil, fmt.Errorf("crossref: %s: %w: the root element is <%s>", root.pos, errNotCrossref, root.name)
	}
	r.collect(root, xmlContext{})
	return r.records, nil
}

// SniffXML reports whether data looks like Crossref XML: within the first
// 4 KiB, a root element Crossref's schemas define or one of their
// namespaces.
func SniffXML(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	for _, marker := range xmlSniffMarkers {
		if bytes.Contains(head, marker) {
			return true
		}
	}
	return false
}

var xmlSniffMarkers = [][]byte{
	[]byte("<crossref_result"), []byte("<doi_records"), []byte("<doi_record>"), []byte("<doi_record "),
	[]byte("<doi_batch"), []byte("www.crossref.org/qrschema"), []byte("www.crossref.org/xschema"),
	[]byte("www.crossref.org/schema/"),
}

// maxDepth bounds the nesting of elements; Crossref's records nest about
// fifteen deep, MathML a few dozen more.
const maxDepth = 500

// xnode is an element of the document, or a run of text when name is "".
type xnode struct {
	name     string // local name, without prefix
	attrs    []xml.Attr
	text     string
	children []*xnode
	pos      ld.Position
}

// parseXML reads the whole document into a tree of xnodes.
func parseXML(data []byte, file string) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	position := func() ld.Position {
		line, col := dec.InputPos()
		return ld.Position{File: file, Line: line, Column: col}
	}
	var root *xnode
	var stack []*xnode
	for {
		pos := position()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A token that breaks the syntax is placed at its start; input
			// that ends too soon, at its end.
			if strings.Contains(err.Error(), "unexpected EOF") {
				pos = position()
			}
			return nil, &reader.SyntaxError{Format: "crossref", Pos: pos, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, &reader.SyntaxError{Format: "crossref", Pos: pos, Err: fmt.Errorf("elements nest deeper than %d", maxDepth)}
			}
			n := &xnode{name: t.Name.Local, attrs: t.Attr, pos: pos}
			if len(stack) == 0 {
				if root != nil {
					return nil, &reader.SyntaxError{Format: "crossref", Pos: pos, Err: errors.New("a second root element")}
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, &xnode{text: string(t), pos: pos})
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, &reader.SyntaxError{Format: "crossref", Pos: pos, Err: errors.New("text outside the root element")}
			}
		}
	}
	if root == nil {
		return nil, &reader.SyntaxError{Format: "crossref", Pos: position(), Err: errors.New("no root element")}
	}
	if len(stack) > 0 {
		return nil, &reader.SyntaxError{Format: "crossref", Pos: position(), Err: fmt.Errorf("unexpected end of input inside <%s>", stack[len(stack)-1].name)}
	}
	return root, nil
}

// child gives the first child element of that name, or nil.
func (n *xnode) child(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// all gives the child elements of that name.
func (n *xnode) all(name string) []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// elements gives every child element.
func (n *xnode) elements() []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, c := range n.children {
		if c.name != "" {
			out = append(out, c)
		}
	}
	return out
}

// attr gives the value of an attribute by local name.
func (n *xnode) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// value is the cleaned text of the element and all it holds.
func (n *xnode) value() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.writeText(&b)
	return clean(b.String())
}

// ownValue is the cleaned text directly inside the element, leaving out
// the text of child elements.
func (n *xnode) ownValue() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range n.children {
		if c.name == "" {
			b.WriteString(c.text)
		}
	}
	return clean(b.String())
}

func (n *xnode) writeText(b *strings.Builder) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	for _, c := range n.children {
		c.writeText(b)
	}
}

// markup is the element's content converted to the model's markup: the
// Crossref face markup and JATS inside a title or an abstract.
func (n *xnode) markup() string { return inlineMarkup(n.innerXML()) }

// writeXML writes the node back as XML with local names only.
func (n *xnode) writeXML(b *strings.Builder) {
	if n.name == "" {
		xml.EscapeText(b, []byte(n.text))
		return
	}
	b.WriteString("<" + n.name + ">")
	for _, c := range n.children {
		c.writeXML(b)
	}
	b.WriteString("</" + n.name + ">")
}

// xmlContext is what enclosing elements tell a record: the query's status
// and publisher, the journal's metadata and issue.
type xmlContext struct {
	publisher string
	journal   *xnode
	issue     *xnode
	path      string
}

type xmlReader struct {
	file    string
	records []reader.Record
}

// collect walks the wrappers down to the records.
func (r *xmlReader) collect(n *xnode, ctx xmlContext) {
	ctx.path += "/" + n.name
	switch n.name {
	case "crossref_result", "query_result", "body", "doi_records", "doi_record", "crossref", "doi_batch":
		for _, c := range n.elements() {
			r.collect(c, ctx)
		}
	case "head":
	case "query":
		switch status := n.attr("status"); status {
		case "", "resolved":
		default:
			msg := n.child("msg").value()
			if msg == "" {
				msg = "no record"
			}
			r.reject(n.pos, ctx.path, fmt.Errorf("the query for %q has status %q: %s", n.child("doi").value(), status, msg))
			return
		}
		for _, item := range n.all("crm-item") {
			if item.attr("name") == "publisher-name" {
				ctx.publisher = item.value()
			}
		}
		records := n.all("doi_record")
		if len(records) == 0 {
			r.reject(n.pos, ctx.path, fmt.Errorf("the query for %q holds no doi_record", n.child("doi").value()))
		}
		for _, c := range records {
			r.collect(c, ctx)
		}
	case "error":
		r.reject(n.pos, ctx.path, fmt.Errorf("Crossref reports an error: %s", n.value()))
	case "journal":
		ctx.journal = n.child("journal_metadata")
		ctx.issue = n.child("journal_issue")
		articles := n.all("journal_article")
		if len(articles) == 0 {
			r.reject(n.pos, ctx.path, errors.New("the journal record holds no journal_article"))
		}
		for _, a := range articles {
			r.records = append(r.records, r.readArticle(a, ctx, len(r.records)))
		}
	default:
		r.reject(n.pos, ctx.path, fmt.Errorf("the record is a %s, not a journal article", strings.ReplaceAll(n.name, "_", " ")))
	}
}

func (r *xmlReader) reject(pos ld.Position, path string, err error) {
	r.records = append(r.records, reader.Record{
		Index: len(r.records), Pos: pos, Err: &ld.FieldError{Pos: pos, Path: path, Err: err},
	})
}

// xmlArticle reads one journal_article into a builder.
type xmlArticle struct {
	b builder
	// funders seen, each reported once though the record may repeat them
	// in its Crossmark.
	funders map[string]bool
	path    string // of the journal element
	issue   *xnode // journal_issue, whose dates stand in for missing ones
}

func (r *xmlReader) readArticle(n *xnode, ctx xmlContext, index int) reader.Record {
	a := &xmlArticle{path: ctx.path, issue: ctx.issue, funders: map[string]bool{}}
	a.readJournal(ctx)
	a.readBody(n)
	a.b.settleDates(a.path + "/journal_article/crossmark/custom_metadata")
	return a.b.record(index, n.pos)
}

func (a *xmlArticle) readJournal(ctx xmlContext) {
	meta := ctx.journal
	path := a.path + "/journal_metadata"
	for i, title := range meta.all("full_title") {
		switch text := title.markup(); {
		case i > 0:
			a.b.warn(path+"/full_title", "a further journal title %q is not kept", title.value())
		case text != "":
			a.b.journal().Title = text
		}
	}
	if abbrev := meta.child("abbrev_title").value(); abbrev != "" {
		a.b.journal().Abbreviation = abbrev
	}
	for _, issn := range meta.all("issn") {
		media := issn.attr("media_type")
		if media == "" {
			media = "print" // the schema's default
		}
		kind, ok := issnKind(media)
		if !ok {
			a.b.warn(path+"/issn", "unknown ISSN media type %q", media)
		}
		a.b.addISSN(path+"/issn", issn.value(), kind)
	}
	if coden := meta.child("coden").value(); coden != "" {
		a.b.warn(path+"/coden", "CODEN %q not kept", coden)
	}
	if lang := meta.attr("language"); lang != "" {
		a.b.setLanguage(path+"/@language", lang)
	}
	if ctx.publisher != "" {
		a.b.journal().Publisher = &ld.Publisher{Name: ctx.publisher}
	}
	a.b.settleJournal(path + "/full_title")

	issue := ctx.issue
	ipath := a.path + "/journal_issue"
	if v := issue.child("journal_volume").child("volume").value(); v != "" {
		a.b.art.Volume = v
	}
	if v := issue.child("issue").value(); v != "" {
		a.b.art.Issue = v
	}
	if v := issue.child("special_numbering").value(); v != "" {
		a.b.warn(ipath+"/special_numbering", "special numbering %q not kept", v)
	}
}

// readBody reads the journal_article element itself.
func (a *xmlArticle) readBody(n *xnode) {
	path := a.path + "/journal_article"
	if lang := n.attr("language"); lang != "" {
		a.b.setLanguage(path+"/@language", lang)
	}
	a.readTitles(path, n)
	a.readContributors(path+"/contributors", n.child("contributors"))
	for _, abstract := range n.all("abstract") {
		text := abstract.markup()
		switch {
		case text == "":
		case a.b.art.Abstract == "":
			a.b.art.Abstract = text
		default:
			kind := abstract.attr("abstract-type")
			if kind == "" {
				kind = "further"
			}
			a.b.warn(path+"/abstract", "%s abstract not kept", kind)
		}
	}
	a.readDates(path, n.all("publication_date"))
	if a.b.art.Dates.Published.IsZero() {
		a.readDates(a.path+"/journal_issue", a.issue.all("publication_date"))
	}
	if n.child("acceptance_date") != nil {
		a.b.setDate(path+"/acceptance_date", &a.b.art.Dates.Accepted, a.date(path+"/acceptance_date", n.child("acceptance_date")))
	}
	pages := n.child("pages")
	a.b.setPageRange(path+"/pages", pages.child("first_page").value(), pages.child("last_page").value())
	if other := pages.child("other_pages").value(); other != "" {
		a.b.warn(path+"/pages/other_pages", "further pages %q not kept", other)
	}
	doiData := n.child("doi_data")
	a.b.setDOI(path+"/doi_data/doi", doiData.child("doi").value())
	for _, item := range n.all("publisher_item") {
		a.readPublisherItem(path+"/publisher_item", item)
	}
	a.b.setURL(path+"/doi_data/resource", doiData.child("resource").value())
	for _, collection := range doiData.all("collection") {
		for _, item := range collection.all("item") {
			for _, res := range item.all("resource") {
				a.b.addFile(path+"/doi_data/collection/item/resource", res.value(), res.attr("mime_type"))
			}
		}
	}
	a.readPrograms(path, n)
	if crossmark := n.child("crossmark"); crossmark != nil {
		a.readCrossmark(path+"/crossmark", crossmark)
	}
	a.readEditorsAndFunding(path, n)
	for i, c := range n.child("citation_list").all("citation") {
		a.b.addReference(fmt.Sprintf("%s/citation_list/citation[%d]", path, i+1), xmlCitation(c))
	}
	if components := n.child("component_list").all("component"); len(components) > 0 {
		a.b.warn(path+"/component_list", "%d components (figures, supplementary files) not kept", len(components))
	}
	for _, c := range n.elements() {
		if !articleElements[c.name] {
			a.b.warn(path+"/"+c.name, "element not read")
		}
	}
}

// articleElements are the children of journal_article that readBody
// reads, and the administrative ones it skips without a warning: the
// archives that hold the article and the publisher's sharing policies.
var articleElements = map[string]bool{
	"titles": true, "contributors": true, "abstract": true, "publication_date": true,
	"acceptance_date": true, "pages": true, "publisher_item": true, "doi_data": true,
	"program": true, "crossmark": true, "citation_list": true, "component_list": true,
	"archive_locations": true, "scn_policies": true,
}

func (a *xmlArticle) readTitles(path string, article *xnode) {
	path += "/titles"
	titles := article.child("titles")
	for i, t := range titles.all("title") {
		text := t.markup()
		switch {
		case i == 0:
			a.b.art.Title = text
		case text != a.b.art.Title:
			a.b.warn(path+"/title", "a further title %q is not kept", t.value())
		}
	}
	if a.b.art.Title == "" {
		pos := article.pos
		if titles != nil {
			pos = titles.pos
		}
		a.b.fail(pos, path+"/title", errors.New("the article has no title"))
	}
	for _, name := range []string{"subtitle", "original_language_title"} {
		for _, t := range titles.all(name) {
			if v := t.value(); v != "" {
				a.b.warn(path+"/"+name, "%q is not kept: the model has no %s", v, strings.ReplaceAll(name, "_", " "))
			}
		}
	}
}

func (a *xmlArticle) readContributors(path string, contributors *xnode) {
	seen := map[string]int{} // elements of each name so far, for the path
	for _, c := range contributors.elements() {
		seen[c.name]++
		cpath := fmt.Sprintf("%s/%s[%d]", path, c.name, seen[c.name])
		role := c.attr("contributor_role")
		if role == "" {
			role = "author"
		}
		if role != "author" {
			a.b.warn(cpath, "%s %q not kept: the model holds authors only", role, c.value())
			continue
		}
		var author ld.Author
		switch c.name {
		case "person_name":
			var ok bool
			if author, ok = a.person(cpath, c); !ok {
				continue
			}
		case "organization":
			author = ld.Author{Kind: ld.OrganizationAuthor, Name: c.value()}
			if author.Name == "" {
				a.b.warn(cpath, "organization without a name not kept")
				continue
			}
		case "anonymous":
			a.b.warn(cpath, "anonymous author not kept")
			continue
		default:
			a.b.warn(cpath, "contributor element not read")
			continue
		}
		checkSequence(&a.b, cpath+"/@sequence", c.attr("sequence"), len(a.b.art.Authors))
		a.b.art.Authors = append(a.b.art.Authors, author)
	}
}

// person reads a person_name, and reports whether it names someone.
func (a *xmlArticle) person(path string, p *xnode) (ld.Author, bool) {
	author := ld.Author{
		Given:  p.child("given_name").value(),
		Family: p.child("surname").value(),
		Suffix: p.child("suffix").value(),
	}
	if !a.b.person(path, &author) {
		return author, false
	}
	if raw := p.child("ORCID").value(); raw != "" {
		orcid, err := ident.NormalizeORCID(raw)
		if err != nil {
			a.b.warn(path+"/ORCID", "ORCID %q dropped: %v", raw, err)
		} else {
			author.ORCID = orcid
		}
	}
	addAff := func(path string, aff ld.Affiliation) {
		if id, ok := a.b.affiliationID(path, aff); ok && !slices.Contains(author.Affiliations, id) {
			author.Affiliations = append(author.Affiliations, id)
		}
	}
	for _, aff := range p.all("affiliation") {
		addAff(path+"/affiliation", ld.Affiliation{Name: aff.value()})
	}
	for i, inst := range p.child("affiliations").all("institution") {
		ipath := fmt.Sprintf("%s/affiliations/institution[%d]", path, i+1)
		addAff(ipath, a.institution(ipath, inst))
	}
	if alt := p.child("alt-name"); alt != nil {
		a.b.warn(path+"/alt-name", "alternative name %q not kept", alt.value())
	}
	return author, true
}

// institution reads the structured affiliation of schema 5.3 and later.
func (a *xmlArticle) institution(path string, inst *xnode) ld.Affiliation {
	aff := ld.Affiliation{
		Name:       inst.child("institution_name").value(),
		Department: inst.child("institution_department").value(),
	}
	for _, id := range inst.all("institution_id") {
		kind, value := id.attr("type"), id.value()
		if !strings.EqualFold(kind, "ror") {
			a.b.warn(path+"/institution_id", "affiliation identifier %s %q not kept: the model holds ROR IDs only", kind, value)
			continue
		}
		ror, err := ident.NormalizeROR(value)
		if err != nil {
			a.b.warn(path+"/institution_id", "ROR %q dropped: %v", value, err)
			continue
		}
		if aff.ROR == "" {
			aff.ROR = ror
		} else if aff.ROR != ror {
			a.b.warn(path+"/institution_id", "a second ROR %s is not kept", ror)
		}
	}
	for _, name := range []string{"institution_place", "institution_acronym"} {
		for _, el := range inst.all(name) {
			if v := el.value(); v != "" {
				a.b.warn(path+"/"+name, "%s %q not kept", strings.TrimPrefix(name, "institution_"), v)
			}
		}
	}
	return aff
}

// date reads a Crossref date (year, month, day elements). Months 21-24
// (seasons) and 31-34 (quarters) keep the year only, with a warning. A
// date that does not exist rejects the record.
func (a *xmlArticle) date(path string, n *xnode) ld.Date {
	var parts []int
	for _, name := range []string{"year", "month", "day"} {
		v := n.child(name).value()
		if v == "" {
			break
		}
		num, err := strconv.Atoi(v)
		if err != nil {
			a.b.fail(n.pos, path+"/"+name, fmt.Errorf("%q is not a whole number", v))
			return ld.Date{}
		}
		if name == "month" && num > 20 {
			a.b.warn(path+"/month", "season or quarter %d kept as the year only", num)
			break
		}
		parts = append(parts, num)
	}
	if len(parts) == 0 {
		return ld.Date{}
	}
	d, err := dates.FromParts(parts)
	if err != nil {
		a.b.fail(n.pos, path, err)
		return ld.Date{}
	}
	return d
}

// readDates reads publication dates by media type: the online date is the
// first publication, else the print date; PublishedPrint is the print
// date.
func (a *xmlArticle) readDates(path string, list []*xnode) {
	d := &a.b.art.Dates
	var online, printed ld.Date
	for _, pd := range list {
		media := pd.attr("media_type")
		date := a.date(path+"/publication_date", pd)
		switch media {
		case "online":
			a.b.setDate(path+"/publication_date", &online, date)
		case "print", "":
			a.b.setDate(path+"/publication_date", &printed, date)
		default:
			a.b.warn(path+"/publication_date", "publication date %s of media type %q not kept", date, media)
		}
	}
	switch {
	case !online.IsZero():
		d.Published = online
	case !printed.IsZero():
		d.Published = printed
	}
	d.PublishedPrint = printed
}

func (a *xmlArticle) readPublisherItem(path string, item *xnode) {
	for _, num := range item.all("item_number") {
		v := num.value()
		switch kind := num.attr("item_number_type"); {
		case v == "":
		case kind == "" || kind == "article_number" || kind == "article-number":
			if a.b.art.ArticleNumber == "" {
				a.b.art.ArticleNumber = v
			}
		default:
			a.b.warn(path+"/item_number", "item number %q of type %q not kept", v, kind)
		}
	}
	for _, id := range item.all("identifier") {
		kind, v := id.attr("id_type"), id.value()
		if doi, err := ident.NormalizeDOI(v); kind == "doi" && err == nil && strings.EqualFold(doi, a.b.art.DOI) {
			continue
		}
		if v != "" {
			a.b.warn(path+"/identifier", "identifier %s %q not kept", kind, v)
		}
	}
}

// readPrograms reads the AccessIndicators (licence, free to read), the
// FundRef funders and the relations of the article and of its Crossmark.
func (a *xmlArticle) readPrograms(path string, n *xnode) {
	for _, prog := range n.all("program") {
		switch {
		case prog.child("license_ref") != nil || prog.child("free_to_read") != nil || prog.attr("name") == "AccessIndicators":
			for _, ref := range prog.all("license_ref") {
				a.b.offerLicence(path+"/program/license_ref", ref.value(), ref.attr("applies_to"))
			}
			if prog.child("free_to_read") != nil {
				open := true
				a.b.art.OpenAccess = &open
			}
		case prog.attr("name") == "fundref":
			a.readFunders(path+"/program", prog)
		case prog.child("related_item") != nil:
			for i, item := range prog.all("related_item") {
				a.readRelated(fmt.Sprintf("%s/program/related_item[%d]", path, i+1), item)
			}
		case len(prog.elements()) > 0:
			a.b.warn(path+"/program", "program %q not read", prog.attr("name"))
		}
	}
}

// readFunders reports each funder once: the model has no funding.
func (a *xmlArticle) readFunders(path string, prog *xnode) {
	var walk func(n *xnode)
	walk = func(n *xnode) {
		for _, c := range n.all("assertion") {
			if c.attr("name") != "funder_name" {
				walk(c)
				continue
			}
			name := c.ownValue()
			if name == "" || a.funders[name] {
				continue
			}
			a.funders[name] = true
			for _, id := range c.all("assertion") {
				if id.attr("name") == "funder_identifier" && id.value() != "" {
					name += " (" + id.value() + ")"
				}
			}
			a.b.warn(path, "funder %s not kept: the model has no funding", name)
		}
	}
	walk(prog)
}

func (a *xmlArticle) readRelated(path string, item *xnode) {
	for _, rel := range item.elements() {
		if rel.name != "inter_work_relation" && rel.name != "intra_work_relation" {
			continue
		}
		kind, idType, id := rel.attr("relationship-type"), rel.attr("identifier-type"), rel.value()
		if r, ok := interWorkRelation(kind); ok {
			a.b.addRelated(path, r, idType, id)
		} else {
			a.b.warn(path, "relation %q to %s %s not kept", kind, idType, id)
		}
	}
}

func (a *xmlArticle) readCrossmark(path string, cm *xnode) {
	for i, u := range cm.child("updates").all("update") {
		a.b.noteUpdate(fmt.Sprintf("%s/updates/update[%d]", path, i+1), u.attr("type"), u.value())
	}
	custom := cm.child("custom_metadata")
	for i, as := range custom.all("assertion") {
		a.b.assertion(fmt.Sprintf("%s/custom_metadata/assertion[%d]", path, i+1),
			as.attr("name"), as.attr("label"), as.value(), &a.b.art.Dates)
	}
	a.readPrograms(path+"/custom_metadata", custom)
}

// xmlCitation reads one citation of the citation_list.
func xmlCitation(c *xnode) citation {
	v := func(name string) string { return c.child(name).value() }
	return citation{
		doi:          v("doi"),
		unstructured: c.child("unstructured_citation").innerXML(),
		parts: []string{v("author"), v("cYear"), v("article_title"), v("journal_title"), v("volume_title"),
			v("series_title"), v("volume"), v("issue"), v("first_page")},
	}
}

// innerXML is the element's content as XML text, "" for a missing node.
func (n *xnode) innerXML() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, c := range n.children {
		c.writeXML(&b)
	}
	return b.String()
}

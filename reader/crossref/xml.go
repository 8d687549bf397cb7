package crossref

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/text"
	"github.com/scholarld/scholarld/reader/internal/xmltree"
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
	switch root.Name {
	case "crossref_result", "doi_records", "doi_record", "crossref", "doi_batch", "journal":
	default:
		return nil, fmt.Errorf("%s: crossref: %w: the root element is <%s>", root.Pos, errNotCrossref, root.Name)
	}
	r.collect(root, xmlContext{})
	return r.records, nil
}

// SniffXML reports whether data looks like Crossref XML: within the first
// 4 KiB, a root element Crossref's schemas define or one of their
// namespaces.
func SniffXML(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	if decoded, ok, err := text.FromUTF16(head[:len(head)&^1]); ok && err == nil {
		head = decoded // UTF-16, by its byte-order mark
	}
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

// parseXML reads the whole document into a tree; reading stops with a
// positioned error at the first syntax error or past xmltree.MaxDepth.
func parseXML(data []byte, file string) (*xmltree.Node, error) {
	root, err := xmltree.Parse(data, file)
	var treeErr *xmltree.Error
	if errors.As(err, &treeErr) {
		return nil, &reader.SyntaxError{Format: "crossref", PosFirst: true, Pos: treeErr.Pos, Err: treeErr.Err}
	}
	return root, err
}

// value is the cleaned text of the element and all it holds.
func value(n *xmltree.Node) string { return clean(n.RawText()) }

// ownValue is the cleaned text directly inside the element, leaving out
// the text of child elements.
func ownValue(n *xmltree.Node) string { return clean(n.OwnText()) }

// markup is the element's content converted to the model's markup: the
// Crossref face markup and JATS inside a title or an abstract.
func xmlMarkup(n *xmltree.Node) string { return inlineMarkup(n.InnerXML()) }

// xmlContext is what enclosing elements tell a record: the query's status
// and publisher, the journal's metadata and issue.
type xmlContext struct {
	publisher string
	journal   *xmltree.Node
	issue     *xmltree.Node
	path      string
}

type xmlReader struct {
	file    string
	records []reader.Record
}

// collect walks the wrappers down to the records.
func (r *xmlReader) collect(n *xmltree.Node, ctx xmlContext) {
	ctx.path += "/" + n.Name
	switch n.Name {
	case "crossref_result", "query_result", "body", "doi_records", "doi_record", "crossref", "doi_batch":
		for _, c := range n.Elements() {
			r.collect(c, ctx)
		}
	case "head":
	case "query":
		switch status := n.Attr("status"); status {
		case "", "resolved":
		default:
			msg := value(n.Child("msg"))
			if msg == "" {
				msg = "no record"
			}
			r.reject(n.Pos, ctx.path, fmt.Errorf("the query for %q has status %q: %s", value(n.Child("doi")), status, msg))
			return
		}
		for _, item := range n.All("crm-item") {
			if item.Attr("name") == "publisher-name" {
				ctx.publisher = value(item)
			}
		}
		records := n.All("doi_record")
		if len(records) == 0 {
			r.reject(n.Pos, ctx.path, fmt.Errorf("the query for %q holds no doi_record", value(n.Child("doi"))))
		}
		for _, c := range records {
			r.collect(c, ctx)
		}
	case "error":
		r.reject(n.Pos, ctx.path, fmt.Errorf("Crossref reports an error: %s", value(n)))
	case "posted_content":
		r.records = append(r.records, r.readPosted(n, ctx, len(r.records)))
	case "journal":
		ctx.journal = n.Child("journal_metadata")
		ctx.issue = n.Child("journal_issue")
		articles := n.All("journal_article")
		if len(articles) == 0 {
			r.reject(n.Pos, ctx.path, errors.New("the journal record holds no journal_article"))
		}
		for _, a := range articles {
			r.records = append(r.records, r.readArticle(a, ctx, len(r.records)))
		}
	default:
		r.reject(n.Pos, ctx.path, fmt.Errorf("the record is a %s, not a journal article", strings.ReplaceAll(n.Name, "_", " ")))
	}
}

func (r *xmlReader) reject(pos ld.Position, path string, err error) {
	r.records = append(r.records, reader.Record{
		Index: len(r.records), Pos: pos, Err: &ld.FieldError{Pos: pos, Path: path, Err: err},
	})
}

// xmlArticle reads one journal_article into a builder.
type xmlArticle struct {
	b     builder
	path  string        // of the journal element
	issue *xmltree.Node // journal_issue, whose dates stand in for missing ones
}

func (r *xmlReader) readArticle(n *xmltree.Node, ctx xmlContext, index int) reader.Record {
	a := &xmlArticle{path: ctx.path, issue: ctx.issue}
	a.readJournal(ctx)
	a.readBody(n)
	a.b.settleDates(a.path + "/journal_article/crossmark/custom_metadata")
	return a.b.record(index, n.Pos)
}

func (a *xmlArticle) readJournal(ctx xmlContext) {
	meta := ctx.journal
	path := a.path + "/journal_metadata"
	for i, title := range meta.All("full_title") {
		switch text := xmlMarkup(title); {
		case i > 0:
			a.b.warn(path+"/full_title", "a further journal title %q is not kept", value(title))
		case text != "":
			a.b.journal().Title = text
		}
	}
	if abbrev := value(meta.Child("abbrev_title")); abbrev != "" {
		a.b.journal().Abbreviation = abbrev
	}
	for _, issn := range meta.All("issn") {
		media := issn.Attr("media_type")
		if media == "" {
			media = "print" // the schema's default
		}
		kind, ok := issnKind(media)
		if !ok {
			a.b.warn(path+"/issn", "unknown ISSN media type %q", media)
		}
		a.b.addISSN(path+"/issn", value(issn), kind)
	}
	if coden := value(meta.Child("coden")); coden != "" {
		a.b.warn(path+"/coden", "CODEN %q not kept", coden)
	}
	if lang := meta.Attr("language"); lang != "" {
		a.b.setLanguage(path+"/@language", lang)
	}
	if ctx.publisher != "" {
		a.b.journal().Publisher = &ld.Publisher{Name: ctx.publisher}
	}
	a.b.settleJournal(path + "/full_title")

	issue := ctx.issue
	ipath := a.path + "/journal_issue"
	if v := value(issue.Child("journal_volume").Child("volume")); v != "" {
		a.b.art.Volume = v
	}
	if v := value(issue.Child("issue")); v != "" {
		a.b.art.Issue = v
	}
	if v := value(issue.Child("special_numbering")); v != "" {
		a.b.warn(ipath+"/special_numbering", "special numbering %q not kept", v)
	}
}

// readPosted reads posted content (a preprint) as an article, as the
// REST reader reads a work of type posted-content, so that the two
// readers agree: its posted_date is its publication date.
func (r *xmlReader) readPosted(n *xmltree.Node, ctx xmlContext, index int) reader.Record {
	a := &xmlArticle{path: strings.TrimSuffix(ctx.path, "/posted_content")}
	path := a.path + "/posted_content"
	a.b.setWorkType(path+"/@type", "posted-content", n.Attr("type"))
	for _, inst := range n.All("institution") {
		a.b.setServer(path+"/institution/institution_name", value(inst.Child("institution_name")))
	}
	if posted := n.Child("posted_date"); posted != nil {
		a.b.art.Dates.Published = a.date(path+"/posted_date", posted)
	}
	if v := value(n.Child("group_title")); v != "" {
		a.b.warn(path+"/group_title", "group title %q not kept: the model has no subject group", v)
	}

	a.readBody(n)
	a.b.settleDates(path + "/crossmark/custom_metadata")
	return a.b.record(index, n.Pos)
}

// postedElements are the children of posted_content that readPosted
// reads itself.
var postedElements = map[string]bool{"posted_date": true, "group_title": true, "institution": true, "item_number": true}

// readBody reads the journal_article (or posted_content) element itself.
func (a *xmlArticle) readBody(n *xmltree.Node) {
	path := a.path + "/" + n.Name
	if lang := n.Attr("language"); lang != "" {
		a.b.setLanguage(path+"/@language", lang)
	}
	a.readTitles(path, n)
	a.readContributors(path+"/contributors", n.Child("contributors"))
	for _, abstract := range n.All("abstract") {
		text := xmlMarkup(abstract)
		switch {
		case text == "":
		case a.b.art.Abstract == "":
			a.b.art.Abstract = text
		default:
			kind := abstract.Attr("abstract-type")
			if kind == "" {
				kind = "further"
			}
			a.b.warn(path+"/abstract", "%s abstract not kept", kind)
		}
	}
	a.readDates(path, n.All("publication_date"))
	if a.b.art.Dates.Published.IsZero() {
		a.readDates(a.path+"/journal_issue", a.issue.All("publication_date"))
	} else {
		a.readIssueDates(a.path+"/journal_issue/publication_date", a.issue.All("publication_date"))
	}
	if n.Child("acceptance_date") != nil {
		a.b.setDate(path+"/acceptance_date", &a.b.art.Dates.Accepted, a.date(path+"/acceptance_date", n.Child("acceptance_date")))
	}
	pages := n.Child("pages")
	a.b.setPageRange(path+"/pages", value(pages.Child("first_page")), value(pages.Child("last_page")))
	if other := value(pages.Child("other_pages")); other != "" {
		a.b.warn(path+"/pages/other_pages", "further pages %q not kept", other)
	}
	doiData := n.Child("doi_data")
	a.b.setDOI(path+"/doi_data/doi", value(doiData.Child("doi")))
	for _, item := range n.All("publisher_item") {
		a.readPublisherItem(path+"/publisher_item", item)
	}
	a.b.setURL(path+"/doi_data/resource", value(doiData.Child("resource")))
	for _, collection := range doiData.All("collection") {
		for _, item := range collection.All("item") {
			for _, res := range item.All("resource") {
				a.b.addFile(path+"/doi_data/collection/item/resource", value(res), res.Attr("mime_type"))
			}
		}
	}
	a.readPrograms(path, n)
	if crossmark := n.Child("crossmark"); crossmark != nil {
		a.readCrossmark(path+"/crossmark", crossmark)
	}
	a.readEditorsAndFunding(path, n)
	for i, c := range n.Child("citation_list").All("citation") {
		a.b.addReference(fmt.Sprintf("%s/citation_list/citation[%d]", path, i+1), xmlCitation(c))
	}
	if components := n.Child("component_list").All("component"); len(components) > 0 {
		a.b.warn(path+"/component_list", "%d components (figures, supplementary files) not kept", len(components))
	}
	if n.Name == "posted_content" {
		for _, num := range n.All("item_number") {
			a.readItemNumber(path+"/item_number", num)
		}
	}
	for _, c := range n.Elements() {
		if !articleElements[c.Name] && !(n.Name == "posted_content" && postedElements[c.Name]) {
			a.b.warn(path+"/"+c.Name, "element not read")
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

func (a *xmlArticle) readTitles(path string, article *xmltree.Node) {
	path += "/titles"
	titles := article.Child("titles")
	for i, t := range titles.All("title") {
		text := xmlMarkup(t)
		switch {
		case i == 0:
			a.b.art.Title = text
		case text != a.b.art.Title:
			a.b.warn(path+"/title", "a further title %q is not kept", value(t))
		}
	}
	originals := titles.All("original_language_title")
	if a.b.art.Title == "" && len(originals) > 0 {
		// A record whose only title is in its original language.
		if a.b.art.Title = xmlMarkup(originals[0]); a.b.art.Title != "" {
			a.b.warn(path+"/original_language_title", "the work has only its original-language title: %q is the title", value(originals[0]))
			originals = originals[1:]
		}
	}
	if a.b.art.Title == "" {
		pos := article.Pos
		if titles != nil {
			pos = titles.Pos
		}
		a.b.fail(pos, path+"/title", errors.New("the article has no title"))
	}
	for _, t := range originals {
		if v := value(t); v != "" {
			a.b.warn(path+"/original_language_title", "%q is not kept: the model has no original title", v)
		}
	}
}

func (a *xmlArticle) readContributors(path string, contributors *xmltree.Node) {
	seen := map[string]int{} // elements of each name so far, for the path
	for _, c := range contributors.Elements() {
		seen[c.Name]++
		cpath := fmt.Sprintf("%s/%s[%d]", path, c.Name, seen[c.Name])
		role := c.Attr("contributor_role")
		if role == "" {
			role = "author"
		}
		if role == "editor" {
			continue // read by readEditorsAndFunding
		}
		if role != "author" {
			a.b.warn(cpath, "%s %q not kept: the model holds authors and editors only", role, value(c))
			continue
		}
		var author ld.Author
		switch c.Name {
		case "person_name":
			var ok bool
			if author, ok = a.person(cpath, c); !ok {
				continue
			}
		case "organization":
			author = ld.Author{Kind: ld.OrganizationAuthor, Name: value(c)}
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
		checkSequence(&a.b, cpath+"/@sequence", c.Attr("sequence"), len(a.b.art.Authors))
		a.b.art.Authors = append(a.b.art.Authors, author)
	}
}

// person reads a person_name, and reports whether it names someone.
func (a *xmlArticle) person(path string, p *xmltree.Node) (ld.Author, bool) {
	author := ld.Author{
		Given:  value(p.Child("given_name")),
		Family: value(p.Child("surname")),
		Suffix: value(p.Child("suffix")),
	}
	if !a.b.person(path, &author) {
		return author, false
	}
	if raw := value(p.Child("ORCID")); raw != "" {
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
	for _, aff := range p.All("affiliation") {
		addAff(path+"/affiliation", ld.Affiliation{Name: value(aff)})
	}
	for i, inst := range p.Child("affiliations").All("institution") {
		ipath := fmt.Sprintf("%s/affiliations/institution[%d]", path, i+1)
		addAff(ipath, a.institution(ipath, inst))
	}
	if alt := p.Child("alt-name"); alt != nil {
		a.b.warn(path+"/alt-name", "alternative name %q not kept", value(alt))
	}
	return author, true
}

// institution reads the structured affiliation of schema 5.3 and later.
func (a *xmlArticle) institution(path string, inst *xmltree.Node) ld.Affiliation {
	aff := ld.Affiliation{
		Name:       value(inst.Child("institution_name")),
		Department: value(inst.Child("institution_department")),
	}
	for _, id := range inst.All("institution_id") {
		kind, value := id.Attr("type"), value(id)
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
		for _, el := range inst.All(name) {
			if v := value(el); v != "" {
				a.b.warn(path+"/"+name, "%s %q not kept", strings.TrimPrefix(name, "institution_"), v)
			}
		}
	}
	return aff
}

// date reads a Crossref date (year, month, day elements). Months 21-24
// (seasons) and 31-34 (quarters) keep the year only, with a warning. A
// date that does not exist rejects the record.
func (a *xmlArticle) date(path string, n *xmltree.Node) ld.Date {
	var parts []int
	for _, name := range []string{"year", "month", "day"} {
		v := value(n.Child(name))
		if v == "" {
			break
		}
		num, err := strconv.Atoi(v)
		if err != nil {
			a.b.fail(n.Pos, path+"/"+name, fmt.Errorf("%q is not a whole number", v))
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
		a.b.fail(n.Pos, path, err)
		return ld.Date{}
	}
	return d
}

// readDates reads publication dates by media type: the online date is the
// first publication, else the print date; PublishedPrint is the print
// date.
func (a *xmlArticle) readDates(path string, list []*xmltree.Node) {
	d := &a.b.art.Dates
	var online, printed ld.Date
	for _, pd := range list {
		media := pd.Attr("media_type")
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

// readIssueDates reads the issue's own dates when the article has its
// own: the print date is the model's PublishedPrint (the date of the print
// issue) when the article gives none; the others are reported.
func (a *xmlArticle) readIssueDates(path string, list []*xmltree.Node) {
	d := &a.b.art.Dates
	for _, pd := range list {
		date := a.date(path, pd)
		switch media := pd.Attr("media_type"); {
		case date.IsZero(), date == d.PublishedPrint, date == d.Published:
		case (media == "print" || media == "") && d.PublishedPrint.IsZero():
			if date != d.Published {
				d.PublishedPrint = date
			}
		default:
			a.b.warn(path, "issue date %s (%s) not kept", date, orDefault(media, "print"))
		}
	}
}

func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func (a *xmlArticle) readPublisherItem(path string, item *xmltree.Node) {
	for _, num := range item.All("item_number") {
		a.readItemNumber(path+"/item_number", num)
	}
	for _, id := range item.All("identifier") {
		kind, v := id.Attr("id_type"), value(id)
		if doi, err := ident.NormalizeDOI(v); kind == "doi" && err == nil && strings.EqualFold(doi, a.b.art.DOI) {
			continue
		}
		if v != "" {
			a.b.warn(path+"/identifier", "identifier %s %q not kept", kind, v)
		}
	}
}

// readItemNumber reads an item_number: only item_number_type=
// "article_number" is the article number.
func (a *xmlArticle) readItemNumber(path string, num *xmltree.Node) {
	v := value(num)
	switch kind := num.Attr("item_number_type"); {
	case v == "":
	case kind == "article_number" || kind == "article-number":
		if a.b.art.ArticleNumber == "" {
			a.b.art.ArticleNumber = v
		}
	case kind == "":
		// The schema's item_number is any number the publisher gives the
		// item: PLOS writes its DOI there, KISTI a publisher ID. Only
		// item_number_type="article_number" is an article number.
		a.b.warn(path, "item number %q without item_number_type=\"article_number\" not kept as the article number", v)
	default:
		a.b.warn(path, "item number %q of type %q not kept", v, kind)
	}
}

// readPrograms reads the AccessIndicators (licence, free to read), the
// FundRef funders and the relations of the article and of its Crossmark.
func (a *xmlArticle) readPrograms(path string, n *xmltree.Node) {
	for _, prog := range n.All("program") {
		switch {
		case prog.Child("license_ref") != nil || prog.Child("free_to_read") != nil || prog.Attr("name") == "AccessIndicators":
			for _, ref := range prog.All("license_ref") {
				a.b.offerLicence(path+"/program/license_ref", value(ref), ref.Attr("applies_to"))
			}
			if prog.Child("free_to_read") != nil {
				open := true
				a.b.art.OpenAccess = &open
			}
		case prog.Attr("name") == "fundref":
			// Read by readEditorsAndFunding, in document order across the
			// article and its Crossmark.
		case prog.Child("related_item") != nil:
			for i, item := range prog.All("related_item") {
				a.readRelated(fmt.Sprintf("%s/program/related_item[%d]", path, i+1), item)
			}
		case len(prog.Elements()) > 0:
			a.b.warn(path+"/program", "program %q not read", prog.Attr("name"))
		}
	}
}

func (a *xmlArticle) readRelated(path string, item *xmltree.Node) {
	for _, rel := range item.Elements() {
		if rel.Name != "inter_work_relation" && rel.Name != "intra_work_relation" {
			continue
		}
		kind, idType, id := rel.Attr("relationship-type"), rel.Attr("identifier-type"), value(rel)
		if r, ok := interWorkRelation(kind); ok {
			a.b.addRelated(path, r, idType, id)
		} else {
			a.b.warn(path, "relation %q to %s %s not kept", kind, idType, id)
		}
	}
}

func (a *xmlArticle) readCrossmark(path string, cm *xmltree.Node) {
	for i, u := range cm.Child("updates").All("update") {
		a.b.noteUpdate(fmt.Sprintf("%s/updates/update[%d]", path, i+1), u.Attr("type"), value(u))
	}
	custom := cm.Child("custom_metadata")
	for i, as := range custom.All("assertion") {
		a.b.assertion(fmt.Sprintf("%s/custom_metadata/assertion[%d]", path, i+1),
			as.Attr("name"), as.Attr("label"), value(as), &a.b.art.Dates)
	}
	a.readPrograms(path+"/custom_metadata", custom)
}

// xmlCitation reads one citation of the citation_list.
func xmlCitation(c *xmltree.Node) citation {
	v := func(name string) string { return value(c.Child(name)) }
	return citation{
		doi:          v("doi"),
		unstructured: c.Child("unstructured_citation").InnerXML(),
		parts: []string{v("author"), v("cYear"), v("article_title"), v("journal_title"), v("volume_title"),
			v("series_title"), v("volume"), v("issue"), v("first_page")},
	}
}

package ld

import (
	"fmt"
	"hash/maphash"
	"math/bits"
	"strconv"
	"strings"
	"sync"

	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/vocab"
)

// Profile chooses the vocabularies a graph is written in.
type Profile int

const (
	// FullProfile writes schema.org and DCMI terms side by side, with the
	// few BIBO, PRO/SCoRO and project terms that neither has: author order,
	// the corresponding author, revised dates. The default for RDF outputs.
	FullProfile Profile = iota
	// SchemaProfile writes schema.org only: what a web page embeds for
	// search engines. The default for JSON-LD and HTML.
	SchemaProfile
)

// Profiles lists the profiles by name, in documentation order.
var Profiles = []struct {
	Name    string
	Profile Profile
}{{"full", FullProfile}, {"schema", SchemaProfile}}

// ParseProfile returns the profile of a name listed in Profiles.
func ParseProfile(name string) (Profile, error) {
	for _, p := range Profiles {
		if p.Name == name {
			return p.Profile, nil
		}
	}
	return 0, fmt.Errorf("ld: unknown vocabulary profile %q (want full or schema)", name)
}

func (p Profile) String() string {
	for _, q := range Profiles {
		if q.Profile == p {
			return q.Name
		}
	}
	return "Profile(" + strconv.Itoa(int(p)) + ")"
}

// Map builds the graph of one article. It is a pure function of its
// arguments: the same article gives the same graph, triple for triple.
//
// Every IRI it makes is checked and percent-encoded where needed; a value
// that cannot become an IRI is an error naming its field, and Map then
// returns no graph rather than a graph with the triple missing.
func Map(a *Article, profile Profile) (*Graph, error) {
	var fresh Mapper
	return fresh.Map(a, profile)
}

// Mapper maps articles one after another into the same memory: each call
// of its Map reuses the triples and paths of the graph the previous call
// returned, which must be out of use by then. It is for a worker that
// encodes each graph before it maps the next: a graph's memory is a third
// of all that a record allocates, and reusing it saves a quarter of the
// cache misses of a bulk conversion (BENCHMARKS.md). A Mapper serves one
// goroutine; its zero value is ready.
type Mapper struct {
	triples []rdf.Triple
	paths   map[rdf.Term]string
}

// maxKeptTriples bounds the memory a Mapper keeps between graphs: one
// very large article must not hold its memory for the rest of a run.
const maxKeptTriples = 4096

// Map builds the graph of one article, as the function Map does, in the
// memory of the graph it returned last.
func (mp *Mapper) Map(a *Article, profile Profile) (*Graph, error) {
	m := &graphBuilder{article: a, full: profile == FullProfile, triples: mp.triples[:0], paths: mp.paths}
	if n := tripleCount(a, profile); cap(m.triples) < n {
		m.triples = make([]rdf.Triple, 0, n)
	}
	clear(m.paths)
	defer m.release()
	root := m.articleNode()
	mp.triples, mp.paths = m.triples, m.paths
	if cap(m.triples) > maxKeptTriples {
		mp.triples, mp.paths = nil, nil
	}
	if err := m.errs.Err(); err != nil {
		return nil, err
	}
	return &Graph{Root: root, Profile: profile, Triples: m.triples, Paths: m.paths}, nil
}

// tripleCount guesses, a little high, how many triples the graph of an
// article holds, so that they are allocated once.
func tripleCount(a *Article, profile Profile) int {
	n := 24 + 8*len(a.Authors) + 8*len(a.Affiliations) + 3*len(a.References) + 2*len(a.Keywords) + 6*len(a.Files) + 3*len(a.Related)
	if profile == FullProfile {
		n = n * 3 / 2 // DCMI terms beside most schema.org ones
	}
	return n * 6 / 5
}

// graphBuilder holds the state of one call of Map.
type graphBuilder struct {
	article *Article
	full    bool
	triples []rdf.Triple
	blanks  int
	errs    ErrorList
	// affiliations holds the node of each affiliation id, made on first use.
	affiliations map[string]resource
	seen         map[uint64]int      // the index of the triple with each hash
	paths        map[rdf.Term]string // Graph.Paths
}

// from records the record field a node was made from.
func (m *graphBuilder) from(node resource, path string) {
	if m.paths == nil {
		m.paths = make(map[rdf.Term]string)
	}
	m.paths[node] = path
}

// add appends a triple unless the graph has it already: a record may
// repeat a value (an ISSN given as print and as linking, a keyword twice),
// and a graph is a set. Triples are found by a 64-bit hash and then
// compared whole, so a hash collision never drops a triple.
func (m *graphBuilder) add(s resource, p string, o rdf.Object) {
	t := rdf.Triple{Subj: s, Pred: predicate(p), Obj: o}
	h := hashTriple(t)
	if i, seen := m.seen[h]; seen && (sameTriple(m.triples[i], t) || m.has(t)) {
		return
	}
	if m.seen == nil {
		m.seen = seenPool.Get().(map[uint64]int)
	}
	m.seen[h] = len(m.triples)
	m.triples = append(m.triples, t)
}

// seenPool keeps the emptied hash sets of finished graphs: allocating and
// zeroing one per article costs more than emptying one.
var seenPool = sync.Pool{New: func() any { return make(map[uint64]int, 256) }}

// release gives the builder's hash set back to seenPool.
func (m *graphBuilder) release() {
	if m.seen != nil {
		clear(m.seen)
		seenPool.Put(m.seen)
		m.seen = nil
	}
}

// has reports whether the graph holds t, by a full scan: only needed
// after a hash collision.
func (m *graphBuilder) has(t rdf.Triple) bool {
	for _, u := range m.triples {
		if sameTriple(u, t) {
			return true
		}
	}
	return false
}

var tripleSeed = maphash.MakeSeed()

// hashTriple hashes each term on its own and mixes the three. Every
// triple of every graph is hashed: maphash.String hashes a string where it
// lies, where a maphash.Hash copies it into its buffer first.
func hashTriple(t rdf.Triple) uint64 {
	return mixHash(mixHash(hashTerm(t.Subj), hashTerm(t.Pred)), hashTerm(t.Obj))
}

// hashTerm hashes a term's kind and string, and a literal's datatype and
// language.
func hashTerm(term rdf.Term) uint64 {
	h := mixHash(uint64(term.Type()), maphash.String(tripleSeed, term.String()))
	if lit, ok := term.(rdf.Literal); ok {
		h = mixHash(h, maphash.String(tripleSeed, lit.DataType.String()))
		h = mixHash(h, maphash.String(tripleSeed, lit.Lang()))
	}
	return h
}

// mixHash combines two hashes, in order: (a, b) and (b, a) differ.
func mixHash(a, b uint64) uint64 {
	return bits.RotateLeft64(a*0x9e3779b97f4a7c15, 31) ^ b
}

func sameTriple(a, b rdf.Triple) bool {
	return sameTerm(a.Subj, b.Subj) && sameTerm(a.Pred, b.Pred) && sameTerm(a.Obj, b.Obj)
}

func sameTerm(a, b rdf.Term) bool {
	if a.Type() != b.Type() || a.String() != b.String() {
		return false
	}
	la, isLiteral := a.(rdf.Literal)
	if !isLiteral {
		return true
	}
	lb := b.(rdf.Literal)
	return la.DataType.String() == lb.DataType.String() && la.Lang() == lb.Lang()
}

// str adds a plain string literal, unless the value is empty.
func (m *graphBuilder) str(s resource, p, value string) {
	if value != "" {
		m.add(s, p, rdf.NewTypedLiteral(value, xsdString))
	}
}

func (m *graphBuilder) typed(s resource, p, value string, datatype rdf.IRI) {
	m.add(s, p, rdf.NewTypedLiteral(value, datatype))
}

// blank makes a new blank node, labelled by its place in the graph.
func (m *graphBuilder) blank() resource {
	m.blanks++
	if m.blanks <= len(blankNodes) {
		return blankNodes[m.blanks-1]
	}
	b, _ := rdf.NewBlank("b" + strconv.Itoa(m.blanks-1)) // the label is never empty
	return b
}

// node makes a new blank node of the given class.
func (m *graphBuilder) node(class string) resource {
	b := m.blank()
	m.add(b, vocab.RDFType, term(class))
	return b
}

// iri checks an absolute http(s) URL from the field at path and returns it
// as an IRI; a bad value is recorded as an error of that field.
func (m *graphBuilder) iri(path, raw string) (rdf.IRI, bool) {
	clean, err := ident.CheckHTTPURL(raw)
	if err == nil {
		var iri rdf.IRI
		if iri, err = rdf.NewIRI(clean); err == nil {
			return iri, true
		}
	}
	m.errs = append(m.errs, &FieldError{Path: path, Err: err})
	return rdf.IRI{}, false
}

// doiIRI returns the https://doi.org IRI of a DOI, in lower case (DOIs are
// case-insensitive, IRIs are not: the same article read from two sources
// that spell its DOI differently is one node). The schema:identifier value
// and dcterms:identifier keep the DOI as the source gave it.
func (m *graphBuilder) doiIRI(path, doi string) (rdf.IRI, bool) {
	norm, err := ident.NormalizeDOI(doi)
	if err != nil {
		m.errs = append(m.errs, &FieldError{Path: path, Err: err})
		return rdf.IRI{}, false
	}
	return m.iri(path, ident.DOIURL(ident.FoldDOI(norm)))
}

// schemaDate writes a date as schema.org expects it: the ISO form typed
// schema:Date, the type the official context gives every date term.
func (m *graphBuilder) schemaDate(s resource, p string, d Date) {
	if !d.IsZero() {
		m.typed(s, p, d.String(), schemaDate)
	}
}

// dcDate writes a date typed by its precision: xsd:date, xsd:gYearMonth
// or xsd:gYear.
func (m *graphBuilder) dcDate(s resource, p string, d Date) {
	switch d.Precision() {
	case DayPrecision:
		m.typed(s, p, d.String(), xsdDate)
	case MonthPrecision:
		m.typed(s, p, d.String(), xsdGYearMonth)
	case YearPrecision:
		m.typed(s, p, d.String(), xsdGYear)
	}
}

// articleNode maps the article itself. The order of the calls is the order
// of the triples, which the JSON-LD encoder follows when it decides where
// a shared node is written out in full: the byline before the journal.
func (m *graphBuilder) articleNode() resource {
	a := m.article
	var root resource
	switch {
	case a.DOI != "":
		if iri, ok := m.doiIRI("doi", a.DOI); ok {
			root = iri
		}
	case a.URL != "":
		if iri, ok := m.iri("url", a.URL); ok {
			root = iri
		}
	}
	if root == nil {
		root, _ = rdf.NewBlank("article")
	}
	m.add(root, vocab.RDFType, term(workClass(a.Type)))
	if a.Type != "" {
		if class, ok := articleClasses[a.Type]; ok {
			m.add(root, vocab.SchemaAdditionalType, term(class))
		}
		m.str(root, vocab.SchemaGenre, string(a.Type))
	}
	m.str(root, vocab.SchemaHeadline, a.Title)
	m.str(root, vocab.SchemaName, a.Title)

	authors := m.authors(root)
	publisher := m.publisher()
	if publisher != nil {
		m.add(root, vocab.SchemaPublisher, publisher)
	}
	if container := m.container(publisher); container != nil {
		m.add(root, vocab.SchemaIsPartOf, container)
		if m.full {
			m.add(root, vocab.DCTermsIsPartOf, container)
		}
	}
	m.str(root, vocab.SchemaPageStart, a.FirstPage)
	m.str(root, vocab.SchemaPageEnd, a.LastPage)
	m.str(root, vocab.SchemaPagination, a.ArticleNumber)
	if a.DOI != "" {
		id := m.node(vocab.SchemaPropertyValue)
		m.from(id, "doi")
		m.str(id, vocab.SchemaPropertyID, "doi")
		m.str(id, vocab.SchemaValue, a.DOI)
		m.add(root, vocab.SchemaIdentifier, id)
	}
	if a.URL != "" {
		if iri, ok := m.iri("url", a.URL); ok {
			m.add(root, vocab.SchemaURL, iri)
		}
	}
	m.schemaDate(root, vocab.SchemaDatePublished, a.Dates.Published)
	license := m.license()
	if license != nil {
		m.add(root, vocab.SchemaLicense, license)
	}
	if a.OpenAccess != nil {
		m.typed(root, vocab.SchemaIsAccessibleForFree, strconv.FormatBool(*a.OpenAccess), xsdBoolean)
	}
	holders := m.copyright(root, authors)
	for _, k := range a.Keywords {
		m.str(root, vocab.SchemaKeywords, k)
	}
	m.str(root, vocab.SchemaArticleSection, a.Section)
	m.str(root, vocab.SchemaAbstract, a.Abstract)
	m.str(root, vocab.SchemaDescription, a.Abstract)
	m.str(root, vocab.SchemaInLanguage, a.Language)
	files := m.files(root)
	m.graphicalAbstract(root)
	m.references(root)
	related := m.related(root)
	m.work(root, publisher)
	m.unlinkedAffiliations(root)

	if m.full {
		m.dcterms(root, authors, publisher, license, holders, files, related)
	}
	return root
}

// articleClasses gives the FaBiO class written as schema:additionalType
// for each article type; "other" has none.
var articleClasses = map[ArticleType]string{
	ResearchArticle: vocab.FaBiOResearchPaper,
	ReviewArticle:   vocab.FaBiOReviewArticle,
	Editorial:       vocab.FaBiOEditorial,
	Correction:      vocab.FaBiOCorrection,
	Retraction:      vocab.FaBiORetraction,
	Letter:          vocab.FaBiOLetter,
	CaseReport:      vocab.FaBiOCaseReport,
	BriefReport:     vocab.FaBiOBriefReport,
	BookReview:      vocab.FaBiOBookReview,
	Comment:         vocab.FaBiOComment,
	Preprint:        vocab.FaBiOPreprint,
	ConferencePaper: vocab.FaBiOConferencePaper,
	Report:          vocab.FaBiOReportDocument,
	WorkingPaper:    vocab.FaBiOWorkingPaper,
	BookChapter:     vocab.FaBiOBookChapter,
}

// authors maps the byline. Persons with an ORCID and organisations with a
// ROR are named by that IRI, and give it as their schema:url too: the page
// that identifies them, which Google's Article guidelines ask of an author
// (author.url). The others are blank nodes.
func (m *graphBuilder) authors(root resource) []resource {
	nodes := make([]resource, 0, len(m.article.Authors))
	for i := range m.article.Authors {
		au := &m.article.Authors[i]
		path := elemPath("authors", i)
		var node resource
		class := vocab.SchemaPerson
		if au.IsOrganization() {
			class = vocab.SchemaOrganization
		}
		switch {
		case au.ORCID != "":
			norm, err := ident.NormalizeORCID(au.ORCID)
			if err != nil {
				m.errs = append(m.errs, &FieldError{Path: path + ".orcid", Err: err})
				continue
			}
			if iri, ok := m.iri(path+".orcid", ident.ORCIDURL(norm)); ok {
				node = iri
				m.add(node, vocab.RDFType, term(class))
				m.add(node, vocab.SchemaURL, iri)
			}
		case au.ROR != "":
			if iri, ok := m.iri(path+".ror", au.ROR); ok {
				node = iri
				m.add(node, vocab.RDFType, term(class))
				m.add(node, vocab.SchemaURL, iri)
			}
		}
		if node == nil {
			node = m.node(class)
		}
		m.from(node, path)
		m.add(root, vocab.SchemaAuthor, node)
		m.str(node, vocab.SchemaName, au.DisplayName())
		if !au.IsOrganization() {
			m.str(node, vocab.SchemaGivenName, au.Given)
			m.str(node, vocab.SchemaFamilyName, au.Family)
			m.str(node, vocab.SchemaHonorificSuffix, au.Suffix)
		}
		m.str(node, vocab.SchemaEmail, au.Email)
		// schema:affiliation is defined for persons only; an organisation
		// author (a consortium) is schema:memberOf its institutions.
		affiliation := vocab.SchemaAffiliation
		if au.IsOrganization() {
			affiliation = vocab.SchemaMemberOf
		}
		for j, id := range au.Affiliations {
			if aff := m.affiliation(elemPath(path+".affiliations", j), id); aff != nil {
				m.add(node, affiliation, aff)
			}
		}
		if au.Corresponding && m.full {
			role := m.node(vocab.PRORoleInTime)
			m.add(role, vocab.PROWithRole, term(vocab.SCoROCorrespondingAuthor))
			m.add(role, vocab.PRORelatesToDocument, root)
			m.add(node, vocab.PROHoldsRoleInTime, role)
		}
		nodes = append(nodes, node)
	}
	return nodes
}

// affiliation returns the node of the affiliation with the given id,
// mapping it on first use so that authors who share it share the node.
func (m *graphBuilder) affiliation(path, id string) resource {
	if node, ok := m.affiliations[id]; ok {
		return node
	}
	for i := range m.article.Affiliations {
		aff := &m.article.Affiliations[i]
		if aff.ID != id {
			continue
		}
		node := m.organization(elemPath("affiliations", i), aff)
		if m.affiliations == nil {
			m.affiliations = make(map[string]resource)
		}
		m.affiliations[id] = node
		return node
	}
	m.errs = append(m.errs, &FieldError{Path: path, Err: fmt.Errorf("no affiliation has the id %q", id)})
	return nil
}

// organization maps an affiliation: the institution, named by its ROR when
// known, with its department as a schema:department and its address.
func (m *graphBuilder) organization(path string, aff *Affiliation) resource {
	var node resource
	if aff.ROR != "" {
		if iri, ok := m.iri(path+".ror", aff.ROR); ok {
			node = iri
			m.add(node, vocab.RDFType, term(vocab.SchemaOrganization))
		}
	}
	if node == nil {
		node = m.node(vocab.SchemaOrganization)
	}
	m.from(node, path)
	name := aff.Name
	if name == "" {
		name = aff.Department
	}
	m.str(node, vocab.SchemaName, name)
	if aff.Department != "" && aff.Name != "" {
		dept := m.node(vocab.SchemaOrganization)
		m.str(dept, vocab.SchemaName, aff.Department)
		m.add(node, vocab.SchemaDepartment, dept)
	}
	m.address(node, aff.Address)
	return node
}

func (m *graphBuilder) address(node resource, addr *Address) {
	if addr == nil || *addr == (Address{}) {
		return
	}
	a := m.node(vocab.SchemaPostalAddress)
	m.str(a, vocab.SchemaStreetAddress, addr.Street)
	m.str(a, vocab.SchemaAddressLocality, addr.City)
	m.str(a, vocab.SchemaAddressRegion, addr.Region)
	m.str(a, vocab.SchemaPostalCode, addr.PostalCode)
	m.str(a, vocab.SchemaAddressCountry, addr.Country)
	m.add(node, vocab.SchemaAddress, a)
}

// unlinkedAffiliations maps the affiliations no author refers to (a page
// may list them without saying who belongs where) as the organisations
// the work comes from, so that they are not lost.
func (m *graphBuilder) unlinkedAffiliations(root resource) {
	for i := range m.article.Affiliations {
		aff := &m.article.Affiliations[i]
		if _, linked := m.affiliations[aff.ID]; linked {
			continue
		}
		m.add(root, vocab.SchemaSourceOrganization, m.organization(elemPath("affiliations", i), aff))
	}
}

func (m *graphBuilder) publisher() resource {
	j := m.article.Journal
	if j == nil || j.Publisher == nil || j.Publisher.Name == "" {
		return nil
	}
	node := m.node(vocab.SchemaOrganization)
	m.from(node, "journal.publisher")
	m.str(node, vocab.SchemaName, j.Publisher.Name)
	m.address(node, j.Publisher.Address)
	return node
}

// container maps the PublicationIssue → PublicationVolume → Periodical
// chain and returns its innermost link, the one the article is part of.
func (m *graphBuilder) container(publisher resource) resource {
	a := m.article
	var chain resource
	if j := a.Journal; j != nil {
		chain = m.periodical(j, publisher)
	}
	if a.Volume != "" {
		volume := m.node(vocab.SchemaPublicationVolume)
		m.from(volume, "volume")
		m.str(volume, vocab.SchemaVolumeNumber, a.Volume)
		m.partOf(volume, chain)
		chain = volume
	}
	if a.Issue != "" || !a.Dates.PublishedPrint.IsZero() {
		issue := m.node(vocab.SchemaPublicationIssue)
		m.from(issue, "issue")
		m.str(issue, vocab.SchemaIssueNumber, a.Issue)
		// The print date is the date of the issue.
		m.schemaDate(issue, vocab.SchemaDatePublished, a.Dates.PublishedPrint)
		if m.full {
			m.dcDate(issue, vocab.DCTermsIssued, a.Dates.PublishedPrint)
		}
		m.partOf(issue, chain)
		chain = issue
	}
	return chain
}

func (m *graphBuilder) partOf(child, parent resource) {
	if parent == nil {
		return
	}
	m.add(child, vocab.SchemaIsPartOf, parent)
	if m.full {
		m.add(child, vocab.DCTermsIsPartOf, parent)
	}
}

// issnPortal is the base of the ISSN International Centre's linked-data
// IRIs, which name a periodical by one of its ISSNs.
const issnPortal = "https://portal.issn.org/resource/ISSN/"

// periodical maps the journal, named by its linking ISSN (or else its
// first ISSN) so that the articles of one journal share one node.
func (m *graphBuilder) periodical(j *Journal, publisher resource) resource {
	var node resource
	if key := journalISSN(j); key != "" {
		if iri, err := rdf.NewIRI(issnPortal + key); err == nil {
			node = iri
			m.add(node, vocab.RDFType, term(vocab.SchemaPeriodical))
		}
	}
	if node == nil {
		node = m.node(vocab.SchemaPeriodical)
	}
	m.from(node, "journal")
	m.str(node, vocab.SchemaName, j.Title)
	m.str(node, vocab.SchemaAlternateName, j.Abbreviation)
	for _, issn := range j.ISSNs {
		m.str(node, vocab.SchemaISSN, issn.Value)
	}
	if m.full {
		for _, issn := range j.ISSNs {
			switch issn.Kind {
			case PrintISSN:
				m.str(node, vocab.BIBOISSN, issn.Value)
			case ElectronicISSN:
				m.str(node, vocab.BIBOEISSN, issn.Value)
			}
		}
	}
	if publisher != nil {
		m.add(node, vocab.SchemaPublisher, publisher)
	}
	return node
}

// journalISSN picks the ISSN that names a journal: the linking ISSN, or
// else the first. Only well-formed ISSNs (NNNN-NNNC) qualify.
func journalISSN(j *Journal) string {
	key := ""
	for _, issn := range j.ISSNs {
		if _, err := ident.NormalizeISSN(issn.Value); err != nil {
			continue
		}
		if issn.Kind == LinkingISSN {
			return issn.Value
		}
		if key == "" {
			key = issn.Value
		}
	}
	return key
}

// license maps the licence: its URL as an IRI, or a CreativeWork holding
// its label when no URL is known.
func (m *graphBuilder) license() rdf.Object {
	l := m.article.License
	switch {
	case l == nil:
		return nil
	case l.URL != "":
		if iri, ok := m.iri("license.url", l.URL); ok {
			return iri
		}
	case l.Label != "":
		node := m.node(vocab.SchemaCreativeWork)
		m.str(node, vocab.SchemaName, l.Label)
		return node
	}
	return nil
}

// copyright maps the copyright line and returns the holders' nodes. A
// holder written "the authors" (or "The Author(s)"), or that names the
// authors ("Harrison et al", "Smith and Jones"), is the byline.
func (m *graphBuilder) copyright(root resource, authors []resource) []resource {
	c := m.article.Copyright
	if c == nil {
		return nil
	}
	var holders []resource
	switch {
	case isTheAuthors(c.Holder), namesTheAuthors(c.Holder, m.article.Authors):
		holders = authors
	case c.Holder != "":
		org := m.node(vocab.SchemaOrganization)
		m.str(org, vocab.SchemaName, c.Holder)
		holders = []resource{org}
	}
	for _, h := range holders {
		m.add(root, vocab.SchemaCopyrightHolder, h)
	}
	if c.Year != 0 {
		m.typed(root, vocab.SchemaCopyrightYear, strconv.Itoa(c.Year), xsdInteger)
	}
	m.str(root, vocab.SchemaCopyrightNotice, c.Statement)
	return holders
}

func isTheAuthors(holder string) bool {
	switch strings.ToLower(strings.TrimSpace(holder)) {
	case "the authors", "the author", "the author(s)", "authors":
		return true
	}
	return false
}

// namesTheAuthors reports whether a copyright holder names the byline:
// the first author's family name followed by "et al", or every author's
// family name (or organisation name) in byline order, joined by commas,
// "and" or "&".
func namesTheAuthors(holder string, authors []Author) bool {
	if holder == "" || len(authors) == 0 {
		return false
	}
	name := func(a *Author) string {
		if a.Family != "" {
			return a.Family
		}
		return a.DisplayName()
	}
	h := strings.ToLower(strings.Join(strings.Fields(holder), " "))
	first := strings.ToLower(name(&authors[0]))
	if first == "" {
		return false
	}
	for _, etAl := range []string{" et al", " et al.", ", et al", ", et al.", " et al.,"} {
		if h == first+etAl {
			return true
		}
	}
	words := strings.FieldsFunc(h, func(r rune) bool { return r == ',' || r == '&' })
	var parts []string
	for _, w := range words {
		for _, p := range strings.Split(w, " and ") {
			if p = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(p), "and ")); p != "" {
				parts = append(parts, p)
			}
		}
	}
	if len(parts) != len(authors) {
		return false
	}
	for i := range authors {
		if parts[i] != strings.ToLower(name(&authors[i])) && parts[i] != strings.ToLower(authors[i].DisplayName()) {
			return false
		}
	}
	return true
}

// files maps the full-text files as MediaObjects and returns their URLs.
func (m *graphBuilder) files(root resource) []rdf.IRI {
	var urls []rdf.IRI
	for i, f := range m.article.Files {
		path := elemPath("files", i)
		url, ok := m.iri(path+".url", f.URL)
		if !ok {
			continue
		}
		node := m.node(vocab.SchemaMediaObject)
		m.from(node, path)
		m.add(node, vocab.SchemaContentURL, url)
		m.str(node, vocab.SchemaEncodingFormat, f.MediaType)
		m.str(node, vocab.SchemaContentSize, f.Size)
		m.schemaDate(node, vocab.SchemaUploadDate, f.Uploaded)
		m.add(root, vocab.SchemaEncoding, node)
		urls = append(urls, url)
	}
	return urls
}

func (m *graphBuilder) graphicalAbstract(root resource) {
	img := m.article.GraphicalAbstract
	if img == nil {
		return
	}
	url, ok := m.iri("graphicalAbstract.url", img.URL)
	if !ok {
		return
	}
	node := m.node(vocab.SchemaImageObject)
	m.from(node, "graphicalAbstract")
	m.add(node, vocab.SchemaContentURL, url)
	m.str(node, vocab.SchemaEncodingFormat, img.MediaType)
	m.str(node, vocab.SchemaCaption, img.Caption)
	m.add(root, vocab.SchemaImage, node)
}

// references maps the reference list: a reference with a DOI or URL is
// cited by that IRI; one with text only is a CreativeWork of its own,
// named by the text and numbered by its schema:position (1-based) in the
// list, so that references whose text is the same ("2011") stay distinct
// and in order rather than collapsing into one literal.
func (m *graphBuilder) references(root resource) {
	for i, ref := range m.article.References {
		path := elemPath("references", i)
		target, ok := m.target(path, ref.DOI, ref.URL)
		switch {
		case !ok:
		case target != nil:
			m.add(root, vocab.SchemaCitation, target)
			if m.full {
				m.add(root, vocab.DCTermsReferences, target)
				m.str(target, vocab.DCTermsBibliographicCitation, ref.Text)
			}
		case ref.Text != "":
			node := m.node(vocab.SchemaCreativeWork)
			// The position comes first: knakk/rdf's Turtle reader (used by
			// the tests) fails on a bare integer that ends a [ ] block.
			m.typed(node, vocab.SchemaPosition, strconv.Itoa(i+1), xsdInteger)
			m.str(node, vocab.SchemaName, ref.Text)
			m.add(root, vocab.SchemaCitation, node)
			if m.full {
				m.str(node, vocab.DCTermsBibliographicCitation, ref.Text)
				m.add(root, vocab.DCTermsReferences, node)
			}
		}
	}
}

// target returns the IRI of a cited or related work: its DOI, else its
// URL; nil when it has neither. ok is false when a value was bad.
func (m *graphBuilder) target(path, doi, url string) (resource, bool) {
	switch {
	case doi != "":
		iri, ok := m.doiIRI(path+".doi", doi)
		return iri, ok
	case url != "":
		iri, ok := m.iri(path+".url", url)
		return iri, ok
	}
	return nil, true
}

// related maps the links to other articles and returns their IRIs for
// dcterms:relation. Corrections and retractions of this article are its
// schema:correction; what this article corrects, retracts or comments on
// is its schema:about. The journal's next/previous navigation links are
// not bibliographic relations and are not mapped.
func (m *graphBuilder) related(root resource) []resource {
	var nodes []resource
	for i, rel := range m.article.Related {
		if rel.Relation == NextArticle || rel.Relation == PreviousArticle {
			continue
		}
		target, ok := m.target(elemPath("related", i), rel.DOI, rel.URL)
		if !ok || target == nil {
			continue
		}
		switch rel.Relation {
		case CorrectedBy, RetractedBy:
			m.add(root, vocab.SchemaCorrection, target)
		case Corrects, Retracts, CommentOn:
			m.add(root, vocab.SchemaAbout, target)
		}
		m.version(root, rel.Relation, target)
		nodes = append(nodes, target)
	}
	return nodes
}

// dcterms adds the DCMI terms of the full profile beside the schema.org
// ones, reusing the nodes already made.
func (m *graphBuilder) dcterms(root resource, authors []resource, publisher resource, license rdf.Object, holders []resource, files []rdf.IRI, related []resource) {
	a := m.article
	m.str(root, vocab.DCTermsTitle, a.Title)
	for _, au := range authors {
		m.add(root, vocab.DCTermsCreator, au)
	}
	if len(authors) > 0 {
		m.add(root, vocab.BIBOAuthorList, m.list(authors))
	}
	if publisher != nil {
		m.add(root, vocab.DCTermsPublisher, publisher)
	}
	m.dcDate(root, vocab.DCTermsIssued, a.Dates.Published)
	m.dcDate(root, vocab.DCTermsDateSubmitted, a.Dates.Received)
	for _, d := range a.Dates.Revised {
		m.dcDate(root, vocab.ScholarLDDateRevised, d)
	}
	m.dcDate(root, vocab.DCTermsDateAccepted, a.Dates.Accepted)
	if license != nil {
		m.add(root, vocab.DCTermsLicense, license)
	}
	if c := a.Copyright; c != nil && c.Statement != "" {
		rights := m.node(vocab.DCTermsRightsStatement)
		m.str(rights, vocab.RDFSLabel, c.Statement)
		m.add(root, vocab.DCTermsRights, rights)
	}
	for _, h := range holders {
		m.add(root, vocab.DCTermsRightsHolder, h)
	}
	for _, k := range a.Keywords {
		m.str(root, vocab.DCTermsSubject, k)
	}
	m.str(root, vocab.DCTermsAbstract, a.Abstract)
	if a.Language != "" {
		m.typed(root, vocab.DCTermsLanguage, a.Language, rfc5646)
	}
	if a.DOI != "" {
		m.str(root, vocab.DCTermsIdentifier, ident.DOIURL(a.DOI))
	}
	m.str(root, vocab.BIBONumber, a.ArticleNumber)
	for _, f := range files {
		m.add(root, vocab.DCTermsHasFormat, f)
	}
	for _, r := range related {
		m.add(root, vocab.DCTermsRelation, r)
	}
	m.str(root, vocab.DCTermsBibliographicCitation, a.Citation)
}

// list builds an rdf:List of the members and returns its head.
func (m *graphBuilder) list(members []resource) rdf.Object {
	var head rdf.Object = rdfNil
	cells := make([]resource, len(members))
	for i := range members {
		cells[i] = m.blank()
	}
	for i, member := range members {
		m.add(cells[i], vocab.RDFFirst, member)
		var rest rdf.Object = rdfNil
		if i+1 < len(cells) {
			rest = cells[i+1]
		}
		m.add(cells[i], vocab.RDFRest, rest)
	}
	if len(cells) > 0 {
		head = cells[0]
	}
	return head
}

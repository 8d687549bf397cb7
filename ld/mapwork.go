package ld

import (
	"github.com/knakk/rdf"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/vocab"
)

// workClass is the schema.org class of a work of the given type: a report
// or working paper is a schema:Report (a subclass of schema:Article), a
// book chapter a schema:Chapter, everything else a ScholarlyArticle
// (docs/worktypes.md).
func workClass(t ArticleType) string {
	switch t {
	case Report, WorkingPaper:
		return vocab.SchemaReport
	case BookChapter:
		return vocab.SchemaChapter
	}
	return vocab.SchemaScholarlyArticle
}

// work maps what works beyond the journal article carry, and funding,
// identifiers and other titles; journalPublisher is the node of the
// journal's publisher, if any, which a book falls back on.
func (m *graphBuilder) work(root, journalPublisher resource) {
	a := m.article
	m.otherTitles(root)
	publisher := journalPublisher
	if a.Publisher != nil && a.Publisher.Name != "" {
		publisher = m.node(vocab.SchemaOrganization)
		m.str(publisher, vocab.SchemaName, a.Publisher.Name)
		m.address(publisher, a.Publisher.Address)
		m.add(root, vocab.SchemaPublisher, publisher)
		if m.full {
			m.add(root, vocab.DCTermsPublisher, publisher)
		}
	}
	for i := range a.Editors {
		if editor := m.agent(elemPath("editors", i), &a.Editors[i]); editor != nil {
			m.add(root, vocab.SchemaEditor, editor)
		}
	}
	m.funding(root)
	m.otherIdentifiers(root)
	if workClass(a.Type) == vocab.SchemaReport {
		m.str(root, vocab.SchemaReportNumber, a.ReportNumber)
	}
	// A chapter's book, not the chapter, is part of the series and is
	// what an event's proceedings record.
	container := root
	if a.Book != nil {
		book := m.book(publisher)
		m.partOf(root, book)
		container = book
	}
	if a.Series != nil {
		m.partOf(container, m.series(a.Series))
	}
	if a.Event != nil {
		m.add(container, vocab.SchemaRecordedAt, m.event(a.Event))
	}
}

// otherTitles maps the subtitle and the alternative titles as
// schema:alternativeHeadline (a secondary title) and dcterms:alternative,
// each tagged with its language when known.
func (m *graphBuilder) otherTitles(root resource) {
	a := m.article
	m.str(root, vocab.SchemaAlternativeHeadline, a.Subtitle)
	if m.full {
		m.str(root, vocab.DCTermsAlternative, a.Subtitle)
	}
	for i, t := range a.AlternativeTitles {
		if t.Title == "" {
			continue
		}
		var title rdf.Object = rdf.NewTypedLiteral(t.Title, xsdString)
		if t.Language != "" {
			tagged, err := rdf.NewLangLiteral(t.Title, t.Language)
			if err == nil {
				err = ident.CheckLanguage(t.Language)
			}
			if err != nil {
				m.errs = append(m.errs, &FieldError{Path: elemPath("alternativeTitles", i) + ".language", Err: err})
				continue
			}
			title = tagged
		}
		m.add(root, vocab.SchemaAlternativeHeadline, title)
		if m.full {
			m.add(root, vocab.DCTermsAlternative, title)
		}
	}
}

// agent maps an editor as an author is mapped: a Person or Organization,
// named by its ORCID or ROR IRI when known, with its names and
// affiliations. It returns nil when an identifier is bad (an error of
// path is then recorded).
func (m *graphBuilder) agent(path string, au *Author) resource {
	class := vocab.SchemaPerson
	if au.IsOrganization() {
		class = vocab.SchemaOrganization
	}
	var node resource
	switch {
	case au.ORCID != "":
		norm, err := ident.NormalizeORCID(au.ORCID)
		if err != nil {
			m.errs = append(m.errs, &FieldError{Path: path + ".orcid", Err: err})
			return nil
		}
		iri, ok := m.iri(path+".orcid", ident.ORCIDURL(norm))
		if !ok {
			return nil
		}
		node = iri
		m.add(node, vocab.RDFType, term(class))
	case au.ROR != "":
		iri, ok := m.iri(path+".ror", au.ROR)
		if !ok {
			return nil
		}
		node = iri
		m.add(node, vocab.RDFType, term(class))
	default:
		node = m.node(class)
	}
	m.str(node, vocab.SchemaName, au.DisplayName())
	if !au.IsOrganization() {
		m.str(node, vocab.SchemaGivenName, au.Given)
		m.str(node, vocab.SchemaFamilyName, au.Family)
		m.str(node, vocab.SchemaHonorificSuffix, au.Suffix)
	}
	m.str(node, vocab.SchemaEmail, au.Email)
	for j, id := range au.Affiliations {
		if aff := m.affiliation(elemPath(path+".affiliations", j), id); aff != nil {
			m.add(node, vocab.SchemaAffiliation, aff)
		}
	}
	return node
}

// funding maps each funder as the work's schema:funder and each award as
// a schema:Grant (its number the identifier, its title the name) that the
// work has as schema:funding and that names the funder. A funder is named
// by its ROR IRI, else by its Crossref Funder ID's DOI IRI (then also its
// sameAs when it has a ROR); funders without either are one blank node
// per name.
func (m *graphBuilder) funding(root resource) {
	funders := map[string]resource{}
	for i, f := range m.article.Funding {
		path := elemPath("funding", i)
		funder := m.funder(path+".funder", &f.Funder, funders)
		if funder == nil {
			continue
		}
		m.add(root, vocab.SchemaFunder, funder)
		if f.Award == "" && f.AwardTitle == "" && f.AwardURL == "" {
			continue
		}
		grant := m.node(vocab.SchemaGrant)
		m.str(grant, vocab.SchemaIdentifier, f.Award)
		m.str(grant, vocab.SchemaName, f.AwardTitle)
		if f.AwardURL != "" {
			if iri, ok := m.iri(path+".awardUrl", f.AwardURL); ok {
				m.add(grant, vocab.SchemaURL, iri)
			}
		}
		m.add(grant, vocab.SchemaFunder, funder)
		m.add(root, vocab.SchemaFunding, grant)
	}
}

func (m *graphBuilder) funder(path string, f *Funder, funders map[string]resource) resource {
	key := "name:" + f.Name
	var name, doi resource
	if f.ROR != "" {
		iri, ok := m.iri(path+".ror", f.ROR)
		if !ok {
			return nil
		}
		name, key = iri, f.ROR
	}
	if f.DOI != "" {
		iri, ok := m.doiIRI(path+".doi", f.DOI)
		if !ok {
			return nil
		}
		doi = iri
		if name == nil {
			name, key = iri, iri.String()
		}
	}
	if node, seen := funders[key]; seen {
		return node
	}
	if name == nil {
		name = m.node(vocab.SchemaOrganization)
	} else {
		m.add(name, vocab.RDFType, term(vocab.SchemaOrganization))
	}
	m.str(name, vocab.SchemaName, f.Name)
	if doi != nil && doi != name {
		m.add(name, vocab.SchemaSameAs, doi)
	}
	funders[key] = name
	return name
}

// identifierURLs gives the web address of an identifier in each scheme.
var identifierURLs = map[IdentifierScheme]string{
	PMID:     "https://pubmed.ncbi.nlm.nih.gov/",
	PMCID:    "https://www.ncbi.nlm.nih.gov/pmc/articles/",
	OpenAlex: "https://openalex.org/",
	ArXiv:    "https://arxiv.org/abs/",
}

// otherIdentifiers maps each identifier as the DOI is mapped, a
// PropertyValue (propertyID the scheme), and its web address as the
// work's schema:sameAs. dcterms:identifier stays the DOI's alone, as the
// profile promises.
func (m *graphBuilder) otherIdentifiers(root resource) {
	for i, id := range m.article.Identifiers {
		pv := m.node(vocab.SchemaPropertyValue)
		m.str(pv, vocab.SchemaPropertyID, string(id.Scheme))
		m.str(pv, vocab.SchemaValue, id.Value)
		m.add(root, vocab.SchemaIdentifier, pv)
		base, known := identifierURLs[id.Scheme]
		if !known || id.Value == "" {
			continue
		}
		if iri, ok := m.iri(elemPath("identifiers", i)+".value", base+id.Value); ok {
			m.add(root, vocab.SchemaSameAs, iri)
		}
	}
}

// book maps the book a chapter (or a conference paper) is part of: a
// schema:Book with its ISBNs and editors, the proceedings of a conference
// paper also a fabio:ConferenceProceedings.
func (m *graphBuilder) book(publisher resource) resource {
	b := m.article.Book
	node := m.node(vocab.SchemaBook)
	if m.article.Type == ConferencePaper {
		m.add(node, vocab.SchemaAdditionalType, term(vocab.FaBiOConferenceProceedings))
	}
	m.str(node, vocab.SchemaName, b.Title)
	for _, isbn := range b.ISBNs {
		m.str(node, vocab.SchemaISBN, isbn)
	}
	for i := range b.Editors {
		if editor := m.agent(elemPath("book.editors", i), &b.Editors[i]); editor != nil {
			m.add(node, vocab.SchemaEditor, editor)
		}
	}
	if publisher != nil {
		m.add(node, vocab.SchemaPublisher, publisher)
	}
	return node
}

// series maps a series as a schema:CreativeWorkSeries, named like a
// journal by its linking (else first) ISSN.
func (m *graphBuilder) series(s *Series) resource {
	var node resource
	if key := journalISSN(&Journal{ISSNs: s.ISSNs}); key != "" {
		if iri, err := rdf.NewIRI(issnPortal + key); err == nil {
			node = iri
			m.add(node, vocab.RDFType, term(vocab.SchemaCreativeWorkSeries))
		}
	}
	if node == nil {
		node = m.node(vocab.SchemaCreativeWorkSeries)
	}
	m.str(node, vocab.SchemaName, s.Title)
	for _, issn := range s.ISSNs {
		m.str(node, vocab.SchemaISSN, issn.Value)
	}
	return node
}

// event maps a conference as a schema:Event with its acronym as
// alternateName, its place as a text schema:location and its dates.
func (m *graphBuilder) event(e *Event) resource {
	node := m.node(vocab.SchemaEvent)
	m.str(node, vocab.SchemaName, e.Name)
	m.str(node, vocab.SchemaAlternateName, e.Acronym)
	m.str(node, vocab.SchemaLocation, e.Place)
	m.schemaDate(node, vocab.SchemaStartDate, e.StartDate)
	m.schemaDate(node, vocab.SchemaEndDate, e.EndDate)
	return node
}

// version maps the preprint relations: the published version is
// schema:isBasedOn its preprint; in the full profile a preprint
// dcterms:isVersionOf its published version, which dcterms:hasVersion
// the preprint. schema.org has no term from a preprint to its later
// version, so the schema profile leaves that link out.
func (m *graphBuilder) version(root resource, rel Relation, target resource) {
	switch rel {
	case HasPreprint:
		m.add(root, vocab.SchemaIsBasedOn, target)
		if m.full {
			m.add(root, vocab.DCTermsHasVersion, target)
		}
	case PreprintOf:
		if m.full {
			m.add(root, vocab.DCTermsIsVersionOf, target)
		}
	}
}

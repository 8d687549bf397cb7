package datacite

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// workTypes gives the article type of each resourceTypeGeneral that is a
// work scholarld maps; "" is a work of no asserted genre. Any other
// general type (Dataset, Software, Image, …) is refused by name.
var workTypes = map[string]ld.ArticleType{
	"JournalArticle":  "",
	"Text":            "",
	"Preprint":        ld.Preprint,
	"ConferencePaper": ld.ConferencePaper,
	"Report":          ld.Report,
	"BookChapter":     ld.BookChapter,
	"DataPaper":       ld.OtherArticle,
	"PeerReview":      ld.OtherArticle,
}

// textTypes refines the generic general type Text by its free-text
// resourceType, which repositories fill with "Preprint", "Working Paper".
var textTypes = []struct {
	pattern *regexp.Regexp
	kind    ld.ArticleType
}{
	{regexp.MustCompile(`(?i)\bpre-?print\b`), ld.Preprint},
	{regexp.MustCompile(`(?i)\bworking paper\b`), ld.WorkingPaper},
	{regexp.MustCompile(`(?i)\b(technical )?report\b`), ld.Report},
	{regexp.MustCompile(`(?i)\bconference (paper|contribution)\b`), ld.ConferencePaper},
	{regexp.MustCompile(`(?i)\b(book )?chapter\b`), ld.BookChapter},
}

// builder collects one article and the warnings about it.
type builder struct {
	art      ld.Article
	prefix   string
	warnings []reader.Warning
	affIDs   map[ld.Affiliation]string
}

func (b *builder) warn(path, format string, args ...any) {
	b.warnings = append(b.warnings, reader.Warning{Path: b.prefix + path, Msg: fmt.Sprintf(format, args...)})
}

// build turns a resource into a Record: an article that passes ld.Check,
// or the error that rejects it.
func build(r *resource, index int, pos ld.Position, prefix string) reader.Record {
	b := &builder{prefix: prefix}
	fail := func(path string, err error) reader.Record {
		return reader.Record{Index: index, Pos: pos, Warnings: b.warnings,
			Err: &ld.FieldError{Pos: pos, Path: prefix + path, Err: err}}
	}
	kind, ok := workTypes[r.ResourceTypeGen]
	switch {
	case r.ResourceTypeGen == "":
		b.warn("types.resourceTypeGeneral", "missing; read as a work of no asserted type")
	case !ok:
		return fail("types.resourceTypeGeneral", fmt.Errorf("DataCite resourceTypeGeneral %s is not a work scholarld maps", r.ResourceTypeGen))
	}
	if r.ResourceTypeGen == "Text" {
		for _, t := range textTypes {
			if t.pattern.MatchString(r.ResourceType) {
				kind = t.kind
				break
			}
		}
	}
	b.art.Type = kind
	if err := b.titles(r.Titles); err != nil {
		return fail("titles", err)
	}
	b.identity(r)
	b.art.Authors = b.people("creators", r.Creators)
	b.contributors(r.Contributors)
	b.container(r)
	b.publisher(r.Publisher)
	if path, err := b.dates(r); err != nil {
		return fail(path, err)
	}
	b.related(r.RelatedIdentifiers)
	b.descriptions(r.Descriptions)
	for _, s := range r.Subjects {
		if k := text.Clean(s); k != "" && !slices.Contains(b.art.Keywords, k) {
			b.art.Keywords = append(b.art.Keywords, k)
		}
	}
	b.rights(r.Rights)
	b.funding(r.Funding)
	if errs := ld.Check(&b.art); len(errs) > 0 {
		var fe *ld.FieldError
		if errors.As(errs[0], &fe) {
			return fail(fe.Path, fmt.Errorf("the record does not make a valid article: %w", fe.Err))
		}
		return fail("", errs)
	}
	art := b.art
	return reader.Record{Index: index, Pos: pos, Article: &art, Warnings: b.warnings}
}

// titles takes the title without a titleType as the title, a Subtitle as
// the subtitle, and alternative and translated titles as alternative
// titles with their language.
func (b *builder) titles(titles []title) error {
	for i, t := range titles {
		value := text.Clean(t.Title)
		if value == "" {
			continue
		}
		switch t.Type {
		case "":
			if b.art.Title == "" {
				b.art.Title = value
				continue
			}
			b.art.AlternativeTitles = append(b.art.AlternativeTitles, ld.AlternativeTitle{Title: value, Language: text.Language(t.Lang)})
		case "Subtitle":
			if b.art.Subtitle == "" {
				b.art.Subtitle = value
			} else {
				b.warn(fmt.Sprintf("titles[%d]", i), "a second subtitle %q not kept", value)
			}
		case "AlternativeTitle", "TranslatedTitle", "Other":
			b.art.AlternativeTitles = append(b.art.AlternativeTitles, ld.AlternativeTitle{Title: value, Language: text.Language(t.Lang)})
		default:
			b.warn(fmt.Sprintf("titles[%d].titleType", i), "unknown title type %q; read as an alternative title", t.Type)
			b.art.AlternativeTitles = append(b.art.AlternativeTitles, ld.AlternativeTitle{Title: value, Language: text.Language(t.Lang)})
		}
	}
	if b.art.Title == "" {
		return errors.New("no title (a title without titleType)")
	}
	return nil
}

func (b *builder) identity(r *resource) {
	if r.DOI != "" {
		if doi, err := ident.NormalizeDOI(r.DOI); err == nil {
			b.art.DOI = doi
		} else {
			b.warn("doi", "dropped: %v", err)
		}
	}
	if r.URL != "" {
		if url, err := ident.CheckHTTPURL(r.URL); err == nil {
			b.art.URL = url
		} else {
			b.warn("url", "dropped: %v", err)
		}
	}
	if r.Language != "" {
		if b.art.Language = text.Language(r.Language); b.art.Language == "" {
			b.warn("language", "%q is not a language tag; dropped", r.Language)
		}
	}
}

// people reads creators or editors: an Organizational name is an
// organisation, a person's name comes from givenName and familyName, else
// from the name split as a librarian would ("Family, Given").
func (b *builder) people(path string, cs []creator) []ld.Author {
	var out []ld.Author
	for i, c := range cs {
		if au, ok := b.person(fmt.Sprintf("%s[%d]", path, i), c); ok {
			out = append(out, au)
		}
	}
	return out
}

// person reads one creator or contributor; ok is false when it has no name.
func (b *builder) person(path string, c creator) (au ld.Author, ok bool) {
	name := text.Clean(c.Name)
	if c.NameType == "Organizational" {
		au.Kind, au.Name = ld.OrganizationAuthor, name
	} else {
		au.Given, au.Family = text.Clean(c.GivenName), text.Clean(c.FamilyName)
		if au.Family == "" {
			n := names.Parse(name)
			au.Given, au.Family, au.Suffix = n.Given, n.Family, n.Suffix
		}
		if au.Family == "" {
			au.Name = name
		}
	}
	if au.Name == "" && au.Family == "" {
		b.warn(path, "a creator without a name; dropped")
		return au, false
	}
	for j, id := range c.NameIDs {
		b.nameIdentifier(fmt.Sprintf("%s.nameIdentifiers[%d]", path, j), id, &au)
	}
	for j, aff := range c.Affiliations {
		if id := b.affiliation(fmt.Sprintf("%s.affiliation[%d]", path, j), aff); id != "" && !slices.Contains(au.Affiliations, id) {
			au.Affiliations = append(au.Affiliations, id)
		}
	}
	return au, true
}

func (b *builder) nameIdentifier(path string, id nameIdentifier, au *ld.Author) {
	switch strings.ToUpper(id.Scheme) {
	case "ORCID":
		if au.IsOrganization() {
			b.warn(path, "an ORCID iD of an organisation; dropped")
			return
		}
		if orcid, err := ident.NormalizeORCID(id.ID); err == nil {
			au.ORCID = orcid
		} else {
			b.warn(path, "dropped: %v", err)
		}
	case "ROR":
		if !au.IsOrganization() {
			b.warn(path, "a ROR ID of a person; dropped")
			return
		}
		if ror, err := ident.NormalizeROR(id.ID); err == nil {
			au.ROR = ror
		} else {
			b.warn(path, "dropped: %v", err)
		}
	default:
		if id.ID != "" {
			b.warn(path, "%s identifier %q not kept: the model has ORCID and ROR", id.Scheme, id.ID)
		}
	}
}

// affiliation returns the ID of an affiliation, adding it the first time.
func (b *builder) affiliation(path string, a affiliation) string {
	aff := ld.Affiliation{Name: text.Clean(a.Name)}
	if strings.EqualFold(a.Scheme, "ROR") && a.ID != "" {
		if ror, err := ident.NormalizeROR(a.ID); err == nil {
			aff.ROR = ror
		} else {
			b.warn(path, "ROR dropped: %v", err)
		}
	}
	if aff.Name == "" {
		return ""
	}
	if b.affIDs == nil {
		b.affIDs = make(map[ld.Affiliation]string)
	}
	if id, seen := b.affIDs[aff]; seen {
		return id
	}
	aff.ID = fmt.Sprintf("a%d", len(b.art.Affiliations)+1)
	b.art.Affiliations = append(b.art.Affiliations, aff)
	key := aff
	key.ID = ""
	b.affIDs[key] = aff.ID
	return aff.ID
}

// contributors keeps the editors; the other contributor roles have no
// place in the model and are reported.
func (b *builder) contributors(cs []creator) {
	for i, c := range cs {
		path := fmt.Sprintf("contributors[%d]", i)
		if c.ContributorType != "Editor" {
			b.warn(path, "contributor type %q not kept: the model has editors only", c.ContributorType)
			continue
		}
		if editor, ok := b.person(path, c); ok {
			b.art.Editors = append(b.art.Editors, editor)
		}
	}
}

// container reads what the work is part of: the REST API's container, a
// relatedItem or an IsPartOf relatedIdentifier. A journal or a book needs
// its title; an ISSN or ISBN without one is reported.
func (b *builder) container(r *resource) {
	c := r.Container
	title, issn, isbn := text.Clean(c.Title), "", ""
	vol, issue, first, last := c.Volume, c.Issue, c.FirstPage, c.LastPage
	isBook := c.Type == "Book" || c.Type == "BookSeries"
	switch c.IdentifierType {
	case "ISSN":
		issn = c.Identifier
	case "ISBN":
		isbn, isBook = c.Identifier, true
	}
	for _, it := range r.RelatedItems {
		if it.RelationType != "IsPublishedIn" && it.RelationType != "IsPartOf" {
			continue
		}
		if title == "" && len(it.Titles) > 0 {
			title = text.Clean(it.Titles[0])
		}
		isBook = isBook || it.ItemType == "Book" || it.ItemType == "ConferenceProceeding"
		switch it.IDType {
		case "ISSN":
			issn = cmpOr(issn, it.ID)
		case "ISBN":
			isbn = cmpOr(isbn, it.ID)
		}
		vol, issue, first, last = cmpOr(vol, it.Volume), cmpOr(issue, it.Issue), cmpOr(first, it.FirstPage), cmpOr(last, it.LastPage)
	}
	for _, ri := range r.RelatedIdentifiers {
		if ri.RelationType != "IsPartOf" && ri.RelationType != "IsPublishedIn" {
			continue
		}
		switch ri.IDType {
		case "ISSN":
			issn = cmpOr(issn, ri.ID)
		case "ISBN":
			isbn, isBook = cmpOr(isbn, ri.ID), true
		}
	}
	isBook = isBook || b.art.Type == ld.BookChapter
	if title == "" {
		b.untitledContainer(issn, isbn, isBook, vol, issue, first, last)
		return
	}
	if isBook {
		book := &ld.Book{Title: title}
		if isbn != "" {
			if v, err := ident.NormalizeISBN(isbn); err == nil {
				book.ISBNs = []string{v}
			} else {
				b.warn("container.identifier", "ISBN dropped: %v", err)
			}
		}
		b.art.Book = book
	} else {
		j := &ld.Journal{Title: title}
		if issn != "" {
			if v, err := ident.NormalizeISSN(issn); err == nil {
				j.ISSNs = []ld.ISSN{{Value: v}}
			} else {
				b.warn("container.identifier", "ISSN dropped: %v", err)
			}
		}
		b.art.Journal = j
		b.art.Volume, b.art.Issue = text.Clean(vol), text.Clean(issue)
	}
	b.art.FirstPage, b.art.LastPage = text.Clean(first), text.Clean(last)
	if b.art.LastPage != "" && b.art.FirstPage == "" {
		b.art.LastPage = ""
	}
}

// untitledContainer keeps what the model can of a container DataCite
// names only by its ISSN or ISBN: the volume, issue and pages (a volume
// and an issue are the model's own nodes, whose periodical is then
// unknown). The ISSN or ISBN itself is not kept: the model names a
// journal, series or book by its title (docs/worktypes.md), and
// scholarld looks nothing up at run time.
func (b *builder) untitledContainer(issn, isbn string, isBook bool, vol, issue, first, last string) {
	switch {
	case issn != "":
		b.warn("relatedIdentifiers", "ISSN %s not kept: DataCite gives no title for the journal or series, and the model names one by its title", issn)
	case isbn != "":
		b.warn("relatedIdentifiers", "ISBN %s not kept: DataCite gives no title for the book, and the model names one by its title", isbn)
	}
	if !isBook {
		b.art.Volume, b.art.Issue = text.Clean(vol), text.Clean(issue)
	}
	b.art.FirstPage, b.art.LastPage = text.Clean(first), text.Clean(last)
	if b.art.LastPage != "" && b.art.FirstPage == "" {
		b.art.LastPage = ""
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// publisher puts the publisher on the journal when there is one, else on
// the work (a preprint server, a repository, a report's institution).
func (b *builder) publisher(name string) {
	name = text.Clean(name)
	if name == "" || name == ":unav" {
		return
	}
	if b.art.Journal != nil {
		b.art.Journal.Publisher = &ld.Publisher{Name: name}
		return
	}
	b.art.Publisher = &ld.Publisher{Name: name}
}

// dates reads Issued (else Available, else publicationYear) as the
// publication date, Submitted as received and Accepted as accepted.
// A date that cannot be read rejects the record, naming its path.
func (b *builder) dates(r *resource) (string, error) {
	var issued, available ld.Date
	for i, d := range r.Dates {
		path := fmt.Sprintf("dates[%d]", i)
		value := strings.TrimSpace(d.Date)
		if start, _, isRange := strings.Cut(value, "/"); isRange {
			b.warn(path, "range %q read as its start", value)
			value = start
		}
		var slot *ld.Date
		switch d.Type {
		case "Issued":
			slot = &issued
		case "Available":
			slot = &available
		case "Submitted":
			slot = &b.art.Dates.Received
		case "Accepted":
			slot = &b.art.Dates.Accepted
		default:
			b.warn(path, "%s date %q not kept: the model has submitted, accepted and issued dates", d.Type, d.Date)
			continue
		}
		parsed, err := dates.Parse(value)
		if err != nil {
			return path, fmt.Errorf("%s date: %w", d.Type, err)
		}
		if slot.IsZero() {
			*slot = parsed
		}
	}
	switch {
	case !issued.IsZero():
		b.art.Dates.Published = issued
	case !available.IsZero():
		b.art.Dates.Published = available
	case r.PublicationYear != "":
		year, err := dates.Parse(strings.TrimSpace(r.PublicationYear))
		if err != nil || year.Precision() != ld.YearPrecision {
			return "publicationYear", fmt.Errorf("%q is not a year", r.PublicationYear)
		}
		b.art.Dates.Published = year
	}
	return "", nil
}

// relations maps the relation types that the model holds.
var relations = map[string]ld.Relation{
	"IsPreprintOf": ld.PreprintOf,
	"HasPreprint":  ld.HasPreprint,
}

// related reads the relatedIdentifiers: Cites and References are the
// reference list, IsPreprintOf and HasPreprint the preprint relations; the
// others are reported once per relation type.
func (b *builder) related(ids []relatedIdentifier) {
	reported := map[string]bool{}
	for i, ri := range ids {
		path := fmt.Sprintf("relatedIdentifiers[%d]", i)
		doi, url := b.target(path, ri)
		rel, isRelation := relations[ri.RelationType]
		switch {
		case ri.RelationType == "IsPartOf" || ri.RelationType == "IsPublishedIn":
			continue // read by container
		case ri.RelationType == "Cites" || ri.RelationType == "References":
			if doi != "" || url != "" {
				b.art.References = append(b.art.References, ld.Reference{DOI: doi, URL: url})
			}
		case isRelation:
			if doi != "" || url != "" {
				b.art.Related = append(b.art.Related, ld.Related{Relation: rel, DOI: doi, URL: url})
			}
		case !reported[ri.RelationType]:
			reported[ri.RelationType] = true
			b.warn(path, "relation type %q not kept: the model has references and preprint relations", ri.RelationType)
		}
	}
}

// target gives the DOI or URL a related identifier names.
func (b *builder) target(path string, ri relatedIdentifier) (doi, url string) {
	switch ri.IDType {
	case "DOI":
		v, err := ident.NormalizeDOI(ri.ID)
		if err != nil {
			b.warn(path, "dropped: %v", err)
		}
		return v, ""
	case "URL":
		v, err := ident.CheckHTTPURL(ri.ID)
		if err != nil {
			b.warn(path, "dropped: %v", err)
		}
		return "", v
	}
	return "", ""
}

// descriptions keeps the first Abstract as the abstract and
// SeriesInformation as the series' title; other kinds are reported.
func (b *builder) descriptions(ds []description) {
	for i, d := range ds {
		path := fmt.Sprintf("descriptions[%d]", i)
		value := text.Clean(d.Text)
		if value == "" {
			continue
		}
		switch {
		case d.Type == "Abstract" && b.art.Abstract == "":
			b.art.Abstract = value
		case d.Type == "SeriesInformation" && b.art.Series == nil:
			b.art.Series = &ld.Series{Title: value}
		default:
			b.warn(path, "%s description not kept", cmpOr(d.Type, "untyped"))
		}
	}
}

// ccLicence matches the SPDX identifiers of the Creative Commons licences.
var ccLicence = regexp.MustCompile(`(?i)^cc-(by(?:-nc)?(?:-sa|-nd)?)-([0-9]\.[0-9])$`)

// rights reads the first licence: its URI, else the canonical URL of its
// SPDX identifier (creativecommons.org for CC licences, spdx.org for the
// others). An access statement (info:eu-repo/semantics/openAccess) sets
// openAccess instead.
func (b *builder) rights(rs []rights) {
	for i, r := range rs {
		path := fmt.Sprintf("rightsList[%d]", i)
		switch r.URI {
		case "info:eu-repo/semantics/openAccess":
			b.art.OpenAccess = new(true)
			continue
		case "info:eu-repo/semantics/closedAccess", "info:eu-repo/semantics/restrictedAccess", "info:eu-repo/semantics/embargoedAccess":
			b.art.OpenAccess = new(false)
			continue
		}
		url := r.URI
		if url == "" && strings.EqualFold(r.IDScheme, "SPDX") && r.ID != "" {
			url = spdxURL(r.ID)
		}
		if url != "" {
			clean, err := ident.CheckHTTPURL(url)
			if err != nil {
				b.warn(path, "licence URI dropped: %v", err)
			}
			url = clean
		}
		licence := ld.License{URL: url, Label: text.Clean(r.Text)}
		if licence == (ld.License{}) {
			continue
		}
		if b.art.License != nil {
			b.warn(path, "a further licence %q not kept", cmpOr(licence.URL, licence.Label))
			continue
		}
		b.art.License = &licence
	}
}

func spdxURL(id string) string {
	if m := ccLicence.FindStringSubmatch(id); m != nil {
		return "https://creativecommons.org/licenses/" + strings.ToLower(m[1]) + "/" + m[2] + "/"
	}
	if strings.EqualFold(id, "CC0-1.0") {
		return "https://creativecommons.org/publicdomain/zero/1.0/"
	}
	return "https://spdx.org/licenses/" + id + ".html"
}

// funding reads the fundingReferences: the funder's ROR or Crossref
// Funder ID, the award number, URI and title.
func (b *builder) funding(fs []fundingReference) {
	for i, f := range fs {
		path := fmt.Sprintf("fundingReferences[%d]", i)
		funding := ld.Funding{Funder: ld.Funder{Name: text.Clean(f.FunderName)},
			Award: text.Clean(f.AwardNumber), AwardTitle: text.Clean(f.AwardTitle)}
		if funding.Funder.Name == "" {
			b.warn(path, "a funding reference without funderName; dropped")
			continue
		}
		switch f.FunderIDType {
		case "ROR":
			if ror, err := ident.NormalizeROR(f.FunderID); err == nil {
				funding.Funder.ROR = ror
			} else {
				b.warn(path+".funderIdentifier", "dropped: %v", err)
			}
		case "Crossref Funder ID":
			if doi, err := ident.NormalizeDOI(f.FunderID); err == nil {
				funding.Funder.DOI = doi
			} else {
				b.warn(path+".funderIdentifier", "dropped: %v", err)
			}
		case "":
		default:
			b.warn(path+".funderIdentifier", "%s %q not kept: the model has ROR and Crossref Funder IDs", f.FunderIDType, f.FunderID)
		}
		if f.AwardURI != "" {
			if url, err := ident.CheckHTTPURL(f.AwardURI); err == nil {
				funding.AwardURL = url
			} else {
				b.warn(path+".awardURI", "dropped: %v", err)
			}
		}
		b.art.Funding = append(b.art.Funding, funding)
	}
}

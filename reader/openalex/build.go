package openalex

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
	"github.com/scholarld/scholarld/reader"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// workTypes gives the article type of each OpenAlex work type that is a
// work scholarld maps; "" is a work of no asserted genre, as Crossref's
// journal-article. The other types (dataset, book, dissertation,
// paratext, libguides, supplementary-materials, grant) are refused by name.
var workTypes = map[string]ld.ArticleType{
	"article":         "",
	"preprint":        ld.Preprint,
	"review":          ld.ReviewArticle,
	"editorial":       ld.Editorial,
	"erratum":         ld.Correction,
	"retraction":      ld.Retraction,
	"letter":          ld.Letter,
	"book-review":     ld.BookReview,
	"book-chapter":    ld.BookChapter,
	"report":          ld.Report,
	"peer-review":     ld.OtherArticle,
	"reference-entry": ld.OtherArticle,
	"standard":        ld.OtherArticle,
	"other":           ld.OtherArticle,
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

// build turns a work into a Record: an article that passes ld.Check, or
// the error that rejects it.
func build(w *work, index int, pos ld.Position, prefix string) reader.Record {
	b := &builder{prefix: prefix}
	fail := func(path string, err error) reader.Record {
		return reader.Record{Index: index, Pos: pos, Warnings: b.warnings, Err: &ld.FieldError{Pos: pos, Path: prefix + path, Err: err}}
	}
	kind, ok := workTypes[w.Type]
	switch {
	case w.Type == "":
		b.warn("type", "missing; read as a work of no asserted type")
	case !ok:
		return fail("type", fmt.Errorf("OpenAlex type %s is not a work scholarld maps", w.Type))
	}
	b.art.Type = kind
	b.art.Title = title(cmpOr(w.Title, w.DisplayName))
	if b.art.Title == "" {
		return fail("title", errors.New("required"))
	}
	b.identity(w)
	b.authorships(w.Authorships)
	b.location(w.PrimaryLocation)
	b.biblio(w.Biblio)
	if path, err := b.dates(w); err != nil {
		return fail(path, err)
	}
	if w.OpenAccess != nil && w.OpenAccess.IsOA != nil {
		b.art.OpenAccess = new(*w.OpenAccess.IsOA)
	}
	if w.AbstractIndex != nil {
		abstract, err := Abstract(w.AbstractIndex)
		if err != nil {
			b.warn("abstract_inverted_index", "not kept: %v", err)
		}
		b.art.Abstract = abstract
	}
	b.keywords(w)
	for i, ref := range w.ReferencedWorks {
		if url, err := ident.CheckHTTPURL(ref); err == nil && strings.HasPrefix(url, "https://openalex.org/W") {
			b.art.References = append(b.art.References, ld.Reference{URL: url})
		} else {
			b.warn(fmt.Sprintf("referenced_works[%d]", i), "%q is not an OpenAlex work IRI; dropped", ref)
		}
	}
	b.awards(w.Awards, w.Funders)
	b.grants(w.Grants)
	if errs := ld.Check(&b.art); len(errs) > 0 {
		var fe *ld.FieldError
		if errors.As(errs[0], &fe) {
			return fail(fe.Path, fmt.Errorf("the work does not make a valid article: %w", fe.Err))
		}
		return fail("", errs)
	}
	art := b.art
	return reader.Record{Index: index, Pos: pos, Article: &art, Warnings: b.warnings}
}

// title reads a title, which OpenAlex gives with the publisher's HTML
// face markup (<i>, <sub>) when there is any.
func title(s string) string {
	if strings.Contains(s, "<") {
		return markup.FromHTML(s)
	}
	return text.Clean(s)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Abstract rebuilds the text of an abstract_inverted_index, which maps
// each word to the positions it stands at: the words in position order,
// joined by single spaces. Every position from 0 to the last must be
// given exactly once; otherwise the index cannot give the exact text and
// is an error.
func Abstract(index map[string][]int) (string, error) {
	count := 0
	for _, positions := range index {
		count += len(positions)
	}
	words := make([]string, count)
	// In sorted order, so that the error for a bad index is the same on
	// every run.
	for _, word := range slices.Sorted(maps.Keys(index)) {
		for _, p := range index[word] {
			switch {
			case p < 0 || p >= count:
				return "", fmt.Errorf("position %d of %q is outside 0 to %d", p, word, count-1)
			case words[p] != "":
				return "", fmt.Errorf("position %d holds both %q and %q", p, words[p], word)
			}
			words[p] = word
		}
	}
	for p, word := range words {
		if word == "" {
			return "", fmt.Errorf("position %d holds an empty word", p)
		}
	}
	return text.Clean(strings.Join(words, " ")), nil
}

// idURLs are the web addresses OpenAlex writes its ids as.
var idURLs = regexp.MustCompile(`^https?://(?:openalex\.org/|pubmed\.ncbi\.nlm\.nih\.gov/|(?:www\.)?ncbi\.nlm\.nih\.gov/pmc/articles/|doi\.org/)`)

func (b *builder) identity(w *work) {
	if w.DOI != "" {
		if doi, err := ident.NormalizeDOI(w.DOI); err == nil {
			b.art.DOI = doi
		} else {
			b.warn("doi", "dropped: %v", err)
		}
	}
	if w.Language != "" {
		if b.art.Language = text.Language(w.Language); b.art.Language == "" {
			b.warn("language", "%q is not a language tag; dropped", w.Language)
		}
	}
	schemes := []struct {
		key    string
		scheme ld.IdentifierScheme
	}{{"openalex", ld.OpenAlex}, {"pmid", ld.PMID}, {"pmcid", ld.PMCID}}
	openalexID := w.ID
	for _, s := range schemes {
		raw, _ := w.IDs[s.key].(string)
		if s.key == "openalex" {
			raw = cmpOr(raw, openalexID)
		}
		if raw == "" {
			continue
		}
		value := strings.TrimSuffix(idURLs.ReplaceAllString(strings.TrimSpace(raw), ""), "/")
		if s.scheme == ld.PMCID && !strings.HasPrefix(value, "PMC") {
			value = "PMC" + value
		}
		id := ld.Identifier{Scheme: s.scheme, Value: value}
		if errs := ld.Check(&ld.Article{Title: "x", Identifiers: []ld.Identifier{id}}); len(errs) > 0 {
			b.warn("ids."+s.key, "%q dropped: not a bare %s", raw, s.scheme)
			continue
		}
		b.art.Identifiers = append(b.art.Identifiers, id)
	}
}

// authorships reads the byline: each author's name split as a librarian
// would, the ORCID, the corresponding flag, and the institutions (with
// their ROR), else the raw affiliation strings.
func (b *builder) authorships(as []authorship) {
	for i, a := range as {
		path := fmt.Sprintf("authorships[%d]", i)
		name := text.Clean(cmpOr(a.Author.DisplayName, a.RawAuthorName))
		n := names.Parse(name)
		au := ld.Author{Given: n.Given, Family: n.Family, Suffix: n.Suffix, Corresponding: a.IsCorresponding}
		if au.Family == "" {
			au.Name = name
		}
		if au.Family == "" && au.Name == "" {
			b.warn(path, "an author without a name; dropped")
			continue
		}
		if a.Author.ORCID != "" {
			if orcid, err := ident.NormalizeORCID(a.Author.ORCID); err == nil {
				au.ORCID = orcid
			} else {
				b.warn(path+".author.orcid", "dropped: %v", err)
			}
		}
		for j, inst := range a.Institutions {
			aff := ld.Affiliation{Name: text.Clean(inst.DisplayName)}
			if inst.ROR != "" {
				if ror, err := ident.NormalizeROR(inst.ROR); err == nil {
					aff.ROR = ror
				} else {
					b.warn(fmt.Sprintf("%s.institutions[%d].ror", path, j), "dropped: %v", err)
				}
			}
			b.addAffiliation(&au, aff)
		}
		if len(a.Institutions) == 0 {
			raws := a.RawAffiliationStrings
			if len(raws) == 0 && a.RawAffiliationString != "" {
				raws = []string{a.RawAffiliationString}
			}
			for _, raw := range raws {
				b.addAffiliation(&au, ld.Affiliation{Name: text.Clean(raw)})
			}
		}
		b.art.Authors = append(b.art.Authors, au)
	}
}

// addAffiliation links the author to an affiliation, sharing equal ones.
func (b *builder) addAffiliation(au *ld.Author, aff ld.Affiliation) {
	if aff.Name == "" {
		return
	}
	if b.affIDs == nil {
		b.affIDs = make(map[ld.Affiliation]string)
	}
	id, seen := b.affIDs[aff]
	if !seen {
		id = fmt.Sprintf("a%d", len(b.art.Affiliations)+1)
		b.affIDs[aff] = id
		aff.ID = id
		b.art.Affiliations = append(b.art.Affiliations, aff)
	}
	if !slices.Contains(au.Affiliations, id) {
		au.Affiliations = append(au.Affiliations, id)
	}
}

// location reads the primary location: the landing page, the PDF, the
// licence and the source. A journal source is the journal (ISSN-L the
// linking ISSN, host organisation its publisher); a repository (arXiv,
// bioRxiv) is the work's publisher; a conference the event; a book series
// the series; an ebook platform's host organisation the publisher.
func (b *builder) location(loc *location) {
	if loc == nil {
		return
	}
	if loc.LandingPageURL != "" {
		if url, err := ident.CheckHTTPURL(loc.LandingPageURL); err == nil {
			b.art.URL = url
		} else {
			b.warn("primary_location.landing_page_url", "dropped: %v", err)
		}
	}
	if loc.PDFURL != "" {
		if url, err := ident.CheckHTTPURL(loc.PDFURL); err == nil {
			b.art.Files = []ld.File{{URL: url, MediaType: "application/pdf"}}
		} else {
			b.warn("primary_location.pdf_url", "dropped: %v", err)
		}
	}
	b.licence(loc.License)
	src := loc.Source
	if src == nil {
		return
	}
	name, host := text.Clean(src.DisplayName), text.Clean(src.HostOrganizationName)
	switch src.Type {
	case "journal":
		j := &ld.Journal{Title: name}
		j.ISSNs = b.issns(src.ISSNL, src.ISSN)
		if host != "" {
			j.Publisher = &ld.Publisher{Name: host}
		}
		if j.Title != "" {
			b.art.Journal = j
		}
	case "repository":
		b.setPublisher(name)
	case "conference":
		if name != "" {
			b.art.Event = &ld.Event{Name: name}
		}
		if b.art.Type == "" {
			b.art.Type = ld.ConferencePaper
		}
		b.setPublisher(host)
	case "book series":
		if name != "" {
			b.art.Series = &ld.Series{Title: name, ISSNs: b.issns(src.ISSNL, src.ISSN)}
		}
		b.setPublisher(host)
	default:
		b.setPublisher(host)
	}
}

func (b *builder) setPublisher(name string) {
	if name != "" {
		b.art.Publisher = &ld.Publisher{Name: name}
	}
}

// issns gives the ISSN-L as the linking ISSN and the others without kind.
func (b *builder) issns(linking string, all []string) []ld.ISSN {
	var out []ld.ISSN
	add := func(raw string, kind ld.ISSNKind) {
		v, err := ident.NormalizeISSN(raw)
		if err != nil {
			b.warn("primary_location.source.issn", "%q dropped: %v", raw, err)
			return
		}
		for _, have := range out {
			if have.Value == v {
				return
			}
		}
		out = append(out, ld.ISSN{Value: v, Kind: kind})
	}
	if linking != "" {
		add(linking, ld.LinkingISSN)
	}
	for _, raw := range all {
		add(raw, "")
	}
	return out
}

// ccLicence matches OpenAlex's names of the Creative Commons licences,
// which carry no version.
var ccLicence = regexp.MustCompile(`^cc-(by(?:-nc)?(?:-sa|-nd)?)$`)

// licence reads OpenAlex's licence name. A Creative Commons licence is
// kept by its label (CC BY-NC): OpenAlex gives no version, and the URL
// needs one. CC0 has only version 1.0 and keeps its URL. Open access
// statements without a licence (other-oa, publisher-specific-oa) are
// reported.
func (b *builder) licence(name string) {
	switch {
	case name == "":
	case name == "cc0":
		b.art.License = &ld.License{URL: "https://creativecommons.org/publicdomain/zero/1.0/", Label: "CC0 1.0"}
	case name == "public-domain":
		b.art.License = &ld.License{Label: "Public domain"}
	case ccLicence.MatchString(name):
		b.art.License = &ld.License{Label: "CC " + strings.ToUpper(strings.TrimPrefix(name, "cc-"))}
	default:
		b.warn("primary_location.license", "%q is not a licence; not kept", name)
	}
}

func (b *builder) biblio(bib biblio) {
	if b.art.Journal != nil {
		b.art.Volume, b.art.Issue = text.Clean(bib.Volume), text.Clean(bib.Issue)
	} else if bib.Volume != "" || bib.Issue != "" {
		b.warn("biblio", "volume and issue of a work outside a journal not kept")
	}
	b.art.FirstPage, b.art.LastPage = text.Clean(bib.FirstPage), text.Clean(bib.LastPage)
	if b.art.FirstPage == "" {
		b.art.LastPage = ""
	}
	if errs := ld.Check(&ld.Article{Title: "x", FirstPage: b.art.FirstPage, LastPage: b.art.LastPage}); len(errs) > 0 {
		b.warn("biblio.last_page", "%s is before the first page %s; dropped", b.art.LastPage, b.art.FirstPage)
		b.art.LastPage = ""
	}
}

// dates reads publication_date, else publication_year.
func (b *builder) dates(w *work) (string, error) {
	if w.PublicationDate != "" {
		d, err := dates.Parse(w.PublicationDate)
		if err != nil {
			return "publication_date", err
		}
		b.art.Dates.Published = d
		return "", nil
	}
	if w.PublicationYear != 0 {
		b.art.Dates.Published = ld.Date{Year: w.PublicationYear}
		if err := b.art.Dates.Published.Validate(); err != nil {
			return "publication_year", err
		}
	}
	return "", nil
}

// keywords takes OpenAlex's keywords in their order, then the primary
// topic (else the first topic), each once. The lower-ranked topics, their
// fields and domains, and the legacy concepts are broad classifications,
// not the work's keywords, and are not kept.
func (b *builder) keywords(w *work) {
	add := func(s string) {
		if k := text.Clean(s); k != "" && !slices.Contains(b.art.Keywords, k) {
			b.art.Keywords = append(b.art.Keywords, k)
		}
	}
	for _, k := range w.Keywords {
		add(k.DisplayName)
	}
	switch {
	case w.PrimaryTopic != nil:
		add(w.PrimaryTopic.DisplayName)
	case len(w.Topics) > 0:
		add(w.Topics[0].DisplayName)
	}
}

// awards reads each award as a funding: its number, its name as the
// title, its DOI as its page, and its funder, whose ROR the work's funders
// list gives. A listed funder that no award names is a funding without an
// award.
func (b *builder) awards(awards []award, funders []funder) {
	rors := map[string]string{}
	for i, f := range funders {
		if f.ROR == "" {
			continue
		}
		if ror, err := ident.NormalizeROR(f.ROR); err == nil {
			rors[f.ID] = ror
		} else {
			b.warn(fmt.Sprintf("funders[%d].ror", i), "dropped: %v", err)
		}
	}
	named := map[string]bool{}
	for i, a := range awards {
		path := fmt.Sprintf("awards[%d]", i)
		name := text.Clean(a.FunderDisplayName)
		if name == "" {
			b.warn(path, "an award without funder_display_name; dropped")
			continue
		}
		named[a.FunderID] = true
		f := ld.Funding{Funder: ld.Funder{Name: name, ROR: rors[a.FunderID]}, Award: text.Clean(a.FunderAwardID), AwardTitle: text.Clean(a.DisplayName)}
		if a.DOI != "" {
			if doi, err := ident.NormalizeDOI(a.DOI); err == nil {
				f.AwardURL = ident.DOIURL(doi)
			} else {
				b.warn(path+".doi", "dropped: %v", err)
			}
		}
		b.art.Funding = append(b.art.Funding, f)
	}
	for _, f := range funders {
		if name := text.Clean(f.DisplayName); name != "" && !named[f.ID] {
			b.art.Funding = append(b.art.Funding, ld.Funding{Funder: ld.Funder{Name: name, ROR: rors[f.ID]}})
		}
	}
}

// grants reads each grant as a funder (OpenAlex funders have their own
// IDs, not ROR or Crossref Funder IDs, so only the name is kept) and its
// award number.
func (b *builder) grants(gs []grant) {
	for i, g := range gs {
		name := text.Clean(g.FunderDisplayName)
		if name == "" {
			b.warn(fmt.Sprintf("grants[%d]", i), "a grant without funder_display_name; dropped")
			continue
		}
		b.art.Funding = append(b.art.Funding, ld.Funding{Funder: ld.Funder{Name: name}, Award: text.Clean(g.AwardID)})
	}
}

package serve

import (
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// metaTags returns the landing page's <meta> tags: Highwire Press
// citation_* tags as Google Scholar's inclusion guidelines describe them
// (one citation_author per author, "Family, Given", each followed by its
// institutions, ORCID and e-mail; dates as "2014/08/18"), then Dublin Core
// (DC.*) tags for the readers that know only those.
func metaTags(a *ld.Article) []metaTag {
	var m []metaTag
	add := func(name, content string) {
		if content = strings.TrimSpace(content); content != "" {
			m = append(m, metaTag{name, content})
		}
	}
	affiliation := map[string]string{}
	for _, af := range a.Affiliations {
		affiliation[af.ID] = af.Name
	}

	add("citation_title", metaMarkup(a.Title))
	for _, au := range a.Authors {
		add("citation_author", citationName(au))
		for _, id := range au.Affiliations {
			add("citation_author_institution", affiliation[id])
		}
		add("citation_author_orcid", orcidURL(au.ORCID))
		add("citation_author_email", au.Email)
	}
	// The first publication is online when a later print date is known:
	// citation_publication_date is then the print issue's date.
	if print := a.Dates.PublishedPrint; !print.IsZero() {
		add("citation_publication_date", scholarDate(print))
		add("citation_online_date", scholarDate(a.Dates.Published))
	} else if !a.Dates.Published.IsZero() {
		add("citation_publication_date", scholarDate(a.Dates.Published))
	}
	if j := a.Journal; j != nil {
		add("citation_journal_title", j.Title)
		add("citation_journal_abbrev", j.Abbreviation)
		for _, issn := range j.ISSNs {
			if issn.Kind == ld.ElectronicISSN {
				add("citation_eissn", issn.Value)
			} else {
				add("citation_issn", issn.Value)
			}
		}
		if j.Publisher != nil {
			add("citation_publisher", j.Publisher.Name)
		}
	}
	workTags(a, add)
	add("citation_volume", a.Volume)
	add("citation_issue", a.Issue)
	if a.FirstPage != "" {
		add("citation_firstpage", a.FirstPage)
		add("citation_lastpage", a.LastPage)
	} else {
		add("citation_firstpage", a.ArticleNumber)
	}
	add("citation_doi", a.DOI)
	add("citation_abstract_html_url", a.URL)
	for _, f := range a.Files {
		switch f.MediaType {
		case "application/pdf":
			add("citation_pdf_url", f.URL)
		case "text/html":
			add("citation_fulltext_html_url", f.URL)
		}
	}
	add("citation_language", a.Language)
	for _, k := range a.Keywords {
		add("citation_keywords", k)
	}
	add("citation_abstract", metaMarkup(a.Abstract))
	if a.Type != "" {
		add("citation_article_type", strings.ReplaceAll(string(a.Type), "-", " "))
	}
	if a.OpenAccess != nil && *a.OpenAccess {
		add("citation_fulltext_world_readable", "yes")
	}
	for _, r := range a.References {
		add("citation_reference", citationReference(r))
	}

	add("DC.title", metaMarkup(a.Title))
	for _, au := range a.Authors {
		if au.IsOrganization() {
			add("DC.creator.corporateName", au.Name)
		} else {
			add("DC.creator", citationName(au))
		}
	}
	add("DC.date.issued", a.Dates.Published.String())
	add("DC.date.dateSubmitted", a.Dates.Received.String())
	add("DC.date.dateAccepted", a.Dates.Accepted.String())
	if a.DOI != "" {
		add("DC.identifier", "doi:"+a.DOI)
	}
	if a.Journal != nil {
		add("DC.source", a.Journal.Title)
		if a.Journal.Publisher != nil {
			add("DC.publisher", a.Journal.Publisher.Name)
		}
	}
	if a.Publisher != nil {
		add("DC.publisher", a.Publisher.Name)
	}
	add("DC.language", a.Language)
	if a.License != nil {
		add("DC.rights", a.License.URL)
	}
	for _, k := range a.Keywords {
		add("DC.subject", k)
	}
	add("DC.bibliographicCitation", a.Citation)
	add("DC.type", "Text")
	return m
}

// workTags adds the tags Google Scholar's inclusion guidelines give works
// beyond the journal article: a report's citation_technical_report_number
// and citation_technical_report_institution (its publisher), a conference
// paper's citation_conference_title (its proceedings) and a chapter's
// citation_inbook_title, the book's citation_isbn, and the publisher of a
// work without a journal as citation_publisher.
func workTags(a *ld.Article, add func(name, content string)) {
	isReport := a.Type == ld.Report || a.Type == ld.WorkingPaper
	if a.Publisher != nil {
		add("citation_publisher", a.Publisher.Name)
		if isReport {
			add("citation_technical_report_institution", a.Publisher.Name)
		}
	}
	if isReport {
		add("citation_technical_report_number", a.ReportNumber)
	}
	if b := a.Book; b != nil {
		if a.Type == ld.ConferencePaper {
			add("citation_conference_title", b.Title)
		} else {
			add("citation_inbook_title", b.Title)
		}
		for _, isbn := range b.ISBNs {
			add("citation_isbn", isbn)
		}
	}
}

// citationName writes a person "Family, Given, Suffix", as Google Scholar
// prefers; an organisation, or a person known only by a display name, as
// its name.
func citationName(au ld.Author) string {
	if au.IsOrganization() || au.Family == "" {
		return au.DisplayName()
	}
	return joinNonEmpty([]string{au.Family, au.Given, au.Suffix}, ", ")
}

func orcidURL(orcid string) string {
	if orcid == "" {
		return ""
	}
	return "https://orcid.org/" + orcid
}

// citationReference writes a reference as Highwire's
// "citation_title=...; citation_doi=..." pairs when it has a DOI or URL,
// else as its text.
func citationReference(r ld.Reference) string {
	if r.DOI == "" && r.URL == "" {
		return r.Text
	}
	var pairs []string
	if r.Text != "" {
		pairs = append(pairs, "citation_title="+metaMarkup(r.Text))
	}
	if r.DOI != "" {
		pairs = append(pairs, "citation_doi="+r.DOI)
	}
	if r.URL != "" {
		pairs = append(pairs, "citation_url="+r.URL)
	}
	return strings.Join(pairs, "; ")
}

// metaMarkup writes a text with the model's inline markup for a meta tag
// whose readers parse its content as HTML, as Highwire readers do
// (publishers put <i> and <sub> in citation_title): the inline tags stay,
// and a "<" or "&" that would otherwise start markup or a character
// reference is escaped. "Salt & Water" keeps its bare "&", which no
// reader mistakes.
func metaMarkup(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			if _, _, n := inlineTag(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n - 1
				continue
			}
			b.WriteString("&lt;")
		case c == '&' && i+1 < len(s) && isReferenceStart(s[i+1]):
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isReferenceStart(c byte) bool {
	return c == '#' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

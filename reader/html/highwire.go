package html

import (
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader/internal/dates"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// highwireName names the Highwire Press source in messages.
const highwireName = "citation_*"

// highwireDates gathers the dates of the citation_* tags; which of them is
// the first publication is decided once all are read.
type highwireDates struct {
	publication, date, online highwireDate
}

type highwireDate struct {
	value string
	pos   ld.Position
}

// readHighwire reads the Highwire Press citation_* tags that Google Scholar
// indexes. Tags about one author (institution, ORCID, e-mail) belong to the
// citation_author before them.
func readHighwire(r *reading, metas []meta) *source {
	s := newSource(highwireName)
	a := &s.article
	var found highwireDates
	var firstPage, lastPage string
	author := -1 // index of the author the per-author tags belong to
	for _, m := range metas {
		if !strings.HasPrefix(m.name, "citation_") {
			continue
		}
		s.metadata = true
		name, value := m.tag, m.content
		switch m.name {
		case "citation_title":
			if t := markupText(value); !s.setTitle(t, name) && t != "" && t != a.Title {
				r.unused(name, value)
			}
		case "citation_author", "citation_authors":
			// One name a tag, but no name holds a semicolon: the older
			// citation_authors and some pages list several in one tag.
			author = -1
			for _, one := range strings.Split(value, ";") {
				if added, ok := personName(one); ok {
					a.Authors = append(a.Authors, added)
					author = len(a.Authors) - 1
				}
			}
		case "citation_author_institution", "citation_author_affiliation":
			institution := text.Clean(value)
			switch {
			case institution == "":
			case author < 0:
				r.warn(name, "%q follows no citation_author: dropped", shorten(institution))
			default:
				id := affiliationID(a, ld.Affiliation{Name: institution})
				a.Authors[author].Affiliations = appendUnique(a.Authors[author].Affiliations, id)
			}
		case "citation_author_orcid":
			r.authorField(a, author, name, value, func(target *ld.Author) *string {
				if target.IsOrganization() {
					return nil
				}
				return &target.ORCID
			}, r.orcid)
		case "citation_author_email":
			r.authorField(a, author, name, value, func(target *ld.Author) *string { return &target.Email }, r.email)
		case "citation_publication_date":
			found.publication.set(value, r.lines.Position(m.offset))
		case "citation_date":
			found.date.set(value, r.lines.Position(m.offset))
		case "citation_online_date":
			found.online.set(value, r.lines.Position(m.offset))
		case "citation_journal_title":
			r.setOnce(&s.journal().Title, name, text.Clean(value))
		case "citation_journal_abbrev":
			r.setOnce(&s.journal().Abbreviation, name, text.Clean(value))
		case "citation_issn":
			for _, one := range strings.FieldsFunc(value, isListSeparator) {
				s.addISSN(r.issn(name, one), "")
			}
		case "citation_eissn":
			s.addISSN(r.issn(name, value), ld.ElectronicISSN)
		case "citation_publisher":
			r.setPublisher(s, name, value)
		case "citation_technical_report_number":
			r.setOnce(&a.ReportNumber, name, text.Clean(value))
		case "citation_technical_report_institution":
			r.setWorkPublisher(s, name, value)
		case "citation_inbook_title", "citation_book_title", "citation_conference_title":
			r.setOnce(&s.book().Title, name, text.Clean(value))
		case "citation_isbn":
			for _, one := range strings.FieldsFunc(value, isListSeparator) {
				s.addISBN(r.isbn(name, one))
			}
		case "citation_volume":
			r.setOnce(&a.Volume, name, text.Clean(value))
		case "citation_issue":
			r.setOnce(&a.Issue, name, text.Clean(value))
		case "citation_firstpage":
			r.setOnce(&firstPage, name, text.Clean(value))
		case "citation_lastpage":
			r.setOnce(&lastPage, name, text.Clean(value))
		case "citation_doi":
			r.addDOI(s, name, value)
		case "citation_pdf_url":
			r.addFile(a, name, value, "application/pdf")
		case "citation_fulltext_html_url":
			r.addFile(a, name, value, "text/html")
		case "citation_abstract_html_url":
			r.setOnce(&a.URL, name, r.url(name, value))
		case "citation_keywords", "citation_keyword":
			a.Keywords = appendUnique(a.Keywords, splitKeywords(value)...)
		case "citation_language":
			r.setOnce(&a.Language, name, r.language(name, value))
		case "citation_abstract":
			r.setOnce(&a.Abstract, name, markupText(value))
		case "citation_reference":
			if reference, ok := r.highwireReference(name, value); ok {
				a.References = append(a.References, reference)
			}
		case "citation_article_type":
			if kind, ok := r.articleType(name, value); ok && a.Type == "" {
				a.Type = kind
			}
		case "citation_fulltext_world_readable":
			open := true
			a.OpenAccess = &open
		default:
			r.unused(name, value)
		}
	}
	setPages(a, firstPage, lastPage)
	r.highwireDates(s, found)
	return s
}

func (d *highwireDate) set(value string, pos ld.Position) {
	if d.value == "" {
		d.value, d.pos = text.Clean(value), pos
	}
}

// setOnce sets *field to value unless it is set; a second, different value
// gets a warning.
func (r *reading) setOnce(field *string, path, value string) {
	switch {
	case value == "" || value == *field:
	case *field == "":
		*field = value
	default:
		r.unused(path, value)
	}
}

// authorField sets a field of the current author through normalize, or
// warns when there is no author to hold it.
func (r *reading) authorField(a *ld.Article, author int, path, value string, field func(*ld.Author) *string, normalize func(path, value string) string) {
	if text.Clean(value) == "" {
		return
	}
	if author < 0 {
		r.warn(path, "%q follows no citation_author: dropped", shorten(text.Clean(value)))
		return
	}
	target := field(&a.Authors[author])
	if target == nil {
		r.unused(path, value)
		return
	}
	if normalized := normalize(path, value); normalized != "" {
		r.setOnce(target, path, normalized)
	}
}

func (r *reading) addFile(a *ld.Article, path, value, mediaType string) {
	u := r.url(path, value)
	if u == "" {
		return
	}
	for _, file := range a.Files {
		if file.URL == u {
			return
		}
	}
	a.Files = append(a.Files, ld.File{URL: u, MediaType: mediaType})
}

func isListSeparator(r rune) bool { return r == ',' || r == ';' }

// highwireDates decides the publication dates. citation_publication_date
// (or the older citation_date) is the publication; citation_online_date
// the online publication. The earlier of the two is the first publication;
// a publication date after the online date is the print date; an online
// date after the publication (arXiv's date of the latest version) is not
// held by the model.
func (r *reading) highwireDates(s *source, d highwireDates) {
	publication, publicationPath := d.publication, "citation_publication_date"
	if publication.value == "" {
		publication, publicationPath = d.date, "citation_date"
	}
	parsed := map[string]ld.Date{}
	for _, one := range []struct {
		date highwireDate
		path string
	}{{publication, publicationPath}, {d.online, "citation_online_date"}, {d.date, "citation_date"}} {
		if one.date.value == "" {
			continue
		}
		date, err := dates.Parse(one.date.value)
		if err != nil {
			if s.dateErrs[datePublished] == nil {
				s.dateErrs[datePublished] = &ld.FieldError{Pos: one.date.pos, Path: one.path, Err: err}
			}
			return
		}
		parsed[one.path] = date
	}
	if d.publication.value != "" && d.date.value != "" && !sameDate(parsed["citation_date"], parsed["citation_publication_date"]) {
		r.warn("citation_date", "%s differs from citation_publication_date %s: kept citation_publication_date", parsed["citation_date"], parsed["citation_publication_date"])
	}
	pub, online := parsed[publicationPath], parsed["citation_online_date"]
	switch {
	case pub.IsZero() && online.IsZero():
	case pub.IsZero():
		s.setDate(datePublished, online, "citation_online_date")
	case online.IsZero():
		s.setDate(datePublished, pub, publicationPath)
	case online.Before(pub):
		s.setDate(datePublished, online, "citation_online_date")
		s.setDate(datePublishedPrint, pub, publicationPath)
	case pub.Before(online):
		s.setDate(datePublished, pub, publicationPath)
		r.warn("citation_online_date", "%s is later than %s %s: not held by the article model", online, publicationPath, pub)
	case online.Precision() > pub.Precision():
		s.setDate(datePublished, online, "citation_online_date")
	default:
		s.setDate(datePublished, pub, publicationPath)
	}
}

// sameDate reports whether two dates agree at the precision both have.
func sameDate(a, b ld.Date) bool { return !a.Before(b) && !b.Before(a) }

// highwireReference reads a citation_reference: either free text or
// "citation_title=...; citation_author=...; citation_doi=..." pairs.
func (r *reading) highwireReference(path, value string) (ld.Reference, bool) {
	value = text.Clean(value)
	if value == "" {
		return ld.Reference{}, false
	}
	pairs := splitReferencePairs(value)
	if pairs == nil {
		return ld.Reference{Text: value}, true
	}
	var reference ld.Reference
	var parts []string
	authors := false // the last part is a list of authors
	for _, pair := range pairs {
		key, val := pair[0], text.Clean(pair[1])
		if val == "" {
			continue
		}
		switch key {
		case "citation_doi":
			if reference.DOI == "" {
				reference.DOI = r.doi(path, val)
			}
			continue
		case "citation_url", "citation_abstract_html_url", "citation_fulltext_html_url", "citation_pdf_url":
			if reference.URL == "" {
				reference.URL = r.url(path, val)
			}
			continue
		case "citation_author", "citation_authors":
			if authors {
				parts[len(parts)-1] += ", " + val
			} else {
				parts = append(parts, val)
			}
			authors = true
			continue
		case "citation_title", "citation_journal_title", "citation_inbook_title", "citation_conference_title":
			val = markupText(val)
		}
		parts = append(parts, val)
		authors = false
	}
	reference.Text = joinSentences(parts)
	if reference == (ld.Reference{}) {
		return reference, false
	}
	return reference, true
}

// splitReferencePairs splits "citation_a=x; citation_b=y" into key-value
// pairs, or returns nil when value is not of that form. A semicolon that
// no "citation_...=" follows belongs to the value.
func splitReferencePairs(value string) [][2]string {
	starts := []int{}
	for i := 0; i < len(value); i++ {
		if i > 0 && !strings.HasSuffix(strings.TrimRight(value[:i], " "), ";") {
			continue
		}
		if key := referenceKey(value[i:]); key != "" {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 || starts[0] != 0 {
		return nil
	}
	var pairs [][2]string
	for n, start := range starts {
		end := len(value)
		if n+1 < len(starts) {
			end = starts[n+1]
		}
		chunk := strings.TrimRight(value[start:end], " ")
		if n+1 < len(starts) {
			chunk = strings.TrimSuffix(chunk, ";")
		}
		key, val, _ := strings.Cut(chunk, "=")
		pairs = append(pairs, [2]string{strings.ToLower(key), val})
	}
	return pairs
}

// referenceKey returns the "citation_xxx" key that s starts with, followed
// by "=", or "".
func referenceKey(s string) string {
	if len(s) < len("citation_") || !strings.EqualFold(s[:len("citation_")], "citation_") {
		return ""
	}
	for i := len("citation_"); i < len(s); i++ {
		switch c := s[i]; {
		case c == '=':
			if i == len("citation_") {
				return ""
			}
			return s[:i]
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		default:
			return ""
		}
	}
	return ""
}

// articleTypes maps the genres publishers write (lower case, hyphens and
// underscores as spaces) to the model's article types. Generic names of
// an article ("article", "journal article") assert no genre.
var articleTypes = map[string]ld.ArticleType{
	"research article": ld.ResearchArticle, "original article": ld.ResearchArticle,
	"original research": ld.ResearchArticle, "research paper": ld.ResearchArticle,
	"original paper": ld.ResearchArticle, "research": ld.ResearchArticle,
	"full paper": ld.ResearchArticle, "regular article": ld.ResearchArticle,
	"original research article": ld.ResearchArticle, "research articles": ld.ResearchArticle,
	"review": ld.ReviewArticle, "review article": ld.ReviewArticle,
	"systematic review": ld.ReviewArticle, "mini review": ld.ReviewArticle,
	"minireview": ld.ReviewArticle, "reviews": ld.ReviewArticle,
	"editorial": ld.Editorial, "editorials": ld.Editorial,
	"correction": ld.Correction, "erratum": ld.Correction, "corrigendum": ld.Correction,
	"retraction": ld.Retraction, "retraction notice": ld.Retraction,
	"letter": ld.Letter, "letter to the editor": ld.Letter, "correspondence": ld.Letter,
	"case report": ld.CaseReport, "case reports": ld.CaseReport,
	"brief report": ld.BriefReport, "short communication": ld.BriefReport,
	"brief communication": ld.BriefReport, "rapid communication": ld.BriefReport,
	"short report": ld.BriefReport,
	"book review":  ld.BookReview,
	"comment":      ld.Comment, "commentary": ld.Comment,
	"other": ld.OtherArticle,
	// The work types beyond the journal article (docs/worktypes.md), in
	// the words citation_article_type and schema.org's genre give them.
	"preprint": ld.Preprint, "conference paper": ld.ConferencePaper,
	"proceedings paper": ld.ConferencePaper, "report": ld.Report,
	"technical report": ld.Report, "working paper": ld.WorkingPaper,
	"book chapter": ld.BookChapter, "chapter": ld.BookChapter,
}

// articleType maps a genre to an article type; a generic "article" gives
// none, an unknown genre a warning.
func (r *reading) articleType(path, value string) (ld.ArticleType, bool) {
	key := strings.ToLower(text.Clean(strings.NewReplacer("-", " ", "_", " ").Replace(value)))
	switch key {
	case "", "article", "articles", "journal article", "text":
		return "", false
	}
	if kind, ok := articleTypes[key]; ok {
		return kind, true
	}
	r.warn(path, "article type %q has no match among the model's types", shorten(text.Clean(value)))
	return "", false
}

// joinSentences joins parts with ". ", or with " " after a part that ends
// in a full stop already ("Mager, W.H.").
func joinSentences(parts []string) string {
	var joined strings.Builder
	for i, part := range parts {
		if i > 0 {
			if strings.HasSuffix(parts[i-1], ".") {
				joined.WriteString(" ")
			} else {
				joined.WriteString(". ")
			}
		}
		joined.WriteString(part)
	}
	return joined.String()
}

package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/ld/ident"
)

//go:embed templates.html
var templatesText string

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"joinDot": func(parts ...string) string { return joinNonEmpty(parts, " · ") },
	"openAccess": func(open bool) string {
		if open {
			return "Open access"
		}
		return ""
	},
}).Parse(templatesText))

// pageArticle is what the landing page template shows of an article.
type pageArticle struct {
	Lang         string // the article's language, when it is not the page's
	Title        template.HTML
	PlainTitle   string
	Canonical    string
	Alternates   []alternate
	JSONLD       template.HTML // the <script type="application/ld+json"> element
	Meta         []metaTag
	Authors      []pageAuthor
	Affiliations []pageAffiliation
	JournalLine  string
	Dates        []pageDate
	Section      string
	OpenAccess   bool
	Journal      string
	Type         string
	DOI          string
	DOIURL       string
	URL          string
	License      *ld.License
	Copyright    string
	Keywords     []string
	Abstract     template.HTML
	Files        []pageFile
	Graphical    *ld.Image
	Citation     string
	References   []pageReference
	Related      []pageRelated
	Subtitle     template.HTML
	AltTitles    []pageTitle
	Work         []pageFact // a work's book, event, series, report number, publisher, editors, funding, identifiers
}

type pageTitle struct {
	Title    template.HTML
	Language string
}

// pageFact is one line of the facts list: a label and its value, with a
// link when the value has one.
type pageFact struct{ Label, Value, Href string }

type alternate struct{ Type, Href, Name string }

type metaTag struct{ Name, Content string }

type pageAuthor struct {
	Name          string
	Numbers       []int
	ORCID         string
	Email         string
	Corresponding bool
}

type pageAffiliation struct {
	Number int
	Text   string
	ROR    string
}

type pageDate struct{ Label, Value, ISO string }

type pageFile struct{ URL, Label string }

type pageReference struct {
	Text   template.HTML
	DOI    string
	DOIURL string
	URL    string
}

type pageRelated struct{ Label, Title, Href string }

// writeLandingPage writes the landing page of an article served at path
// under base; schema is its graph in the schema profile, embedded as
// JSON-LD.
func writeLandingPage(w io.Writer, base, path string, a *ld.Article, schema *ld.Graph) error {
	var script bytes.Buffer
	f, _ := ld.FormatByName("html")
	enc := f.NewEncoder(&script)
	if err := enc.Encode(schema); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	p := pageArticle{
		Title:      inlineHTML(a.Title),
		PlainTitle: plainText(a.Title),
		Canonical:  base + path,
		Alternates: alternates(base + path),
		JSONLD:     template.HTML(strings.TrimSpace(script.String())),
		Meta:       metaTags(a),
		Section:    a.Section,
		DOI:        a.DOI,
		URL:        a.URL,
		License:    a.License,
		Keywords:   a.Keywords,
		Abstract:   inlineHTML(a.Abstract),
		Graphical:  a.GraphicalAbstract,
		Citation:   a.Citation,
	}
	p.Subtitle = inlineHTML(a.Subtitle)
	for _, t := range a.AlternativeTitles {
		p.AltTitles = append(p.AltTitles, pageTitle{Title: inlineHTML(t.Title), Language: t.Language})
	}
	p.Work = workFacts(a)
	if a.Language != "" && a.Language != pageLanguage {
		p.Lang = a.Language
	}
	if a.DOI != "" {
		p.DOIURL = ident.DOIURL(a.DOI)
	}
	if a.Type != "" {
		kind := strings.ReplaceAll(string(a.Type), "-", " ")
		p.Type = strings.ToUpper(kind[:1]) + kind[1:]
	}
	if a.OpenAccess != nil && *a.OpenAccess {
		p.OpenAccess = true
	}
	if j := a.Journal; j != nil {
		var issns []string
		for _, issn := range j.ISSNs {
			label := "ISSN"
			switch issn.Kind {
			case ld.PrintISSN:
				label = "Print ISSN"
			case ld.ElectronicISSN:
				label = "Electronic ISSN"
			case ld.LinkingISSN:
				label = "Linking ISSN"
			}
			issns = append(issns, label+" "+issn.Value)
		}
		publisher := ""
		if j.Publisher != nil {
			publisher = "published by " + j.Publisher.Name
		}
		p.Journal = joinNonEmpty([]string{j.Title, strings.Join(issns, ", "), publisher}, "; ")
	}
	p.Authors, p.Affiliations = authorsAndAffiliations(a)
	p.JournalLine = journalLine(a)
	p.Dates = datesLine(a)
	if c := a.Copyright; c != nil {
		p.Copyright = c.Statement
		if p.Copyright == "" {
			p.Copyright = strings.TrimSpace("© " + yearString(c.Year) + " " + c.Holder)
		}
	}
	for _, file := range a.Files {
		label := "Full text"
		switch file.MediaType {
		case "application/pdf":
			label = "PDF"
		case "":
		default:
			label += " (" + file.MediaType + ")"
		}
		if file.Size != "" {
			label += ", " + file.Size
		}
		p.Files = append(p.Files, pageFile{URL: file.URL, Label: label})
	}
	for _, r := range a.References {
		ref := pageReference{Text: inlineHTML(r.Text), DOI: r.DOI, URL: r.URL}
		if r.DOI != "" {
			ref.DOIURL = ident.DOIURL(r.DOI)
		}
		p.References = append(p.References, ref)
	}
	for _, r := range a.Related {
		rel := pageRelated{Label: relationLabels[r.Relation], Title: plainText(r.Title), Href: r.URL}
		if r.DOI != "" {
			rel.Href = ident.DOIURL(r.DOI)
		}
		if rel.Title == "" {
			rel.Title = rel.Href
		}
		p.Related = append(p.Related, rel)
	}
	return templates.ExecuteTemplate(w, "article", p)
}

// pageLanguage is the language of the page's own words ("Abstract",
// "References"): <html lang>.
const pageLanguage = "en"

var relationLabels = map[ld.Relation]string{
	ld.NextArticle: "Next article", ld.PreviousArticle: "Previous article",
	ld.Corrects: "Corrects", ld.CorrectedBy: "Corrected by",
	ld.Retracts: "Retracts", ld.RetractedBy: "Retracted by",
	ld.CommentOn: "Comment on",
}

// alternates lists the article's URL in every format, for <link> elements
// in the page and the Link header.
func alternates(url string) []alternate {
	var list []alternate
	for _, r := range representations {
		if r.alias {
			continue
		}
		list = append(list, alternate{Type: r.mediaType, Href: url + "?format=" + r.name, Name: r.label})
	}
	return list
}

// authorsAndAffiliations numbers the affiliations in the order the byline
// first refers to them, then those no author refers to.
func authorsAndAffiliations(a *ld.Article) ([]pageAuthor, []pageAffiliation) {
	number := map[string]int{}
	var order []string
	for _, au := range a.Authors {
		for _, id := range au.Affiliations {
			if _, seen := number[id]; !seen {
				order = append(order, id)
				number[id] = len(order)
			}
		}
	}
	for _, af := range a.Affiliations {
		if _, seen := number[af.ID]; !seen {
			order = append(order, af.ID)
			number[af.ID] = len(order)
		}
	}
	var authors []pageAuthor
	for _, au := range a.Authors {
		pa := pageAuthor{Name: au.DisplayName(), ORCID: au.ORCID, Email: au.Email, Corresponding: au.Corresponding}
		for _, id := range au.Affiliations {
			pa.Numbers = append(pa.Numbers, number[id])
		}
		authors = append(authors, pa)
	}
	var affiliations []pageAffiliation
	for _, id := range order {
		i := slices.IndexFunc(a.Affiliations, func(af ld.Affiliation) bool { return af.ID == id })
		if i < 0 {
			continue
		}
		af := a.Affiliations[i]
		affiliations = append(affiliations, pageAffiliation{Number: number[id], Text: affiliationText(af), ROR: af.ROR})
	}
	return authors, affiliations
}

// affiliationText is an affiliation as one line: department, institution,
// address.
func affiliationText(af ld.Affiliation) string {
	parts := []string{af.Department, af.Name}
	if ad := af.Address; ad != nil {
		parts = append(parts, ad.Street, ad.City, strings.TrimSpace(ad.Region+" "+ad.PostalCode), ad.Country)
	}
	return joinNonEmpty(parts, ", ")
}

// journalLine is "Int. J. Mol. Sci. 2014, 15(8), 14348-14363".
func journalLine(a *ld.Article) string {
	var name string
	if j := a.Journal; j != nil {
		name = j.Abbreviation
		if name == "" {
			name = j.Title
		}
	}
	head := joinNonEmpty([]string{name, yearString(a.Dates.Published.Year)}, " ")
	volume := a.Volume
	if a.Issue != "" {
		volume += "(" + a.Issue + ")"
	}
	pages := a.FirstPage
	if a.LastPage != "" && a.LastPage != a.FirstPage {
		pages += "-" + a.LastPage
	}
	if pages == "" {
		pages = a.ArticleNumber
	}
	return joinNonEmpty([]string{head, volume, pages}, ", ")
}

func datesLine(a *ld.Article) []pageDate {
	var dates []pageDate
	add := func(label string, d ld.Date) {
		if !d.IsZero() {
			dates = append(dates, pageDate{Label: label, Value: humanDate(d), ISO: d.String()})
		}
	}
	add("Received", a.Dates.Received)
	for _, d := range a.Dates.Revised {
		add("Revised", d)
	}
	add("Accepted", a.Dates.Accepted)
	add("Published", a.Dates.Published)
	add("Published in print", a.Dates.PublishedPrint)
	return dates
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// humanDate writes a date at its precision: "18 August 2014", "August
// 2014", "2014".
func humanDate(d ld.Date) string {
	switch {
	case d.Day != 0:
		return fmt.Sprintf("%d %s %d", d.Day, monthNames[d.Month], d.Year)
	case d.Month != 0:
		return fmt.Sprintf("%s %d", monthNames[d.Month], d.Year)
	}
	return strconv.Itoa(d.Year)
}

// scholarDate writes a date as Google Scholar's guidelines ask:
// "2014/08/18", "2014/08" or "2014".
func scholarDate(d ld.Date) string {
	return strings.ReplaceAll(d.String(), "-", "/")
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func joinNonEmpty(parts []string, sep string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// inlineTags are the model's inline markup and the HTML each becomes.
var inlineTags = map[string]string{"i": "i", "b": "b", "sub": "sub", "sup": "sup", "sc": `span class="sc"`}

// inlineHTML renders text holding the model's inline markup (<i>, <b>,
// <sub>, <sup>, <sc>) as HTML: those tags become elements, closed in
// order whatever the text does, and everything else is escaped text.
func inlineHTML(s string) template.HTML {
	var b strings.Builder
	var open []string
	for len(s) > 0 {
		if name, closing, n := inlineTag(s); n > 0 {
			switch {
			case !closing:
				open = append(open, name)
				b.WriteString("<" + inlineTags[name] + ">")
			case slices.Contains(open, name):
				for {
					last := open[len(open)-1]
					open = open[:len(open)-1]
					b.WriteString("</" + strings.Fields(inlineTags[last])[0] + ">")
					if last == name {
						break
					}
				}
			}
			s = s[n:]
			continue
		}
		next := strings.IndexByte(s[1:], '<') + 1
		if next == 0 {
			next = len(s)
		}
		b.WriteString(template.HTMLEscapeString(s[:next]))
		s = s[next:]
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + strings.Fields(inlineTags[open[i]])[0] + ">")
	}
	return template.HTML(b.String())
}

// inlineTag reads "<name>" or "</name>" of an inline tag at the start of
// s, and returns its length, 0 when there is none.
func inlineTag(s string) (name string, closing bool, n int) {
	if !strings.HasPrefix(s, "<") {
		return "", false, 0
	}
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", false, 0
	}
	name = s[1:end]
	if rest, ok := strings.CutPrefix(name, "/"); ok {
		name, closing = rest, true
	}
	if _, ok := inlineTags[name]; !ok {
		return "", false, 0
	}
	return name, closing, end + 1
}

// plainText drops the inline markup of a text.
func plainText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		if _, _, n := inlineTag(s); n > 0 {
			s = s[n:]
			continue
		}
		b.WriteByte(s[0])
		s = s[1:]
	}
	return b.String()
}

// workFacts lists, for people, what a work beyond the journal article
// carries (docs/worktypes.md): the book or proceedings it is part of with
// their editors and ISBNs, the conference, the series, the report number,
// the work's publisher, its editors, its funding and its other
// identifiers.
func workFacts(a *ld.Article) []pageFact {
	var facts []pageFact
	add := func(label, value, href string) {
		if value != "" {
			facts = append(facts, pageFact{label, value, href})
		}
	}
	names := func(people []ld.Author) string {
		var n []string
		for _, p := range people {
			n = append(n, p.DisplayName())
		}
		return strings.Join(n, ", ")
	}
	if b := a.Book; b != nil {
		label := "In the book"
		if a.Type == ld.ConferencePaper {
			label = "In the proceedings"
		}
		add(label, b.Title, "")
		add("Edited by", names(b.Editors), "")
		for _, isbn := range b.ISBNs {
			add("ISBN", isbn, "")
		}
	}
	if e := a.Event; e != nil {
		name := e.Name
		if e.Acronym != "" {
			name += " (" + e.Acronym + ")"
		}
		when := e.StartDate.String()
		if !e.EndDate.IsZero() && e.EndDate != e.StartDate {
			when += " to " + e.EndDate.String()
		}
		add("Conference", joinNonEmpty([]string{name, e.Place, when}, ", "), "")
	}
	if s := a.Series; s != nil {
		var issns []string
		for _, issn := range s.ISSNs {
			issns = append(issns, "ISSN "+issn.Value)
		}
		add("Series", joinNonEmpty([]string{s.Title, strings.Join(issns, ", ")}, "; "), "")
	}
	add("Report number", a.ReportNumber, "")
	if p := a.Publisher; p != nil {
		var place []string
		if addr := p.Address; addr != nil {
			place = []string{addr.City, addr.Country}
		}
		add("Publisher", joinNonEmpty(append([]string{p.Name}, place...), ", "), "")
	}
	add("Editors", names(a.Editors), "")
	for _, f := range a.Funding {
		funder := f.Funder.Name
		href := f.Funder.ROR
		if href == "" && f.Funder.DOI != "" {
			href = ident.DOIURL(f.Funder.DOI)
		}
		award := f.Award
		if award != "" {
			award = "grant " + award
		}
		if f.AwardTitle != "" {
			award = joinNonEmpty([]string{award, "“" + f.AwardTitle + "”"}, " ")
		}
		add("Funding", joinNonEmpty([]string{funder, award}, ", "), href)
	}
	for _, id := range a.Identifiers {
		add(identifierLabels[id.Scheme], id.Value, "")
	}
	return facts
}

// identifierLabels name the identifier schemes for people.
var identifierLabels = map[ld.IdentifierScheme]string{
	ld.PMID: "PubMed ID", ld.PMCID: "PubMed Central ID", ld.OpenAlex: "OpenAlex ID", ld.ArXiv: "arXiv ID",
}

package ld

import "strings"

// Article is one scholarly article as a publisher's landing page shows it.
// It is the model in the middle: every reader produces it, and the mapping
// (Map) and every encoder consume only the graph built from it.
//
// The JSON field names are the record format documented in
// docs/record-format.md.
// Empty fields mean "not known": a reader never fills a field the source
// lacks.
type Article struct {
	// Type is the article's genre; empty means a research article is not
	// asserted either.
	Type ArticleType `json:"type,omitempty"`
	// Title may contain the inline markup described at Abstract.
	Title string `json:"title"`
	// OpenAccess is nil when the source does not say.
	OpenAccess *bool `json:"openAccess,omitempty"`
	// Authors in byline order.
	Authors []Author `json:"authors,omitempty"`
	// Affiliations are referenced from Author.Affiliations by ID.
	Affiliations []Affiliation `json:"affiliations,omitempty"`
	Journal      *Journal      `json:"journal,omitempty"`
	Volume       string        `json:"volume,omitempty"`
	Issue        string        `json:"issue,omitempty"`
	// FirstPage and LastPage are page labels ("14348", "iv"); an article
	// without pages has an ArticleNumber ("e01567") instead.
	FirstPage     string `json:"firstPage,omitempty"`
	LastPage      string `json:"lastPage,omitempty"`
	ArticleNumber string `json:"articleNumber,omitempty"`
	// DOI without any resolver prefix: "10.3390/ijms150814348".
	DOI string `json:"doi,omitempty"`
	// URL of the landing page.
	URL   string `json:"url,omitempty"`
	Dates Dates  `json:"dates,omitzero"`
	// License is the licence of the version of record.
	License   *License   `json:"license,omitempty"`
	Copyright *Copyright `json:"copyright,omitempty"`
	// Keywords, one term each, in the order given.
	Keywords []string `json:"keywords,omitempty"`
	// Section of the journal the article belongs to ("Biochemistry").
	Section string `json:"section,omitempty"`
	// Abstract is plain text in which only the inline elements <i>, <b>,
	// <sub>, <sup> and <sc> may appear, as in JATS: "H<sub>2</sub>O".
	// Outputs keep them as written.
	Abstract string `json:"abstract,omitempty"`
	// Language is a BCP 47 tag ("en", "zh-Hant-TW").
	Language string `json:"language,omitempty"`
	// Files are the full-text files: PDF, XML, HTML.
	Files []File `json:"files,omitempty"`
	// GraphicalAbstract is the image shown as the graphical abstract.
	GraphicalAbstract *Image `json:"graphicalAbstract,omitempty"`
	// Citation is the article's own citation string as the publisher
	// gives it, used for dcterms:bibliographicCitation.
	Citation   string      `json:"citation,omitempty"`
	References []Reference `json:"references,omitempty"`
	Related    []Related   `json:"related,omitempty"`

	// The fields below carry works beyond the journal article (preprints,
	// conference papers, reports, book chapters; docs/worktypes.md) and
	// what any work may have: they are declared in work.go.

	// Subtitle follows the title, without the separator.
	Subtitle string `json:"subtitle,omitempty"`
	// AlternativeTitles are other titles of the work: translated or
	// original-language titles, alternative titles.
	AlternativeTitles []AlternativeTitle `json:"alternativeTitles,omitempty"`
	// Publisher is the work's publisher when no journal names one: a
	// preprint server, a report's institution, a book's publisher.
	Publisher *Publisher `json:"publisher,omitempty"`
	// Editors of the work itself; a chapter's book has editors of its own.
	Editors []Author `json:"editors,omitempty"`
	// Funding lists the funders and their awards, in the order given.
	Funding []Funding `json:"funding,omitempty"`
	// Identifiers other than the DOI: PMID, PMCID, OpenAlex, arXiv.
	Identifiers []Identifier `json:"identifiers,omitempty"`
	// ReportNumber is a report's or working paper's number in its series.
	ReportNumber string `json:"reportNumber,omitempty"`
	// Series is the series a report, or a chapter's book, belongs to.
	Series *Series `json:"series,omitempty"`
	// Book is the book a chapter, or the proceedings a conference paper,
	// is part of.
	Book *Book `json:"book,omitempty"`
	// Event is the conference at which a conference paper was given.
	Event *Event `json:"event,omitempty"`
}

// ArticleType names the genre of an article.
type ArticleType string

// The article types of the record format.
const (
	ResearchArticle ArticleType = "research-article"
	ReviewArticle   ArticleType = "review"
	Editorial       ArticleType = "editorial"
	Correction      ArticleType = "correction"
	Retraction      ArticleType = "retraction"
	Letter          ArticleType = "letter"
	CaseReport      ArticleType = "case-report"
	BriefReport     ArticleType = "brief-report"
	BookReview      ArticleType = "book-review"
	Comment         ArticleType = "comment"
	OtherArticle    ArticleType = "other"
	// The work types beyond the journal article (docs/worktypes.md).
	Preprint        ArticleType = "preprint"
	ConferencePaper ArticleType = "conference-paper"
	Report          ArticleType = "report"
	WorkingPaper    ArticleType = "working-paper"
	BookChapter     ArticleType = "book-chapter"
)

// ArticleTypes lists every valid ArticleType in documentation order.
var ArticleTypes = []ArticleType{
	ResearchArticle, ReviewArticle, Editorial, Correction, Retraction,
	Letter, CaseReport, BriefReport, BookReview, Comment, OtherArticle,
	Preprint, ConferencePaper, Report, WorkingPaper, BookChapter,
}

// AuthorKind tells a person from an organisation (a consortium, a group).
type AuthorKind string

// The author kinds; the empty kind is a person.
const (
	PersonAuthor       AuthorKind = "person"
	OrganizationAuthor AuthorKind = "organization"
)

// AuthorKinds lists every valid AuthorKind.
var AuthorKinds = []AuthorKind{PersonAuthor, OrganizationAuthor}

// Author is one entry of the byline.
type Author struct {
	// Kind is empty or "person" for a person, "organization" for an
	// organisation author, whose name is in Name.
	Kind   AuthorKind `json:"kind,omitempty"`
	Given  string     `json:"given,omitempty"`
	Family string     `json:"family,omitempty"`
	// Suffix is a generational suffix: "Jr.", "III".
	Suffix string `json:"suffix,omitempty"`
	// Name is the display name; for a person it may be left empty and is
	// then made from Given, Family and Suffix.
	Name string `json:"name,omitempty"`
	// ORCID is the bare identifier "0000-0002-1825-0097".
	ORCID string `json:"orcid,omitempty"`
	Email string `json:"email,omitempty"`
	// ROR is an organisation author's ROR ID "https://ror.org/02mhbdp94".
	ROR           string `json:"ror,omitempty"`
	Corresponding bool   `json:"corresponding,omitempty"`
	// Affiliations holds Affiliation.ID values, in the order shown.
	Affiliations []string `json:"affiliations,omitempty"`
}

// IsOrganization reports whether the author is an organisation.
func (a *Author) IsOrganization() bool { return a.Kind == OrganizationAuthor }

// DisplayName is Name, or for a person without one "Given Family Suffix".
func (a *Author) DisplayName() string {
	if a.Name != "" || a.IsOrganization() {
		return a.Name
	}
	parts := [3]string{a.Given, a.Family, a.Suffix}
	present := parts[:0]
	for _, part := range parts {
		if part != "" {
			present = append(present, part)
		}
	}
	return strings.Join(present, " ")
}

// Affiliation is an organisation an author belongs to.
type Affiliation struct {
	// ID is the record-local key that Author.Affiliations refers to.
	ID string `json:"id"`
	// Name of the institution ("University of Calgary").
	Name       string   `json:"name,omitempty"`
	Department string   `json:"department,omitempty"`
	Address    *Address `json:"address,omitempty"`
	// ROR is the full ROR ID "https://ror.org/03yjb2x39".
	ROR string `json:"ror,omitempty"`
}

// Address is a postal address.
type Address struct {
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postalCode,omitempty"`
	// Country as shown ("Canada") or an ISO 3166-1 alpha-2 code ("CA").
	Country string `json:"country,omitempty"`
}

// Journal is the periodical the article appears in.
type Journal struct {
	Title        string     `json:"title"`
	Abbreviation string     `json:"abbreviation,omitempty"`
	ISSNs        []ISSN     `json:"issns,omitempty"`
	Publisher    *Publisher `json:"publisher,omitempty"`
}

// ISSN is one ISSN of a journal with its kind.
type ISSN struct {
	// Value is "1422-0067"; the check digit is verified.
	Value string   `json:"value"`
	Kind  ISSNKind `json:"kind,omitempty"`
}

// ISSNKind says which medium an ISSN identifies.
type ISSNKind string

// The ISSN kinds; the empty kind is unknown.
const (
	PrintISSN      ISSNKind = "print"
	ElectronicISSN ISSNKind = "electronic"
	LinkingISSN    ISSNKind = "linking"
)

// ISSNKinds lists every valid ISSNKind.
var ISSNKinds = []ISSNKind{PrintISSN, ElectronicISSN, LinkingISSN}

// Publisher of a journal.
type Publisher struct {
	Name    string   `json:"name"`
	Address *Address `json:"address,omitempty"`
}

// Dates are the milestones of an article. Each is a Date of year, month or
// day precision; the zero Date means "not known".
type Dates struct {
	Received Date `json:"received,omitzero"`
	// Revised holds every date a revision was received, in order.
	Revised  []Date `json:"revised,omitempty"`
	Accepted Date   `json:"accepted,omitzero"`
	// Published is the first publication, online or in print.
	Published Date `json:"published,omitzero"`
	// PublishedPrint is the date of the print issue, when it differs.
	PublishedPrint Date `json:"publishedPrint,omitzero"`
}

// License is the licence an article is published under.
type License struct {
	// URL of the licence ("https://creativecommons.org/licenses/by/3.0/").
	URL string `json:"url,omitempty"`
	// Label as shown ("CC BY 3.0").
	Label string `json:"label,omitempty"`
}

// Copyright is the copyright line of an article.
type Copyright struct {
	// Holder is a name; "the authors" means the article's authors.
	Holder string `json:"holder,omitempty"`
	Year   int    `json:"year,omitempty"`
	// Statement is the full text ("© 2014 by the authors; licensee MDPI").
	Statement string `json:"statement,omitempty"`
}

// File is a full-text file of the article.
type File struct {
	URL string `json:"url"`
	// MediaType is an IANA media type ("application/pdf").
	MediaType string `json:"mediaType,omitempty"`
	// Size as shown, a number and a unit: "4023 KB".
	Size     string `json:"size,omitempty"`
	Uploaded Date   `json:"uploaded,omitzero"`
}

// Image is a picture of the article, such as its graphical abstract.
type Image struct {
	URL       string `json:"url"`
	MediaType string `json:"mediaType,omitempty"`
	Caption   string `json:"caption,omitempty"`
}

// Reference is one entry of the reference list: a DOI, a URL, the
// unstructured citation text, or several of them.
type Reference struct {
	DOI  string `json:"doi,omitempty"`
	URL  string `json:"url,omitempty"`
	Text string `json:"text,omitempty"`
}

// Related is another article linked from this one.
type Related struct {
	Relation Relation `json:"relation"`
	DOI      string   `json:"doi,omitempty"`
	URL      string   `json:"url,omitempty"`
	Title    string   `json:"title,omitempty"`
}

// Relation names how a related article is linked.
type Relation string

// The relations of the record format.
const (
	// NextArticle and PreviousArticle are the journal's navigation links.
	NextArticle     Relation = "next"
	PreviousArticle Relation = "previous"
	// Corrects: this article is a correction of the related one.
	Corrects Relation = "corrects"
	// CorrectedBy: the related article is a correction of this one.
	CorrectedBy Relation = "correctedBy"
	// Retracts and RetractedBy work as Corrects and CorrectedBy.
	Retracts    Relation = "retracts"
	RetractedBy Relation = "retractedBy"
	// CommentOn: this article comments on the related one.
	CommentOn Relation = "commentOn"
	// PreprintOf: this work is a preprint of the related one (its later,
	// published version); HasPreprint is the inverse.
	PreprintOf  Relation = "preprintOf"
	HasPreprint Relation = "hasPreprint"
)

// Relations lists every valid Relation in documentation order.
var Relations = []Relation{
	NextArticle, PreviousArticle, Corrects, CorrectedBy, Retracts, RetractedBy, CommentOn,
	PreprintOf, HasPreprint,
}

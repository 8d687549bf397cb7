package ld

// This file holds the parts of the model that works beyond the journal
// article need (docs/worktypes.md), and the funding, identifiers and
// alternative titles that any work may carry.

// AlternativeTitle is another title of a work: a translation, the
// original-language title, an alternative title.
type AlternativeTitle struct {
	Title string `json:"title"`
	// Language is the title's BCP 47 tag, when known.
	Language string `json:"language,omitempty"`
}

// Funding is one funder of a work and, when known, the award it made.
type Funding struct {
	Funder Funder `json:"funder"`
	// Award is the grant number ("R01 GM123456").
	Award string `json:"award,omitempty"`
	// AwardTitle is the title of the funded project.
	AwardTitle string `json:"awardTitle,omitempty"`
	// AwardURL is the award's page.
	AwardURL string `json:"awardUrl,omitempty"`
}

// Funder is an organisation that funds research.
type Funder struct {
	Name string `json:"name"`
	// ROR is the full ROR ID "https://ror.org/021nxhr62".
	ROR string `json:"ror,omitempty"`
	// DOI is the Crossref Funder ID, a bare DOI: "10.13039/100000001".
	DOI string `json:"doi,omitempty"`
}

// Identifier is an identifier of the work other than its DOI.
type Identifier struct {
	Scheme IdentifierScheme `json:"scheme"`
	// Value in the scheme's bare form: "24667540", "PMC4153410",
	// "W2741809807", "2101.00001".
	Value string `json:"value"`
}

// IdentifierScheme names the scheme of an Identifier.
type IdentifierScheme string

// The identifier schemes of the record format.
const (
	PMID     IdentifierScheme = "pmid"
	PMCID    IdentifierScheme = "pmcid"
	OpenAlex IdentifierScheme = "openalex"
	ArXiv    IdentifierScheme = "arxiv"
)

// IdentifierSchemes lists every valid IdentifierScheme.
var IdentifierSchemes = []IdentifierScheme{PMID, PMCID, OpenAlex, ArXiv}

// Series is a series of reports or books ("NBER Working Paper Series",
// "Lecture Notes in Computer Science").
type Series struct {
	Title string `json:"title"`
	ISSNs []ISSN `json:"issns,omitempty"`
}

// Book is the book a chapter is part of, or the proceedings volume of a
// conference.
type Book struct {
	Title string `json:"title"`
	// ISBNs in normal form: ten or thirteen characters, no hyphens.
	ISBNs   []string `json:"isbns,omitempty"`
	Editors []Author `json:"editors,omitempty"`
}

// Event is a conference, workshop or meeting.
type Event struct {
	Name string `json:"name"`
	// Acronym is the event's short name ("ICSE 2024").
	Acronym string `json:"acronym,omitempty"`
	// Place as written ("Lisbon, Portugal").
	Place     string `json:"place,omitempty"`
	StartDate Date   `json:"startDate,omitzero"`
	EndDate   Date   `json:"endDate,omitzero"`
}

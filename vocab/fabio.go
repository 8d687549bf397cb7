package vocab

// FaBiO is the namespace of the FRBR-aligned Bibliographic Ontology.
const FaBiO = "http://purl.org/spar/fabio/"

// FaBiO classes that name an article's genre. They are the values of
// schema:additionalType, so that a review stays a schema:ScholarlyArticle
// (schema:Review means a review of an item, not a review article).
const (
	FaBiOResearchPaper  = FaBiO + "ResearchPaper"
	FaBiOReviewArticle  = FaBiO + "ReviewArticle"
	FaBiOEditorial      = FaBiO + "Editorial"
	FaBiOCorrection     = FaBiO + "Correction"
	FaBiOLetter         = FaBiO + "Letter"
	FaBiOCaseReport     = FaBiO + "CaseReport"
	FaBiOBriefReport    = FaBiO + "BriefReport"
	FaBiOBookReview     = FaBiO + "BookReview"
	FaBiORetraction     = FaBiO + "RetractionNotice"
	FaBiOComment        = FaBiO + "Comment"
	FaBiOJournalArticle = FaBiO + "JournalArticle"
)

// FaBiOHasDateReceived is the date a manuscript was received. DCMI's
// dateSubmitted carries the same date; FaBiO's term is not emitted.
const FaBiOHasDateReceived = FaBiO + "hasDateReceived"

// FaBiO classes of the work types beyond the journal article, written as
// schema:additionalType beside the schema.org class (docs/worktypes.md).
const (
	FaBiOPreprint              = FaBiO + "Preprint"
	FaBiOConferencePaper       = FaBiO + "ConferencePaper"
	FaBiOReportDocument        = FaBiO + "ReportDocument"
	FaBiOWorkingPaper          = FaBiO + "WorkingPaper"
	FaBiOBookChapter           = FaBiO + "BookChapter"
	FaBiOConferenceProceedings = FaBiO + "ConferenceProceedings"
)

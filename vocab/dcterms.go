package vocab

// DCTerms is the namespace of DCMI Metadata Terms. scholarld never emits
// the legacy DC Elements 1.1 namespace.
const DCTerms = "http://purl.org/dc/terms/"

// DCMI Metadata Terms used by the full profile.
const (
	DCTermsAbstract              = DCTerms + "abstract"
	DCTermsBibliographicCitation = DCTerms + "bibliographicCitation"
	DCTermsCreator               = DCTerms + "creator"
	DCTermsDate                  = DCTerms + "date"
	DCTermsDateAccepted          = DCTerms + "dateAccepted"
	DCTermsDateSubmitted         = DCTerms + "dateSubmitted"
	DCTermsHasFormat             = DCTerms + "hasFormat"
	DCTermsIdentifier            = DCTerms + "identifier"
	DCTermsIsPartOf              = DCTerms + "isPartOf"
	DCTermsIssued                = DCTerms + "issued"
	DCTermsLanguage              = DCTerms + "language"
	DCTermsLicense               = DCTerms + "license"
	DCTermsPublisher             = DCTerms + "publisher"
	DCTermsReferences            = DCTerms + "references"
	DCTermsRelation              = DCTerms + "relation"
	DCTermsRights                = DCTerms + "rights"
	DCTermsRightsHolder          = DCTerms + "rightsHolder"
	DCTermsSubject               = DCTerms + "subject"
	DCTermsTitle                 = DCTerms + "title"
)

// DCMI classes and datatypes.
const (
	DCTermsRightsStatement = DCTerms + "RightsStatement"
	// DCTermsRFC5646 is the datatype of a BCP 47 language tag.
	DCTermsRFC5646 = DCTerms + "RFC5646"
)

// DCMI Metadata Terms for other titles and versions (docs/worktypes.md).
const (
	DCTermsAlternative = DCTerms + "alternative"
	DCTermsHasVersion  = DCTerms + "hasVersion"
	DCTermsIsVersionOf = DCTerms + "isVersionOf"
)

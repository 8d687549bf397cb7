package vocab

// Schema is the schema.org namespace with the http scheme, the one the
// official JSON-LD context (https://schema.org) expands terms into.
const Schema = "http://schema.org/"

// schema.org classes.
const (
	SchemaScholarlyArticle  = Schema + "ScholarlyArticle"
	SchemaPerson            = Schema + "Person"
	SchemaOrganization      = Schema + "Organization"
	SchemaPostalAddress     = Schema + "PostalAddress"
	SchemaPeriodical        = Schema + "Periodical"
	SchemaPublicationVolume = Schema + "PublicationVolume"
	SchemaPublicationIssue  = Schema + "PublicationIssue"
	SchemaPropertyValue     = Schema + "PropertyValue"
	SchemaMediaObject       = Schema + "MediaObject"
	SchemaImageObject       = Schema + "ImageObject"
	SchemaCreativeWork      = Schema + "CreativeWork"
)

// SchemaDate is the datatype that the official context gives to
// datePublished, uploadDate and the other date properties.
const SchemaDate = Schema + "Date"

// schema.org properties.
const (
	SchemaAbout               = Schema + "about"
	SchemaAbstract            = Schema + "abstract"
	SchemaAdditionalType      = Schema + "additionalType"
	SchemaAddress             = Schema + "address"
	SchemaAddressCountry      = Schema + "addressCountry"
	SchemaAddressLocality     = Schema + "addressLocality"
	SchemaAddressRegion       = Schema + "addressRegion"
	SchemaAffiliation         = Schema + "affiliation"
	SchemaAlternateName       = Schema + "alternateName"
	SchemaArticleSection      = Schema + "articleSection"
	SchemaAuthor              = Schema + "author"
	SchemaCaption             = Schema + "caption"
	SchemaCitation            = Schema + "citation"
	SchemaContentSize         = Schema + "contentSize"
	SchemaContentURL          = Schema + "contentUrl"
	SchemaCopyrightHolder     = Schema + "copyrightHolder"
	SchemaCopyrightNotice     = Schema + "copyrightNotice"
	SchemaCopyrightYear       = Schema + "copyrightYear"
	SchemaCorrection          = Schema + "correction"
	SchemaDatePublished       = Schema + "datePublished"
	SchemaDepartment          = Schema + "department"
	SchemaDescription         = Schema + "description"
	SchemaEmail               = Schema + "email"
	SchemaEncoding            = Schema + "encoding"
	SchemaEncodingFormat      = Schema + "encodingFormat"
	SchemaFamilyName          = Schema + "familyName"
	SchemaGenre               = Schema + "genre"
	SchemaGivenName           = Schema + "givenName"
	SchemaHeadline            = Schema + "headline"
	SchemaHonorificSuffix     = Schema + "honorificSuffix"
	SchemaIdentifier          = Schema + "identifier"
	SchemaImage               = Schema + "image"
	SchemaInLanguage          = Schema + "inLanguage"
	SchemaIsAccessibleForFree = Schema + "isAccessibleForFree"
	SchemaIsPartOf            = Schema + "isPartOf"
	SchemaISSN                = Schema + "issn"
	SchemaIssueNumber         = Schema + "issueNumber"
	SchemaKeywords            = Schema + "keywords"
	SchemaLicense             = Schema + "license"
	SchemaName                = Schema + "name"
	SchemaPageEnd             = Schema + "pageEnd"
	SchemaMemberOf            = Schema + "memberOf"
	SchemaPageStart           = Schema + "pageStart"
	SchemaPagination          = Schema + "pagination"
	SchemaPosition            = Schema + "position"
	SchemaPostalCode          = Schema + "postalCode"
	SchemaPropertyID          = Schema + "propertyID"
	SchemaPublisher           = Schema + "publisher"
	SchemaSameAs              = Schema + "sameAs"
	SchemaSourceOrganization  = Schema + "sourceOrganization"
	SchemaStreetAddress       = Schema + "streetAddress"
	SchemaUploadDate          = Schema + "uploadDate"
	SchemaURL                 = Schema + "url"
	SchemaValue               = Schema + "value"
	SchemaVolumeNumber        = Schema + "volumeNumber"
)

// schema.org classes of works beyond the journal article and of what they
// are part of (docs/worktypes.md).
const (
	SchemaReport             = Schema + "Report"
	SchemaChapter            = Schema + "Chapter"
	SchemaBook               = Schema + "Book"
	SchemaCreativeWorkSeries = Schema + "CreativeWorkSeries"
	SchemaEvent              = Schema + "Event"
	SchemaGrant              = Schema + "Grant"
)

// schema.org properties of those works, of funding and of other titles.
const (
	SchemaAlternativeHeadline = Schema + "alternativeHeadline"
	SchemaEditor              = Schema + "editor"
	SchemaEndDate             = Schema + "endDate"
	SchemaFunder              = Schema + "funder"
	SchemaFunding             = Schema + "funding"
	SchemaIsBasedOn           = Schema + "isBasedOn"
	SchemaISBN                = Schema + "isbn"
	SchemaLocation            = Schema + "location"
	SchemaRecordedAt          = Schema + "recordedAt"
	SchemaReportNumber        = Schema + "reportNumber"
	SchemaStartDate           = Schema + "startDate"
)

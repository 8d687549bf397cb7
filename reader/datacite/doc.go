// Package datacite reads DataCite metadata: DataCite JSON (the REST API's
// response for one DOI, {"data": {"attributes": …}}, and for a list,
// {"data": […]}, and the schema's plain JSON form that DOI content
// negotiation gives as application/vnd.datacite.datacite+json) and
// DataCite XML (metadata kernel 4.x; kernel 3.x, which shares its
// elements, is read too). Both forms fill one kernel-shaped resource,
// which one builder maps to the article model, so they read alike.
//
// What is read, and how (docs/worktypes.md has the model's side):
//
//   - types.resourceTypeGeneral: JournalArticle and Text are works of no
//     asserted genre, Preprint, ConferencePaper, Report and BookChapter
//     their types, DataPaper and PeerReview "other". Text is refined by
//     the free-text resourceType ("Preprint", "Working Paper", "Technical
//     Report", "Conference paper", "Chapter"). Every other general type
//     (Dataset, Software, Image, Book, …) is refused by name: "DataCite
//     resourceTypeGeneral Dataset is not a work scholarld maps".
//   - titles: the one without titleType is the title, Subtitle the
//     subtitle, AlternativeTitle, TranslatedTitle and Other the alternative
//     titles, each with its language (xml:lang / lang). No title rejects
//     the record.
//   - creators: nameType Organizational is an organisation (its ROR from
//     nameIdentifiers); a person's givenName and familyName, else the name
//     split as a librarian would ("Family, Given"); the ORCID from
//     nameIdentifiers; affiliations, strings or objects, with their ROR.
//   - contributors: contributorType Editor are the editors; other roles
//     are reported.
//   - publisher: the journal's publisher when the work is in a journal,
//     else the work's (the preprint server, the repository).
//   - publicationYear and dates: Issued (else Available, else the
//     publicationYear) is the publication date, Submitted received,
//     Accepted accepted; Updated, Created, Collected and the other types
//     are reported. A range is read as its start. A date that does not
//     exist rejects the record.
//   - container (REST API), relatedItems (kernel 4.4, IsPublishedIn or
//     IsPartOf) and relatedIdentifiers IsPartOf an ISSN or ISBN: a journal
//     (title, ISSN, volume, issue, pages) or, for a chapter, a
//     ConferenceProceeding or Book item or an ISBN, the book. DataCite
//     gives an ISSN or ISBN without the title the model requires only in
//     relatedIdentifiers: that is reported, not guessed.
//   - relatedIdentifiers: Cites and References (DOI or URL) are the
//     reference list, IsPreprintOf and HasPreprint the preprint relations;
//     the other relation types are reported once each.
//   - descriptions: the first Abstract is the abstract (kernel 4's <br/>
//     becomes a space, other markup its text); SeriesInformation is the
//     series' title; other kinds are reported.
//   - subjects: the keywords, in order, each once.
//   - rightsList: the first licence, its rightsURI, else the URL of its
//     SPDX identifier (creativecommons.org for CC licences, spdx.org
//     otherwise); the info:eu-repo access statements set openAccess.
//   - fundingReferences: the funder's name, its ROR or Crossref Funder ID
//     (other identifier types reported), the award number, URI and title.
//   - language (ISO 639-1 or -2, or a language name) and url.
//
// A list rejects only its bad items; a JSON or XML syntax error rejects
// the input, with its position.
package datacite

// Package ident checks and normalises the identifiers a scholarly record
// carries: DOI, ISSN, ISBN, ORCID iD, ROR ID, BCP 47 language tags, HTTP
// URLs and e-mail addresses.
//
// Every function is pure and offline: it checks syntax and check digits,
// never whether an identifier is registered. Readers call the Normalize
// functions on what a source gives and store the result in the article
// model; ld.Check calls them on a record and requires that the record
// already holds the normalised form; the mapping calls DOIURL and
// ORCIDURL to make IRIs, after FoldDOI: a DOI keeps the case its source
// gave wherever a person reads it, and is in lower case in every IRI.
//
//	identifier  accepted input                                  normal form
//	DOI         10.NNNN/x, doi:10.NNNN/x, https://doi.org/…      10.NNNN/x (case kept)
//	ISSN        1422-0067, 14220067, 1422 0067, …x               1422-0067
//	ISBN        ISBN-10 or ISBN-13, hyphens or spaces            digits only
//	ORCID       0000-0002-1825-0097, https://orcid.org/…        0000-0002-1825-0097
//	ROR         03yjb2x39, ror.org/…, https://ror.org/…          https://ror.org/03yjb2x39
//
// Errors name the identifier as a user knows it ("ORCID", "ISSN", "ROR ID",
// "URL", "e-mail", "language tag") and quote the value they reject, so a
// reader or a record check can show them as they are.
package ident

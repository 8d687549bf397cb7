// Package csl reads CSL-JSON, the citation data of the Citation Style
// Language, into ld.Article: one item (as DOI content negotiation with
// application/vnd.citationstyles.csl+json gives it) or a list of items (as
// Zotero, Pandoc and citeproc write it).
//
// Read parses the JSON once into a tree that remembers where each value
// starts, so that a syntax error names its line and column and a bad value
// names its field and position. Each item becomes one reader.Record: an
// item without a title, or with a date that does not exist, is a record
// error naming the field; the other items of a list are still read.
//
//	CSL-JSON                                 article model
//	type, genre                              Type (review-book: book review;
//	                                         article-journal, -magazine,
//	                                         -newspaper: unstated;
//	                                         paper-conference, chapter,
//	                                         report, article as preprint or
//	                                         working paper: worktype.go and
//	                                         docs/readers.md; other types
//	                                         read with a warning)
//	title                                    Title (CSL rich text markup)
//	author[]: family, given, suffix,         Authors (particles join the
//	  non-dropping-particle,                 family name; a literal name
//	  dropping-particle, literal, ORCID,     alone is an organisation)
//	  affiliation[].name                     Affiliations aff1, aff2, ...
//	container-title                          Journal.Title
//	container-title-short,                   Journal.Abbreviation
//	  short-container-title (Crossref),
//	  journalAbbreviation
//	ISSN (string or list), issn-type         Journal.ISSNs (kind from
//	                                         issn-type, else empty)
//	publisher, publisher-place               Journal.Publisher (place as
//	                                         Address.City)
//	volume, issue                            Volume, Issue
//	page, page-first                         FirstPage, LastPage; "e01567"
//	                                         alone is an article number
//	article-number, number                   ArticleNumber
//	DOI, URL                                 DOI, URL (normalised)
//	published-online, available-date,        Dates.Published
//	  issued, published
//	published-print                          Dates.PublishedPrint
//	submitted                                Dates.Received
//	language                                 Language (BCP 47)
//	abstract                                 Abstract (JATS when it starts
//	                                         with "<", else plain text)
//	keyword (comma or semicolon list),       Keywords
//	  categories
//	license (string or Crossref list)        License (version of record)
//	section                                  Section
//	reference[]: DOI, unstructured, or the   References (text composed from
//	  fields (author, year/issued, title…)     the fields as the Crossref
//	                                           readers compose it)
//
// Dates are read from date-parts at the precision given, else from raw
// (which must parse), else from literal (kept only when it parses). An
// accessed date is not a date of the article and gives a warning.
//
// Everything else an item holds (editors, PMID, note, Crossref's funder
// and bookkeeping fields, a date season...) gives a reader.Warning with
// its path, such as "author[*].authenticated-orcid" or "issued.season".
// Only what carries nothing about the article is passed over in silence:
// the item's local id and citation-key, a name's sequence, parse-names,
// comma-suffix and static-ordering, a literal beside family and given
// names, who asserted an affiliation's ROR ID, the start and delay of a
// Crossref licence, the raw or literal text beside date-parts, and the
// structured parts (key, year, journal-title...) of a reference that has
// a DOI or unstructured text.
package csl

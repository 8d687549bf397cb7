// Package crossref reads Crossref metadata into ld.Article, in its two
// formats:
//
//	format               entry points        input
//	REST API JSON        Read, Sniff         a work (the bare message, or the whole response
//	                                         with message-type "work"), or a list of works
//	                                         (message-type "work-list", message.items)
//	UNIXSD / UNIXREF XML ReadXML, SniffXML   crossref_result (a query result), doi_records,
//	                                         doi_record or crossref (UNIXREF), doi_batch (a deposit)
//
// Data flows the same way in both: the input is parsed whole (JSON into
// objects whose members keep their offsets, XML into a small element
// tree whose nodes keep their line and column), then each work or
// journal_article is read field by field into a builder, which collects
// the article, the warnings and the problems that reject the record.
// Finally the article is checked with ld.Check. A malformed input as a
// whole is a *reader.SyntaxError with its position; a bad record is a
// reader.Record with Err, an *ld.FieldError naming the source field.
//
// # Mapping
//
//	article          REST API JSON                           XML
//	Title            title[0] (face markup and JATS)         titles/title[1]
//	Authors          author: given, family, suffix, ORCID;   contributors: person_name (given_name,
//	                 name alone: an organisation             surname, suffix, ORCID), organization
//	Affiliations     author.affiliation: name, department,   person_name/affiliation,
//	                 id[] of id-type ROR                     affiliations/institution (name, department, ROR)
//	Journal          container-title, short-container-title, journal_metadata: full_title, abbrev_title,
//	                 ISSN with issn-type, publisher           issn@media_type; the query's publisher-name
//	Volume, Issue    volume, issue                           journal_issue: journal_volume/volume, issue
//	Pages            page "2918-2922", article-number        pages/first_page, last_page; publisher_item/item_number
//	DOI, URL         DOI; resource.primary.URL, else URL     doi_data/doi, doi_data/resource
//	Dates            published-online, published-print,      publication_date@media_type online, print
//	                 issued; accepted; assertion received,   (else the issue's); crossmark assertions
//	                 accepted, published, revised
//	License          license of content-version vor,         program/license_ref@applies_to vor, else
//	                 else unspecified                        one for no version
//	OpenAccess       -                                       program/free_to_read
//	Copyright        assertion "copyright"                   crossmark assertion "copyright"
//	Keywords         subject (see below)                     -
//	Abstract         abstract (JATS)                         abstract (JATS), the first non-empty one
//	Language         language                                journal_article@language, journal_metadata@language
//	Files            link of a PDF, XML or HTML media type   doi_data/collection/item/resource@mime_type
//	References       reference: DOI, unstructured            citation_list/citation: doi, unstructured_citation
//	Related          relation is-comment-on; update-to;      program/related_item isCommentOn;
//	                 updated-by                              crossmark/updates/update
//
// # Choices
//
// The byline is the order of the author list; Crossref's sequence
// ("first", "additional") only draws a warning when it disagrees.
// Affiliations are shared: equal affiliations of several authors get one
// ID, aff1, aff2... in order of first appearance.
//
// Published is the first publication: the online date, else the print
// date, else (JSON) issued, Crossref's earliest known date. PublishedPrint
// is the print date when it differs from Published. An XML article with
// no publication_date of its own takes those of its journal_issue. The
// Crossmark assertions, free text such as "18 February 2021", fill dates
// still empty and draw a warning when they disagree. A history date out of
// order (accepted after published) is dropped with a warning, the earlier
// milestone giving way to the later. A last page abbreviated as printed
// ("2918-22") is written out in full; one before the first page is dropped.
//
// Titles, abstracts and unstructured references go through
// reader/internal/markup (Crossref's <scp> small caps become <sc>); plain
// values through reader/internal/text, after any character reference
// left in them ("&amp;") is decoded. Identifiers are normalised with
// ld/ident; one that fails is dropped with a warning naming the source
// field. A date that does not exist or a missing title rejects the record.
//
// A reference keeps its DOI and its unstructured text. A reference with
// neither gets a text made from its structured parts (author, year,
// article title, journal or book title, series, volume, issue, first page)
// joined with ". ".
//
// Crossref's subject list holds the journal's subject categories (from
// Scopus), not the article's keywords. Crossref has no other keywords, so
// they become Keywords, with a warning saying what they are.
//
// A Crossmark update makes the notice that carries it relate to the
// article it updates: a correction, erratum or corrigendum Corrects it, a
// retraction, withdrawal or removal Retracts it, and the notice's Type
// becomes Correction or Retraction. The REST API's updated-by gives the
// inverse relations. Other update types are reported.
//
// Crossref's type "journal-article" covers research articles, editorials
// and letters alike, so it sets no Type; posted content (by subtype),
// proceedings-article, report and book-chapter are the model's work types
// with their book, series, event and server (worktype.go,
// docs/readers.md); other types are read as articles with a warning. Crossref gives every person's given and family names
// apart, and a name alone only for an organisation, so no name is split;
// a given name alone is a mononym and becomes the family name. Funders,
// editors and the first subtitle are read by funding.go. What the model
// cannot hold (chairs, translators, further subtitles, clinical trials, further titles and licences, relations other than
// comments, unknown fields) is reported as a warning; the administrative
// fields of the REST API (indexed, deposited, counts, member, prefix,
// score, content-domain, archive, update-policy) are skipped silently.
//
// Rules both readers share, so that they agree on every work they both
// read (testdata/pairs holds one work per rule in both forms):
//   - Only item_number_type="article_number" (and the JSON article-number)
//     is the article number; an untyped item_number (PLOS writes its DOI
//     there, KISTI a publisher ID) is warned.
//   - A text-and-data-mining licence (a "tdm" path segment or file name,
//     "text-and-data-mining") is not the article's licence, even deposited
//     as "vor".
//   - The print date (journal_issue, journal-issue) is
//     PublishedPrint when the work gives none; other issue dates are
//     warned.
//   - A work whose only title is its original-language title is read with
//     it, with a warning.
//   - Posted content (preprints) is read as an article, its posted date the
//     publication date, with a warning; the XML's group title and
//     institution are warned.
//   - The REST URL is Crossref's DOI link, not the landing page:
//     resource.primary.URL is.
//   - The XML is read by reader/internal/xmltree (500 levels at most); the
//     JSON reports the repairs encoding/json makes (invalid UTF-8, lone
//     surrogates) and decodes UTF-16 by its byte-order mark.
package crossref

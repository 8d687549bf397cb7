// Package html reads the article metadata of a publisher's HTML landing
// page, and bare schema.org JSON-LD documents, into ld.Article.
//
// Read tokenizes the page once with golang.org/x/net/html, keeping the
// byte offset of each element so that errors and warnings can name a line
// and column. It collects the <meta> tags, <link rel="canonical">, <base>,
// the lang of <html>, the <title> and the <script type="application/ld+json">
// elements, then reads each kind of metadata into a partial article of its
// own (a source) and merges them:
//
//	page ─scanPage─▶ metas, links, scripts ─read*─▶ sources ─record─▶ reader.Record
//
// A page is always one record.
//
// # Sources, best first
//
// Each field of the article comes from the best source that has it, in
// this order:
//
//	citation_*         Highwire Press tags, as Google Scholar reads them
//	JSON-LD            a schema.org article node (ScholarlyArticle, Article,
//	                   BlogPosting, ...): top-level, in @graph, in an array,
//	                   or the mainEntity of a WebPage
//	prism.*            PRISM tags
//	DC.*, dcterms.*    Dublin Core, with the refinements of Open Journal
//	                   Systems (DC.Creator.PersonalName, DC.Source.ISSN, ...)
//	page               <link rel="canonical"> for the URL, <html lang>,
//	                   microdata (itemprop abstract or description,
//	                   datePublished), <time datetime> after a printed label
//	                   (Received, Accepted, Published online, First
//	                   published, Issue date), <a|link rel="license">
//	og:*               Open Graph: og:title, og:url, og:description, and on
//	                   og:type "article" og:image, article:published_time,
//	                   article:section, article:tag
//	<title>            the title only, when nothing else names one
//	meta description   <meta name="description">, the abstract of last resort,
//	                   with a warning when it is used
//
// Fields that belong together come from one source: the authors with their
// affiliations; first page, last page and article number. The journal's
// title, abbreviation and publisher are picked one by one; the ISSNs of
// every source are kept (an ISSN only the JSON-LD gives is not lost). When
// sources disagree about the title, the DOI or the publication date, the
// best one wins and each other gets a warning (the <title> element is left
// out of that comparison: it usually carries the site's name). Dates agree
// when they are equal at the precision both have ("2019" and "2019-02-07").
//
// A page without citation_*, DC, prism or a schema.org article node is not
// an article: Read returns ErrNoMetadata. Open Graph and <title> alone do not
// count, since every page has them. A record whose best date is not a date,
// or that has no title at all, is a record error naming the source field.
//
// # Rules
//
//   - Authors given as one string (citation_author, DC.creator, a schema.org
//     name without givenName and familyName) are split with the names
//     package, "Last, First" and "First Last" alike; a name with words such
//     as "Consortium" or "Group" is an organisation author, and so is a
//     name of three words or more with a word that is also a surname
//     ("Center", "Team", "Study"). A tag holding
//     several names separated by semicolons gives one author each. Each
//     citation_author_institution, citation_author_orcid and
//     citation_author_email belongs to the citation_author before it.
//   - citation_publication_date (or citation_date) and citation_online_date:
//     the earlier is the publication date; a later publication date is the
//     print date; a later online date (arXiv's latest version) is a warning.
//   - citation_firstpage "e01567" or "Article 12" without a different last
//     page is an article number.
//   - citation_keywords are split on ";" or, without one, on ","; DC.subject
//     and prism.keyword on ";".
//   - citation_reference in "citation_title=...; citation_doi=..." form gives
//     the DOI and URL, and the other values, in the order given, as text.
//   - citation_issn has no kind; citation_eissn and prism.eIssn are
//     electronic; prism.issn is print when a different prism.eIssn is given.
//   - og:image is the graphical abstract only on a page of og:type "article"
//     and when no better source has an image: elsewhere it is the site's
//     picture (arXiv's logo). A schema.org image is the graphical abstract.
//   - Relative URLs are resolved against the page's <base href>, canonical
//     link, og:url or citation_abstract_html_url, the first absolute one,
//     with a warning; without one they are dropped with a warning.
//   - Identifiers are normalised with ld/ident; one that fails is dropped
//     with a warning naming the tag. Titles and abstracts go through
//     markup.FromHTML (entities decoded, <i>, <b>, <sub>, <sup> kept).
//   - A citation_*, DC or prism tag, or a property of the schema.org article
//     node, that the model cannot hold is named in a warning. Properties of
//     nested nodes (an author's jobTitle) and site-level tags (og:site_name,
//     twitter:*) are not.
//   - A rights value (dc.rights, DC.rights.license) is a licence only when
//     it is a URL or a licence the shared table names (reader/internal/
//     license); any other text ("2010 Springer Science+Business Media,
//     LLC") is the copyright statement, never the licence.
//   - A page range given in one field ("444-445" in citation_firstpage) is
//     split into first and last page.
//   - Keywords and the section that are codes rather than words are
//     dropped with a warning: identifiers (CamelCase, snake_case,
//     kebab-case) made only of article-type words ("OriginalPaper",
//     "research_article", but not "PubMed" or "x-ray"), and the
//     placeholders general, misc, other, none, n/a, null, undefined,
//     article.
//   - A schema.org affiliation whose address has a name that holds the
//     organisation's name (Springer's whole affiliation line) is named by
//     that line; a further department, or an address name that is not the
//     affiliation's, is warned.
//   - A JSON-LD script that is not well-formed JSON gives a warning with its
//     line and column; the other sources are still read.
//
// # JSON-LD
//
// Every JSON-LD document, bare or in a script, is read through the context
// it names with json-gold's expansion, offline (reader/internal/schemaorg:
// the official schema.org context for every form of its URL), so that the
// official aliases "id" and "type" (commonmeta writes ORCIDs as "id"),
// prefixes and full IRIs are all understood. A document without @context
// is read as schema.org. A remote context other than schema.org's cannot
// be loaded offline: ReadJSONLD refuses the document and a page's script
// is skipped with a warning, as `scholarld validate` refuses it.
//
// # Works beyond the journal article
//
// citation_article_type and genre name the work types ("book chapter",
// "working paper", ...); a schema.org Report or Chapter without a genre is
// a report or a book chapter. citation_technical_report_number and
// schema.org reportNumber give a report's number,
// citation_technical_report_institution its publisher;
// citation_inbook_title, citation_book_title and citation_conference_title
// the book or proceedings, citation_isbn its ISBNs. A publisher without a
// journal is the work's. From JSON-LD: the Book a work isPartOf (ISBNs,
// editors, its series, the Event it recordedAt), a report's
// CreativeWorkSeries as its series (an article's as its journal),
// editor, funder and funding Grants, identifiers of the schemes the model
// holds, and alternativeHeadline (one tagged with a language is an
// alternative title, the first untagged one the subtitle). What ld.Check
// refuses (a report number on a non-report, a book on a journal article, a
// second publisher beside the journal's) is dropped with a warning. A
// copyrightHolder that refers to every author node is "the authors"; one
// that refers to a node without a name is dropped with a warning.
//
// # Limits
//
// JSON nested deeper than 64 arrays and objects is refused with the line
// and column of the bracket past the limit (the reader walks the nodes
// recursively). The HTML itself is read by a tokenizer, never built into
// a tree, so nesting depth costs nothing there: a page of a million nested
// elements is read like any other.
//
// ReadJSONLD and SniffJSONLD read a bare schema.org JSON-LD document, as
// pages embed it, with the same rules as the JSON-LD source above.
package html

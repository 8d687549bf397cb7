// Package jats reads JATS XML (NISO Z39.96, and the NLM DTDs before it),
// the format of PMC, eLife, PLOS, MDPI and Frontiers, into ld.Article.
//
// # Data flow
//
// Read parses the whole input into a small element tree (tree.go) with a
// strict encoding/xml decoder that never fetches the DTD, knows the HTML
// entity names JATS files use (&nbsp;, &ndash;...) and converts declared
// charsets. Malformed XML is a *reader.SyntaxError with file, line and column.
// Each <article> (the root, or every article of a container such as
// <pmc-articleset>) becomes one reader.Record: journal-meta, article-meta
// and back/ref-list are mapped (jats.go, meta.go, contrib.go); what the
// model cannot hold becomes a reader.Warning with a source path such as
// "article-meta/contrib-group[1]/contrib[2]"; a missing title or an
// impossible date makes that record's Err an *ld.FieldError naming the
// source field and its position. Every article returned passes ld.Check.
// Namespaces (xlink, mml, ali) are matched by local name.
//
// # Mapping
//
//	@article-type               Type (unknown values: "other" and a warning)
//	@xml:lang                   Language
//	article-title (+ subtitle)  Title, inline markup via reader/internal/markup
//	contrib[@contrib-type=author] Authors; other contributor types: warning
//	  name, string-name         Given, Family, Suffix (string-name split by names.Parse)
//	  name-alternatives         the Latin-script form; the others: warning
//	  collab                    organisation author; members inside: warning
//	  contrib-id[orcid]         ORCID; email, @corresp, xref[corresp] Email, Corresponding
//	  xref[aff], own aff        Affiliations ("aff1"... in order of first use)
//	aff                         Affiliation: institution (dept → Department),
//	                            institution-id[ror] → ROR, addr-line, city, state,
//	                            postal-code, country → Address; label dropped
//	author-notes/corresp        e-mail of the one author pointing to it
//	history/date                Received, Revised (rev-recd, also "revised"), Accepted
//	pub-date                    Published, PublishedPrint (see below)
//	volume, issue, fpage, lpage Volume, Issue, FirstPage, LastPage
//	elocation-id                ArticleNumber
//	journal-title, abbrev-journal-title, issn, issn-l, publisher-name  Journal
//	article-id[doi]             DOI
//	permissions                 License (URL; license-p as Label when short),
//	                            Copyright; @license-type=open-access → OpenAccess
//	kwd-group/kwd               Keywords
//	abstract                    Abstract
//	self-uri (PDF)              Files
//	related-article             Related
//	subj-group[heading]         Section
//	back//ref                   References (DOI, URL, citation text)
//
// # Decisions
//
//   - The first subtitle is the article's subtitle (the model has one since
//     issue 12, as the Crossref readers read it); further ones are warned.
//   - Keywords come from untyped kwd-groups and those whose type names the
//     authors ("author-keywords", "author-generated") or is "keywords";
//     other groups (abbreviations, research-organism, MeSH...) and groups in
//     another language than the article are warned about, not kept.
//   - The abstract is the first without @abstract-type, else the first of
//     type "summary"; the others (executive-summary, graphical, teaser...)
//     and trans-abstract are warned about. Sections are flattened with
//     spaces and a leading "Abstract" title is dropped.
//   - Published is the earliest electronic date (@pub-type epub or
//     epub-ppub, @publication-format electronic); without one the earliest
//     date of no stated medium, else of print, else the collection (issue)
//     date. PublishedPrint is the first print date (ppub, print) when it
//     differs. Collection dates otherwise, and pmc-release, nihms-submitted,
//     corrected and preprint dates, are warned about. A season leaves a
//     year-precision date and a warning.
//   - The licence URL is ali:license_ref, else license/@xlink:href, else the
//     one Creative Commons link inside license-p (with a warning). The
//     license-p text is the Label only when it is at most 60 characters.
//   - An aff written as running text (words outside its tagged parts) is
//     kept whole as the affiliation's Name, never split by guesswork;
//     tagged parts still fill the Address and ROR. Without any aff
//     cross-reference in the article, the affs of a contrib-group (else of
//     article-meta) belong to each author of it.
//   - An element-citation has no punctuation, so its parts are joined by
//     spaces; a mixed-citation keeps its own punctuation.
//   - related-article is read inside article-meta only; corrected-article,
//     retracted-article, commentary-article, correction-forward and
//     retraction-forward are kept, "info:doi/" links are read as DOIs.
//   - A journal-meta without journal-title (older PLOS files) is named by
//     its abbrev-journal-title, else by a journal-id that is a name
//     (nlm-journal-title, iso-abbrev, nlm-ta), with a warning, so that its
//     ISSNs and publisher are kept.
//   - An aff given only as addr-line elements is kept whole as the name too.
//   - @date-type "pub", "published" and "publication" (JATS 1.1 on, JATS4R)
//     are the publication date; "collection" is the issue's.
//   - A license with text only names its licence through the shared table
//     (reader/internal/license): "Creative Commons Attribution License"
//     gives the label CC BY (no URL without a version, with a warning).
//     ali:free_to_read without dates is open access; with a start or end
//     date it asserts nothing, with a warning.
//   - MathML in a title or abstract becomes its TeX (tex-math, or a TeX
//     mml:annotation, without PMC's LaTeX document around it), else its
//     @alttext, one form per <alternatives>; MathML with neither is
//     flattened to its text with a warning.
//   - The XML is read by reader/internal/xmltree: elements may nest 500
//     deep; deeper input is refused with its line and column.
//   - journal-id and the body are ignored without warning; every other
//     element of journal-meta and article-meta that is not mapped gives a
//     warning.
package jats

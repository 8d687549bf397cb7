// Package bibtex reads BibTeX and BibLaTeX files into ld.Article records.
//
// Data flows in two steps. The parser (parse.go) walks the input as BibTeX
// does: text outside entries is a comment, each @type{key, name = value}
// entry is read with its values concatenated ("#") and its @string macros
// and the month macros (jan ... dec) expanded, but still in LaTeX;
// @comment and @preamble are skipped. The builder (bibtex.go) then maps
// each entry's fields to one article, decoding the LaTeX (latex.go) as
// it goes. Entry types other than @article are read as articles with a
// warning, since the model has no other kind of work.
//
// A syntax error rejects only its entry: the record carries a *reader.SyntaxError
// with the line and column where parsing stopped, and reading resumes at
// the next '@' that begins a line. Read fails as a whole only when the
// input holds no @entry at all. A file that is not UTF-8 is read as
// Windows-1252, with a warning.
//
// Fields and where they go:
//
//	title                    Title (LaTeX to inline markup)
//	author                   Authors: "First von Last", "von Last, First" and
//	                         "von Last, Jr, First"; a name wholly in braces
//	                         ({World Health Organization}) is an organisation;
//	                         "and others" is reported
//	author+an:orcid, author+an (n:orcid=...)
//	                         Authors[n-1].ORCID (BibLaTeX data annotations)
//	journaltitle, journal    Journal.Title (journaltitle first)
//	shortjournal             Journal.Abbreviation
//	issn                     Journal.ISSNs (several separated by , ; or space)
//	publisher, address/location
//	                         Journal.Publisher, its Address.City
//	volume, number/issue     Volume, Issue
//	pages                    FirstPage, LastPage ("14348--14363")
//	eid                      ArticleNumber
//	doi, url                 DOI, URL (a URL ending in .pdf is a file)
//	date, year/month/day     Dates.Published (date first)
//	langid, language         Language (babel names such as ngerman too)
//	abstract                 Abstract (LaTeX to inline markup)
//	keywords                 Keywords (split on ; when present, else on ,)
//	file                     Files (JabRef and Zotero "desc:url:type"; local
//	                         paths are reported)
//	copyright, license       License when the value is a URL (Crossref writes
//	                         the licence URL as copyright), else the copyright
//	                         statement or the licence label
//	note and any other field a warning naming the field
//
// LaTeX is decoded to Unicode: accents in every spelling ({\'e}, \'{e},
// \'e, \c{c}, \v{s}, \"{\i}), special letters (\o, \aa, \ss, \l),
// escapes (\&, \%, \_), ~ as a space, -- and --- as dashes, paired
// backquotes and apostrophes as double quotes, Greek letters and common
// math symbols. Braces that protect capitals are dropped. \textit, \emph
// and {\it ...} become <i>, \textbf and {\bf ...} <b>, \textsc <sc>,
// \textsubscript and $_2$ <sub>, \textsuperscript and $^{2}$ <sup>. An
// unknown command is dropped with a warning and its argument kept as text.
// The citation key is the file's own handle for the entry, not article
// metadata, and is not kept.
//
// BibTeX defines number as "the number of a journal, magazine, technical
// report, or of a work in a series": it is the issue of an @article (or
// @periodical) only; in a @techreport or @report it is the report number,
// and it is warned in a @book or any other entry. @inproceedings,
// @incollection, @inbook, @techreport and arXiv e-prints are the model's
// work types (worktype.go, docs/readers.md). Braces may nest 100 deep in a value: deeper input (a hostile
// file of millions) rejects the entry with the position of the brace
// past the limit, and the LaTeX decoder bounds its own recursion too. The
// input's repairs (Windows-1252, UTF-16, NUL removed) are warned in every
// record.
package bibtex

// Package ris reads RIS files (Research Information Systems tagged
// format, as exported by reference managers, databases and publishers)
// into ld.Article records.
//
// Data flows in two steps. The splitter (parse.go) cuts the input into
// records, each from a TY line to its ER line, and the builder (ris.go)
// maps each record's tags to one article.
//
// A tag line is two characters (a letter, then a letter or digit), two
// spaces, a hyphen, a space and the value. Real files break this, and the
// splitter tolerates it: a known tag in upper case with other spacing
// around the hyphen ("TY -  BOOK", "AU -Smith", "ER -"), a tag in lower
// case in the standard layout ("ty  - JOUR", read as TY), trailing
// spaces, lines ending in CR LF, LF or CR alone, a byte order mark, blank
// lines, header text before the first record (as ScienceDirect writes),
// and a record without its ER line (it ends at the next TY or at the end
// of the input, with a warning). A line that is no tag line continues the
// value of the tag before it. A line with the "  - " of a tag after
// something that is not a tag ("A  - x", "ABC  - x") rejects its record
// with a *reader.SyntaxError naming the line, as does a record that does not
// start with TY; the other records are read. Read fails as a whole only
// when the input has no record. A file that is not UTF-8 is read as
// Windows-1252, with a warning.
//
// Tags and where they go:
//
//	TY           JOUR, JFULL, EJOUR, ABST and INPR are articles;
//	             CPAPER, CONF, CHAP, ECHAP and RPRT the model's work
//	             types (worktype.go, docs/readers.md); other types are
//	             read as articles with a warning
//	TI, T1       Title (the first; HTML or JATS markup to inline markup)
//	AU, A1       Authors, one per line: "Last, First", "Last, First,
//	             Suffix" or natural order; "Name," (EndNote's trailing
//	             comma) is an organisation
//	JF, JO, T2   Journal.Title (in that order of preference)
//	JA, J2, J1   Journal.Abbreviation
//	SN           Journal.ISSNs: several per line (; , or space), a medium
//	             such as "(Print)" gives the kind, "2050084X" is written
//	             "2050-084X" with a warning, an ISBN is reported
//	VL, IS       Volume, Issue
//	SP, EP       FirstPage, LastPage (SP may hold "14348-14363")
//	C7           ArticleNumber (EndNote)
//	SE           Section
//	DO           DOI
//	UR           URL; a doi.org link gives the DOI when DO is absent, a link
//	             ending in .pdf is a PDF file
//	L1, L2       Files (L1 a PDF)
//	PY, Y1, DA   Dates.Published: the RIS form YYYY/MM/DD/other ("2014///",
//	             "2014/08/18/") or any common form; DA refines PY when
//	             they agree ("DA - July" beside "PY - 1948" gives 1948-07)
//	PB, CY       Journal.Publisher and its Address.City
//	LA           Language (English names, ISO 639 codes or BCP 47 tags)
//	AB, N2       Abstract (AB first)
//	KW           Keywords, one per line
//	N1, A2, ED and every other tag
//	             a warning naming the tag
//
// A record without a title, or with a date that does not exist, is
// rejected with an *ld.FieldError naming the tag.
//
// A year range ("PY - 1984 - 1985", "1984-85") keeps its first year, with
// a warning; "2014-08" is a year and month. A link line may hold several
// links; a piece that starts no new URL continues the one before it, its
// space encoded as %20 with a warning, and a link that is then not a valid
// URL is dropped whole, never cut at the space. The input's repairs
// (Windows-1252, UTF-16, NUL removed) are warned in every record.
package ris

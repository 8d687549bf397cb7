// Package markup converts the inline markup of outside formats to the
// article model's: plain text in which only <i>, <b>, <sub>, <sup> and <sc>
// appear (see ld.Article.Abstract).
//
// FromJATS reads JATS (or any XML) inline content, with or without the
// "jats:" prefix that Crossref writes. It parses the fragment into a small
// element tree, drops a leading "Abstract" title and the parts that carry
// no reading text (graphics, MathML annotations, the TeX copy beside a
// MathML formula), then renders the tree:
//
//	italic, i, em         -> <i>
//	bold, b, strong       -> <b>
//	sub, sup, sc          -> <sub>, <sup>, <sc>
//	p, title, sec, list-item and other blocks -> one space at each boundary
//	anything else (xref, mml:math, ext-link...) -> its text
//
// FromHTML does the same for HTML inline content with golang.org/x/net/html.
//
// Both decode entities (FromJATS knows the HTML entity names too, as JATS
// files use them), collapse every run of white space to one space, trim the
// result, move spaces out of the markup ("<i> x</i>" becomes " <i>x</i>"),
// drop empty markup and markup nested in the same markup, and give the
// result in Unicode NFC. The characters <, > and & of the text stay as they
// are: the model holds text, not escaped XML. Control characters are
// dropped and bytes that are not UTF-8 become U+FFFD, as text.Clean does.
package markup

package jats

import (
	"strings"

	"github.com/scholarld/scholarld/reader/internal/text"
)

// readableFormulas returns e with each formula replaced by a readable text
// the model can hold, so that MathML in a title or abstract does not
// flatten to "m p m = 0". The JATS tag library gives a formula as MathML
// (<mml:math>, which may carry @alttext or a TeX <mml:annotation>), as
// <tex-math>, or as several of these inside <alternatives>. The readable
// form is, in this order: TeX from <tex-math> or an annotation, the
// @alttext, else the flattened MathML text, with a warning. e itself is
// not changed.
func (r *articleReader) readableFormulas(e *element, path string) *element {
	if !hasFormula(e) {
		return e
	}
	out := *e
	out.Children = make([]*element, 0, len(e.Children))
	for _, child := range e.Children {
		switch child.Name {
		case "math", "tex-math", "alternatives":
			if readable, ok := r.formulaText(child, path); ok {
				out.Children = append(out.Children, &element{Text: readable, Pos: child.Pos})
				continue
			}
			if child.Name == "alternatives" {
				out.Children = append(out.Children, r.readableFormulas(child, path))
				continue
			}
			out.Children = append(out.Children, child)
		default:
			out.Children = append(out.Children, r.readableFormulas(child, path))
		}
	}
	return &out
}

// hasFormula reports whether e holds MathML or TeX anywhere below it.
func hasFormula(e *element) bool {
	for _, c := range e.Children {
		if c.Name == "math" || c.Name == "tex-math" || c.Name != "" && hasFormula(c) {
			return true
		}
	}
	return false
}

// formulaText is the readable form of a math, tex-math or alternatives
// element; ok is false for alternatives that hold no formula.
func (r *articleReader) formulaText(e *element, path string) (string, bool) {
	switch e.Name {
	case "tex-math":
		return texText(e.RawText()), true
	case "math":
		for _, annotation := range e.Descendants("annotation") {
			if strings.Contains(strings.ToLower(annotation.Attr("encoding")), "tex") {
				if tex := texText(annotation.RawText()); tex != "" {
					return tex, true
				}
			}
		}
		if alt := text.Clean(e.Attr("alttext")); alt != "" {
			return alt, true
		}
		flat := plainText(e)
		r.warn(path, "MathML %q flattened to its text: it has no alttext or TeX form", flat)
		return flat, true
	case "alternatives":
		if tex := e.Child("tex-math"); tex != nil {
			return r.formulaText(tex, path)
		}
		if math := e.Child("math"); math != nil {
			return r.formulaText(math, path)
		}
	}
	return "", false
}

// texText is the formula of a TeX fragment, without the LaTeX document
// PMC wraps around it (\documentclass…\begin{document}$x$\end{document}).
func texText(tex string) string {
	if _, body, ok := strings.Cut(tex, `\begin{document}`); ok {
		tex, _, _ = strings.Cut(body, `\end{document}`)
	}
	tex = strings.TrimSpace(tex)
	if len(tex) >= 2 && strings.HasPrefix(tex, "$") && strings.HasSuffix(tex, "$") {
		tex = strings.Trim(tex, "$")
	}
	return text.Clean(tex)
}

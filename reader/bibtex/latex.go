package bibtex

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/scholarld/scholarld/reader/internal/markup"
	"github.com/scholarld/scholarld/reader/internal/text"
)

// The LaTeX of a field value is decoded in two modes. As markup (titles,
// abstracts) the decoder writes HTML, escaped text and the model's inline
// tags, which markup.FromHTML then normalises; as plain text (names,
// journal titles, everything else) it writes the text alone, which
// text.Clean normalises.

// decodeMarkup turns the LaTeX of a title or abstract into model markup.
// Each unknown command is reported to warn once per value.
func decodeMarkup(latex string, warn func(string)) string {
	d := decoder{src: latex, markup: true, warn: warn, warned: map[string]bool{}}
	return markup.FromHTML(d.run())
}

// decodePlain turns LaTeX into plain text.
func decodePlain(latex string, warn func(string)) string {
	d := decoder{src: latex, warn: warn, warned: map[string]bool{}}
	return text.Clean(d.run())
}

// decoder walks one LaTeX value. It knows the accents, the special letters
// and symbols, the font commands, simple math and the escapes that
// bibliographic data uses; a command it does not know is dropped with a
// warning while its argument, a brace group, is read as text.
type decoder struct {
	src    string
	i      int
	markup bool
	math   bool
	warn   func(string)
	warned map[string]bool // shared by the decoders of one value
	out    strings.Builder
	// depth counts the groups open around d.i; past maxBraceDepth (which
	// the parser already enforces) braces are read as text, so the
	// recursion stays bounded whatever the caller passes.
	depth int
}

// sub returns a decoder for src from offset i that shares d's warnings.
func (d *decoder) sub(src string, i int, markup, math bool) *decoder {
	return &decoder{src: src, i: i, markup: markup, math: math, warn: d.warn, warned: d.warned, depth: d.depth + 1}
}

func (d *decoder) run() string {
	d.sequence(false)
	return d.out.String()
}

// sequence decodes until the end of the input or, inside a group, until
// its closing brace, which it consumes. Font declarations such as \it last
// until the end of the sequence.
func (d *decoder) sequence(inGroup bool) {
	var declared []string
	defer func() {
		for j := len(declared) - 1; j >= 0; j-- {
			d.closeTag(declared[j])
		}
	}()
	for d.i < len(d.src) {
		c := d.src[d.i]
		switch {
		case c == '}':
			d.i++
			if inGroup {
				return
			}
			// A stray closing brace outside any group is dropped.
		case c == '{' && d.depth < maxBraceDepth:
			d.i++
			d.depth++
			d.sequence(true)
			d.depth--
		case c == '\\':
			if tag := d.command(); tag != "" {
				d.openTag(tag)
				declared = append(declared, tag)
			}
		case c == '$':
			d.mathSpan()
		case c == '~':
			d.i++
			d.text(" ")
		case d.math && (c == '_' || c == '^'):
			d.i++
			d.script(c)
		case strings.HasPrefix(d.src[d.i:], "---"):
			d.i += 3
			d.text("—")
		case strings.HasPrefix(d.src[d.i:], "--"):
			d.i += 2
			d.text("–")
		case strings.HasPrefix(d.src[d.i:], "``"):
			d.i += 2
			d.text("“")
		case strings.HasPrefix(d.src[d.i:], "''"):
			d.i += 2
			d.text("”")
		default:
			_, size := utf8.DecodeRuneInString(d.src[d.i:])
			d.text(d.src[d.i : d.i+size])
			d.i += size
		}
	}
}

// mathSpan decodes $...$ or $$...$$; a lone $ with no closing one is text.
func (d *decoder) mathSpan() {
	delim := "$"
	if strings.HasPrefix(d.src[d.i:], "$$") {
		delim = "$$"
	}
	end := strings.Index(d.src[d.i+len(delim):], delim)
	if end < 0 || d.math {
		d.i++
		d.text("$")
		return
	}
	inner := d.sub(d.src[d.i+len(delim):d.i+len(delim)+end], 0, d.markup, true)
	d.out.WriteString(inner.run())
	d.i += len(delim) + end + len(delim)
}

// script decodes the argument of _ or ^ in math as a subscript or a
// superscript. ^\circ is the degree sign.
func (d *decoder) script(c byte) {
	tag := "sub"
	if c == '^' {
		tag = "sup"
	}
	arg := d.argument()
	if tag == "sup" && (arg == "∘" || arg == "○") {
		d.text("°")
		return
	}
	d.openTag(tag)
	d.out.WriteString(arg)
	d.closeTag(tag)
}

// argument reads one macro argument, a group or a single token, skipping
// white space before it, and returns it decoded in the current mode.
func (d *decoder) argument() string {
	d.skipSpace()
	if d.i >= len(d.src) {
		return ""
	}
	sub := d.sub(d.src, d.i, d.markup, d.math)
	switch c := d.src[d.i]; {
	case c == '{':
		sub.i++
		sub.sequence(true)
	case c == '\\':
		if tag := sub.command(); tag != "" {
			// A bare font declaration as an argument applies to nothing.
			sub.out.Reset()
		}
	default:
		_, size := utf8.DecodeRuneInString(d.src[d.i:])
		sub.text(d.src[d.i : d.i+size])
		sub.i += size
	}
	d.i = sub.i
	return sub.out.String()
}

// command decodes the command at d.i. It returns the model tag of a font
// declaration (\it, \bf), which lasts to the end of the enclosing group,
// and "" for everything else.
func (d *decoder) command() string {
	d.i++ // backslash
	if d.i >= len(d.src) {
		d.text("\\")
		return ""
	}
	c := d.src[d.i]
	if !isLetter(c) {
		d.i++
		d.controlSymbol(c)
		return ""
	}
	start := d.i
	for d.i < len(d.src) && isLetter(d.src[d.i]) {
		d.i++
	}
	name := d.src[start:d.i]
	d.skipSpace() // TeX ignores the spaces after a control word
	spaced := d.i > start+len(name)
	if mark, ok := accentWords[name]; ok {
		d.accent(mark)
		return ""
	}
	if symbol, ok := symbols[name]; ok {
		d.text(symbol)
		if spaced && d.math {
			// Math sets its own spacing; "\alpha \leq 1" reads "α ≤ 1".
			d.text(" ")
		}
		return ""
	}
	if tag, ok := fontCommands[name]; ok {
		d.wrap(tag, d.argument())
		return ""
	}
	if tag, ok := fontDeclarations[name]; ok {
		return tag
	}
	switch name {
	case "href":
		d.argument() // the link target; the text follows
		d.out.WriteString(d.argument())
	case "url", "doi":
		// A URL is text; read it raw so that _ and ~ stay as written.
		d.verbatimArgument()
	case "frac", "tfrac", "dfrac":
		numerator := d.argument()
		d.out.WriteString(numerator)
		d.text("/")
		d.out.WriteString(d.argument())
	case "noopsort":
		d.argument() // sorts only; prints nothing
	default:
		if !ignoredCommands[name] {
			d.warnOnce(`unknown LaTeX command \` + name + " (its argument is kept as text)")
		}
	}
	return ""
}

// controlSymbol decodes a backslash and one non-letter: an accent or an
// escaped character.
func (d *decoder) controlSymbol(c byte) {
	if mark, ok := accentSymbols[c]; ok {
		d.accent(mark)
		return
	}
	switch c {
	case '&', '%', '$', '#', '_', '{', '}':
		d.text(string(c))
	case ' ', '\\', ',', ';', ':', '\n', '\t', '\r':
		d.text(" ")
	case '-', '/', '@', '!', '(', ')':
		// Hyphenation hints, italic correction, spacing and inline-math
		// delimiters print nothing of their own.
	default:
		d.warnOnce(`unknown LaTeX command \` + string(c))
	}
}

// accent puts a combining mark on the first letter of the next argument;
// on \i and \j it stands on i and j.
func (d *decoder) accent(mark string) {
	plain := d.sub(d.src, d.i, false, false)
	arg := plain.argument()
	d.i = plain.i
	if arg == "" {
		return
	}
	first, size := utf8.DecodeRuneInString(arg)
	switch first {
	case 'ı':
		first = 'i'
	case 'ȷ':
		first = 'j'
	}
	d.text(string(first) + mark + arg[size:])
}

// verbatimArgument copies a braced argument as it stands.
func (d *decoder) verbatimArgument() {
	d.skipSpace()
	if d.i >= len(d.src) || d.src[d.i] != '{' {
		return
	}
	depth := 0
	for j := d.i; j < len(d.src); j++ {
		switch d.src[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				d.text(d.src[d.i+1 : j])
				d.i = j + 1
				return
			}
		}
	}
	d.text(d.src[d.i+1:])
	d.i = len(d.src)
}

func (d *decoder) wrap(tag, inner string) {
	d.openTag(tag)
	d.out.WriteString(inner)
	d.closeTag(tag)
}

func (d *decoder) openTag(tag string) {
	if d.markup && tag != "" {
		d.out.WriteString("<" + tag + ">")
	}
}

func (d *decoder) closeTag(tag string) {
	if d.markup && tag != "" {
		d.out.WriteString("</" + tag + ">")
	}
}

// text writes s, escaped when the output is HTML.
func (d *decoder) text(s string) {
	if d.markup {
		s = html.EscapeString(s)
	}
	d.out.WriteString(s)
}

func (d *decoder) skipSpace() {
	for d.i < len(d.src) && isSpace(d.src[d.i]) {
		d.i++
	}
}

func (d *decoder) warnOnce(msg string) {
	if d.warned[msg] {
		return
	}
	d.warned[msg] = true
	d.warn(msg)
}

// accentSymbols are the accents written as a backslash and a symbol.
var accentSymbols = map[byte]string{
	'\'': "\u0301", '`': "\u0300", '^': "\u0302", '"': "\u0308",
	'~': "\u0303", '=': "\u0304", '.': "\u0307",
}

// accentWords are the accents written as a backslash and letters.
var accentWords = map[string]string{
	"u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327",
	"k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331",
	"t": "\u0361",
}

// fontCommands take one argument and set it in the model's markup; the
// empty tag keeps the argument's text without markup.
var fontCommands = map[string]string{
	"textit": "i", "emph": "i", "textsl": "i", "mathit": "i",
	"textbf": "b", "mathbf": "b", "boldsymbol": "b",
	"textsc":          "sc",
	"textsubscript":   "sub",
	"textsuperscript": "sup",
	"textrm":          "", "textup": "", "textnormal": "", "textsf": "",
	"texttt": "", "textmd": "", "mathrm": "", "mathsf": "", "mathtt": "",
	"mathcal": "", "mathbb": "", "mathnormal": "", "operatorname": "",
	"text": "", "mbox": "", "hbox": "", "ensuremath": "", "NoCaseChange": "",
	"nocase": "", "MakeUppercase": "", "MakeLowercase": "", "uppercase": "",
	"lowercase": "",
}

// fontDeclarations switch the font until the end of the group: {\it x}.
var fontDeclarations = map[string]string{
	"it": "i", "itshape": "i", "sl": "i", "slshape": "i", "em": "i",
	"bf": "b", "bfseries": "b",
	"sc": "sc", "scshape": "sc",
	"rm": "", "normalfont": "", "upshape": "", "mdseries": "", "sf": "",
	"tt": "", "rmfamily": "", "sffamily": "", "ttfamily": "",
	"tiny": "", "scriptsize": "", "footnotesize": "", "small": "",
	"normalsize": "", "large": "", "Large": "", "LARGE": "", "huge": "",
	"Huge": "",
}

// ignoredCommands print nothing and need no warning.
var ignoredCommands = map[string]bool{
	"relax": true, "protect": true, "displaystyle": true, "textstyle": true,
	"scriptstyle": true, "left": true, "right": true, "big": true,
	"Big": true, "bigl": true, "bigr": true, "limits": true, "nolimits": true,
	"nobreak": true, "allowbreak": true, "hspace": true, "vspace": true,
}

// symbols are the commands that stand for one character or a short text.
var symbols = map[string]string{
	// Letters.
	"o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
	"oe": "œ", "OE": "Œ", "ss": "ß", "SS": "SS", "i": "ı", "j": "ȷ",
	"l": "ł", "L": "Ł", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
	"ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
	// Text symbols.
	"textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…",
	"textellipsis": "…", "cdots": "⋯", "textquoteleft": "‘",
	"textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
	"textquotesingle": "'", "textquotedbl": "\"", "guillemotleft": "«",
	"guillemotright": "»", "guilsinglleft": "‹", "guilsinglright": "›",
	"quotedblbase": "„", "quotesinglbase": "‚", "textexclamdown": "¡",
	"textquestiondown": "¿", "copyright": "©", "textcopyright": "©",
	"textregistered": "®", "texttrademark": "™", "S": "§", "P": "¶",
	"textsection": "§", "textparagraph": "¶", "dag": "†", "ddag": "‡",
	"textdagger": "†", "textdaggerdbl": "‡", "textbullet": "•",
	"pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
	"textyen": "¥", "textcent": "¢", "textdollar": "$", "textdegree": "°",
	"textcelsius": "℃", "textmu": "µ", "textperthousand": "‰",
	"textpm": "±", "texttimes": "×", "textdiv": "÷", "textminus": "−",
	"textasciitilde": "~", "textasciicircum": "^", "textbackslash": "\\",
	"textunderscore": "_", "textbar": "|", "textless": "<",
	"textgreater": ">", "textbraceleft": "{", "textbraceright": "}",
	"textvisiblespace": "␣", "slash": "/", "space": " ", "quad": " ",
	"qquad": " ", "enspace": " ", "thinspace": " ", "newline": " ",
	"linebreak": " ", "par": " ", "LaTeX": "LaTeX", "TeX": "TeX",
	"BibTeX": "BibTeX", "textordfeminine": "ª", "textordmasculine": "º",
	// Greek.
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ",
	"vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
	"nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
	"varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
	"upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ",
	"omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
	"Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ",
	"Psi": "Ψ", "Omega": "Ω",
	// Math.
	"pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "·",
	"ast": "∗", "star": "⋆", "circ": "∘", "bullet": "•", "leq": "≤",
	"le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "ll": "≪",
	"gg": "≫", "approx": "≈", "sim": "∼", "simeq": "≃", "cong": "≅",
	"equiv": "≡", "propto": "∝", "infty": "∞", "partial": "∂",
	"nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√",
	"prime": "′", "ell": "ℓ", "hbar": "ħ", "degree": "°", "to": "→",
	"rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
	"Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔",
	"uparrow": "↑", "downarrow": "↓", "mapsto": "↦", "in": "∈",
	"notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
	"cup": "∪", "cap": "∩", "emptyset": "∅", "forall": "∀",
	"exists": "∃", "neg": "¬", "wedge": "∧", "vee": "∨", "oplus": "⊕",
	"otimes": "⊗", "perp": "⊥", "parallel": "∥", "angle": "∠",
	"langle": "⟨", "rangle": "⟩", "lbrace": "{", "rbrace": "}",
	"vert": "|", "mid": "|", "colon": ":", "lvert": "|", "rvert": "|",
	"log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos",
	"tan": "tan", "max": "max", "min": "min", "lim": "lim",
}

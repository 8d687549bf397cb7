package bibtex

import (
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/reader/internal/names"
)

func TestDecodeMarkup(t *testing.T) {
	tests := []struct {
		latex, want string
		warnings    []string
	}{
		// Accents in every spelling.
		{latex: `{\'e}t\'{e} \'e \' e`, want: "été é é"},
		{latex: `{\"u}ber \"o \"{O}`, want: "über ö Ö"},
		{latex: `\c{c} \c c \~n \v{s} \v S \u{a} \H{o} \k{e} \r{u} \d{s} \={a} \.{z} \^o \` + "`a", want: "ç ç ñ š Š ă ő ę ů ṣ ā ż ô à"},
		{latex: `{\i} \'{\i} \"\i{} \^{\j}`, want: "ı í ï ĵ"},
		// Special letters; TeX drops the space after a control word.
		{latex: `\o{} {\O} \aa{} \AA{} \ae{} \oe{} \ss{} \l{} {\L}`, want: "ø Ø å Å æ œ ß ł Ł"},
		{latex: `Stra\ss e Bj\o rn \O \aa`, want: "Straße Bjørn Øå"},
		// Escapes, ties and dashes.
		{latex: `R\&D 5\% a\_b \$5 \#1 \{x\}`, want: "R&D 5% a_b $5 #1 {x}"},
		{latex: `E.~coli 1--2 a---b ` + "``q''", want: "E. coli 1–2 a—b “q”"},
		// Braces that protect capitals go.
		{latex: `The {DNA} of {\em Drosophila}`, want: "The DNA of <i>Drosophila</i>"},
		// Font commands and declarations.
		{latex: `\textit{a} \emph{b} \textbf{c} \textsc{d} \textsl{e}`, want: "<i>a</i> <i>b</i> <b>c</b> <sc>d</sc> <i>e</i>"},
		{latex: `{\bf bold} {\itshape it} {\scshape sc} {\rm plain}`, want: "<b>bold</b> <i>it</i> <sc>sc</sc> plain"},
		{latex: `\textit{\textbf{both}} \textit{}`, want: "<i><b>both</b></i>"},
		{latex: `x\textsuperscript{2} H\textsubscript{2}O`, want: "x<sup>2</sup> H<sub>2</sub>O"},
		// Simple math.
		{latex: `CO$_2$ $^{13}$C $x^2$ $H_{2}O$`, want: "CO<sub>2</sub> <sup>13</sup>C x<sup>2</sup> H<sub>2</sub>O"},
		{latex: `37$^\circ$C $\alpha$-helix $\beta_{1}$`, want: "37°C α-helix β<sub>1</sub>"},
		{latex: `$p \leq 0.05$ $\mathrm{Ca}^{2+}$ $\frac{1}{2}$`, want: "p ≤ 0.05 Ca<sup>2+</sup> 1/2"},
		{latex: `costs \$5 or $5`, want: "costs $5 or $5"},
		// Markup characters of the text stay text.
		{latex: `a < b & c > d`, want: "a < b & c > d"},
		{latex: `<i>not markup</i>`, want: "<i>not markup</i>"},
		// Links and sorting helpers.
		{latex: `\url{https://x.org/a_b~c} \href{https://x.org}{the site}`, want: "https://x.org/a_b~c the site"},
		{latex: `{\noopsort{b}}Zeta`, want: "Zeta"},
		// Unknown commands keep their argument and warn once.
		{latex: `\foo{kept} \foo{again} \bar`, want: "kept again", warnings: []string{
			`unknown LaTeX command \foo (its argument is kept as text)`,
			`unknown LaTeX command \bar (its argument is kept as text)`,
		}},
		{latex: `a \* b`, want: "a b", warnings: []string{`unknown LaTeX command \*`}},
		// Broken input still gives text.
		{latex: `a } b { c`, want: "a b c"},
		{latex: `trailing \`, want: `trailing \`},
		{latex: `\'`, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.latex, func(t *testing.T) {
			var warnings []string
			got := decodeMarkup(tt.latex, func(msg string) { warnings = append(warnings, msg) })
			if got != tt.want {
				t.Errorf("decodeMarkup(%q)\n got: %q\nwant: %q", tt.latex, got, tt.want)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings\n got: %q\nwant: %q", warnings, tt.warnings)
			}
		})
	}
}

func TestDecodePlain(t *testing.T) {
	tests := []struct{ latex, want string }{
		{`\textit{Journal} of H\textsubscript{2}O`, "Journal of H2O"},
		{`{\"U}ber {DNA} a < b`, "Über DNA a < b"},
		{"  spread\n  over\tlines ", "spread over lines"},
	}
	for _, tt := range tests {
		if got := decodePlain(tt.latex, func(string) {}); got != tt.want {
			t.Errorf("decodePlain(%q) = %q, want %q", tt.latex, got, tt.want)
		}
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		raw  string
		want names.Name
	}{
		{"Smith, John A.", names.Name{Given: "John A.", Family: "Smith"}},
		{"John A. Smith", names.Name{Given: "John A.", Family: "Smith"}},
		{"van der Berg, Jan", names.Name{Given: "Jan", Family: "van der Berg"}},
		{"Jan van der Berg", names.Name{Given: "Jan", Family: "van der Berg"}},
		{"Smith, Jr., Amos B.", names.Name{Given: "Amos B.", Family: "Smith", Suffix: "Jr."}},
		{"Smith, Amos B., III", names.Name{Given: "Amos B.", Family: "Smith", Suffix: "III"}},
		{"Amos B. Smith III", names.Name{Given: "Amos B.", Family: "Smith", Suffix: "III"}},
		{"De Leo, Maria", names.Name{Given: "Maria", Family: "De Leo"}},
		{"Sheherazade", names.Name{Family: "Sheherazade"}},
		{"Per {Brinch Hansen}", names.Name{Given: "Per", Family: "Brinch Hansen"}},
		{"{Brinch Hansen}, Per", names.Name{Given: "Per", Family: "Brinch Hansen"}},
		{`{\'E}mile Zola`, names.Name{Given: "Émile", Family: "Zola"}},
		{`M{\"u}ller, J{\"u}rgen`, names.Name{Given: "Jürgen", Family: "Müller"}},
		{"{Barnes, Inc}, Ann", names.Name{Given: "Ann", Family: "Barnes, Inc"}},
	}
	for _, tt := range tests {
		if got := parseName(tt.raw, func(string) {}); got != tt.want {
			t.Errorf("parseName(%q) = %+v, want %+v", tt.raw, got, tt.want)
		}
	}
}

func TestSplitAnd(t *testing.T) {
	tests := []struct {
		value string
		want  []string
	}{
		{"A and B", []string{"A", "B"}},
		{"A AND B\nand\tC", []string{"A", "B", "C"}},
		{"{Barnes and Noble} and Sandy", []string{"{Barnes and Noble}", "Sandy"}},
		{"Anderson, Andy and Brand, Sandy", []string{"Anderson, Andy", "Brand, Sandy"}},
		{"A and", []string{"A and"}},
	}
	for _, tt := range tests {
		got := splitAnd(tt.value)
		for i := range got {
			got[i] = strings.TrimSpace(got[i])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitAnd(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}

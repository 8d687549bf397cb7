package markup

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
)

var _ = testkit.Update // every test binary defines -update

func TestFromJATS(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Plain  text\n here", "Plain text here"},
		{"italic", "<italic>E. coli</italic> grows", "<i>E. coli</i> grows"},
		{"bold", "a <bold>bold</bold> claim", "a <b>bold</b> claim"},
		{"sub", "H<sub>2</sub>O", "H<sub>2</sub>O"},
		{"sup", "Ca<sup>2+</sup> ions", "Ca<sup>2+</sup> ions"},
		{"small caps", "<sc>Dna</sc> repair", "<sc>Dna</sc> repair"},
		{"nested", "<bold>very <italic>E. coli</italic></bold>", "<b>very <i>E. coli</i></b>"},
		{"nested same", "<italic>a <italic>b</italic> c</italic>", "<i>a b c</i>"},
		{"jats prefix", "<jats:p>The <jats:italic>cis</jats:italic> form</jats:p>", "The <i>cis</i> form"},
		{"html-like tags", "<i>x</i> and <em>y</em> and <strong>z</strong>", "<i>x</i> and <i>y</i> and <b>z</b>"},
		{"leading abstract title", "<jats:title>Abstract</jats:title><jats:p>We show.</jats:p>", "We show."},
		{"leading abstract title in sec", "<jats:sec><jats:title>ABSTRACT:</jats:title><jats:p>We show.</jats:p></jats:sec>", "We show."},
		{"other leading title kept", "<jats:sec><jats:title>Background</jats:title><jats:p>We show.</jats:p></jats:sec>", "Background We show."},
		{"abstract title later kept", "<p>Text.</p><title>Abstract</title>", "Text. Abstract"},
		{"paragraph boundaries", "<p>One.</p><p>Two.</p>\n<p>Three.</p>", "One. Two. Three."},
		{"sections", "<sec><title>Methods</title><p>We did.</p></sec><sec><title>Results</title><p>It works.</p></sec>", "Methods We did. Results It works."},
		{"label", "<sec><label>1.</label><title>Intro</title></sec>", "1. Intro"},
		{"list", "<list><list-item><p>a</p></list-item><list-item><p>b</p></list-item></list>", "a b"},
		{"xml entities", "Smith &amp; Jones &lt;3 &gt; &quot;q&quot; &apos;a&apos;", "Smith & Jones <3 > \"q\" 'a'"},
		{"numeric entities", "pages 1&#x2013;5 &#8212; ok", "pages 1–5 — ok"},
		{"html entities", "a&nbsp;b &eacute;t&eacute; &ndash;", "a b été –"},
		{"mathml", `<inline-formula><mml:math><mml:mi>x</mml:mi><mml:mo>=</mml:mo><mml:mn>2</mml:mn></mml:math></inline-formula> holds`, "x=2 holds"},
		{"mathml annotation", `<mml:math><mml:semantics><mml:mi>y</mml:mi><mml:annotation encoding="application/x-tex">y</mml:annotation></mml:semantics></mml:math>`, "y"},
		{"alternatives", `<inline-formula><alternatives><tex-math>\alpha</tex-math><mml:math><mml:mi>α</mml:mi></mml:math><inline-graphic xlink:href="a.gif"/></alternatives></inline-formula>`, "α"},
		{"alternatives without math", `<alternatives><inline-graphic xlink:href="a.gif"/><tex-math>\alpha</tex-math></alternatives>`, `\alpha`},
		{"xref", `as shown <xref ref-type="bibr" rid="b1">[1]</xref>.`, "as shown [1]."},
		{"ext-link", `see <ext-link xlink:href="https://x.org">x.org</ext-link>`, "see x.org"},
		{"cdata", "<p><![CDATA[a < b & c]]></p>", "a < b & c"},
		{"literal less-than", "p < 0.05 and p<0.01 and x <= 3", "p < 0.05 and p<0.01 and x <= 3"},
		{"literal ampersand", "AT&T & friends, &unknown; &#xZZ;", "AT&T & friends, &unknown; &#xZZ;"},
		{"comment", "a<!-- hidden < -->b", "ab"},
		{"processing instruction", "a<?pi x?> b", "a b"},
		{"space moved out of markup", "a<italic> b </italic>c", "a <i>b</i> c"},
		{"empty markup dropped", "a <italic> </italic> b<bold></bold>", "a b"},
		{"graphic dropped", `x <inline-graphic xlink:href="a.png"/>y`, "x y"},
		{"nbsp and tabs collapse", "a\u00a0\t b\u2009c", "a b c"},
		{"nfc", "Se\u0301nia", "Sénia"},
		{"empty", "", ""},
		{"only space", " \n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromJATS(tt.in)
			if err != nil {
				t.Fatalf("FromJATS(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("FromJATS(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFromJATSErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unclosed", "<italic>open", "markup: line 1, column 13: element <italic> is not closed"},
		{"unclosed after repair", "<p>p < 1 &", "markup: line 1, column 11: element <p> is not closed"},
		{"position after repair", "p < 1 & <i>x</b>", "markup: line 1, column 17: element <i> closed by </b>"},
		{"mismatched", "<italic>a</bold>", "markup: line 1, column 17: element <italic> closed by </bold>"},
		{"stray end", "a</p>", "markup: line 1, column 6: end tag </p> without a start tag"},
		{"second line", "<p>a\nb</i></p>", "markup: line 2, column 6: element <p> closed by </i>"},
		{"bad attribute", `<p x=1>a</p>`, "markup: line 1, column 7: unquoted or missing attribute value in element"},
		{"unclosed cdata", "<![CDATA[abc", "markup: line 1,"},
		{"root closed early", "</" + rootName + "><p>", "markup: line 1,"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromJATS(tt.in)
			if err == nil {
				t.Fatalf("FromJATS(%q) = %q, want an error", tt.in, got)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("FromJATS(%q) error\n got %q\nwant prefix %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestFromHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "plain  text", "plain text"},
		{"italic forms", "<i>a</i> <em>b</em>", "<i>a</i> <i>b</i>"},
		{"bold forms", "<b>a</b> <strong>b</strong>", "<b>a</b> <b>b</b>"},
		{"sub sup", "H<sub>2</sub>O and x<sup>2</sup>", "H<sub>2</sub>O and x<sup>2</sup>"},
		{"other tags unwrapped", `<span class="x">a</span> <a href="/b">link</a>`, "a link"},
		{"entities", "Smith &amp; Jones &ndash; caf&eacute; &#x2013; &lt;tag&gt;", "Smith & Jones – café – <tag>"},
		{"blocks", "<p>One.</p><p>Two.<br>Three.</p><div>Four</div>", "One. Two. Three. Four"},
		{"self-closing break", "a<br/>b", "a b"},
		{"script and style dropped", "a<script>var x = '<i>';</script> b<style>p{}</style>", "a b"},
		{"image dropped", `a<img src="x.png" alt="pic">b`, "ab"},
		{"unclosed markup closed", "<i>open", "<i>open</i>"},
		{"stray end ignored", "a</i>b", "ab"},
		{"overlapping markup", "<i>a<b>b</i>c</b>", "<i>a<b>b</b></i><b>c</b>"},
		{"space moved out", "x<em> y </em>z", "x <i>y</i> z"},
		{"nested same", "<i>a<em>b</em></i>", "<i>ab</i>"},
		{"control characters dropped", "a\x01b <i>\x1b</i>c", "ab c"},
		{"invalid UTF-8 replaced", "a\xffb", "a\ufffdb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromHTML(tt.in); got != tt.want {
				t.Errorf("FromHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzFromJATS checks that any input gives an error or markup that the
// model accepts: balanced <i>, <b>, <sub>, <sup>, <sc> and nothing else.
func FuzzFromJATS(f *testing.F) {
	for _, seed := range []string{
		"<jats:title>Abstract</jats:title><jats:p>H<jats:sub>2</jats:sub>O &amp; p < 0.05</jats:p>",
		"<italic>a</italic><![CDATA[<x>]]>&nbsp;",
		"<alternatives><tex-math>x</tex-math><mml:math><mml:mi>x</mml:mi></mml:math></alternatives>",
		"<italic>open",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, err := FromJATS(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "markup: line ") {
				t.Fatalf("error without package prefix and position: %v", err)
			}
			return
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("output not trimmed: %q", out)
		}
		// Where every "<" of the input starts markup and nothing is
		// escaped, each "<" of the output must be a model tag.
		repaired, _ := repairXML(in)
		if repaired == in && !strings.ContainsAny(in, "&") && !strings.Contains(in, "CDATA") {
			checkModelMarkup(t, out)
		}
	})
}

// FuzzFromHTML checks that any input gives balanced model markup.
func FuzzFromHTML(f *testing.F) {
	for _, seed := range []string{"<i>a<b>b</i>c</b>", "<p>x</p><script>y</script>", "&eacute;<em> x</em>"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		// Where the input holds no "<" as text, each "<" of the output
		// must be a model tag.
		if !strings.ContainsAny(in, "&") && everyLessThanStartsHTMLMarkup(in) {
			checkModelMarkup(t, FromHTML(in))
		}
	})
}

// everyLessThanStartsHTMLMarkup reports whether the HTML tokenizer reads
// each "<" of s as the start of a tag, comment or declaration, and s has
// no element whose content is raw text.
func everyLessThanStartsHTMLMarkup(s string) bool {
	lower := strings.ToLower(s)
	for _, raw := range []string{"<iframe", "<noembed", "<noframes", "<noscript", "<plaintext", "<textarea", "<title", "<xmp"} {
		if strings.Contains(lower, raw) {
			return false
		}
	}
	isLetter := func(c byte) bool { return 'a' <= c && c <= 'z' }
	for i := 0; i < len(lower); i++ {
		if lower[i] != '<' {
			continue
		}
		rest := lower[i+1:]
		switch {
		case rest == "":
			return false
		case isLetter(rest[0]), rest[0] == '!', rest[0] == '?':
		case rest[0] == '/' && len(rest) > 1 && isLetter(rest[1]):
		default:
			return false
		}
	}
	return true
}

// checkModelMarkup fails unless every "<" in s starts a model tag and the
// tags are closed in order.
func checkModelMarkup(t *testing.T, s string) {
	t.Helper()
	var stack []string
next:
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		for _, tag := range []string{"i", "b", "sub", "sup", "sc"} {
			if strings.HasPrefix(s[i:], "<"+tag+">") {
				stack = append(stack, tag)
				continue next
			}
			if strings.HasPrefix(s[i:], "</"+tag+">") {
				if len(stack) == 0 || stack[len(stack)-1] != tag {
					t.Fatalf("</%s> at %d closes %v in %q", tag, i, stack, s)
				}
				stack = stack[:len(stack)-1]
				continue next
			}
		}
		t.Fatalf("%q at %d is no model tag", s[i:], i)
	}
	if len(stack) > 0 {
		t.Fatalf("unclosed markup %v in %q", stack, s)
	}
}

func ExampleFromJATS() {
	abstract := `<jats:title>Abstract</jats:title><jats:p>Growth of <jats:italic>E. coli</jats:italic> in H<jats:sub>2</jats:sub>O&#x2013;D<jats:sub>2</jats:sub>O (p &lt; 0.05).</jats:p>`
	out, err := FromJATS(abstract)
	fmt.Println(out, err)
	// Output: Growth of <i>E. coli</i> in H<sub>2</sub>O–D<sub>2</sub>O (p < 0.05). <nil>
}

func ExampleFromHTML() {
	fmt.Println(FromHTML("The <em>cis</em> form of Ca<sup>2+</sup> &amp; <span>more</span>"))
	// Output: The <i>cis</i> form of Ca<sup>2+</sup> & more
}

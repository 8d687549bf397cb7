package xmltree

import (
	"errors"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/ld"
)

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("<a>", 1_000_000)
	tests := []struct {
		name, data string
		want       ld.Position
		is         error
		msg        string
	}{
		{name: "a million nested elements", data: deep, want: ld.Position{File: "in.xml", Line: 1, Column: 3*MaxDepth + 1}, is: ErrTooDeep},
		{name: "a million nested elements after a prolog", data: "<?xml version=\"1.0\"?>\n" + deep, want: ld.Position{File: "in.xml", Line: 2, Column: 3*MaxDepth + 1}, is: ErrTooDeep},
		{name: "empty", data: "", want: ld.Position{File: "in.xml", Line: 1, Column: 1}, is: ErrNoElement},
		{name: "text only", data: "TY  - JOUR\n", want: ld.Position{File: "in.xml", Line: 2, Column: 1}, is: ErrNoElement},
		{name: "cut short", data: "<a>\n<b>", want: ld.Position{File: "in.xml", Line: 2, Column: 4}, msg: "unexpected end of input: <b> is not closed"},
		{name: "mismatched end tag", data: "<a>\n  <b></a>", want: ld.Position{File: "in.xml", Line: 2, Column: 10}, msg: "element <b> closed by </a>"},
		{name: "second root", data: "<a/>\n<b/>", want: ld.Position{File: "in.xml", Line: 2, Column: 1}, msg: "a second root element <b> after <a>"},
		{name: "UTF-16 mark on UTF-8 bytes", data: "\xff\xfe<a/", want: ld.Position{File: "in.xml", Line: 1, Column: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := Parse([]byte(tt.data), "in.xml")
			var treeErr *Error
			if !errors.As(err, &treeErr) {
				t.Fatalf("got %v, %v; want an *Error", root, err)
			}
			if treeErr.Pos != tt.want {
				t.Errorf("error at %v, want %v (%v)", treeErr.Pos, tt.want, err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if tt.msg != "" && treeErr.Err.Error() != tt.msg {
				t.Errorf("message %q, want %q", treeErr.Err, tt.msg)
			}
		})
	}
}

func TestParseDepthLimit(t *testing.T) {
	ok := strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth)
	if _, err := Parse([]byte(ok), "in.xml"); err != nil {
		t.Errorf("%d levels: %v", MaxDepth, err)
	}
	tooDeep := strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1)
	if _, err := Parse([]byte(tooDeep), "in.xml"); !errors.Is(err, ErrTooDeep) {
		t.Errorf("%d levels: %v, want ErrTooDeep", MaxDepth+1, err)
	}
}

// TestParseEncodings checks the byte-order marks: UTF-8's is skipped,
// UTF-16's (either byte order) decodes the input, whatever the XML
// declaration says.
func TestParseEncodings(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="UTF-16"?><title lang="fr">Été</title>`
	utf16 := func(bigEndian bool) string {
		var b []byte
		if bigEndian {
			b = append(b, 0xFE, 0xFF)
		} else {
			b = append(b, 0xFF, 0xFE)
		}
		for _, r := range doc { // doc is in the Basic Multilingual Plane
			hi, lo := byte(r>>8), byte(r)
			if bigEndian {
				b = append(b, hi, lo)
			} else {
				b = append(b, lo, hi)
			}
		}
		return string(b)
	}
	tests := []struct{ name, data string }{
		{"UTF-8 with BOM", "\xef\xbb\xbf<title lang=\"fr\">Été</title>"},
		{"UTF-16LE with BOM", utf16(false)},
		{"UTF-16BE with BOM", utf16(true)},
		{"ISO-8859-1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><title lang=\"fr\">\xc9t\xe9</title>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := Parse([]byte(tt.data), "in.xml")
			if err != nil {
				t.Fatal(err)
			}
			if root.Name != "title" || root.Attr("lang") != "fr" || root.RawText() != "Été" {
				t.Errorf("got <%s lang=%q>%q", root.Name, root.Attr("lang"), root.RawText())
			}
		})
	}
}

func TestNavigation(t *testing.T) {
	root, err := Parse([]byte(`<a x=" 1 "><b>one <i>two</i></b><c/><b>three</b><d><b>four</b></d></a>`), "in.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got := root.Attr("x"); got != "1" {
		t.Errorf("Attr = %q", got)
	}
	if got := len(root.All("b")); got != 2 {
		t.Errorf("All(b) = %d elements", got)
	}
	if got := len(root.Elements()); got != 4 {
		t.Errorf("Elements = %d", got)
	}
	if got := len(root.Descendants("b")); got != 3 {
		t.Errorf("Descendants(b) = %d", got)
	}
	b := root.Child("b")
	if got := b.RawText(); got != "one two" {
		t.Errorf("RawText = %q", got)
	}
	if got := b.OwnText(); got != "one " {
		t.Errorf("OwnText = %q", got)
	}
	if got := b.InnerXML(); got != "one <i>two</i>" {
		t.Errorf("InnerXML = %q", got)
	}
	var missing *Node
	if missing.Child("x") != nil || missing.Attr("x") != "" || missing.RawText() != "" || missing.InnerXML() != "" {
		t.Error("a nil node is not empty")
	}
}

// FuzzParse checks that Parse never panics and that every tree it returns
// stays within MaxDepth.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"<a><b>x</b></a>", "\xef\xbb\xbf<a/>", "\xff\xfe<\x00a\x00/\x00>\x00", strings.Repeat("<a>", 600), "<a>&nbsp;</a>"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := Parse(data, "fuzz.xml")
		if err != nil {
			var treeErr *Error
			if !errors.As(err, &treeErr) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		var depth func(*Node) int
		depth = func(n *Node) int {
			deepest := 0
			for _, c := range n.Children {
				deepest = max(deepest, depth(c))
			}
			return deepest + 1
		}
		if d := depth(root); d > MaxDepth {
			t.Errorf("tree %d deep", d)
		}
	})
}

package ld_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unsafe"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
)

// TestDecodeRecordBad decodes each bad record in testdata/record and
// compares the errors, one a line, with NAME.golden beside it.
func TestDecodeRecordBad(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "record", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no records in testdata/record")
	}
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ld.DecodeRecord(data, name)
			if err == nil || a != nil {
				t.Fatalf("DecodeRecord = %v, %v; want only an error", a, err)
			}
			checkRecordError(t, err)
			golden := filepath.Join("ld", "testdata", "record", strings.TrimSuffix(name, ".json")+".golden")
			testkit.Golden(t, golden, []byte(err.Error()+"\n"))
		})
	}
}

// checkRecordError fails unless err is a *SyntaxError or a non-empty
// ErrorList of *FieldError with positions, sorted by position.
func checkRecordError(t testing.TB, err error) {
	t.Helper()
	var syntax *ld.SyntaxError
	if errors.As(err, &syntax) {
		if !syntax.Pos.IsValid() {
			t.Errorf("syntax error without a position: %v", err)
		}
		return
	}
	list, ok := err.(ld.ErrorList)
	if !ok || len(list) == 0 || len(list) > 50 {
		t.Fatalf("error is %T of %v, want *ld.SyntaxError or an ErrorList of 1 to 50 errors", err, err)
	}
	var prev ld.Position
	for _, e := range list {
		fe, ok := e.(*ld.FieldError)
		if !ok {
			t.Fatalf("list holds %T, want *ld.FieldError: %v", e, e)
		}
		if !fe.Pos.IsValid() || fe.Path == "" {
			t.Errorf("field error without position or path: %v", fe)
		}
		if fe.Pos.Line < prev.Line || (fe.Pos.Line == prev.Line && fe.Pos.Column < prev.Column) {
			t.Errorf("errors not sorted by position: %v after %v", fe.Pos, prev)
		}
		prev = fe.Pos
	}
}

func TestDecodeRecordSyntaxError(t *testing.T) {
	cases := []struct {
		name, in  string
		line, col int
		msg       string
	}{
		{"empty", "", 1, 1, "empty input, want a JSON object"},
		{"white space only", " \n\t", 2, 2, "empty input"},
		{"truncated object", "{\n  \"title\": \"abc\"", 2, 17, "unexpected end of input in object, want ',' or '}'"},
		{"truncated string", "{\n  \"title\": \"abc", 2, 16, "unexpected end of input in string"},
		{"truncated key", `{"tit`, 1, 6, "unexpected end of input in string"},
		{"truncated after colon", `{"title":`, 1, 10, "unexpected end of input, want a value"},
		{"truncated literal", `{"openAccess": tr`, 1, 18, "unexpected end of input in literal true"},
		{"truncated escape", `{"title": "a\`, 1, 14, "unexpected end of input in string escape"},
		{"truncated unicode escape", `{"title": "a\u00`, 1, 17, `unexpected end of input in \u escape`},
		{"truncated number", `{"copyright": {"year": 20`, 1, 26, "unexpected end of input in object"},
		{"truncated exponent", `{"x": 2e`, 1, 9, "unexpected end of input in exponent, want a digit"},
		{"missing colon", `{"title" "a"}`, 1, 10, `invalid character '"' after object key, want ':'`},
		{"missing comma", "{\"title\": \"a\"\n \"doi\": \"b\"}", 2, 2, `invalid character '"' after object member, want ',' or '}'`},
		{"trailing comma", `{"title": "a",}`, 1, 15, `invalid character '}' in object, want a string key`},
		{"trailing comma in array", `{"keywords": ["a",]}`, 1, 19, `invalid character ']', want a value`},
		{"array missing comma", `{"keywords": ["a" "b"]}`, 1, 19, `after array element, want ',' or ']'`},
		{"single quotes", `{'title': 'a'}`, 1, 2, `invalid character '\'' in object, want a string key`},
		{"bare word", `{"title": abc}`, 1, 11, `invalid character 'a', want a value`},
		{"bad literal", `{"openAccess": trve}`, 1, 18, `invalid character 'v' in literal true`},
		{"leading zero", `{"x": 012}`, 1, 8, `invalid character '1' after object member`},
		{"plus sign", `{"x": +1}`, 1, 7, `invalid character '+', want a value`},
		{"minus alone", `{"x": -}`, 1, 8, `invalid character '}' in number, want a digit`},
		{"fraction without digits", `{"x": 1.e5}`, 1, 9, `invalid character 'e' after decimal point, want a digit`},
		{"exponent without digits", `{"x": 1e+}`, 1, 10, `invalid character '}' in exponent, want a digit`},
		{"bad escape", `{"title": "a\x41"}`, 1, 14, `invalid character 'x' in string escape`},
		{"bad unicode escape", `{"title": "\u12G4"}`, 1, 16, `invalid character 'G' in \u escape, want a hex digit`},
		{"raw newline in string", "{\"title\": \"a\nb\"}", 1, 13, `control character '\n' in string, want it escaped`},
		{"raw tab in string", "{\"title\": \"a\tb\"}", 1, 13, `control character '\t' in string`},
		{"non-ASCII byte outside string", "{\"title\": \xc3\xa9}", 1, 11, "invalid byte 0xC3, want a value"},
		{"column counts bytes", "{\"title\": \"\xc3\xa9\xc3\xa9\" x}", 1, 18, "invalid character 'x' after object member"},
		{"second record", "{\"title\": \"a\"}\n{\"title\": \"b\"}", 2, 1, "invalid character '{' after the record, want the end of the input (a stream of records needs a RecordDecoder)"},
		{"garbage after record", `{"title": "a"} x`, 1, 16, "invalid character 'x' after the record"},
		{"broken byte order mark", "\xef\xbb{}", 1, 3, "broken UTF-8 byte order mark"},
		{"too deep", `{"x": ` + strings.Repeat("[", 1001), 1, 1006, "arrays and objects nest deeper than 1000 levels"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ld.DecodeRecord([]byte(tc.in), "r.json")
			var syntax *ld.SyntaxError
			if !errors.As(err, &syntax) {
				t.Fatalf("DecodeRecord(%q) = %v, want a *ld.SyntaxError", tc.in, err)
			}
			if syntax.Pos != (ld.Position{File: "r.json", Line: tc.line, Column: tc.col}) {
				t.Errorf("position %v, want r.json:%d:%d (%v)", syntax.Pos, tc.line, tc.col, err)
			}
			if want := offsetOf(tc.in, tc.line, tc.col); syntax.Offset != want {
				t.Errorf("offset %d, want %d", syntax.Offset, want)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
			prefix := fmt.Sprintf("r.json:%d:%d: record: ", tc.line, tc.col)
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
			if errors.Unwrap(syntax) == nil {
				t.Error("syntax error unwraps to nil")
			}
		})
	}
}

// offsetOf converts a 1-based line and byte column of s into a byte offset.
func offsetOf(s string, line, col int) int64 {
	offset := 0
	for l := 1; l < line; l++ {
		offset += strings.IndexByte(s[offset:], '\n') + 1
	}
	return int64(offset + col - 1)
}

func TestDecodeRecordFieldErrors(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string // "line:col: path: message part" of each error, in order
	}{
		{"unknown field with suggestion", `{"title": "a", "authors": [{"family": "Tan"}, {}, {"family": "Wu", "orcdi": "0000-0002-1825-0097"}]}`,
			[]string{`1:47: authors[1]: a person needs a family name`, `1:68: authors[2].orcdi: unknown field "orcdi" (did you mean "orcid"?)`}},
		{"unknown field by case", `{"Title": "a"}`,
			[]string{`1:1: title: required`, `1:2: Title: unknown field "Title" (did you mean "title"?)`}},
		{"unknown field without suggestion", `{"title": "a", "dataAvailability": "x"}`,
			[]string{`1:16: dataAvailability: unknown field "dataAvailability"`}},
		{"nested unknown field", `{"title": "a", "journal": {"title": "J", "issns": [{"value": "1422-0067", "type": "print"}]}}`,
			[]string{`1:75: journal.issns[0].type: unknown field "type"`}},
		{"wrong type", `{"title": "a", "authors": [{"family": "Tan", "corresponding": "yes"}]}`,
			[]string{`1:63: authors[0].corresponding: want a boolean, found a string`}},
		{"wrong type replaces the check", `{"title": 42}`,
			[]string{`1:11: title: want a string, found a number`}},
		{"object for a list", `{"title": "a", "keywords": {"a": 1}}`,
			[]string{`1:28: keywords: want an array, found an object`}},
		{"string for an object", `{"title": "a", "journal": "J"}`,
			[]string{`1:27: journal: want an object, found a string`}},
		{"array for a date", `{"title": "a", "dates": {"received": [2014]}}`,
			[]string{`1:38: dates.received: want a string, found an array`}},
		{"bad date", `{"title": "a", "dates": {"received": "2014-02-30"}}`,
			[]string{`1:38: dates.received: day 30 of 2014-02 does not exist`}},
		{"integer wanted", `{"title": "a", "copyright": {"year": 2014.0}}`,
			[]string{`1:38: copyright.year: want an integer, found the number 2014.0`}},
		{"integer out of range", `{"title": "a", "copyright": {"year": 1e400}}`,
			[]string{`1:38: copyright.year: want an integer, found the number 1e400`}},
		{"integer overflow", `{"title": "a", "copyright": {"year": -99999999999999999999}}`,
			[]string{`1:38: copyright.year: integer -99999999999999999999 is out of range`}},
		{"null array element", `{"title": "a", "authors": [null]}`,
			[]string{`1:28: authors[0]: a person needs a family name or a name`}},
		{"duplicate key", "{\"title\": \"a\",\n \"title\": \"b\"}",
			[]string{`2:2: title: duplicate key "title" (first at 1:2)`}},
		{"duplicate key by escape", `{"title": "a", "titl\u0065": "b"}`,
			[]string{`1:16: title: duplicate key "title" (first at 1:2)`}},
		{"not an object", `["title"]`, []string{`1:1: (record): want an object, found an array`}},
		{"check error at value", "{\n  \"title\": \"a\",\n  \"doi\": \"doi:10.1000/x\"\n}",
			[]string{`3:10: doi: write the bare DOI "10.1000/x"`}},
		{"check error at enclosing value", `{"title": "a", "journal": {"abbreviation": "J"}}`,
			[]string{`1:27: journal.title: required`}},
		{"check error at record", `  {}`, []string{`1:3: title: required`}},
		{"errors sorted by position", `{"doi": "x", "title": "", "type": 1}`,
			[]string{`1:9: doi: DOI "x"`, `1:23: title: required`, `1:35: type: want a string, found a number`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ld.DecodeRecord([]byte(tc.in), "r.json")
			if a != nil {
				t.Errorf("article %+v returned with the error", a)
			}
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			checkRecordError(t, err)
			list := err.(ld.ErrorList)
			if len(list) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%v", len(list), len(tc.want), err)
			}
			for i, e := range list {
				if want := "r.json:" + tc.want[i]; !strings.HasPrefix(e.Error(), want) {
					t.Errorf("error %d = %q, want it to start with %q", i, e, want)
				}
			}
		})
	}
}

func TestDecodeRecordErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"title": "a", "authors": [`)
	for i := range 60 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"family": "Tan", "orcid": "0000-0002-1825-0098"}`)
	}
	b.WriteString("]}")
	_, err := ld.DecodeRecord([]byte(b.String()), "many.json")
	checkRecordError(t, err)
	list := err.(ld.ErrorList)
	if len(list) != 50 {
		t.Fatalf("got %d errors, want 50", len(list))
	}
	if got, want := list[48].Error(), "many.json:49:28: authors[48].orcid: ORCID"; !strings.HasPrefix(got, want) {
		t.Errorf("error 49 = %q, want it to start with %q", got, want)
	}
	if got, want := list[49].Error(), "many.json:50:28: authors[49].orcid: too many errors: 11 more from here on are not shown"; got != want {
		t.Errorf("last error = %q, want %q", got, want)
	}
}

// TestDecodeRecordRoundTrip encodes the seed articles, which fill every
// field of the model between them, with encoding/json and decodes it back.
func TestDecodeRecordRoundTrip(t *testing.T) {
	set := map[string]bool{}
	for _, want := range []*ld.Article{seedArticle(), workSeedArticle()} {
		data, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := ld.DecodeRecord(data, "seed.json")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decoded\n%+v\nwant\n%+v", got, want)
		}
		noteSetFields(reflect.ValueOf(want), set)
	}
	// Every field of every struct must be set somewhere in the seed
	// articles, or part of the decoder would go untested.
	for field, ok := range set {
		if !ok {
			t.Errorf("the seed article leaves %s unset everywhere", field)
		}
	}
}

// noteSetFields records, for each "Type.Field" of the structs within v,
// whether it is non-zero in at least one of them.
func noteSetFields(v reflect.Value, set map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			noteSetFields(v.Elem(), set)
		}
	case reflect.Slice:
		for i := range v.Len() {
			noteSetFields(v.Index(i), set)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[ld.Date]() {
			return
		}
		for i := range v.NumField() {
			key := v.Type().Name() + "." + v.Type().Field(i).Name
			set[key] = set[key] || !v.Field(i).IsZero()
			noteSetFields(v.Field(i), set)
		}
	}
}

func TestDecodeRecordValues(t *testing.T) {
	in := "\xef\xbb\xbf" + `{
	"title": "H\u2082O \ud83d\ude00 \ud800 caf\u00e9 \"q\" \\ \/ \b\f\n\r\t",
	"openAccess": false,
	"authors": [],
	"keywords": ["a\u0000b", "\udc00x", "\ud83dy"],
	"journal": null,
	"volume": null,
	"dates": {"revised": [], "received": "2014"},
	"license": {},
	"copyright": {"year": -0}
}`
	got, err := ld.DecodeRecord([]byte(in), "values.json")
	if err != nil {
		t.Fatal(err)
	}
	want := &ld.Article{
		Title:      "H₂O 😀 \uFFFD café \"q\" \\ / \b\f\n\r\t",
		OpenAccess: new(false),
		Keywords:   []string{"a\x00b", "\uFFFDx", "\uFFFDy"},
		Dates:      ld.Dates{Received: ld.Date{Year: 2014}},
		License:    &ld.License{},
		Copyright:  &ld.Copyright{},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n%#v\nwant\n%#v", got, want)
	}
	var std ld.Article
	if err := json.Unmarshal([]byte(in[3:]), &std); err != nil {
		t.Fatal(err)
	}
	if got.Title != std.Title || !reflect.DeepEqual(got.Keywords, std.Keywords) {
		t.Errorf("strings differ from encoding/json: %q %q, want %q %q", got.Title, got.Keywords, std.Title, std.Keywords)
	}
}

func TestDecodeRecordInvalidUTF8(t *testing.T) {
	got, err := ld.DecodeRecord([]byte("{\"title\": \"a\xff\xfeb\xc3\"}"), "r.json")
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\uFFFD\uFFFDb\uFFFD"; got.Title != want {
		t.Errorf("title %q, want %q", got.Title, want)
	}
}

// decodeStream decodes every record of d and gives, for each, its title
// or "error: " and the error, then "EOF".
func decodeStream(t *testing.T, d *ld.RecordDecoder) []string {
	t.Helper()
	var results []string
	for range 20 {
		a, err := d.Decode()
		switch {
		case err == io.EOF:
			return append(results, "EOF")
		case err != nil:
			if a != nil {
				t.Errorf("article %+v returned with error %v", a, err)
			}
			results = append(results, "error: "+err.Error())
		default:
			results = append(results, a.Title)
		}
	}
	t.Fatalf("no io.EOF after 20 records: %q", results)
	return nil
}

func TestRecordDecoder(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string // each an exact title, "EOF", or "error: " and a prefix of the error
	}{
		{"JSON Lines", "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", []string{"a", "b", "EOF"}},
		{"concatenated", `{"title": "a"}{"title": "b"}  {"title": "c"}`, []string{"a", "b", "c", "EOF"}},
		{"array", "[\n{\"title\": \"a\"},\n{\"title\": \"b\"}\n]\n", []string{"a", "b", "EOF"}},
		{"empty array", " [ ] ", []string{"EOF"}},
		{"empty input", "", []string{"EOF"}},
		{"white space only", "\n\n  \t", []string{"EOF"}},
		{"byte order mark", "\xef\xbb\xbf{\"title\": \"a\"}", []string{"a", "EOF"}},
		{"bad record in the middle", "{\"title\": \"a\"}\n{\"titel\": \"b\"}\n{\"title\": \"c\"}",
			[]string{"a", "error: s.json:2:1: title: required\ns.json:2:2: titel: unknown field", "c", "EOF"}},
		{"bad record in an array", "[{\"title\": \"a\"},\n 7,\n {\"title\": \"c\"}]",
			[]string{"a", "error: s.json:2:2: (record): want an object, found a number", "c", "EOF"}},
		{"array in a stream is a bad record", "{\"title\": \"a\"}\n[{\"title\": \"b\"}]",
			[]string{"a", "error: s.json:2:1: (record): want an object, found an array", "EOF"}},
		{"syntax error ends the stream", "{\"title\": \"a\"}\n{\"title\": \"b\",}\n{\"title\": \"c\"}",
			[]string{"a", "error: s.json:2:15: record: invalid character '}' in object, want a string key", "EOF"}},
		{"truncated last record", "{\"title\": \"a\"}\n{\"title\": \"b\"",
			[]string{"a", "error: s.json:2:14: record: unexpected end of input in object", "EOF"}},
		{"array missing comma", `[{"title": "a"} {"title": "b"}]`,
			[]string{"a", "error: s.json:1:17: record: invalid character '{' after a record, want ',' or ']'", "EOF"}},
		{"array unterminated", `[{"title": "a"},`,
			[]string{"a", "error: s.json:1:17: record: unexpected end of input, want a value", "EOF"}},
		{"array unterminated after a record", `[{"title": "a"}`,
			[]string{"a", "error: s.json:1:16: record: unexpected end of input in the array of records", "EOF"}},
		{"garbage after the array", `[{"title": "a"}] {"title": "b"}`,
			[]string{"a", "error: s.json:1:18: record: invalid character '{' after the array of records", "EOF"}},
		{"garbage after an empty array", `[] x`,
			[]string{"error: s.json:1:4: record: invalid character 'x' after the array of records", "EOF"}},
		{"garbage between records", "{\"title\": \"a\"} , {\"title\": \"b\"}",
			[]string{"a", "error: s.json:1:16: record: invalid character ',', want a value", "EOF"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := decodeStream(t, ld.NewRecordDecoder(strings.NewReader(tc.in), "s.json"))
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] && !(strings.HasPrefix(tc.want[i], "error: ") && strings.HasPrefix(got[i], tc.want[i])) {
					t.Errorf("result %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestRecordDecoderOneByteReads feeds the decoder one byte a read: the
// scanner must not depend on how the input is split.
func TestRecordDecoderOneByteReads(t *testing.T) {
	in := "[{\"title\": \"a\"},\n{\"title\": \"b\", \"x\": 1}]"
	got := decodeStream(t, ld.NewRecordDecoder(iotest.OneByteReader(strings.NewReader(in)), "s.json"))
	want := []string{"a", `error: s.json:2:16: x: unknown field "x"`, "EOF"}
	if len(got) != 3 || got[0] != want[0] || !strings.HasPrefix(got[1], want[1]) || got[2] != want[2] {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRecordDecoderReadError(t *testing.T) {
	errDisk := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader(`{"title": "a"} {"tit`), iotest.ErrReader(errDisk))
	d := ld.NewRecordDecoder(r, "s.json")
	if a, err := d.Decode(); err != nil || a.Title != "a" {
		t.Fatalf("first Decode = %v, %v", a, err)
	}
	_, err := d.Decode()
	if !errors.Is(err, errDisk) || err.Error() != "record: reading s.json: disk on fire" {
		t.Errorf("second Decode error = %v, want the read error", err)
	}
	if _, err := d.Decode(); err != io.EOF {
		t.Errorf("Decode after a read error = %v, want io.EOF", err)
	}
	// A read error between records is no end of input either.
	d = ld.NewRecordDecoder(iotest.ErrReader(errDisk), "")
	if _, err := d.Decode(); !errors.Is(err, errDisk) || err.Error() != "record: reading input: disk on fire" {
		t.Errorf("Decode error = %v, want the read error", err)
	}
}

func ExampleDecodeRecord() {
	record := []byte(`{
  "title": "Mesenchymal Stem Cell-Derived Microparticles",
  "doi": "https://doi.org/10.3390/ijms150814348",
  "authors": [
    {"given": "Xiaoqing", "family": "Tan", "corresponding": "yes"},
    {"given": "Yong-Zhen", "family": "Gong", "orcdi": "0000-0002-1825-0097"}
  ],
  "dates": {"received": "2014-06-18", "published": "2014-08-18"}
}`)
	_, err := ld.DecodeRecord(record, "tan2014.json")
	fmt.Println(err)

	fixed := strings.NewReplacer(`https://doi.org/`, ``, `"yes"`, `true`, `orcdi`, `orcid`).Replace(string(record))
	a, err := ld.DecodeRecord([]byte(fixed), "tan2014.json")
	fmt.Println(err)
	fmt.Println(a.DOI, a.Authors[1].ORCID, a.Dates.Published)
	// Output:
	// tan2014.json:3:10: doi: write the bare DOI "10.3390/ijms150814348"
	// tan2014.json:5:61: authors[0].corresponding: want a boolean, found a string
	// tan2014.json:6:46: authors[1].orcdi: unknown field "orcdi" (did you mean "orcid"?)
	// <nil>
	// 10.3390/ijms150814348 0000-0002-1825-0097 2014-08-18
}

func ExampleRecordDecoder() {
	stream := `{"title": "Mesenchymal Stem Cell-Derived Microparticles", "doi": "10.3390/ijms150814348"}
{"title": "In Vitro Selection of a Single-Stranded DNA Molecular Recognition Element", "type": "article"}
{"title": "Cross-Species, Amplifiable Microsatellite Markers for Neoverrucid Barnacles"}
`
	d := ld.NewRecordDecoder(strings.NewReader(stream), "issue.jsonl")
	for {
		a, err := d.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(a.Title)
	}
	// Output:
	// Mesenchymal Stem Cell-Derived Microparticles
	// error: issue.jsonl:2:96: type: unknown type "article" (want one of "research-article", "review", "editorial", "correction", "retraction", "letter", "case-report", "brief-report", "book-review", "comment", "other", "preprint", "conference-paper", "report", "working-paper", "book-chapter")
	// Cross-Species, Amplifiable Microsatellite Markers for Neoverrucid Barnacles
}

// TestDecodeRecordShared decodes every good and bad testdata record with
// DecodeRecordShared and DecodeRecordAt: the articles and errors must be
// the same, and the article's title must lie in data's memory for the
// first and outside it for the second, whose caller may write to data
// again.
func TestDecodeRecordShared(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../testdata/records/*.json", "testdata/record/*.json"} {
		found, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, found...)
	}
	if len(paths) < 20 {
		t.Fatalf("found %d records, want the good and the bad ones", len(paths))
	}
	inData := func(s string, data []byte) bool {
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.SliceData(data)))
		return p >= start && p < start+uintptr(len(data))
	}
	at := ld.Position{File: "r.jsonl", Line: 7, Column: 3}
	good := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		shared, sharedErr := ld.DecodeRecordShared(data, at)
		copied, copiedErr := ld.DecodeRecordAt(data, at)
		if !reflect.DeepEqual(shared, copied) || fmt.Sprint(sharedErr) != fmt.Sprint(copiedErr) {
			t.Errorf("%s: DecodeRecordShared = %+v, %v; DecodeRecordAt = %+v, %v", path, shared, sharedErr, copied, copiedErr)
			continue
		}
		if shared == nil {
			continue
		}
		good++
		if !inData(shared.Title, data) {
			t.Errorf("%s: DecodeRecordShared copied the title %q", path, shared.Title)
		}
		if inData(copied.Title, data) {
			t.Errorf("%s: DecodeRecordAt's title %q shares the caller's memory", path, copied.Title)
		}
	}
	if good < 10 {
		t.Errorf("%d records decoded, want every good testdata record", good)
	}
}

// TestDecodeRecordKeepsItsOwnSlices decodes the testdata records one after
// another, twice over, and then checks that each article is still what it
// was when decoded: the decoder's spare slices, which every record's
// arrays pass through, must not be shared with an article.
func TestDecodeRecordKeepsItsOwnSlices(t *testing.T) {
	paths, err := filepath.Glob("../testdata/records/*.json")
	if err != nil || len(paths) < 5 {
		t.Fatalf("records: %v, %v", paths, err)
	}
	type decoded struct {
		path     string
		article  *ld.Article
		snapshot []byte
	}
	var all []decoded
	for range 2 {
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := ld.DecodeRecordShared(data, ld.Position{File: path, Line: 1, Column: 1})
			if err != nil {
				t.Fatal(err)
			}
			snapshot, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, decoded{path, a, snapshot})
		}
	}
	for _, d := range all {
		if now, _ := json.Marshal(d.article); !bytes.Equal(now, d.snapshot) {
			t.Errorf("%s: the article changed as later records were decoded:\nthen %s\nnow  %s", d.path, d.snapshot, now)
		}
	}
}

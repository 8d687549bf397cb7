// Package corpus generates large, realistic collections of records in the
// record format, for the tests and benchmarks of bulk conversion, loading,
// serving and validation. Each generated record is a variation of one of
// the bundled testdata records: a unique DOI and title, a varied number of
// authors and references, other pages and dates. Bad records are mixed in
// on request, of the kinds real dumps have: a broken line, an unknown
// field, an invalid DOI.
//
// The output is JSON Lines and depends only on the options: the same
// options give the same bytes.
package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/scholarld/scholarld/ld"
)

// Options say what to generate.
type Options struct {
	// Records is how many records to write, good and bad.
	Records int
	// BadEvery makes every BadEvery-th record (1-based) a bad one; 0
	// makes none.
	BadEvery int
	// Seed varies the choices; the same seed gives the same corpus.
	Seed uint64
}

// Bad kinds, in the order they are used.
const (
	BadSyntax  = "syntax"        // a line of broken JSON
	BadField   = "unknown-field" // a misspelt field name
	BadDOI     = "invalid-doi"   // a DOI without its "10." prefix
	badVariety = 3
)

// LoadBases reads the base records, the testdata/records/*.json files of
// the module rooted at root.
func LoadBases(root string) ([]*ld.Article, error) {
	paths, err := filepath.Glob(filepath.Join(root, "testdata", "records", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("corpus: no records in %s", filepath.Join(root, "testdata", "records"))
	}
	slices.Sort(paths)
	bases := make([]*ld.Article, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		a, err := ld.DecodeRecord(data, p)
		if err != nil {
			return nil, fmt.Errorf("corpus: base record: %w", err)
		}
		bases = append(bases, a)
	}
	return bases, nil
}

// Write writes the corpus as JSON Lines to w. It returns the 1-based line
// numbers of the bad records, by kind.
func Write(w io.Writer, bases []*ld.Article, opts Options) (bad map[string][]int, err error) {
	if len(bases) == 0 {
		return nil, fmt.Errorf("corpus: no base records")
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5c401a71d))
	bad = map[string][]int{}
	var buf []byte
	for i := 1; i <= opts.Records; i++ {
		a := Vary(bases[(i-1)%len(bases)], i, rng)
		line, err := json.Marshal(a)
		if err != nil {
			return nil, fmt.Errorf("corpus: record %d: %w", i, err)
		}
		if opts.BadEvery > 0 && i%opts.BadEvery == 0 {
			kind := []string{BadSyntax, BadField, BadDOI}[(i/opts.BadEvery-1)%badVariety]
			line = spoil(line, kind)
			bad[kind] = append(bad[kind], i)
		}
		buf = append(append(buf[:0], line...), '\n')
		if _, err := w.Write(buf); err != nil {
			return nil, err
		}
	}
	return bad, nil
}

// spoil makes a good record's line bad in the given way.
func spoil(line []byte, kind string) []byte {
	switch kind {
	case BadSyntax:
		return line[:len(line)/2] // cut in the middle: no closing brace
	case BadField:
		return append([]byte(`{"titel":"misspelt",`), line[1:]...)
	default:
		var m map[string]any
		json.Unmarshal(line, &m)
		m["doi"] = "not-a-doi/" + fmt.Sprint(m["doi"])
		out, _ := json.Marshal(m)
		return out
	}
}

// Vary returns record i of the corpus made from base: a deep copy with a
// unique DOI, URL and title, and varied authors, pages, dates and
// references.
func Vary(base *ld.Article, i int, rng *rand.Rand) *ld.Article {
	a := clone(base)
	n := strconv.Itoa(i)
	a.DOI = "10.5555/scholarld.gen." + n
	a.URL = "https://example.org/articles/gen-" + n
	a.Title = a.Title + " (" + n + ")"
	a.Files = nil
	a.Related = nil
	a.GraphicalAbstract = nil
	a.Citation = ""
	if len(a.Authors) > 1 {
		keep := 1 + rng.IntN(len(a.Authors))
		a.Authors = a.Authors[:keep]
	}
	for extra := rng.IntN(4); extra > 0; extra-- {
		a.Authors = append(a.Authors, ld.Author{Given: "Author", Family: "Number" + strconv.Itoa(extra) + "-" + n})
	}
	if len(a.References) > 0 {
		a.References = a.References[:rng.IntN(len(a.References)+1)]
	}
	if a.FirstPage != "" && isDigits(a.FirstPage) {
		first := 1 + rng.IntN(9000)
		a.FirstPage = strconv.Itoa(first)
		a.LastPage = strconv.Itoa(first + rng.IntN(30))
	}
	if d := a.Dates.Published; !d.IsZero() && d.Year > 0 {
		a.Dates.Published.Year = 2000 + rng.IntN(25)
		shift := a.Dates.Published.Year - d.Year
		dates := []*ld.Date{&a.Dates.Published, &a.Dates.Received, &a.Dates.Accepted, &a.Dates.PublishedPrint}
		for i := range a.Dates.Revised {
			dates = append(dates, &a.Dates.Revised[i])
		}
		for _, p := range dates {
			if p.IsZero() {
				continue
			}
			if p != &a.Dates.Published {
				p.Year += shift
			}
			if p.Month == 2 && p.Day == 29 {
				p.Day = 28 // the new year may not be a leap year
			}
		}
	}
	return a
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// clone deep-copies an article through its record form.
func clone(a *ld.Article) *ld.Article {
	data, err := json.Marshal(a)
	if err != nil {
		panic(err) // an Article always marshals
	}
	var c ld.Article
	if err := json.Unmarshal(data, &c); err != nil {
		panic(err)
	}
	return &c
}

// Package license recognises the licences sources name in words: SPDX
// identifiers ("CC-BY-4.0", "CC0-1.0"), the short names people write
// ("CC BY-NC 3.0"), the full names ("Creative Commons
// Attribution-NonCommercial-ShareAlike 4.0 International") and the
// sentences of licence text that name one ("distributed under the terms
// of the Creative Commons Attribution License"). Every reader passes a
// licence given without a URL through Recognise, so that one table
// decides what each name means.
//
// A Creative Commons licence whose version is stated gets its canonical
// URL (https://creativecommons.org/licenses/by/4.0/); one whose version is
// not gets its label ("CC BY") and no URL, since the licence differs from
// version to version. Ported licences ("3.0 Unported", "2.5 Canada") are
// given the generic URL of their version. When a text names several
// licences (BMC's articles name CC BY for the article and CC0 for its
// data), the first is the one recognised.
package license

import (
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// named are licences other than Creative Commons's, by SPDX identifier
// (compared without case): the few open data and software licences that
// scholarly records carry.
var named = map[string]ld.License{
	"mit":        {URL: "https://opensource.org/licenses/MIT", Label: "MIT"},
	"apache-2.0": {URL: "https://www.apache.org/licenses/LICENSE-2.0", Label: "Apache-2.0"},
	"odbl-1.0":   {URL: "https://opendatacommons.org/licenses/odbl/1-0/", Label: "ODbL-1.0"},
	"odc-by-1.0": {URL: "https://opendatacommons.org/licenses/by/1-0/", Label: "ODC-By-1.0"},
	"pddl-1.0":   {URL: "https://opendatacommons.org/licenses/pddl/1-0/", Label: "PDDL-1.0"},
}

// ccVersions are the versions of the Creative Commons licences.
var ccVersions = map[string]bool{"1.0": true, "2.0": true, "2.5": true, "3.0": true, "4.0": true}

// The patterns run on the normalised text: lower case, each run of
// characters other than letters, digits and "." one space.
var (
	// short matches "cc by", "cc by nc sa 4.0", "cc by nd nc 1.0".
	short = regexp.MustCompile(`\bcc by((?: (?:nc|sa|nd))*)(?: (\d\.\d))?\b`)
	// long matches "creative commons attribution noncommercial no
	// derivatives 4.0 international license" and the like.
	long = regexp.MustCompile(`\bcreative commons (?:license |licence )?attribution((?: (?:non ?commercial|share ?alike|no ?deriv(?:ative)?s?(?: works)?))*)(?: (?:license|licence|international|unported|generic))*(?: (\d\.\d))?\b`)
	// zero matches CC0 and its names.
	zero = regexp.MustCompile(`\bcc ?0(?: (1\.0))?\b|\bcc zero\b|\bcreative commons zero\b|\bpublic domain dedication\b`)
	// mark matches the Public Domain Mark.
	mark = regexp.MustCompile(`\bpublic domain mark\b`)
	// separators are replaced by a space before matching.
	separators = regexp.MustCompile(`[^\p{L}\p{N}.]+`)
)

// Recognise returns the licence that s names, and whether it names one.
// The result has the canonical URL and label of the licence; a Creative
// Commons licence without a stated version has its label only.
func Recognise(s string) (ld.License, bool) {
	if l, ok := named[strings.ToLower(strings.TrimSpace(s))]; ok {
		return l, true
	}
	norm := " " + strings.TrimSpace(separators.ReplaceAllString(strings.ToLower(s), " ")) + " "
	// "4.0." at the end of a sentence: the version is "4.0".
	norm = strings.ReplaceAll(norm, ". ", " ")
	type found struct {
		at      int
		license ld.License
	}
	var best *found
	consider := func(at int, l ld.License) {
		if at >= 0 && (best == nil || at < best.at) {
			best = &found{at, l}
		}
	}
	if m := short.FindStringSubmatchIndex(norm); m != nil {
		consider(m[0], creativeCommons(submatch(norm, m, 1), submatch(norm, m, 2)))
	}
	if m := long.FindStringSubmatchIndex(norm); m != nil {
		consider(m[0], creativeCommons(submatch(norm, m, 1), submatch(norm, m, 2)))
	}
	if m := zero.FindStringIndex(norm); m != nil {
		consider(m[0], ld.License{URL: "https://creativecommons.org/publicdomain/zero/1.0/", Label: "CC0 1.0"})
	}
	if m := mark.FindStringIndex(norm); m != nil {
		consider(m[0], ld.License{URL: "https://creativecommons.org/publicdomain/mark/1.0/", Label: "Public Domain Mark 1.0"})
	}
	if best == nil {
		return ld.License{}, false
	}
	return best.license, true
}

// submatch returns the i-th group of a match, "" when it did not take part.
func submatch(s string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// creativeCommons builds the licence of the elements after "BY" (" nc
// sa", " non commercial share alike") and the version.
func creativeCommons(elements, version string) ld.License {
	joined := strings.ReplaceAll(elements, " ", "")
	var nc, sa, nd bool
	for joined != "" {
		switch {
		case strings.HasPrefix(joined, "noncommercial"):
			nc, joined = true, joined[len("noncommercial"):]
		case strings.HasPrefix(joined, "nc"):
			nc, joined = true, joined[2:]
		case strings.HasPrefix(joined, "sharealike"):
			sa, joined = true, joined[len("sharealike"):]
		case strings.HasPrefix(joined, "sa"):
			sa, joined = true, joined[2:]
		case strings.HasPrefix(joined, "noderiv"):
			nd, joined = true, strings.TrimPrefix(joined, "noderiv")
			for _, rest := range []string{"atives", "ative", "s", "works"} {
				joined = strings.TrimPrefix(joined, rest)
			}
		case strings.HasPrefix(joined, "nd"):
			nd, joined = true, joined[2:]
		default:
			joined = ""
		}
	}
	code := "by"
	if nc {
		code += "-nc"
	}
	if sa {
		code += "-sa"
	} else if nd {
		code += "-nd"
	}
	label := "CC " + strings.ToUpper(code)
	if !ccVersions[version] {
		return ld.License{Label: label}
	}
	return ld.License{
		URL:   "https://creativecommons.org/licenses/" + code + "/" + version + "/",
		Label: label + " " + version,
	}
}

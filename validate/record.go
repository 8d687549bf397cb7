package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/ld"
)

// recordError turns what a reader rejected a record for into findings:
// each *ld.FieldError of an ld.ErrorList becomes a finding of the rule
// its path and message belong to.
func (c *checker) recordError(err error, record int) {
	var list ld.ErrorList
	if !errors.As(err, &list) {
		where := positionOf(err)
		where.Record = record
		c.report.unreadable(where, "%s", message(err))
		return
	}
	for _, e := range list {
		var fe *ld.FieldError
		if !errors.As(e, &fe) {
			where := positionOf(e)
			where.Record = record
			c.report.add("record-value", where, "%v", e)
			continue
		}
		c.report.add(fieldRule(fe.Path, fe.Err.Error()),
			Finding{Record: record, Path: fe.Path, Line: fe.Pos.Line, Column: fe.Pos.Column}, "%v", fe.Err)
	}
}

// wrongType matches the decoder's message for a value of the wrong JSON
// type: "want an array, found a string".
var wrongType = regexp.MustCompile(`^want (a|an) [a-z ]+, found `)

// fieldRule names the rule of one error of ld.Check or of the record
// decoder, from the field's path and the message.
func fieldRule(path, msg string) string {
	last := path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		last = path[i+1:]
	}
	switch {
	case strings.HasPrefix(msg, "unknown field "), strings.HasPrefix(msg, "duplicate key "), wrongType.MatchString(msg),
		strings.HasPrefix(msg, "integer "), strings.HasPrefix(msg, "want an integer"):
		return "record-field"
	case path == "title":
		return "title-required"
	case last == "orcid":
		return "orcid"
	case last == "ror":
		return "ror"
	case last == "doi":
		return "doi"
	case strings.HasPrefix(path, "journal.issns[") && last == "value":
		return "issn"
	case strings.HasPrefix(path, "dates.") || last == "uploaded":
		if strings.Contains(msg, " is before ") {
			return "date-order"
		}
		return "date-exists"
	case path == "lastPage":
		return "page-range"
	case path == "language":
		return "language-tag"
	case last == "url":
		return "url"
	}
	return "record-value"
}

// articleRules are the record rules that ld.Check does not have.
// hasAuthorsKey tells whether the record wrote "authors" at all: an empty
// array says the article has no authors, which the model cannot hold.
func (c *checker) articleRules(a *ld.Article, record int, hasAuthorsKey bool) {
	at := func(path string) Finding { return Finding{Record: record, Path: path} }
	if len(a.Authors) == 0 && !hasAuthorsKey {
		c.report.add("authors-required", at("authors"), "no authors; an article without authors says so with \"authors\": []")
	}
	if a.Dates.Published.IsZero() {
		c.report.add("date-published-required", at("dates.published"), "no publication date")
	}
	if l := a.License; l != nil {
		if l.URL == "" {
			c.report.add("license-url-missing", at("license.url"), "licence %q has no URL", l.Label)
		} else {
			c.license(l.URL, at("license.url"))
		}
	}
}

// ccLicense matches the canonical URLs of the Creative Commons licences
// and public domain tools, with an optional jurisdiction port, deed or
// legal code after them.
var ccLicense = regexp.MustCompile(`^https?://(?:www\.)?creativecommons\.org/(?:licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/(1\.0|2\.0|2\.5|3\.0|4\.0)|publicdomain/(zero|mark)/(1\.0))(?:/[a-z]{2}(?:-[a-z]{2})?)?/?(?:(?:legalcode|deed)(?:\.[a-zA-Z-]+)?)?$`)

// ccName names a Creative Commons licence URL ("CC BY 4.0"), or returns
// "" for one that is not.
func ccName(url string) string {
	m := ccLicense.FindStringSubmatch(url)
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return "CC " + strings.ToUpper(m[1]) + " " + m[2]
	case m[3] == "zero":
		return "CC0 " + m[4]
	}
	return "Public Domain Mark " + m[4]
}

// license reports a Creative Commons licence by name, and a
// creativecommons.org URL that names none.
func (c *checker) license(url string, where Finding) {
	if name := ccName(url); name != "" {
		c.report.add("license-cc", where, "%s (%s)", name, url)
		return
	}
	host := strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://")
	if strings.HasPrefix(host, "creativecommons.org/") || strings.HasPrefix(host, "www.creativecommons.org/") {
		c.report.add("license-unrecognised", where, "%s is no Creative Commons licence or public domain tool", url)
	}
}

// explicitAuthors reads the records of a record-format input as plain JSON
// and tells, for each, whether it has an "authors" member that is not
// null (the record decoder reads null as absent). Every element of an
// array counts as a record, as it does for the decoder, even one that is
// not an object; a byte order mark is skipped as the decoder skips it.
func explicitAuthors(data []byte) []bool {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []bool
	read := func() bool {
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return false
		}
		var rec map[string]json.RawMessage
		authors, has := json.RawMessage(nil), false
		if json.Unmarshal(raw, &rec) == nil {
			authors, has = rec["authors"]
		}
		out = append(out, has && string(bytes.TrimSpace(authors)) != "null")
		return true
	}
	if first := bytes.TrimLeft(data, " \t\r\n"); bytes.HasPrefix(first, []byte("[")) {
		if _, err := dec.Token(); err != nil {
			return out
		}
	}
	for dec.More() && read() {
	}
	return out
}

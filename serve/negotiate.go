package serve

import (
	"strconv"
	"strings"
)

// mediaRange is one element of an Accept header (RFC 9110, 12.5.1):
// "type/subtype" with its parameters and weight.
type mediaRange struct {
	typ, subtype string
	params       map[string]string // lower-cased names; "q" is not kept here
	q            float64
}

// parseAccept parses an Accept header into its media ranges. Elements that
// do not parse ("text", "text/html;q=2", "*/html") are skipped: an API
// client's typo should not cost it the answer it can use. ok is false when
// the header has elements but none of them parses.
func parseAccept(header string) (ranges []mediaRange, ok bool) {
	elements := 0
	for _, element := range splitQuoted(header, ',') {
		element = strings.TrimSpace(element)
		if element == "" {
			continue
		}
		elements++
		if r, valid := parseMediaRange(element); valid {
			ranges = append(ranges, r)
		}
	}
	return ranges, elements == 0 || len(ranges) > 0
}

// parseMediaRange parses one "type/subtype;name=value;q=0.5" element.
func parseMediaRange(element string) (mediaRange, bool) {
	parts := splitQuoted(element, ';')
	full := strings.ToLower(strings.TrimSpace(parts[0]))
	typ, subtype, found := strings.Cut(full, "/")
	if !found || !isToken(typ) || !isToken(subtype) || typ == "*" && subtype != "*" {
		return mediaRange{}, false
	}
	r := mediaRange{typ: typ, subtype: subtype, q: 1}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, value, found := strings.Cut(p, "=")
		name = strings.ToLower(strings.TrimSpace(name))
		value = strings.TrimSpace(value)
		if !found || !isToken(name) {
			return mediaRange{}, false
		}
		if name == "q" {
			q, valid := parseQ(value)
			if !valid {
				return mediaRange{}, false
			}
			r.q = q
			// Parameters after q are accept-ext (RFC 7231); RFC 9110
			// dropped them. Either way they do not restrict the range.
			break
		}
		unquoted, valid := unquote(value)
		if !valid {
			return mediaRange{}, false
		}
		if r.params == nil {
			r.params = map[string]string{}
		}
		r.params[name] = unquoted
	}
	return r, true
}

// parseQ parses a weight: "0", "1", or "0." or "1." with up to three
// decimals (RFC 9110, 12.4.2).
func parseQ(s string) (float64, bool) {
	if s == "" || len(s) > 5 || s[0] != '0' && s[0] != '1' {
		return 0, false
	}
	if len(s) > 1 {
		if s[1] != '.' {
			return 0, false
		}
		for _, c := range s[2:] {
			if c < '0' || c > '9' || s[0] == '1' && c != '0' {
				return 0, false
			}
		}
	}
	q, err := strconv.ParseFloat(s, 64)
	return q, err == nil
}

// unquote returns a parameter value: a token, or a quoted string with its
// backslash escapes resolved.
func unquote(value string) (string, bool) {
	if !strings.HasPrefix(value, `"`) {
		return value, isToken(value)
	}
	if len(value) < 2 || !strings.HasSuffix(value, `"`) {
		return "", false
	}
	var b strings.Builder
	inner := value[1 : len(value)-1]
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch {
		case c == '\\' && i+1 < len(inner):
			i++
			b.WriteByte(inner[i])
		case c == '"' || c == '\\':
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// splitQuoted splits s at sep outside double-quoted strings.
func splitQuoted(s string, sep byte) []string {
	var parts []string
	start, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case c == sep && !quoted:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// offer is a media type the server can answer with, and the parameters a
// media range must agree with to select it.
type offer struct {
	typ, subtype string
	// profiles are the JSON-LD profile IRIs the offer satisfies; a range
	// with a profile parameter selects the offer only when every IRI it
	// lists is among them (JSON-LD 1.1, section 9.4: the parameter is a
	// space-separated list).
	profiles []string
}

// specificity ranks how closely a range matches an offer, 0 when it does
// not: "*/*" 1, "type/*" 2, "type/subtype" 3, with parameters 4. The most
// specific matching range gives an offer its weight (RFC 9110, 12.5.1).
func (r mediaRange) specificity(o offer) int {
	switch {
	case r.typ == "*":
		return 1
	case r.typ != o.typ:
		return 0
	case r.subtype == "*":
		return 2
	case r.subtype != o.subtype:
		return 0
	}
	if len(r.params) == 0 {
		return 3
	}
	for name, value := range r.params {
		if name != "profile" {
			// charset and other parameters: the server writes UTF-8 and
			// knows no others, so they neither select nor exclude.
			continue
		}
		for _, iri := range strings.Fields(value) {
			if !contains(o.profiles, iri) {
				return 0
			}
		}
	}
	return 4
}

// weight is the weight the ranges give an offer: that of its most specific
// matching range, 0 when none matches.
func weight(ranges []mediaRange, o offer) float64 {
	best, q := 0, 0.0
	for _, r := range ranges {
		if s := r.specificity(o); s > best {
			best, q = s, r.q
		} else if s == best && s > 0 && r.q > q {
			q = r.q
		}
	}
	return q
}

// negotiate returns the index of the offer with the highest weight, the
// first of equal ones (offers are in the server's order of preference),
// or -1 when every offer has weight 0. No ranges means any offer will do.
func negotiate(ranges []mediaRange, offers []offer) int {
	if len(ranges) == 0 {
		return 0
	}
	chosen, bestQ := -1, 0.0
	for i, o := range offers {
		if q := weight(ranges, o); q > bestQ {
			chosen, bestQ = i, q
		}
	}
	return chosen
}

// acceptsGzip reports whether an Accept-Encoding header accepts gzip with
// a weight above 0: "gzip", "x-gzip" or "*" (RFC 9110, 12.5.3).
func acceptsGzip(header string) bool {
	gzipQ, starQ := -1.0, -1.0
	for _, element := range strings.Split(header, ",") {
		parts := strings.Split(element, ";")
		coding := strings.ToLower(strings.TrimSpace(parts[0]))
		q := 1.0
		for _, p := range parts[1:] {
			name, value, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(name), "q") {
				var ok bool
				if q, ok = parseQ(strings.TrimSpace(value)); !ok {
					q = 0
				}
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			gzipQ = max(gzipQ, q)
		case "*":
			starQ = max(starQ, q)
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package ident

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// doiResolvers are the URL prefixes a DOI may be written with; the rest of
// such a URL is percent-decoded.
var doiResolvers = []string{
	"https://doi.org/", "http://doi.org/",
	"https://dx.doi.org/", "http://dx.doi.org/",
	"doi.org/", "dx.doi.org/",
}

// NormalizeDOI returns the bare DOI of s: "10.3390/ijms150814348". It
// accepts the bare form, a "doi:" prefix and the doi.org and dx.doi.org
// resolver URLs (whose path is percent-decoded), with spaces around. DOIs
// are case-insensitive; the case given is kept.
//
// A DOI is "10." followed by a registrant code of 4 or more digits, any
// number of ".digits" subdivisions, "/" and a non-empty suffix; it holds
// no white space and no control characters.
func NormalizeDOI(s string) (string, error) {
	doi := strings.TrimSpace(s)
	if rest, ok := cutPrefixFold(doi, "doi:"); ok {
		doi = strings.TrimSpace(rest)
	} else {
		for _, resolver := range doiResolvers {
			rest, ok := cutPrefixFold(doi, resolver)
			if !ok {
				continue
			}
			unescaped, err := url.PathUnescape(rest)
			if err != nil {
				return "", fmt.Errorf("DOI %q: bad percent-encoding in the resolver URL", s)
			}
			doi = unescaped
			break
		}
	}
	if err := checkDOI(doi); err != nil {
		return "", fmt.Errorf("DOI %q: %w", s, err)
	}
	return doi, nil
}

func checkDOI(doi string) error {
	rest, ok := strings.CutPrefix(doi, "10.")
	if !ok {
		return errors.New(`does not start with "10."`)
	}
	prefix, suffix, ok := strings.Cut(rest, "/")
	if !ok {
		return errors.New(`has no "/" between prefix and suffix`)
	}
	first := true
	for part := range strings.SplitSeq(prefix, ".") {
		if part == "" || !allDigits(part) {
			return fmt.Errorf("prefix 10.%s is not 10.NNNN with optional .NNNN subdivisions", prefix)
		}
		if first && len(part) < 4 {
			return fmt.Errorf("registrant code %s has fewer than 4 digits", part)
		}
		first = false
	}
	if suffix == "" {
		return errors.New("suffix is empty")
	}
	return checkRunes(doi)
}

// checkRunes rejects invalid UTF-8, white space and control characters.
func checkRunes(s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d", i)
			}
		case unicode.IsSpace(r):
			return fmt.Errorf("white space %U at byte %d", r, i)
		case unicode.IsControl(r):
			return fmt.Errorf("control character %U at byte %d", r, i)
		}
	}
	return nil
}

// FoldDOI returns the DOI with its ASCII letters in lower case: the key
// two DOIs are compared by. The DOI Handbook (section 2.4) makes DOI names
// case-insensitive for ASCII characters only, so other letters are kept.
// Mint IRIs from the folded form, so that "10.7554/eLife.01567" and
// "10.7554/elife.01567" name one node, and show people the form the
// source gave.
func FoldDOI(doi string) string {
	i := strings.IndexFunc(doi, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return doi
	}
	b := []byte(doi)
	for j := i; j < len(b); j++ {
		if 'A' <= b[j] && b[j] <= 'Z' {
			b[j] += 'a' - 'A'
		}
	}
	return string(b)
}

// DOIURL returns the https://doi.org IRI of a bare DOI. Characters that an
// IRI path segment may not hold unescaped (space, `"<>\^{|}`, backquote,
// "#", "?", "[", "]", control characters) and every "%" are
// percent-encoded: a bare DOI holds no escapes, so "%25" in a DOI is three
// characters of it. "/" and non-ASCII letters stay as they are.
func DOIURL(doi string) string {
	return "https://doi.org/" + escapeIRI(doi, " \"<>\\^`{|}#?[]", false)
}

// escapeIRI percent-encodes the ASCII bytes in unsafe, control characters,
// invalid UTF-8 and every "%", except, with keepEscapes, a "%" followed by
// two hex digits (a URL's own escape).
func escapeIRI(s, unsafe string, keepEscapes bool) string {
	if plainIRI(s, unsafe, keepEscapes) {
		return s // most are: no copy
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case keepEscapes && r == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
		case r == '%' || (r < utf8.RuneSelf && strings.IndexByte(unsafe, byte(r)) >= 0) ||
			unicode.IsControl(r) || (r == utf8.RuneError && size == 1):
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// plainIRI reports whether escapeIRI leaves s as it is: printable ASCII
// without a byte of unsafe or a "%" it would encode.
func plainIRI(s, unsafe string, keepEscapes bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c >= 0x7f || strings.IndexByte(unsafe, c) >= 0:
			return false
		case c == '%' && !(keepEscapes && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])):
			return false
		}
	}
	return true
}

// NormalizeISSN returns s as "NNNN-NNNC" after checking its mod 11 check
// digit C. It accepts "1422-0067", "14220067", "1422 0067" and a lower
// case check digit "x".
func NormalizeISSN(s string) (string, error) {
	v := strings.TrimSpace(s)
	if len(v) == 9 && (v[4] == '-' || v[4] == ' ') {
		v = v[:4] + v[5:]
	}
	if len(v) != 8 || !allDigits(v[:7]) || !isCheckChar(v[7]) {
		return "", fmt.Errorf("ISSN %q is not NNNN-NNNC", s)
	}
	sum := 0
	for i := range 7 {
		sum += int(v[i]-'0') * (8 - i)
	}
	want := checkChar((11 - sum%11) % 11)
	if got := upper(v[7]); got != want {
		return "", fmt.Errorf("ISSN %q: check digit is %c, want %c", s, got, want)
	}
	return v[:4] + "-" + v[4:7] + string(want), nil
}

// isbnSeparators removes what an ISBN's digits may be grouped by.
var isbnSeparators = strings.NewReplacer("-", "", " ", "")

// NormalizeISBN returns the digits of an ISBN-10 or ISBN-13 after checking
// its check digit: "0-306-40615-2" gives "0306406152". An optional
// "ISBN", "ISBN-10" or "ISBN-13" label, hyphens and spaces are dropped; an
// ISBN-13 starts with 978 or 979.
func NormalizeISBN(s string) (string, error) {
	v := strings.TrimSpace(s)
	if rest, ok := cutPrefixFold(v, "isbn"); ok {
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "-10"), "-13")
		v = strings.TrimPrefix(strings.TrimSpace(rest), ":")
	}
	v = isbnSeparators.Replace(v)
	switch {
	case len(v) == 10 && allDigits(v[:9]) && isCheckChar(v[9]):
		sum := 0
		for i := range 9 {
			sum += int(v[i]-'0') * (10 - i)
		}
		want := checkChar((11 - sum%11) % 11)
		if got := upper(v[9]); got != want {
			return "", fmt.Errorf("ISBN %q: check digit is %c, want %c", s, got, want)
		}
		return v[:9] + string(want), nil
	case len(v) == 13 && allDigits(v):
		if !strings.HasPrefix(v, "978") && !strings.HasPrefix(v, "979") {
			return "", fmt.Errorf("ISBN %q: an ISBN-13 starts with 978 or 979", s)
		}
		sum := 0
		for i := range 12 {
			weight := 1 + 2*(i%2)
			sum += int(v[i]-'0') * weight
		}
		want := byte('0' + (10-sum%10)%10)
		if v[12] != want {
			return "", fmt.Errorf("ISBN %q: check digit is %c, want %c", s, v[12], want)
		}
		return v, nil
	}
	return "", fmt.Errorf("ISBN %q is neither an ISBN-10 nor an ISBN-13", s)
}

// NormalizeORCID returns the bare ORCID iD "0000-0002-1825-0097" of s
// after checking its ISO 7064 MOD 11-2 check digit. It accepts the bare
// form and the https://orcid.org/, http://orcid.org/ and orcid.org/ forms;
// a check digit "x" is upper-cased.
func NormalizeORCID(s string) (string, error) {
	v := strings.TrimSpace(s)
	for _, prefix := range []string{"https://orcid.org/", "http://orcid.org/", "orcid.org/"} {
		if rest, ok := cutPrefixFold(v, prefix); ok {
			v = rest
			break
		}
	}
	if len(v) != 19 || v[4] != '-' || v[9] != '-' || v[14] != '-' ||
		!allDigits(v[:4]+v[5:9]+v[10:14]+v[15:18]) || !isCheckChar(v[18]) {
		return "", fmt.Errorf("ORCID %q is not NNNN-NNNN-NNNN-NNNC", s)
	}
	total := 0
	for i := range 18 {
		if v[i] != '-' {
			total = (total + int(v[i]-'0')) * 2
		}
	}
	want := checkChar((12 - total%11) % 11)
	if got := upper(v[18]); got != want {
		return "", fmt.Errorf("ORCID %q: check digit is %c, want %c", s, got, want)
	}
	return v[:18] + string(want), nil
}

// ORCIDURL returns the https://orcid.org IRI of a bare ORCID iD.
func ORCIDURL(id string) string { return "https://orcid.org/" + id }

// crockford is the alphabet of Crockford's base 32, in value order.
const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

// NormalizeROR returns the ROR ID of s as "https://ror.org/03yjb2x39". It
// accepts that form, "http://ror.org/…", "ror.org/…" and the bare ID, in
// either case. The ID is "0", six Crockford base 32 characters and a
// two-digit checksum: 98 - (n*100 mod 97) where n is the base 32 value of
// the first seven characters (ISO 7064 MOD 97-10).
func NormalizeROR(s string) (string, error) {
	v := strings.TrimSpace(s)
	for _, prefix := range []string{"https://ror.org/", "http://ror.org/", "ror.org/"} {
		if rest, ok := cutPrefixFold(v, prefix); ok {
			v = rest
			break
		}
	}
	v = strings.ToLower(v)
	if len(v) != 9 || v[0] != '0' || !allDigits(v[7:]) {
		return "", fmt.Errorf("ROR ID %q is not 0, 6 base 32 characters and 2 digits", s)
	}
	n := 0
	for i := range 7 {
		digit := strings.IndexByte(crockford, v[i])
		if digit < 0 {
			return "", fmt.Errorf("ROR ID %q: %q is not a Crockford base 32 character", s, v[i])
		}
		n = n*32 + digit
	}
	want := 98 - (n*100)%97
	if got, _ := strconv.Atoi(v[7:]); got != want {
		return "", fmt.Errorf("ROR ID %q: checksum is %s, want %02d", s, v[7:], want)
	}
	return "https://ror.org/" + v, nil
}

// CheckLanguage reports whether tag is a well-formed BCP 47 language tag
// that golang.org/x/text/language accepts: "en", "zh-Hant-TW",
// "de-CH-1996". Underscores ("en_US") and names ("english") are rejected.
func CheckLanguage(tag string) error {
	if tag == "" {
		return errors.New("language tag is empty")
	}
	for i := 0; i < len(tag); i++ {
		if c := tag[i]; c != '-' && !isASCIILetter(c) && !('0' <= c && c <= '9') {
			return fmt.Errorf("language tag %q: %q at byte %d is not a letter, digit or hyphen", tag, c, i)
		}
	}
	if _, err := language.Parse(tag); err != nil {
		// x/text's errors start with its package name ("language: tag is
		// not well-formed"): the user's term is already in front.
		return fmt.Errorf("language tag %q is not BCP 47: %s", tag, strings.TrimPrefix(err.Error(), "language: "))
	}
	return nil
}

// urlUnsafe are the ASCII characters CheckHTTPURL percent-encodes.
const urlUnsafe = " \"<>\\^`{|}"

// escapeAfterAuthority percent-encodes what RFC 3987 allows only in the
// host or only once: '[' and ']' after the authority, and every '#' after
// the first.
func escapeAfterAuthority(u string) string {
	start := 0
	if _, rest, ok := strings.Cut(u, "://"); ok {
		start = len(u) - len(rest)
		if end := strings.IndexAny(rest, "/?#"); end >= 0 {
			start += end
		} else {
			return u
		}
	}
	if !strings.ContainsAny(u[start:], "[]") && strings.Count(u[start:], "#") < 2 {
		return u // nothing to encode: no copy
	}
	var b strings.Builder
	b.WriteString(u[:start])
	fragment := false
	for i := start; i < len(u); i++ {
		switch c := u[i]; {
		case c == '[':
			b.WriteString("%5B")
		case c == ']':
			b.WriteString("%5D")
		case c == '#' && fragment:
			b.WriteString("%23")
		default:
			fragment = fragment || c == '#'
			b.WriteByte(c)
		}
	}
	return b.String()
}

// CheckHTTPURL checks that s is an absolute http or https URL with a host
// and returns it, trimmed of surrounding spaces, with the characters an
// IRI may not hold (space, `"<>\^{|}`, backquote and a "%" that does not
// start an escape) percent-encoded. Relative URLs, other schemes and
// control characters are rejected.
func CheckHTTPURL(s string) (string, error) {
	raw := strings.TrimSpace(s)
	for i, r := range raw {
		if unicode.IsControl(r) {
			return "", fmt.Errorf("URL %q: control character %U at byte %d", s, r, i)
		}
	}
	if !utf8.ValidString(raw) {
		return "", fmt.Errorf("URL %q is not valid UTF-8", s)
	}
	plain := false
	if scheme, rest, ok := strings.Cut(raw, "://"); ok {
		authority := rest
		if end := strings.IndexAny(rest, "/?#"); end >= 0 {
			authority = rest[:end]
		}
		if i := strings.IndexAny(authority, urlUnsafe); i >= 0 {
			return "", fmt.Errorf("URL %q: %q is not allowed in the host", s, authority[i])
		}
		plain = plainHTTP(scheme, authority)
	}
	escaped := escapeIRI(raw, urlUnsafe, true)
	escaped = escapeAfterAuthority(escaped)
	if plain {
		return escaped, nil
	}
	u, err := url.Parse(escaped)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err
		}
		return "", fmt.Errorf("URL %q: %w", s, err)
	}
	switch scheme := strings.ToLower(u.Scheme); {
	case scheme == "":
		return "", fmt.Errorf("URL %q is relative: want an absolute http or https URL", s)
	case scheme != "http" && scheme != "https":
		return "", fmt.Errorf("URL %q: scheme %q is not http or https", s, u.Scheme)
	case u.Hostname() == "":
		return "", fmt.Errorf("URL %q has no host", s)
	}
	return escaped, nil
}

// plainHTTP reports whether a URL's scheme is http or https and its
// authority a host name of letters, digits, dots and hyphens, with or
// without a port: escaping leaves such an authority as it is, and
// url.Parse accepts the URL with a host. Telling it without url.Parse
// spares the URL it allocates (most URLs of a bulk run are such); for the
// others url.Parse gives the verdict, and the message.
func plainHTTP(scheme, authority string) bool {
	if !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") {
		return false
	}
	host, port, _ := strings.Cut(authority, ":")
	if host == "" {
		return false
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	for i := 0; i < len(port); i++ {
		if c := port[i]; c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// CheckEmail reports whether s looks like an e-mail address: one "@", a
// non-empty local part, a domain of dot-separated non-empty labels with at
// least one dot, and no white space or control characters.
func CheckEmail(s string) error {
	if err := checkRunes(s); err != nil {
		return fmt.Errorf("e-mail %q: %w", s, err)
	}
	local, domain, ok := strings.Cut(s, "@")
	switch {
	case !ok || strings.Contains(domain, "@"):
		return fmt.Errorf("e-mail %q does not have exactly one @", s)
	case local == "":
		return fmt.Errorf("e-mail %q has an empty local part", s)
	case !strings.Contains(domain, "."):
		return fmt.Errorf("e-mail %q: domain %q has no dot", s, domain)
	case slicesContainEmpty(strings.Split(domain, ".")):
		return fmt.Errorf("e-mail %q: domain %q has an empty label", s, domain)
	}
	return nil
}

func slicesContainEmpty(parts []string) bool {
	for _, p := range parts {
		if p == "" {
			return true
		}
	}
	return false
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isCheckChar reports whether c may be a mod 11 check character.
func isCheckChar(c byte) bool { return '0' <= c && c <= '9' || c == 'x' || c == 'X' }

// checkChar is the character of a mod 11 check value: 0-9 or X for 10.
func checkChar(v int) byte {
	if v == 10 {
		return 'X'
	}
	return byte('0' + v)
}

func upper(c byte) byte {
	if c == 'x' {
		return 'X'
	}
	return c
}

package names

import (
	"regexp"
	"strings"

	"github.com/scholarld/scholarld/reader/internal/text"
)

// Name is a personal name split into its parts; a part the name lacks is
// empty.
type Name struct {
	Given  string
	Family string
	Suffix string
}

// lowerParticles start a family name in natural order wherever they stand
// after the first word, and are moved from the end of an inverted given
// name to the family name.
var lowerParticles = map[string]bool{
	"van": true, "von": true, "vom": true, "zu": true, "zum": true, "zur": true,
	"der": true, "den": true, "het": true, "'t": true, "’t": true, "ten": true, "ter": true, "te": true,
	"de": true, "del": true, "della": true, "delle": true, "dello": true, "dei": true, "degli": true,
	"di": true, "da": true, "das": true, "do": true, "dos": true, "du": true, "des": true,
	"d'": true, "d’": true, "la": true, "le": true, "les": true, "los": true, "las": true, "lo": true,
	"af": true, "av": true, "bin": true, "binti": true, "bint": true, "ibn": true,
	"al": true, "el": true,
}

// capitalParticles start a family name in natural order only when they
// lead up to the last word.
var capitalParticles = map[string]bool{
	"Van": true, "Von": true, "Der": true, "Den": true, "Ten": true, "Ter": true,
	"De": true, "Del": true, "Della": true, "Di": true, "Da": true, "Du": true,
	"La": true, "Le": true, "Al": true, "El": true,
}

// joinedInitials splits "J.A.Smith" into initials and family name.
var joinedInitials = regexp.MustCompile(`^((?:\p{Lu}\.-?)+)(\p{Lu}[\p{L}'’-]*)$`)

// vancouverInitials are the dotless capital initials after a family name
// in "Smith JA" and "Zheng X-L".
var vancouverInitials = regexp.MustCompile(`^\p{Lu}{1,3}$|^\p{Lu}-\p{Lu}$`)

// hasLower reports whether s has a lower-case letter, which initials and
// names written in capitals lack.
var hasLower = regexp.MustCompile(`\p{Ll}`)

// Parse splits a personal name written as one string; see the package
// documentation for the rules. White space is normalised first, and an
// empty or blank string gives the zero Name.
func Parse(s string) Name {
	s = text.Clean(s)
	if strings.Contains(s, ",") {
		return parseInverted(s)
	}
	return parseNatural(strings.Fields(s))
}

// isSuffix reports whether a word is a generational suffix. "JR" and "SR"
// in capitals without a dot are initials in the Vancouver form
// ("Smith JR"), so only a comma-separated part (isSuffixPart) may be one.
func isSuffix(word string) bool {
	switch word {
	case "JR", "SR", "JNR", "SNR":
		return false
	}
	return isSuffixPart(word)
}

// isSuffixPart reports whether a comma-separated part of an inverted name
// is a generational suffix.
func isSuffixPart(part string) bool {
	switch strings.ToLower(part) {
	case "jr", "jr.", "jnr", "jnr.", "sr", "sr.", "snr", "snr.", "2nd", "3rd", "4th":
		return true
	}
	switch part {
	case "II", "III", "IV":
		return true
	}
	return false
}

// parseInverted reads "Family, Given", "Family, Given, Suffix",
// "Family, Suffix, Given" and "Given Family, Suffix".
func parseInverted(s string) Name {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var n Name
	var given []string
	for _, part := range parts[1:] {
		switch {
		case part == "":
		case n.Suffix == "" && isSuffixPart(part):
			n.Suffix = part
		default:
			given = append(given, part)
		}
	}
	family := strings.Fields(parts[0])
	if len(given) == 0 {
		// "Amos B. Smith, III", or a family name with a stray comma.
		natural := parseNatural(family)
		if natural.Suffix == "" {
			natural.Suffix = n.Suffix
		}
		return natural
	}
	if n.Suffix == "" && len(family) > 1 && isSuffix(family[len(family)-1]) {
		n.Suffix = family[len(family)-1]
		family = family[:len(family)-1]
	}
	givenWords := strings.Fields(strings.Join(given, " "))
	if n.Suffix == "" && len(givenWords) > 1 && isSuffix(givenWords[len(givenWords)-1]) {
		n.Suffix = givenWords[len(givenWords)-1]
		givenWords = givenWords[:len(givenWords)-1]
	}
	// "Berg, Jan van der": trailing particles belong to the family name.
	cut := len(givenWords)
	for cut > 1 && lowerParticles[givenWords[cut-1]] {
		cut--
	}
	if len(family) > 0 {
		family = append(append([]string{}, givenWords[cut:]...), family...)
		givenWords = givenWords[:cut]
	}
	n.Given = strings.Join(givenWords, " ")
	n.Family = strings.Join(family, " ")
	return n
}

// parseNatural reads "Given Family Suffix" and the Vancouver "Family GI".
func parseNatural(words []string) Name {
	var n Name
	if len(words) > 1 && isSuffix(words[len(words)-1]) {
		n.Suffix = words[len(words)-1]
		words = words[:len(words)-1]
	}
	switch len(words) {
	case 0:
		return n
	case 1:
		if m := joinedInitials.FindStringSubmatch(words[0]); m != nil {
			n.Given, n.Family = m[1], m[2]
		} else {
			n.Family = words[0]
		}
		return n
	}
	last := len(words) - 1
	if vancouverInitials.MatchString(words[last]) && allHaveLower(words[:last]) {
		n.Given = words[last]
		n.Family = strings.Join(words[:last], " ")
		return n
	}
	start := familyStart(words)
	n.Given = strings.Join(words[:start], " ")
	n.Family = strings.Join(words[start:], " ")
	return n
}

func allHaveLower(words []string) bool {
	for _, w := range words {
		if !hasLower.MatchString(w) {
			return false
		}
	}
	return true
}

// familyStart returns the index of the first word of the family name in a
// name of at least two words.
func familyStart(words []string) int {
	last := len(words) - 1
	if lowerParticles[words[0]] {
		return 0 // "van Gogh", "de la Fuente": no given name
	}
	for i := 1; i < last; i++ {
		if lowerParticles[words[i]] {
			return i
		}
		if words[i] == "y" && i >= 2 {
			return i - 1 // "José Ortega y Gasset"
		}
		if capitalParticles[words[i]] && particlesUpTo(words, i, last) {
			return i
		}
	}
	return last
}

// particlesUpTo reports whether words[from:to] are all particles.
func particlesUpTo(words []string, from, to int) bool {
	for _, w := range words[from:to] {
		if !capitalParticles[w] && !lowerParticles[w] {
			return false
		}
	}
	return true
}

package names_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/reader/internal/names"
	"github.com/scholarld/scholarld/reader/internal/text"
)

var _ = testkit.Update // every test binary defines -update

func TestParse(t *testing.T) {
	tests := []struct {
		in                    string
		given, family, suffix string
	}{
		// The two orders.
		{"Smith, John A.", "John A.", "Smith", ""},
		{"John A. Smith", "John A.", "Smith", ""},
		{"John Smith", "John", "Smith", ""},
		{"Smith, John", "John", "Smith", ""},
		// Particles, inverted.
		{"van der Berg, Jan", "Jan", "van der Berg", ""},
		{"Van der Berg, Jan", "Jan", "Van der Berg", ""},
		{"von Neumann, John", "John", "von Neumann", ""},
		{"De Leo, Maria", "Maria", "De Leo", ""},
		{"de la Fuente, Juan", "Juan", "de la Fuente", ""},
		{"Della Porta, Giambattista", "Giambattista", "Della Porta", ""},
		{"Berg, Jan van der", "Jan", "van der Berg", ""},
		{"Beethoven, Ludwig van", "Ludwig", "van Beethoven", ""},
		{"Al-Rashid, Ahmad", "Ahmad", "Al-Rashid", ""},
		{"ter Horst, Gerrit", "Gerrit", "ter Horst", ""},
		{"Álvarez de Toledo, José María", "José María", "Álvarez de Toledo", ""},
		// Particles, natural order.
		{"Jan van der Berg", "Jan", "van der Berg", ""},
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven", ""},
		{"John von Neumann", "John", "von Neumann", ""},
		{"Maria De Leo", "Maria", "De Leo", ""},
		{"Maria de Leo", "Maria", "de Leo", ""},
		{"Jean-Claude Van Damme", "Jean-Claude", "Van Damme", ""},
		{"Jean De La Fontaine", "Jean", "De La Fontaine", ""},
		{"Charles de Gaulle", "Charles", "de Gaulle", ""},
		{"Ana de la Cruz", "Ana", "de la Cruz", ""},
		{"Giambattista della Porta", "Giambattista", "della Porta", ""},
		{"Leonardo di Caprio", "Leonardo", "di Caprio", ""},
		{"Leonardo DiCaprio", "Leonardo", "DiCaprio", ""},
		{"Daphne du Maurier", "Daphne", "du Maurier", ""},
		{"Jean le Rond", "Jean", "le Rond", ""},
		{"Marie la Salle", "Marie", "la Salle", ""},
		{"Mohd Faiz bin Abdullah", "Mohd Faiz", "bin Abdullah", ""},
		{"Ahmad al-Rashid", "Ahmad", "al-Rashid", ""},
		{"Ahmad al Rashid", "Ahmad", "al Rashid", ""},
		{"Jan ten Brink", "Jan", "ten Brink", ""},
		{"Gerrit ter Horst", "Gerrit", "ter Horst", ""},
		{"Jacobus van 't Hoff", "Jacobus", "van 't Hoff", ""},
		{"Karl-Theodor zu Guttenberg", "Karl-Theodor", "zu Guttenberg", ""},
		{"José Ortega y Gasset", "José", "Ortega y Gasset", ""},
		{"van Gogh", "", "van Gogh", ""},
		{"de la Fuente", "", "de la Fuente", ""},
		{"Van Morrison", "Van", "Morrison", ""},
		{"Thanh Le", "Thanh", "Le", ""},
		{"Maria De Souza Lima", "Maria De Souza", "Lima", ""},
		// Compound Spanish surname without a comma: documented split.
		{"José María Álvarez de Toledo", "José María Álvarez", "de Toledo", ""},
		{"Gabriel García Márquez", "Gabriel García", "Márquez", ""},
		// Suffixes.
		{"Smith, Amos B., III", "Amos B.", "Smith", "III"},
		{"Amos B. Smith III", "Amos B.", "Smith", "III"},
		{"Amos B. Smith, III", "Amos B.", "Smith", "III"},
		{"Smith, III, Amos B.", "Amos B.", "Smith", "III"},
		{"Smith, Amos B. III", "Amos B.", "Smith", "III"},
		{"Martin Luther King, Jr.", "Martin Luther", "King", "Jr."},
		{"Martin Luther King Jr.", "Martin Luther", "King", "Jr."},
		{"Martin Luther King Jr", "Martin Luther", "King", "Jr"},
		{"King, Martin Luther, Jr.", "Martin Luther", "King", "Jr."},
		{"King Jr., Martin Luther", "Martin Luther", "King", "Jr."},
		{"King, Martin Luther, Jr", "Martin Luther", "King", "Jr"},
		{"KING, MARTIN LUTHER, JR", "MARTIN LUTHER", "KING", "JR"},
		{"John Smith Sr.", "John", "Smith", "Sr."},
		{"Smith, John, Sr", "John", "Smith", "Sr"},
		{"Henry Ford II", "Henry", "Ford", "II"},
		{"Ford, Henry, II", "Henry", "Ford", "II"},
		{"John Doe IV", "John", "Doe", "IV"},
		{"John Doe 3rd", "John", "Doe", "3rd"},
		{"Jan van der Berg Jr.", "Jan", "van der Berg", "Jr."},
		{"van der Berg, Jr., Jan", "Jan", "van der Berg", "Jr."},
		// Initials.
		{"J. A. Smith", "J. A.", "Smith", ""},
		{"J.A. Smith", "J.A.", "Smith", ""},
		{"J A Smith", "J A", "Smith", ""},
		{"Smith, J. A.", "J. A.", "Smith", ""},
		{"Smith, J.A.", "J.A.", "Smith", ""},
		{"Smith, JA", "JA", "Smith", ""},
		{"Y.-Z. Zheng", "Y.-Z.", "Zheng", ""},
		{"Zheng, Y.-Z.", "Y.-Z.", "Zheng", ""},
		{"Zheng, Xi-Long", "Xi-Long", "Zheng", ""},
		{"Xi-Long Zheng", "Xi-Long", "Zheng", ""},
		{"J.A.Smith", "J.A.", "Smith", ""},
		// Vancouver order.
		{"Smith JA", "JA", "Smith", ""},
		{"Smith J", "J", "Smith", ""},
		{"Smith JR", "JR", "Smith", ""},
		{"Zheng X-L", "X-L", "Zheng", ""},
		{"van der Berg J", "J", "van der Berg", ""},
		{"JOHN LEE", "JOHN", "LEE", ""},
		// Mononyms.
		{"Sheherazade", "", "Sheherazade", ""},
		{"Ardiantiono", "", "Ardiantiono", ""},
		{"Sheherazade,", "", "Sheherazade", ""},
		// Non-ASCII.
		{"Søren Kierkegaard", "Søren", "Kierkegaard", ""},
		{"Kierkegaard, Søren", "Søren", "Kierkegaard", ""},
		{"Ame\u0301lie Poulain", "Amélie", "Poulain", ""},
		{"Łukasz Żółć", "Łukasz", "Żółć", ""},
		{"Nguyễn Thị Minh", "Nguyễn Thị", "Minh", ""},
		// White space and empty input.
		{"  John   A.\tSmith \n", "John A.", "Smith", ""},
		{"Smith ,  John", "John", "Smith", ""},
		{"John\u00a0Smith", "John", "Smith", ""},
		{"", "", "", ""},
		{"   ", "", "", ""},
		{",", "", "", ""},
		{", John", "John", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			want := names.Name{Given: tt.given, Family: tt.family, Suffix: tt.suffix}
			if got := names.Parse(tt.in); got != want {
				t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, want)
			}
		})
	}
}

// FuzzParse checks that Parse never panics, gives clean parts, and keeps
// every word of a name without a comma.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"Smith, Amos B., III", "Jan van der Berg", "J.A.Smith", "Smith JA", ",,", "de", "y y y"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := names.Parse(s)
		for _, part := range []string{n.Given, n.Family, n.Suffix} {
			if part != text.Clean(part) {
				t.Fatalf("Parse(%q) = %+v: part %q is not clean", s, n, part)
			}
		}
		if strings.Contains(s, ",") {
			return
		}
		if got, want := letters(n.Given+n.Family+n.Suffix), letters(text.Clean(s)); got != want {
			t.Fatalf("Parse(%q) = %+v lost or added characters", s, n)
		}
	})
}

// letters returns the characters of s other than spaces, sorted.
func letters(s string) string {
	runes := []rune(strings.ReplaceAll(s, " ", ""))
	slices.Sort(runes)
	return string(runes)
}

func ExampleParse() {
	for _, s := range []string{"Smith, Amos B., III", "Jan van der Berg", "De Leo, Maria", "Sheherazade"} {
		fmt.Printf("%+v\n", names.Parse(s))
	}
	// Output:
	// {Given:Amos B. Family:Smith Suffix:III}
	// {Given:Jan Family:van der Berg Suffix:}
	// {Given:Maria Family:De Leo Suffix:}
	// {Given: Family:Sheherazade Suffix:}
}

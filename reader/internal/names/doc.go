// Package names splits a personal name written as one string into given
// name, family name and generational suffix, as a librarian would file it.
//
// Readers call Parse only for names their source gives as a single string
// (a RIS AU line, a BibTeX author, an HTML citation_author meta tag);
// given and family names that the source gives apart are kept as given.
//
// Parse understands two orders:
//
//   - inverted, with a comma: "Smith, John A.", "van der Berg, Jan",
//     "Smith, Amos B., III", "Smith, III, Amos B." (BibTeX), "Smith Jr., John";
//     lower-case particles after the given name move to the family name
//     ("Berg, Jan van der" is Jan / van der Berg);
//   - natural, without a comma: "John A. Smith", "Amos B. Smith III",
//     "Jan van der Berg", "Y.-Z. Zheng", and the Vancouver form of PubMed
//     and many journals, family name then up to three capital initials
//     without dots: "Smith JA".
//
// In natural order the family name is the last word, extended to the left
// by any particles before it (van, von, van der, de, de la, della, di, du,
// le, la, ten, ter, bin, al, ...) and by a Spanish "y" joining two
// surnames ("Ortega y Gasset"). Lower-case particles start the family name
// wherever they stand after the first word; capitalised particles (De, Van,
// La, ...) only when they lead up to the last word ("Maria De Leo",
// "Jean-Claude Van Damme"), since capitalised, they are also given names.
// An Arabic article joined by a hyphen stays in its word ("al-Rashid").
//
// Compound surnames without a particle cannot be told from middle names,
// so without a comma only the part from the first particle on is the
// family name: "José María Álvarez de Toledo" gives given "José María
// Álvarez" and family "de Toledo", and "Gabriel García Márquez" gives
// family "Márquez". Sources that write such names inverted ("Álvarez de
// Toledo, José María") or in separate fields keep them whole. Nothing is
// lost either way: Given + Family + Suffix always hold every word.
//
// A name of one word is a mononym and goes to Family ("Sheherazade").
// Suffixes are Jr, Jr., Sr, Sr., Jnr, Snr, II, III, IV, 2nd, 3rd and 4th,
// kept as written. Initials are kept as written ("J.A.", "Y.-Z.", "JA").
package names

package reader_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	"github.com/scholarld/scholarld/ld"
	"github.com/scholarld/scholarld/reader"
)

var _ = testkit.Update // every test binary defines -update

func TestSyntaxErrorMessage(t *testing.T) {
	at := ld.Position{File: "in.xml", Line: 2, Column: 8}
	tests := []struct {
		name string
		err  reader.SyntaxError
		want string
	}{
		{"format first", reader.SyntaxError{Format: "csl", Pos: at, Err: io.ErrUnexpectedEOF}, "csl: in.xml:2:8: unexpected EOF"},
		{"position first", reader.SyntaxError{Format: "jats", Pos: at, Err: io.ErrUnexpectedEOF, PosFirst: true}, "in.xml:2:8: jats: unexpected EOF"},
		{"no position", reader.SyntaxError{Format: "html", Err: io.ErrUnexpectedEOF, PosFirst: true}, "html: unexpected EOF"},
		{"no position, format first", reader.SyntaxError{Format: "ris", Err: io.ErrUnexpectedEOF}, "ris: unexpected EOF"},
		{"file only", reader.SyntaxError{Format: "bibtex", Pos: ld.Position{File: "a.bib"}, Err: io.ErrUnexpectedEOF}, "bibtex: a.bib: unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(&tt.err, io.ErrUnexpectedEOF) {
				t.Errorf("errors.Is does not reach the cause through Unwrap")
			}
		})
	}
}

func ExampleSyntaxError() {
	err := error(&reader.SyntaxError{
		Format: "ris",
		Pos:    ld.Position{File: "refs.ris", Line: 3, Column: 1},
		Err:    errors.New("record starts with AU, not TY"),
	})
	fmt.Println(err)
	var syntax *reader.SyntaxError
	fmt.Println(errors.As(err, &syntax), syntax.Pos.Line)
	// Output:
	// ris: refs.ris:3:1: record starts with AU, not TY
	// true 3
}

package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/scholarld/scholarld/ld"
)

// shapedEncoder gives json-gold's encoder constructor with the user's
// context (--context) or frame (--frame), each read and processed once
// here, before any article; nil when neither is asked for. A problem is
// returned with the exit code it calls for.
func shapedEncoder(c *convertFlags, format ld.Format) (func(io.Writer) ld.Encoder, int, error) {
	flag, path := "--context", c.context
	if c.frame != "" {
		flag, path = "--frame", c.frame
	}
	switch {
	case path == "":
		return nil, ExitOK, nil
	case c.context != "" && c.frame != "":
		return nil, ExitUsage, fmt.Errorf("--context and --frame exclude each other: a frame has its own @context")
	case format.Name != "jsonld":
		return nil, ExitUsage, fmt.Errorf("%s writes JSON-LD: the output format is %s, not jsonld", flag, format.Name)
	}
	var data []byte
	if flag == "--context" && ld.IsSchemaContextURL(path) {
		data = []byte(`{"@context": ` + strconv.Quote(path) + `}`) // the embedded context
	} else {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, ExitIO, err
		}
	}
	if flag == "--frame" {
		frame, err := ld.ParseFrame(data, path)
		if err != nil {
			return nil, ExitUsage, err
		}
		return func(w io.Writer) ld.Encoder { return ld.NewFrameEncoder(w, frame) }, ExitOK, nil
	}
	context, err := ld.ParseContext(data, path)
	if err != nil {
		return nil, ExitUsage, err
	}
	return func(w io.Writer) ld.Encoder { return ld.NewContextEncoder(w, context) }, ExitOK, nil
}

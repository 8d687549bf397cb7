package textpos

import (
	"bytes"
	"encoding/json"
)

// JSONMember finds the member named key of the JSON object in data and
// returns its value and the offset in data at which the value starts, so
// that a reader can place what it finds inside the value. ok is false
// when data is not an object or has no such member; a later member of the
// same name is not looked at.
func JSONMember(data []byte, key string) (value json.RawMessage, offset int, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, 0, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, 0, false
		}
		name, _ := tok.(string)
		afterKey := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, 0, false
		}
		if name == key {
			// The value follows the colon and any white space after the key.
			start := afterKey + bytes.IndexByte(data[afterKey:], ':') + 1
			start += len(data[start:]) - len(bytes.TrimLeft(data[start:], " \t\r\n"))
			return raw, start, true
		}
	}
	return nil, 0, false
}

package ld_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/scholarld/scholarld/internal/testkit"
	sld "github.com/scholarld/scholarld/ld"
)

// TestSchemaKeyIsIgnored checks that a record may name its JSON Schema.
func TestSchemaKeyIsIgnored(t *testing.T) {
	a, err := sld.DecodeRecord([]byte(`{"$schema": "../ld/record.schema.json", "title": "T"}`), "r.json")
	if err != nil || a.Title != "T" {
		t.Fatalf("DecodeRecord = %+v, %v", a, err)
	}
	if _, err := sld.DecodeRecord([]byte(`{"title": "T", "authors": [{"$schema": "x"}]}`), "r.json"); err == nil {
		t.Fatal("$schema inside a nested object was accepted")
	}
}

// TestRecordSchema keeps record.schema.json, the JSON Schema of the record
// format that editors use to complete and check records, in step with
// ld.Article: it is generated from the model's fields and json tags, and
// go test ./ld -update rewrites it.
func TestRecordSchema(t *testing.T) {
	defs := map[string]any{}
	root := schemaOf(reflect.TypeFor[sld.Article](), defs)
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"title":       "scholarld article record",
		"description": "One article in scholarld's record format (docs/record-format.md). Generated from ld.Article by TestRecordSchema.",
		"$defs":       defs,
	}
	for k, v := range root {
		doc[k] = v
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, "ld/record.schema.json", buf.Bytes())
}

// required names the fields a record must give, by type and JSON name.
var required = map[string][]string{
	"Article": {"title"}, "Affiliation": {"id"}, "Journal": {"title"}, "ISSN": {"value"},
	"File": {"url"}, "Image": {"url"}, "Related": {"relation"},
	"AlternativeTitle": {"title"}, "Funding": {"funder"}, "Funder": {"name"}, "Identifier": {"scheme", "value"},
	"Series": {"title"}, "Book": {"title"}, "Event": {"name"}, "Publisher": {"name"},
}

// enums lists the values of the string types that have a fixed set.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[sld.ArticleType]():      names(sld.ArticleTypes),
	reflect.TypeFor[sld.AuthorKind]():       names(sld.AuthorKinds),
	reflect.TypeFor[sld.ISSNKind]():         names(sld.ISSNKinds),
	reflect.TypeFor[sld.Relation]():         names(sld.Relations),
	reflect.TypeFor[sld.IdentifierScheme](): names(sld.IdentifierSchemes),
}

func names[S ~string](values []S) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// schemaOf gives the schema of a Go type of the model, putting each
// struct in defs under its name.
func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	if values, ok := enums[t]; ok {
		return map[string]any{"type": "string", "enum": values}
	}
	switch t {
	case reflect.TypeFor[sld.Date]():
		return map[string]any{"type": "string", "pattern": `^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`,
			"description": "YYYY, YYYY-MM or YYYY-MM-DD; the date must exist"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), defs)
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), defs)}
	case reflect.Struct:
		if t.Name() != "Article" {
			if _, done := defs[t.Name()]; !done {
				defs[t.Name()] = nil // a placeholder against recursion
				defs[t.Name()] = structSchema(t, defs)
			}
			return map[string]any{"$ref": "#/$defs/" + t.Name()}
		}
		return structSchema(t, defs)
	}
	panic("recordschema: no schema for " + t.String())
}

func structSchema(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		props[name] = schemaOf(t.Field(i).Type, defs)
	}
	if t.Name() == "Article" {
		props["$schema"] = map[string]any{"type": "string", "description": "the schema an editor checks the record with; ignored by scholarld"}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if r, ok := required[t.Name()]; ok {
		s["required"] = r
	}
	return s
}

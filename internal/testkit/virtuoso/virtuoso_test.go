package virtuoso

import (
	"context"
	"testing"
	"time"

	"github.com/scholarld/scholarld/sparql"
)

// TestPrivateServer starts a server, writes through each endpoint, kills
// it and restarts it: what was committed is still there.
func TestPrivateServer(t *testing.T) {
	s := Start(t, Options{})
	ctx := context.Background()
	anon, err := sparql.NewClient(sparql.Auth{}, time.Minute, sparql.Retry{Attempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	anon.QueryURL, anon.UpdateURL, anon.GraphStoreURL = s.URL("/sparql"), s.URL("/sparql"), s.URL("/sparql-graph-crud")
	nt := []byte("<http://example.org/s> <http://example.org/p> \"o\" .\n<http://example.org/s> <http://example.org/p> _:b .\n")
	if err := anon.PutGraph(ctx, "http://example.org/gsp", nt); err != nil {
		t.Fatal(err)
	}
	if err := anon.Update(ctx, "INSERT DATA { GRAPH <http://example.org/upd> { <http://example.org/s> <http://example.org/p> 1 } }"); err != nil {
		t.Fatal(err)
	}

	auth, err := sparql.NewClient(sparql.Auth{Scheme: "digest", User: "dba", Password: Password}, time.Minute, sparql.Retry{Attempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	auth.GraphStoreURL = s.URL("/sparql-graph-crud-auth")
	if err := auth.PutGraph(ctx, "http://example.org/auth", nt[:len(nt)/2]); err != nil {
		t.Fatalf("digest PUT: %v", err)
	}
	wrong, _ := sparql.NewClient(sparql.Auth{Scheme: "digest", User: "dba", Password: "wrong"}, time.Minute, sparql.Retry{Attempts: 1})
	wrong.GraphStoreURL = s.URL("/sparql-graph-crud-auth")
	if err := wrong.PutGraph(ctx, "http://example.org/auth", nt); err == nil {
		t.Error("a wrong password was accepted")
	}

	want := map[string]int{"http://example.org/gsp": 2, "http://example.org/upd": 1, "http://example.org/auth": 1}
	graphs := []string{"http://example.org/gsp", "http://example.org/upd", "http://example.org/auth"}
	check := func(when string) {
		t.Helper()
		got, err := anon.Counts(ctx, graphs)
		if err != nil {
			t.Fatal(err)
		}
		for g, n := range want {
			if got[g] != n {
				t.Errorf("%s: <%s> holds %d triples, want %d", when, g, got[g], n)
			}
		}
	}
	check("before the kill")
	s.Kill(t)
	if s.Running() {
		t.Fatal("the server still runs after Kill")
	}
	s.Restart(t)
	check("after the restart")
}

package sparql

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/icholy/digest"
)

// Auth holds credentials for an endpoint.
type Auth struct {
	// Scheme is "basic" or "digest"; empty sends no credentials.
	Scheme   string
	User     string
	Password string
}

// String names the scheme and user, never the password.
func (a Auth) String() string {
	if a.Scheme == "" {
		return "none"
	}
	return a.Scheme + " as " + strconv.Quote(a.User)
}

// Retry bounds how a failed request is sent again.
type Retry struct {
	// Attempts is the number of tries in all, at least 1.
	Attempts int
	// Base is the first wait; each later one doubles, up to Max.
	Base, Max time.Duration
}

// DefaultRetry tries five times, waiting about 0.5 s, 1 s, 2 s, 4 s.
var DefaultRetry = Retry{Attempts: 5, Base: 500 * time.Millisecond, Max: 30 * time.Second}

// Client sends requests to one SPARQL service.
type Client struct {
	// QueryURL, UpdateURL and GraphStoreURL are the service's query,
	// update and Graph Store Protocol endpoints; one may be empty when
	// its protocol is not used.
	QueryURL, UpdateURL, GraphStoreURL string
	// Timeout bounds one attempt of one request, response included.
	Timeout time.Duration
	Retry   Retry
	// Retries counts the requests sent again, across the client's life.
	Retries atomic.Int64

	http *http.Client
	// sleep waits between attempts; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

// NewClient returns a client that authenticates with auth. Endpoint URLs
// are set on the result.
func NewClient(auth Auth, timeout time.Duration, retry Retry) (*Client, error) {
	var rt http.RoundTripper = http.DefaultTransport.(*http.Transport).Clone()
	rt.(*http.Transport).MaxIdleConnsPerHost = 64
	switch auth.Scheme {
	case "":
	case "basic":
		rt = &basicTransport{user: auth.User, password: auth.Password, next: rt}
	case "digest":
		rt = &digest.Transport{Username: auth.User, Password: auth.Password, Transport: rt}
	default:
		return nil, fmt.Errorf("sparql: unknown authentication scheme %q (basic or digest)", auth.Scheme)
	}
	if retry.Attempts < 1 {
		retry.Attempts = 1
	}
	return &Client{Timeout: timeout, Retry: retry, http: &http.Client{Transport: rt}, sleep: sleepCtx}, nil
}

type basicTransport struct {
	user, password string
	next           http.RoundTripper
}

func (t *basicTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.SetBasicAuth(t.user, t.password)
	return t.next.RoundTrip(req)
}

// StatusError is a response with a status other than 2xx.
type StatusError struct {
	Method, URL string
	Status      int
	// Body is the start of the response, for the message.
	Body string
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, http.StatusText(e.Status))
	if e.Body != "" {
		msg += ": " + e.Body
	}
	return msg
}

// Retryable reports whether sending the request again may succeed: a
// 5xx, 429, connection error or timeout. Context cancellation is not.
func Retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status >= 500 || se.Status == http.StatusTooManyRequests
	}
	if errors.Is(err, context.Canceled) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, context.DeadlineExceeded)
}

// request is one HTTP request that can be sent several times.
type request struct {
	method, url, contentType, accept string
	body                             []byte
}

// do sends r, retrying as Retry says, and returns the body of the first
// 2xx response, read whole.
func (c *Client) do(ctx context.Context, r request) ([]byte, error) {
	var err error
	for attempt := 1; ; attempt++ {
		var body []byte
		var retryAfter time.Duration
		body, retryAfter, err = c.once(ctx, r)
		if err == nil {
			return body, nil
		}
		if attempt >= c.Retry.Attempts || !Retryable(err) || ctx.Err() != nil {
			if attempt > 1 {
				err = fmt.Errorf("%w (after %d attempts)", err, attempt)
			}
			return nil, err
		}
		c.Retries.Add(1)
		if serr := c.sleep(ctx, c.backoff(attempt, retryAfter)); serr != nil {
			return nil, err
		}
	}
}

// backoff is the wait before attempt+1: Base doubled attempt-1 times,
// capped by Max, jittered to between half and all of it; a longer
// Retry-After within Max wins.
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	d := c.Retry.Base << (attempt - 1)
	if d <= 0 || d > c.Retry.Max {
		d = c.Retry.Max
	}
	d = d/2 + rand.N(d/2+1)
	if retryAfter > d {
		d = min(retryAfter, c.Retry.Max)
	}
	return d
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// maxErrorBody is how much of an error response a StatusError keeps.
const maxErrorBody = 512

// once sends r one time.
func (c *Client) once(ctx context.Context, r request) (body []byte, retryAfter time.Duration, err error) {
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, r.method, r.url, bytes.NewReader(r.body))
	if err != nil {
		return nil, 0, fmt.Errorf("sparql: %w", err)
	}
	if r.body == nil {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	}
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	if r.accept != "" {
		req.Header.Set("Accept", r.accept)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(resp.Body)
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: reading the response: %w", r.method, redact(r.url), err)
	}
	if resp.StatusCode/100 == 2 {
		return body, 0, nil
	}
	if s, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && s > 0 {
		retryAfter = time.Duration(s) * time.Second
	}
	text := strings.TrimSpace(string(body))
	if len(text) > maxErrorBody {
		text = text[:maxErrorBody] + "…"
	}
	return nil, retryAfter, &StatusError{Method: r.method, URL: redact(r.url), Status: resp.StatusCode, Body: text}
}

// redact drops the query string and any user info of a URL, for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(endpoint)"
	}
	u.User, u.RawQuery = nil, ""
	return u.String()
}

// Update sends a SPARQL 1.1 Update request.
func (c *Client) Update(ctx context.Context, update string) error {
	if c.UpdateURL == "" {
		return errors.New("sparql: no update endpoint")
	}
	_, err := c.do(ctx, request{method: http.MethodPost, url: c.UpdateURL,
		contentType: "application/sparql-update", body: []byte(update)})
	return err
}

// graphURL is the Graph Store Protocol URL of a named graph.
func (c *Client) graphURL(graph string) (string, error) {
	if c.GraphStoreURL == "" {
		return "", errors.New("sparql: no graph store endpoint")
	}
	sep := "?"
	if strings.Contains(c.GraphStoreURL, "?") {
		sep = "&"
	}
	return c.GraphStoreURL + sep + "graph=" + url.QueryEscape(graph), nil
}

// PutGraph replaces a named graph with the N-Triples given (Graph Store
// Protocol PUT).
func (c *Client) PutGraph(ctx context.Context, graph string, ntriples []byte) error {
	return c.graphRequest(ctx, http.MethodPut, graph, ntriples)
}

// PostGraph adds the N-Triples given to a named graph (Graph Store
// Protocol POST).
func (c *Client) PostGraph(ctx context.Context, graph string, ntriples []byte) error {
	return c.graphRequest(ctx, http.MethodPost, graph, ntriples)
}

// DeleteGraph removes a named graph (Graph Store Protocol DELETE); a
// graph that does not exist (404) is not an error.
func (c *Client) DeleteGraph(ctx context.Context, graph string) error {
	err := c.graphRequest(ctx, http.MethodDelete, graph, nil)
	var se *StatusError
	if errors.As(err, &se) && se.Status == http.StatusNotFound {
		return nil
	}
	return err
}

func (c *Client) graphRequest(ctx context.Context, method, graph string, ntriples []byte) error {
	u, err := c.graphURL(graph)
	if err != nil {
		return err
	}
	r := request{method: method, url: u, body: ntriples}
	if ntriples != nil {
		r.contentType = "application/n-triples"
	}
	_, err = c.do(ctx, r)
	return err
}

// Term is one value of a query solution (SPARQL 1.1 Query Results JSON).
type Term struct {
	Type     string `json:"type"` // uri, literal, typed-literal (Virtuoso), bnode
	Value    string `json:"value"`
	Datatype string `json:"datatype,omitempty"`
	Lang     string `json:"xml:lang,omitempty"`
}

// Results are the solutions of a SELECT query.
type Results struct {
	Vars     []string
	Bindings []map[string]Term
}

// Select runs a SELECT query and returns its solutions. A response that
// is not SPARQL JSON results is an error, and is retried like a
// connection error: a proxy or a dying server may send half a body.
func (c *Client) Select(ctx context.Context, query string) (*Results, error) {
	if c.QueryURL == "" {
		return nil, errors.New("sparql: no query endpoint")
	}
	form := url.Values{"query": {query}}
	var res *Results
	var perr error
	for attempt := 1; ; attempt++ {
		body, err := c.do(ctx, request{method: http.MethodPost, url: c.QueryURL,
			contentType: "application/x-www-form-urlencoded", accept: "application/sparql-results+json",
			body: []byte(form.Encode())})
		if err != nil {
			return nil, err
		}
		if res, perr = parseResults(body); perr == nil {
			return res, nil
		}
		if attempt >= c.Retry.Attempts {
			return nil, fmt.Errorf("POST %s: %w", redact(c.QueryURL), perr)
		}
		c.Retries.Add(1)
		if err := c.sleep(ctx, c.backoff(attempt, 0)); err != nil {
			return nil, err
		}
	}
}

func parseResults(body []byte) (*Results, error) {
	var doc struct {
		Head struct {
			Vars []string `json:"vars"`
		} `json:"head"`
		Results *struct {
			Bindings []map[string]Term `json:"bindings"`
		} `json:"results"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("malformed SPARQL JSON results: %w", err)
	}
	if doc.Results == nil {
		return nil, errors.New("malformed SPARQL JSON results: no results member")
	}
	return &Results{Vars: doc.Head.Vars, Bindings: doc.Results.Bindings}, nil
}

// Package virtuoso starts a private Virtuoso Open Source 7 server for a
// test: its own temporary folder and virtuoso.ini, its SQL and HTTP ports
// on free 127.0.0.1 ports, never the system service. The server is killed
// and its folder removed when the test ends.
//
// The instance's SPARQL endpoints are the built-in ones: /sparql (query
// and update), /sparql-graph-crud (Graph Store Protocol, anonymous) and
// /sparql-graph-crud-auth (Graph Store Protocol, Digest authentication as
// dba, password dba). Start grants SPARQL_UPDATE to the anonymous SPARQL
// user, which the first two need to write. LoadDir is in DirsAllowed, for
// the bulk loader (ld_dir, rdf_loader_run).
//
// Tests skip when virtuoso-t or isql-vt is missing, or fail when
// SCHOLARLD_REQUIRE_TOOLS is set (testkit.Tool).
package virtuoso

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/scholarld/scholarld/internal/testkit"
)

const install = "apt-get install virtuoso-opensource"

// Password is the dba account's password in a fresh database.
const Password = "dba"

// Server is one private Virtuoso.
type Server struct {
	// Dir holds the database, the ini file and the server's log.
	Dir string
	// LoadDir is a folder the bulk loader may read.
	LoadDir           string
	SQLPort, HTTPPort int

	binary, isql string
	cmd          *exec.Cmd
	exited       chan struct{}
}

// Options tune the server; the zero value suits the tests.
type Options struct {
	// Buffers is NumberOfBuffers (8 KiB pages); 0 means 20000.
	Buffers int
}

// Start starts a server, waits until its SQL and HTTP ports answer and
// grants what the SPARQL endpoints need to write.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	s := &Server{
		binary: testkit.Tool(t, "virtuoso-t", install),
		isql:   testkit.Tool(t, "isql-vt", install),
		Dir:    t.TempDir(),
	}
	s.LoadDir = filepath.Join(s.Dir, "load")
	if err := os.Mkdir(s.LoadDir, 0o755); err != nil {
		t.Fatal(err)
	}
	s.SQLPort, s.HTTPPort = freePort(t), freePort(t)
	if opts.Buffers == 0 {
		opts.Buffers = 20000
	}
	if err := os.WriteFile(filepath.Join(s.Dir, "virtuoso.ini"), []byte(s.ini(opts)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.kill)
	s.start(t)
	s.ISQL(t, `GRANT SPARQL_UPDATE TO "SPARQL";`)
	return s
}

// ini is the server's configuration: the Debian package's defaults for
// what is kept, every file in Dir, both ports on the loopback interface.
func (s *Server) ini(opts Options) string {
	return fmt.Sprintf(`[Database]
DatabaseFile       = %[1]s/virtuoso.db
ErrorLogFile       = %[1]s/virtuoso.log
LockFile           = %[1]s/virtuoso.lck
TransactionFile    = %[1]s/virtuoso.trx
xa_persistent_file = %[1]s/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = %[1]s/virtuoso-temp.db
TransactionFile    = %[1]s/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:%[2]d
DisableUnixSocket  = 1
CheckpointInterval = 60
DirsAllowed        = ., %[1]s/load
NumberOfBuffers    = %[4]d
MaxDirtyBuffers    = %[5]d
MaxQueryMem        = 512M
ThreadsPerQuery    = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort           = 127.0.0.1:%[3]d
ServerRoot           = %[1]s
ServerThreads        = 10
MaxClientConnections = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 600
`, s.Dir, s.SQLPort, s.HTTPPort, opts.Buffers, opts.Buffers*3/4)
}

// freePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startTimeout bounds a start: creating a database takes seconds, more on
// a busy machine.
const startTimeout = 3 * time.Minute

func (s *Server) start(t testing.TB) {
	t.Helper()
	log, err := os.OpenFile(filepath.Join(s.Dir, "stdout.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	s.cmd = exec.Command(s.binary, "-f", "+configfile", filepath.Join(s.Dir, "virtuoso.ini"))
	s.cmd.Dir, s.cmd.Stdout, s.cmd.Stderr = s.Dir, log, log
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("virtuoso: %v", err)
	}
	s.exited = make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) { cmd.Wait(); close(exited) }(s.cmd, s.exited)

	deadline := time.Now().Add(startTimeout)
	for {
		select {
		case <-s.exited:
			t.Fatalf("virtuoso exited while starting:\n%s", s.logTail())
		default:
		}
		if s.ready() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("virtuoso did not answer within %v:\n%s", startTimeout, s.logTail())
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// ready reports whether the HTTP server answers a SPARQL query, which it
// does only once the database is online.
func (s *Server) ready() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL("/sparql")+"?query="+url.QueryEscape("ASK {}"), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func (s *Server) logTail() string {
	data, _ := os.ReadFile(filepath.Join(s.Dir, "virtuoso.log"))
	out, _ := os.ReadFile(filepath.Join(s.Dir, "stdout.log"))
	text := string(data) + string(out)
	if len(text) > 4000 {
		text = text[len(text)-4000:]
	}
	return text
}

// URL is the address of an HTTP path on the server: "/sparql",
// "/sparql-graph-crud", "/sparql-graph-crud-auth".
func (s *Server) URL(path string) string {
	return "http://127.0.0.1:" + strconv.Itoa(s.HTTPPort) + path
}

// ISQL runs SQL statements as dba through isql-vt and returns its output;
// an error in any statement fails the test.
func (s *Server) ISQL(t testing.TB, sql string) string {
	t.Helper()
	out, err := s.isqlRun(sql)
	if err != nil {
		t.Fatalf("isql-vt %q: %v\n%s", sql, err, out)
	}
	return out
}

func (s *Server) isqlRun(sql string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.isql, "127.0.0.1:"+strconv.Itoa(s.SQLPort), "dba", Password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT")
	cmd.Stdin = strings.NewReader(sql + "\n")
	out, err := cmd.CombinedOutput()
	text := string(out)
	if err == nil && strings.Contains(text, "*** Error") { // isql-vt exits 0 on SQL errors
		err = fmt.Errorf("statement failed")
	}
	return text, err
}

// Kill ends the server at once with SIGKILL, as a crash would, and waits
// for it to be gone.
func (s *Server) Kill(t testing.TB) {
	t.Helper()
	s.kill()
}

func (s *Server) kill() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	<-s.exited
	s.cmd = nil
}

// Restart starts the server again on its folder and ports, after Kill:
// Virtuoso replays its transaction log.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	s.kill()
	os.Remove(filepath.Join(s.Dir, "virtuoso.lck"))
	s.start(t)
}

// Running reports whether the server process is alive.
func (s *Server) Running() bool {
	if s.cmd == nil {
		return false
	}
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

// PID is the server's process id, for measurements.
func (s *Server) PID() int {
	if s.cmd == nil || s.cmd.Process == nil {
		return 0
	}
	return s.cmd.Process.Pid
}

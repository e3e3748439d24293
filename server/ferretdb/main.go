// Command ferretdb runs the embeddable FerretDB (the MongoDB wire protocol) on PostgreSQL for MEAN
// Shop's embedded database. It is started and stopped by the Node.js server, after the embedded
// PostgreSQL it stores into; see server/src/database/database-server.ts.
//
// Protocol with the parent process:
//   - the PostgreSQL connection string comes in the environment variable FERRETDB_POSTGRESQL_URL;
//   - once the listener accepts connections, one JSON line is printed on stdout:
//     {"uri":"mongodb://127.0.0.1:PORT/","version":"v1.24.2"}
//   - it exits on SIGINT/SIGTERM, and also when its stdin closes, so that it never outlives a parent
//     that was killed without a chance to stop it. In that case it also asks the PostgreSQL
//     postmaster given by -postgresql-pid to shut down, which has no such lifeline of its own.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

const (
	ferretModulePath      = "github.com/FerretDB/FerretDB"
	postgresqlURLVariable = "FERRETDB_POSTGRESQL_URL"
)

func main() {
	postmasterPID := flag.Int("postgresql-pid", 0, "process id of the PostgreSQL postmaster to stop if our parent dies; 0 for none")
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 0, "port to listen on; 0 picks a free one")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	// From the environment, not the command line, which every user of the machine can read.
	postgresqlURL := os.Getenv(postgresqlURLVariable)
	if postgresqlURL == "" {
		fmt.Fprintf(os.Stderr, "ferretdb: %s is required, e.g. postgres://user:password@127.0.0.1:5432/meanshop\n", postgresqlURLVariable)
		os.Exit(2)
	}
	if err := run(postgresqlURL, *postmasterPID, *host, *port, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(postgresqlURL string, postmasterPID int, host string, port int, logLevel string) error {
	address, err := resolveAddress(host, port)
	if err != nil {
		return err
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q", logLevel)
	}
	logger := slog.New(quietQueryErrors{slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})})

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: address},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: postgresqlURL,
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		// The parent holds our stdin open for as long as it lives.
		_, _ = io.Copy(io.Discard, os.Stdin)
		stopOrphanedPostmaster(postmasterPID)
		cancel()
	}()

	done := make(chan error, 1)
	go func() { done <- server.Run(ctx) }()

	if err := waitUntilListening(ctx, address, done); err != nil {
		return err
	}
	ready, _ := json.Marshal(map[string]string{"uri": server.MongoDBURI(), "version": ferretVersion()})
	fmt.Println(string(ready))

	return <-done
}

// quietQueryErrors keeps shoppers' data and routine refusals out of the log. FerretDB logs every
// failed PostgreSQL statement with its arguments (documents: emails, addresses); the arguments are
// dropped, and a unique violation (SQLSTATE 23505, which the shop answers with 409) is not logged.
type quietQueryErrors struct{ slog.Handler }

func (h quietQueryErrors) Handle(ctx context.Context, record slog.Record) error {
	kept := slog.NewRecord(record.Time, record.Level, record.Message, record.PC)
	routine := false
	record.Attrs(func(attr slog.Attr) bool {
		if strings.HasPrefix(attr.Key, "args") {
			return true
		}
		if attr.Key == "err" && strings.Contains(attr.Value.String(), "(SQLSTATE 23505)") {
			routine = true
		}
		kept.AddAttrs(attr)
		return true
	})
	if routine {
		return nil
	}
	return h.Handler.Handle(ctx, kept)
}

func (h quietQueryErrors) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietQueryErrors{h.Handler.WithAttrs(attrs)}
}

func (h quietQueryErrors) WithGroup(name string) slog.Handler {
	return quietQueryErrors{h.Handler.WithGroup(name)}
}

// stopOrphanedPostmaster asks PostgreSQL for a fast shutdown (SIGINT: roll back open transactions,
// write a checkpoint, exit) when the parent that started both of us is gone. After a normal stop
// the parent stops PostgreSQL itself, after us, so this only runs when it was killed.
func stopOrphanedPostmaster(pid int) {
	if pid <= 0 {
		return
	}
	_ = syscall.Kill(pid, syscall.SIGINT)
}

// resolveAddress picks a free port when none is given. The port is released before FerretDB binds
// it; the parent retries on the rare collision.
func resolveAddress(host string, port int) (string, error) {
	if port != 0 {
		return net.JoinHostPort(host, fmt.Sprint(port)), nil
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return "", err
	}
	defer listener.Close()
	return listener.Addr().String(), nil
}

func waitUntilListening(ctx context.Context, address string, done <-chan error) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			if err == nil {
				err = fmt.Errorf("stopped before listening")
			}
			return err
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		connection, err := net.DialTimeout("tcp", address, 200*time.Millisecond)
		if err == nil {
			connection.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("not listening on %s after 30s", address)
}

// ferretVersion reads the FerretDB module version from the build info: the embeddable package
// reports "unknown" because its generated version file only exists in FerretDB's own builds.
func ferretVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, dependency := range info.Deps {
		if dependency.Path == ferretModulePath {
			return dependency.Version
		}
	}
	return "unknown"
}

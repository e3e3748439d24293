// Command ferretdb runs the embeddable FerretDB (MongoDB wire protocol over SQLite) for MEAN Shop's
// embedded database. It is started and stopped by the Node.js server; see
// server/src/database/embedded-database.ts.
//
// Protocol with the parent process:
//   - once the listener accepts connections, one JSON line is printed on stdout:
//     {"uri":"mongodb://127.0.0.1:PORT/","version":"v1.24.2"}
//   - it exits on SIGINT/SIGTERM, and also when its stdin closes, so that it never outlives a parent
//     that was killed without a chance to stop it.
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
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

const ferretModulePath = "github.com/FerretDB/FerretDB"

func main() {
	dataDir := flag.String("data-dir", "data/ferretdb", "directory of the SQLite databases")
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 0, "port to listen on; 0 picks a free one")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if err := run(*dataDir, *host, *port, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(dataDir, host string, port int, logLevel string) error {
	absoluteDataDir, err := filepath.Abs(dataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(absoluteDataDir, 0o700); err != nil {
		return err
	}

	address, err := resolveAddress(host, port)
	if err != nil {
		return err
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q", logLevel)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: address},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + absoluteDataDir + "/",
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

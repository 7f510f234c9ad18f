// Package cli is sitrep's command line: one file per command, each with an
// options struct, a newXCmd that binds flags, and a runX that never touches
// cobra.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes, in one place.
const (
	ExitOK    = 0 // success
	ExitError = 1 // the command ran and failed, or rejected input
	ExitUsage = 2 // bad flags or arguments
)

// Version is set at build time with -ldflags "-X ...cli.Version=...".
var Version = "dev"

// usageError marks an error in how the command was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// errRejected reports that some input was rejected; details were already
// printed.
var errRejected = errors.New("some input was rejected")

// env holds the streams a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

// Main runs sitrep with args (without the program name) and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr,
		log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errRejected):
		return ExitError
	}
	fmt.Fprintf(stderr, "sitrep: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return ExitUsage
	}
	return ExitError
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "sitrep <command> [flags]",
		Short: "Turn news text into political event data",
		Long: `sitrep reads dated news articles and codes every event in them: who did
what to whom, when, where, and according to whom, in CAMEO, PLOVER and
ACLED terms, with the sentence and words that are the evidence.`,
		Example: `  $ sitrep code examples/iraq-coalition-2024-01-24.txt
  $ sitrep code --format gdelt corpus/ > events.tsv
  $ cat articles.jsonl | sitrep code --facts-only`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	// The command table: every command is listed here, none registers itself.
	root.AddCommand(
		newCodeCmd(e),
		newEvalCmd(e),
		newQuotesCmd(e),
		newServeCmd(e),
		newIngestCmd(e),
		newQueryCmd(e),
		newExportCmd(e),
	)
	return root
}

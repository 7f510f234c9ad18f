// Command sitrep turns news text into political event data. See README.md.
package main

import (
	"os"

	"github.com/sitrep/sitrep/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Package internal_test checks the shape of the pipeline: each stage imports
// only the event schema and the stages before it.
package internal_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/sitrep/sitrep/"

// stages in data-flow order; a stage may import event and any stage before
// it. cli, eval and pipeline wire the stages and may import all of them.
var stages = []string{"ontology", "reader", "text", "dict", "coder", "enrich", "encode", "store"}

var wiring = map[string]bool{"pipeline": true, "eval": true, "cli": true, "server": true}

func TestStagesImportOnlyEarlierStages(t *testing.T) {
	rank := map[string]int{}
	for i, s := range stages {
		rank[s] = i
	}
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		pkg := d.Name()
		r, isStage := rank[pkg]
		if !isStage && !wiring[pkg] {
			t.Errorf("package internal/%s is not in the stage list of this test: add it", pkg)
			continue
		}
		files, _ := filepath.Glob(filepath.Join(pkg, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if !strings.HasPrefix(path, module+"internal/") {
					continue
				}
				dep := strings.Split(strings.TrimPrefix(path, module+"internal/"), "/")[0]
				if wiring[dep] && dep != pkg && pkg != "cli" {
					t.Errorf("%s imports %s, which only cli may import", f, path)
				}
				if dr, ok := rank[dep]; ok && isStage && dr >= r && dep != pkg {
					t.Errorf("%s (stage %s) imports the later stage %s", f, pkg, dep)
				}
			}
		}
	}
}

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// staticFS holds the dashboard's own script and style and the vendored
// libraries (see static/VENDOR.md). Licences and VENDOR.md stay out.
//
//go:embed static/*.js static/*.css static/*.json
var staticFS embed.FS

// asset is one embedded file, served at /static/<hash>/<name> so that its
// URL changes with its content and it can be cached for good.
type asset struct {
	name, hash, ctype string
	body, gz          []byte
}

// assets are the embedded files by name.
type assets struct {
	byName map[string]*asset
}

// contentTypes of the assets, by extension.
var contentTypes = map[string]string{
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
}

// loadAssets reads, hashes and compresses every embedded asset.
func loadAssets() (*assets, error) {
	as := &assets{byName: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := path.Base(p)
		ctype, ok := contentTypes[path.Ext(name)]
		if !ok {
			return fmt.Errorf("%s: no content type for %q", p, path.Ext(name))
		}
		sum := sha256.Sum256(body)
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(body)
		if err := zw.Close(); err != nil {
			return err
		}
		as.byName[name] = &asset{name: name, hash: hex.EncodeToString(sum[:6]), ctype: ctype, body: body, gz: gz.Bytes()}
		return nil
	})
	return as, err
}

// url returns the content-addressed URL of the asset name; an unknown name
// is an error, which fails the template that asked for it.
func (as *assets) url(name string) (string, error) {
	a, ok := as.byName[name]
	if !ok {
		return "", fmt.Errorf("no static asset %q", name)
	}
	return "/static/" + a.hash + "/" + a.name, nil
}

// static is GET /static/{hash}/{name}: an embedded asset, cached for a
// year as immutable, gzipped for clients that accept it. A hash that is not
// the asset's current one is a 404, so a stale page cannot mix versions.
func (h *handler) static(w http.ResponseWriter, r *http.Request) {
	a, ok := h.assets.byName[r.PathValue("name")]
	if !ok || a.hash != r.PathValue("hash") {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", a.ctype)
	hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	hd.Set("ETag", `"`+a.hash+`"`)
	hd.Set("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == `"`+a.hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		hd.Set("Content-Encoding", "gzip")
		body = a.gz
	}
	hd.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: it
// names gzip without q=0.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if strings.TrimSpace(coding) != "gzip" {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if !ok {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}

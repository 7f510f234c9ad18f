package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/reader"
	"github.com/sitrep/sitrep/internal/store"
)

// articleAnswer is the answer of GET /api/articles/{id}: the article with
// its events, whose evidence offsets point into article.text.
type articleAnswer struct {
	Article *store.ArticleRow `json:"article"`
	Events  []store.Row       `json:"events"`
}

// getArticle is GET /api/articles/{id}.
func (h *handler) getArticle(w http.ResponseWriter, r *http.Request) {
	if _, err := onlyParams(r.URL.Query()); err != nil {
		h.apiError(w, r, err)
		return
	}
	id := r.PathValue("id")
	a, rows, err := h.store.Article(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			writeError(w, http.StatusNotFound, fmt.Sprintf("no article %q", id))
			return
		}
		h.apiError(w, r, err)
		return
	}
	if rows == nil {
		rows = []store.Row{}
	}
	writeJSON(w, http.StatusOK, articleAnswer{Article: a, Events: rows})
}

// postAnswer is the answer of POST /api/articles.
type postAnswer struct {
	// Articles are the stored articles with their event counts, in body
	// order.
	Articles []storedArticle `json:"articles"`
	// Events is the number of events stored in all.
	Events int `json:"events"`
	// Rejected are the records that were not stored, with the reason.
	Rejected []rejected `json:"rejected"`
}

type storedArticle struct {
	ID     string `json:"id"`
	Events int    `json:"events"`
}

type rejected struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// bodyName names the request body in reader positions and generated IDs.
const bodyName = "body"

// postArticles is POST /api/articles: it codes and stores the articles of
// the body, one JSON article (Content-Type application/json) or JSON Lines
// (application/x-ndjson, application/jsonl), each with the fields of
// sitrep's JSONL input. An article without an id gets a hash of its date,
// title and text, so posting it again replaces it. Bad records are
// rejected and the others stored; when nothing could be stored the answer
// is a 400 with the first reason.
func (h *handler) postArticles(w http.ResponseWriter, r *http.Request) {
	if !h.authorised(w, r) {
		return
	}
	if h.opts.Code == nil {
		writeError(w, http.StatusNotImplemented, "this server cannot code articles")
		return
	}
	jsonl, err := bodyKind(r.Header.Get("Content-Type"))
	if err != nil {
		writeError(w, http.StatusUnsupportedMediaType, err.Error())
		return
	}
	if r.ContentLength > h.opts.MaxBody {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body of %d bytes is larger than the limit of %d", r.ContentLength, h.opts.MaxBody))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body is larger than the limit of %d bytes", h.opts.MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, "reading body: "+err.Error())
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		writeError(w, http.StatusBadRequest, "empty body: want a JSON article or JSON Lines of articles")
		return
	}
	if !jsonl {
		if body, err = oneLine(body); err != nil {
			writeError(w, http.StatusBadRequest, "body: "+err.Error())
			return
		}
	}
	ans, err := h.codeAndStore(r.Context(), body)
	if err != nil {
		h.apiError(w, r, err)
		return
	}
	if len(ans.Articles) == 0 {
		msg := ans.Rejected[0].Error
		if len(ans.Rejected) > 1 {
			msg += fmt.Sprintf(" (and %d more rejected)", len(ans.Rejected)-1)
		}
		writeError(w, http.StatusBadRequest, "no article stored: "+msg)
		return
	}
	writeJSON(w, http.StatusOK, ans)
}

// codeAndStore reads, codes and stores every article of a JSON Lines body. An
// error is returned only for what stops the request (a store failure, the
// deadline); bad records are in the answer.
func (h *handler) codeAndStore(ctx context.Context, body []byte) (*postAnswer, error) {
	ans := &postAnswer{Articles: []storedArticle{}, Rejected: []rejected{}}
	err := reader.Read(ctx, bytes.NewReader(body), bodyName, reader.JSONL, func(a reader.Article, err error) error {
		if err != nil {
			ans.Rejected = append(ans.Rejected, rejected{Line: a.Line, Error: err.Error()})
			return nil
		}
		if a.ID == bodyName+":"+strconv.Itoa(a.Line) {
			sum := sha256.Sum256([]byte(a.Date + "\x00" + a.Title + "\x00" + a.Text))
			a.ID = hex.EncodeToString(sum[:12])
		}
		es, err := h.opts.Code(ctx, &a)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			ans.Rejected = append(ans.Rejected, rejected{Line: a.Line, Error: fmt.Sprintf("%s:%d: coding article %q: %v", bodyName, a.Line, a.ID, err)})
			return nil
		}
		if err := h.store.Put(ctx, &a, es); err != nil {
			return fmt.Errorf("storing article %q: %w", a.ID, err)
		}
		ans.Articles = append(ans.Articles, storedArticle{ID: a.ID, Events: len(es)})
		ans.Events += len(es)
		return nil
	})
	return ans, err
}

// authorised reports whether r may write; if not, it has answered 403
// (read-only server) or 401 (missing or wrong token).
func (h *handler) authorised(w http.ResponseWriter, r *http.Request) bool {
	if h.opts.Token == "" {
		writeError(w, http.StatusForbidden, "this server is read-only: start sitrep serve with --token or SITREP_TOKEN to allow writes")
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(h.opts.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
		writeError(w, http.StatusUnauthorized, "writes need the header Authorization: Bearer <token>, with the token the server was started with")
		return false
	}
	return true
}

// bodyKind reports whether the media type ct is JSON Lines (true) or one
// JSON article (false, also for no Content-Type).
func bodyKind(ct string) (bool, error) {
	if ct == "" {
		return false, nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false, fmt.Errorf("Content-Type %q: %v", ct, err)
	}
	switch mt {
	case "application/json":
		return false, nil
	case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return true, nil
	}
	return false, fmt.Errorf("Content-Type %q: want application/json (one article) or application/x-ndjson (JSON Lines)", mt)
}

// oneLine checks that body is one JSON object and returns it on one line,
// as the JSON Lines reader wants it.
func oneLine(body []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("not a JSON article: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value: send JSON Lines as application/x-ndjson")
	}
	if raw[0] != '{' {
		return nil, errors.New("want a JSON object with the article's fields")
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

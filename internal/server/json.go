package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
)

// errorBody is the one JSON shape of every API error.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v with status. It marshals first, so a value that cannot
// be encoded becomes a clean 500 rather than half a response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		enc.Encode(errorBody{Error: "cannot encode response: " + err.Error()})
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// writeError writes {"error": msg} with status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// apiError writes err as the JSON error of an API request: a bad parameter
// or cursor is 400, a missing article 404, a request past its deadline
// 503; anything else is a 500, logged once here.
func (h *handler) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := h.classify(r, err)
	writeError(w, status, msg)
}

// classify picks the status and client message for err, and logs 5xx.
func (h *handler) classify(r *http.Request, err error) (int, string) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, pe.Error()
	case errors.Is(err, store.ErrBadCursor):
		return http.StatusBadRequest, fmt.Sprintf("parameter %q: not a cursor this server issued", "cursor")
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		h.log.Warn("request timed out", "method", r.Method, "path", r.URL.Path, "timeout", h.opts.Timeout)
		return http.StatusServiceUnavailable, fmt.Sprintf("request took longer than %s", h.opts.Timeout)
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
		return 499, "request canceled"
	}
	h.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "internal error"
}

// apiFallback answers API paths no route matches: 405 with Allow when the
// path exists with other methods, else 404, both as JSON.
func (h *handler) apiFallback(w http.ResponseWriter, r *http.Request) {
	if allow := h.allowed(r); len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s: use %s", r.Method, r.URL.Path, strings.Join(allow, " or ")))
		return
	}
	writeError(w, http.StatusNotFound, fmt.Sprintf("no API route %s", r.URL.Path))
}

// allowed lists the methods that have a route for r's path, other than the
// catch-all patterns.
func (h *handler) allowed(r *http.Request) []string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		r2 := r.Clone(r.Context())
		r2.Method = m
		if _, pattern := h.mux.Handler(r2); pattern != "/api/" && pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	return allow
}

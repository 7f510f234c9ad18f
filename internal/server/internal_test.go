package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/ontology"
	"github.com/sitrep/sitrep/internal/store"
)

func TestRenderErrorIsClean500(t *testing.T) {
	var log bytes.Buffer
	h := newHandler(nil, slog.New(slog.NewTextHandler(&log, nil)), Options{})
	for _, c := range []struct {
		page string
		data any
	}{
		{"dashboard", &errorPage{}}, // wrong page struct: no .Form
		{"article", &articlePage{}}, // nil Article
		{"nope", &errorPage{}},
	} {
		w := httptest.NewRecorder()
		h.render(w, httptest.NewRequest("GET", "/", nil), 200, c.page, c.data)
		if w.Code != 500 || strings.Contains(w.Body.String(), "<html") || w.Header().Get("Content-Type") != "text/plain; charset=utf-8" {
			t.Errorf("%s with bad data: %d %q %q, want a plain 500", c.page, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
	}
	if n := strings.Count(log.String(), "rendering page"); n != 3 {
		t.Errorf("%d render errors logged, want 3:\n%s", n, &log)
	}
}

func TestHighlight(t *testing.T) {
	text := "Iran-backed groups struck US forces in Iraq. Ça va."
	join := func(segs []segment) string {
		var b strings.Builder
		for _, s := range segs {
			if s.Class == "" {
				b.WriteString(s.Text)
				continue
			}
			a := ""
			if s.Anchor {
				a = "#"
			}
			b.WriteString("[" + a + s.Class + ":" + s.Text + "]")
		}
		return b.String()
	}
	for _, c := range []struct {
		name  string
		spans []span
		want  string
	}{
		{"none", nil, text},
		{"evidence", []span{{0, 44, "sentence"}, {0, 18, "source"}, {19, 25, "trigger"}, {26, 35, "target"}, {39, 43, "place"}},
			"[#source:Iran-backed groups][sentence: ][trigger:struck][sentence: ][target:US forces][sentence: in ][place:Iraq][sentence:.] Ça va."},
		{"overlap: the stronger wins", []span{{0, 25, "source"}, {19, 25, "trigger"}}, "[#source:Iran-backed groups ][trigger:struck] US forces in Iraq. Ça va."},
		{"bad spans are ignored", []span{{-1, 3, "source"}, {5, 5, "target"}, {40, 100, "place"}, {46, 47, "trigger"}},
			text}, // 46:47 cuts Ç in half
		{"multibyte", []span{{45, 48, "place"}}, "Iran-backed groups struck US forces in Iraq. [#place:Ça] va."},
		{"to the end", []span{{49, 52, "trigger"}}, "Iran-backed groups struck US forces in Iraq. Ça [#trigger:va.]"},
	} {
		if got := join(highlight(text, c.spans)); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestDensify(t *testing.T) {
	var pts []store.Point
	for i := range 12 {
		pts = append(pts, store.Point{Bucket: "2024-01-01", Key: string(rune('a' + i)), Events: 20 - i}, store.Point{Bucket: "2024-01-03", Key: "a", Events: 1})
	}
	d, err := densify(pts, "day", "plover")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Buckets, " ") != "2024-01-01 2024-01-02 2024-01-03" {
		t.Errorf("buckets %v", d.Buckets)
	}
	if len(d.Series) != 9 || d.Series[0].Key != "a" || d.Series[0].Total != 32 || d.Series[8].Key != "other" || d.Series[8].Total != 12+11+10+9 {
		t.Errorf("series %+v", d.Series)
	}
	if _, err := densify([]store.Point{{Bucket: "1900-01-01"}, {Bucket: "2024-01-01"}}, "day", "none"); err == nil {
		t.Error("a day series over 124 years was built")
	}
	if d, err := densify(nil, "week", "none"); err != nil || d.Buckets == nil || d.Series == nil {
		t.Errorf("empty series: %+v %v (want empty lists, not null)", d, err)
	}
}

func TestAcceptsGzip(t *testing.T) {
	for ae, want := range map[string]bool{"": false, "gzip": true, "br, gzip": true, "gzip;q=0": false, "gzip; q=0.5": true, "deflate": false, "x-gzip": false} {
		if got := acceptsGzip(ae); got != want {
			t.Errorf("acceptsGzip(%q) = %v", ae, got)
		}
	}
}

// TestISONumeric loads the table and checks that the map can shade the
// countries of world-atlas from CAMEO codes.
func TestISONumeric(t *testing.T) {
	m, err := isoNumeric()
	if err != nil {
		t.Fatal(err)
	}
	if m["IQ"].numeric != "368" || m["USA"].numeric != "840" || countryName("COL") != "Colombia" || countryName("IRQ") != "Iraq" {
		t.Errorf("IQ %+v, USA %+v, COL %q", m["IQ"], m["USA"], countryName("COL"))
	}
	if numericCode("IRQ") != "368" || numericCode("BAG") != "368" || numericCode("AFR") != "" || numericCode("XXX") != "" {
		t.Error("numericCode: IRQ, BAG (Baghdad, as Iraq), AFR (a region) or XXX wrong")
	}
	mapped := map[string]bool{numericCode("COL"): true, numericCode("SSD"): true} // not in the ontology's table
	for _, c := range ontology.Countries() {
		if n := numericCode(c.Code); n != "" {
			mapped[n] = true
		} else if c.ISO2 != "" && c.ISO2 != "AN" { // Netherlands Antilles, withdrawn from ISO 3166-1 in 2010
			t.Errorf("CAMEO %s (ISO %s) has no numeric code", c.Code, c.ISO2)
		}
	}
	data, err := staticFS.ReadFile("static/countries-110m.json")
	if err != nil {
		t.Fatal(err)
	}
	var world struct {
		Objects struct {
			Countries struct {
				Geometries []struct {
					ID         string
					Properties struct{ Name string }
				}
			}
		}
	}
	if err := json.Unmarshal(data, &world); err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, g := range world.Objects.Countries.Geometries {
		if !mapped[g.ID] {
			missing = append(missing, g.Properties.Name+" "+g.ID)
		}
	}
	// N. Cyprus, Somaliland and Kosovo have no ISO numeric code in
	// world-atlas, and CAMEO has no code for Antarctica or the French
	// Southern Lands; anything beyond is a broken table.
	if len(missing) > 5 {
		t.Errorf("%d of %d map countries cannot be shaded: %v", len(missing), len(world.Objects.Countries.Geometries), missing)
	}
	if numericCode("COL") != "170" || numericCode("ROU") != "642" || numericCode("ROM") != numericCode("ROU") {
		t.Errorf("numericCode: COL %q, ROU %q, ROM %q", numericCode("COL"), numericCode("ROU"), numericCode("ROM"))
	}
	if _, err := parseISONumeric([]byte("iso2\tiso3\tnumeric\tname\nIQ\tIRQ\t36\tIraq\n")); err == nil {
		t.Error("a two-digit numeric code was accepted")
	}
}

// TestVendorDoc checks that static/VENDOR.md names every vendored file
// and that each has its licence beside it.
func TestVendorDoc(t *testing.T) {
	doc, err := os.ReadFile("static/VENDOR.md")
	if err != nil {
		t.Fatal(err)
	}
	as, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	for name := range as.byName {
		if strings.HasPrefix(name, "app.") {
			continue
		}
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("VENDOR.md does not list %s", name)
		}
	}
	lics, _ := os.ReadDir("static/licenses")
	if len(lics) == 0 {
		t.Error("no licences in static/licenses")
	}
	for _, l := range lics {
		if !strings.Contains(string(doc), "licenses/"+l.Name()) {
			t.Errorf("VENDOR.md does not mention licenses/%s", l.Name())
		}
	}
}

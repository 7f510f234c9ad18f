//go:build ignore

// Command gen writes the ontology tables in data/ from the reference files in
// ../shared/reference, applying the hand-maintained corrections and mappings
// below. Run it from the package directory:
//
//	cd internal/ontology && go run gen/main.go -ref ../../../shared/reference -out data
//
// It writes cameo.tsv, plover.tsv, plover_modes.tsv, sectors.tsv, religions.tsv and
// country_codes.tsv, and fails (writing nothing) if a source disagrees with
// what the tables below expect, so a changed source is noticed, not absorbed.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// nameFixes replaces GDELT event names that are broken or describe another
// event. GDELT's lookup has typos (033, 2041, 183), mojibake (044), a lost line
// break that swallowed 106 into 1056, and for 101-108 the names of an older
// CAMEO draft that do not match the 1.1b3 codes (101 "Demand information,
// investigation" is 1.1b3 "Demand material cooperation"). sitrep's dictionaries
// and the PLOVER map use 1.1b3 meanings, so those take the manual's name.
var nameFixes = map[string]string{
	"033":  "Express intent to provide material aid, not specified below",
	"044":  "Meet at a 'third' location",
	"183":  "Conduct suicide, car, or other non-military bombing, not specified below",
	"2041": "Use chemical, biological, or radiological weapons",
	"1056": "", // manual name
	"101":  "", // GDELT: "Demand information, investigation"
	"102":  "", // GDELT: "Demand policy support"
	"103":  "", // GDELT: "Demand aid, protection, or peacekeeping"
	"105":  "", // GDELT: "Demand mediation"
	"107":  "", // GDELT: "Demand ceasefire"
	"108":  "", // GDELT: "Demand meeting, negotiation"
}

// modeFixes maps PLOVER modes in CAMEO2PLOVER-2021 that are not modes of
// their event in the PLOVER manual (plover_modes.tsv) to the manual's mode,
// or to "" where none fits. Keyed by event and source mode.
var modeFixes = map[[2]string]string{
	{"RETREAT", "ease"}:          "",              // 085: the 2021-09-17 note says "ease" is no longer a mode
	{"RETREAT", "return"}:        "",              // 0842 return property: "release" is captives only
	{"THREATEN", "ban"}:          "restrict",      // 132, 1322: manual's restrict covers bans
	{"THREATEN", "political"}:    "restrict",      // 1321: restrictions on freedoms
	{"COERCE", "ban"}:            "restrict",      // 1722: manual's restrict covers bans
	{"ASSAULT", "seize"}:         "destroy",       // 1712 destroy property: seize is a COERCE mode
	{"ASSAULT", "assassinate"}:   "targeted",      // 185, 186: targeted killings, assassinations
	{"ASSAULT", "massacre"}:      "targeted",      // 200, 202: manual's targeted includes mass killings
	{"ASSAULT", "cleansing"}:     "",              // 201, 203: no mode for expulsion
	{"ASSAULT", "pro_autocracy"}: "crowd-control", // 175: a context put in the mode column; ACLED maps 175 to force against protesters
}

// modeCorrections overrides modes that are valid in the manual but plainly
// miscopied in CAMEO2PLOVER-2021, where the manual has a mode made for the code.
var modeCorrections = map[string][2]string{
	"105": {"change", "yield"},              // "Demand that target yields"; its children 1051-1056 are yield
	"183": {"suicide-attack", "explosives"}, // non-military bombing in general; 1831 keeps suicide-attack
	"195": {"heavy-weapons", "aerial"},      // "Employ aerial weapons"; the line is a copy of 194
}

// eventCorrections overrides CAMEO2PLOVER-2021 lines that contradict the
// PLOVER manual's own text: {source event, source mode, event, mode}.
var eventCorrections = map[string][4]string{
	// Manual §3.13.3, SANCTION modes: "International (political or economic)
	// sanctions are coded as 'discontinue'".
	"163": {"COERCE", "restrict", "SANCTION", "discontinue"},
	// Manual §3.4, CONCEDE: "verbal concessions which have no immediate
	// material consequences, including ... easing of administrative or legal
	// restrictions on persons and organizations, removing curfews", and "the
	// lifting of a curfew is, effectively, a promise ... We're treating such
	// concessions as verbal". CAMEO2PLOVER-2021 lists 0813 and 0814 (under
	// 081 Ease administrative sanctions, which it maps to CONCEDE) as RETREAT.
	"0813": {"RETREAT", "", "CONCEDE", ""}, // Ease curfew
	"0814": {"RETREAT", "", "CONCEDE", ""}, // Ease state of emergency or martial law
}

// notCAMEO lists codes in CAMEO2PLOVER-2021 that CAMEO 1.1b3 does not have
// (1214 "Reject intelligence cooperation" mirrors 1014, but 121 stops at 1213).
var notCAMEO = map[string]bool{"1214": true}

// acled is the approximate CAMEO → ACLED event type and sub-event type map,
// after ../shared/reference/acled/acled_event_types.tsv. An entry applies to
// the code and to its descendants that have no entry of their own. Codes with
// no clear ACLED equivalent (statements, most verbal events, 196 ceasefire
// violation, 201/203 expulsion and cleansing, 204/2042) have none.
var acled = map[string][2]string{
	"057":  {"Strategic developments", "Agreement"},
	"141":  {"Protests", "Peaceful protest"},
	"145":  {"Riots", "Violent demonstration"},
	"173":  {"Strategic developments", "Arrests"},
	"175":  {"Protests", "Excessive force against protesters"},
	"1712": {"Strategic developments", "Looting/property destruction"},
	"180":  {"Violence against civilians", "Attack"},
	"181":  {"Violence against civilians", "Abduction/forced disappearance"},
	"182":  {"Violence against civilians", "Attack"},
	"1821": {"Violence against civilians", "Sexual violence"},
	"183":  {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
	"1831": {"Explosions/Remote violence", "Suicide bomb"},
	"184":  {"Violence against civilians", "Attack"},
	"185":  {"Violence against civilians", "Attack"},
	"186":  {"Violence against civilians", "Attack"},
	"190":  {"Battles", "Armed clash"},
	"192":  {"Battles", "Non-state actor overtakes territory"},
	"193":  {"Battles", "Armed clash"},
	"194":  {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
	"195":  {"Explosions/Remote violence", "Air/drone strike"},
	"202":  {"Violence against civilians", "Attack"},
	"2041": {"Explosions/Remote violence", "Chemical weapon"},
}

// sectorEquivalents gives the PLOVER sector for CAMEO actor types PLOVER
// does not share. CAMEO MED is media (PLOVER JRN); PLOVER MED is health
// (CAMEO HLH). Types absent here (MOD, RAD, UNO, IGO, IMG, INT, MNC) are
// modifiers or PLOVER non-state "country" codes, not sectors.
var sectorEquivalents = map[string]string{
	"INS": "REB", "SEP": "REB", "DEV": "SOC", "ENV": "SOC", "HRI": "SOC",
	"HLH": "MED", "MED": "JRN", "AMN": "SOC", "IRC": "SOC", "GRP": "SOC",
	"PKO": "MIL", "UIS": "UNK", "NGM": "SOC", "NGO": "SOC", "SET": "CVL",
}

// countries gives, for each code of GDELT's CAMEO country list, its kind
// and the FIPS 10-4 code GDELT uses in its Geo columns and the ISO 3166-1
// alpha-2 code. Regions have neither; PSE has no single FIPS code (West Bank
// WE, Gaza GZ); Aland has none in FIPS 10-4 (it is coded as Finland).
var countries = map[string][3]string{
	"WSB": {"territory", "WE", "PS"}, "BAG": {"city", "IZ", "IQ"}, "GZS": {"territory", "GZ", "PS"},
	"AFR": {"region"}, "ASA": {"region"}, "BLK": {"region"}, "CRB": {"region"}, "CAU": {"region"},
	"CFR": {"region"}, "CAS": {"region"}, "CEU": {"region"}, "EIN": {"region"}, "EAF": {"region"},
	"EEU": {"region"}, "EUR": {"region"}, "LAM": {"region"}, "MEA": {"region"}, "MDT": {"region"},
	"NAF": {"region"}, "NMR": {"region"}, "PGS": {"region"}, "SCN": {"region"}, "SAM": {"region"},
	"SAS": {"region"}, "SEA": {"region"}, "SAF": {"region"}, "WAF": {"region"}, "WST": {"region"},
	"AFG": {"country", "AF", "AF"}, "ALA": {"country", "", "AX"}, "ALB": {"country", "AL", "AL"},
	"DZA": {"country", "AG", "DZ"}, "ASM": {"country", "AQ", "AS"}, "AND": {"country", "AN", "AD"},
	"AGO": {"country", "AO", "AO"}, "AIA": {"country", "AV", "AI"}, "ATG": {"country", "AC", "AG"},
	"ARG": {"country", "AR", "AR"}, "ARM": {"country", "AM", "AM"}, "ABW": {"country", "AA", "AW"},
	"AUS": {"country", "AS", "AU"}, "AUT": {"country", "AU", "AT"}, "AZE": {"country", "AJ", "AZ"},
	"BHS": {"country", "BF", "BS"}, "BHR": {"country", "BA", "BH"}, "BGD": {"country", "BG", "BD"},
	"BRB": {"country", "BB", "BB"}, "BLR": {"country", "BO", "BY"}, "BEL": {"country", "BE", "BE"},
	"BLZ": {"country", "BH", "BZ"}, "BEN": {"country", "BN", "BJ"}, "BMU": {"country", "BD", "BM"},
	"BTN": {"country", "BT", "BT"}, "BOL": {"country", "BL", "BO"}, "BIH": {"country", "BK", "BA"},
	"BWA": {"country", "BC", "BW"}, "BRA": {"country", "BR", "BR"}, "VGB": {"country", "VI", "VG"},
	"BRN": {"country", "BX", "BN"}, "BGR": {"country", "BU", "BG"}, "BFA": {"country", "UV", "BF"},
	"BDI": {"country", "BY", "BI"}, "KHM": {"country", "CB", "KH"}, "CMR": {"country", "CM", "CM"},
	"CAN": {"country", "CA", "CA"}, "CPV": {"country", "CV", "CV"}, "CYM": {"country", "CJ", "KY"},
	"CAF": {"country", "CT", "CF"}, "TCD": {"country", "CD", "TD"}, "CHL": {"country", "CI", "CL"},
	"CHN": {"country", "CH", "CN"}, "COM": {"country", "CN", "KM"}, "COD": {"country", "CG", "CD"},
	"COG": {"country", "CF", "CG"}, "COK": {"country", "CW", "CK"}, "CRI": {"country", "CS", "CR"},
	"CIV": {"country", "IV", "CI"}, "HRV": {"country", "HR", "HR"}, "CUB": {"country", "CU", "CU"},
	"CYP": {"country", "CY", "CY"}, "CZE": {"country", "EZ", "CZ"}, "DNK": {"country", "DA", "DK"},
	"DJI": {"country", "DJ", "DJ"}, "DMA": {"country", "DO", "DM"}, "DOM": {"country", "DR", "DO"},
	"TMP": {"country", "TT", "TL"}, "ECU": {"country", "EC", "EC"}, "EGY": {"country", "EG", "EG"},
	"SLV": {"country", "ES", "SV"}, "GNQ": {"country", "EK", "GQ"}, "ERI": {"country", "ER", "ER"},
	"EST": {"country", "EN", "EE"}, "ETH": {"country", "ET", "ET"}, "FRO": {"country", "FO", "FO"},
	"FLK": {"country", "FK", "FK"}, "FJI": {"country", "FJ", "FJ"}, "FIN": {"country", "FI", "FI"},
	"FRA": {"country", "FR", "FR"}, "GUF": {"country", "FG", "GF"}, "PYF": {"country", "FP", "PF"},
	"GAB": {"country", "GB", "GA"}, "GMB": {"country", "GA", "GM"}, "GEO": {"country", "GG", "GE"},
	"DEU": {"country", "GM", "DE"}, "GHA": {"country", "GH", "GH"}, "GIB": {"country", "GI", "GI"},
	"GRC": {"country", "GR", "GR"}, "GRL": {"country", "GL", "GL"}, "GRD": {"country", "GJ", "GD"},
	"GLP": {"country", "GP", "GP"}, "GUM": {"country", "GQ", "GU"}, "GTM": {"country", "GT", "GT"},
	"GIN": {"country", "GV", "GN"}, "GNB": {"country", "PU", "GW"}, "GUY": {"country", "GY", "GY"},
	"HTI": {"country", "HA", "HT"}, "VAT": {"country", "VT", "VA"}, "HND": {"country", "HO", "HN"},
	"HUN": {"country", "HU", "HU"}, "ISL": {"country", "IC", "IS"}, "IND": {"country", "IN", "IN"},
	"IDN": {"country", "ID", "ID"}, "IRN": {"country", "IR", "IR"}, "IRQ": {"country", "IZ", "IQ"},
	"IRL": {"country", "EI", "IE"}, "IMY": {"country", "IM", "IM"}, "ISR": {"country", "IS", "IL"},
	"ITA": {"country", "IT", "IT"}, "JAM": {"country", "JM", "JM"}, "JPN": {"country", "JA", "JP"},
	"JOR": {"country", "JO", "JO"}, "KAZ": {"country", "KZ", "KZ"}, "KEN": {"country", "KE", "KE"},
	"KIR": {"country", "KR", "KI"}, "PRK": {"country", "KN", "KP"}, "KOR": {"country", "KS", "KR"},
	"KWT": {"country", "KU", "KW"}, "KGZ": {"country", "KG", "KG"}, "LAO": {"country", "LA", "LA"},
	"LVA": {"country", "LG", "LV"}, "LBN": {"country", "LE", "LB"}, "LSO": {"country", "LT", "LS"},
	"LBR": {"country", "LI", "LR"}, "LBY": {"country", "LY", "LY"}, "LIE": {"country", "LS", "LI"},
	"LTU": {"country", "LH", "LT"}, "LUX": {"country", "LU", "LU"}, "MAC": {"country", "MC", "MO"},
	"MKD": {"country", "MK", "MK"}, "MDG": {"country", "MA", "MG"}, "MWI": {"country", "MI", "MW"},
	"MYS": {"country", "MY", "MY"}, "MDV": {"country", "MV", "MV"}, "MLI": {"country", "ML", "ML"},
	"MLT": {"country", "MT", "MT"}, "MHL": {"country", "RM", "MH"}, "MTQ": {"country", "MB", "MQ"},
	"MRT": {"country", "MR", "MR"}, "MUS": {"country", "MP", "MU"}, "MYT": {"country", "MF", "YT"},
	"MEX": {"country", "MX", "MX"}, "FSM": {"country", "FM", "FM"}, "MDA": {"country", "MD", "MD"},
	"MCO": {"country", "MN", "MC"}, "MNG": {"country", "MG", "MN"}, "MTN": {"country", "MJ", "ME"},
	"MSR": {"country", "MH", "MS"}, "MAR": {"country", "MO", "MA"}, "MOZ": {"country", "MZ", "MZ"},
	"MMR": {"country", "BM", "MM"}, "NAM": {"country", "WA", "NA"}, "NRU": {"country", "NR", "NR"},
	"NPL": {"country", "NP", "NP"}, "NLD": {"country", "NL", "NL"}, "ANT": {"country", "NT", "AN"},
	"NCL": {"country", "NC", "NC"}, "NZL": {"country", "NZ", "NZ"}, "NIC": {"country", "NU", "NI"},
	"NER": {"country", "NG", "NE"}, "NGA": {"country", "NI", "NG"}, "NIU": {"country", "NE", "NU"},
	"NFK": {"country", "NF", "NF"}, "MNP": {"country", "CQ", "MP"}, "NOR": {"country", "NO", "NO"},
	"PSE": {"country", "", "PS"}, "OMN": {"country", "MU", "OM"}, "PAK": {"country", "PK", "PK"},
	"PLW": {"country", "PS", "PW"}, "PAN": {"country", "PM", "PA"}, "PNG": {"country", "PP", "PG"},
	"PRY": {"country", "PA", "PY"}, "PER": {"country", "PE", "PE"}, "PHL": {"country", "RP", "PH"},
	"PCN": {"country", "PC", "PN"}, "POL": {"country", "PL", "PL"}, "PRT": {"country", "PO", "PT"},
	"PRI": {"country", "RQ", "PR"}, "QAT": {"country", "QA", "QA"}, "REU": {"country", "RE", "RE"},
	"ROM": {"country", "RO", "RO"}, "RUS": {"country", "RS", "RU"}, "RWA": {"country", "RW", "RW"},
	"SHN": {"country", "SH", "SH"}, "KNA": {"country", "SC", "KN"}, "LCA": {"country", "ST", "LC"},
	"SPM": {"country", "SB", "PM"}, "VCT": {"country", "VC", "VC"}, "WSM": {"country", "WS", "WS"},
	"SMR": {"country", "SM", "SM"}, "STP": {"country", "TP", "ST"}, "SAU": {"country", "SA", "SA"},
	"SEN": {"country", "SG", "SN"}, "SRB": {"country", "RI", "RS"}, "SYC": {"country", "SE", "SC"},
	"SLE": {"country", "SL", "SL"}, "SGP": {"country", "SN", "SG"}, "SVK": {"country", "LO", "SK"},
	"SVN": {"country", "SI", "SI"}, "SLB": {"country", "BP", "SB"}, "SOM": {"country", "SO", "SO"},
	"ZAF": {"country", "SF", "ZA"}, "ESP": {"country", "SP", "ES"}, "LKA": {"country", "CE", "LK"},
	"SDN": {"country", "SU", "SD"}, "SUR": {"country", "NS", "SR"}, "SJM": {"country", "SV", "SJ"},
	"SWZ": {"country", "WZ", "SZ"}, "SWE": {"country", "SW", "SE"}, "CHE": {"country", "SZ", "CH"},
	"SYR": {"country", "SY", "SY"}, "TWN": {"country", "TW", "TW"}, "TJK": {"country", "TI", "TJ"},
	"TZA": {"country", "TZ", "TZ"}, "THA": {"country", "TH", "TH"}, "TGO": {"country", "TO", "TG"},
	"TKL": {"country", "TL", "TK"}, "TON": {"country", "TN", "TO"}, "TTO": {"country", "TD", "TT"},
	"TUN": {"country", "TS", "TN"}, "TUR": {"country", "TU", "TR"}, "TKM": {"country", "TX", "TM"},
	"TCA": {"country", "TK", "TC"}, "TUV": {"country", "TV", "TV"}, "UGA": {"country", "UG", "UG"},
	"UKR": {"country", "UP", "UA"}, "ARE": {"country", "AE", "AE"}, "GBR": {"country", "UK", "GB"},
	"USA": {"country", "US", "US"}, "VIR": {"country", "VQ", "VI"}, "URY": {"country", "UY", "UY"},
	"UZB": {"country", "UZ", "UZ"}, "VUT": {"country", "NH", "VU"}, "VEN": {"country", "VE", "VE"},
	"VNM": {"country", "VM", "VN"}, "WLF": {"country", "WF", "WF"}, "ESH": {"country", "WI", "EH"},
	"YEM": {"country", "YM", "YE"}, "ZMB": {"country", "ZA", "ZM"}, "ZWE": {"country", "ZI", "ZW"},
}

// countryNameFixes repairs names mangled in GDELT's list.
var countryNameFixes = map[string]string{"REU": "Reunion"}

func main() {
	ref := flag.String("ref", "../../../shared/reference", "the reference directory of ../shared")
	out := flag.String("out", "data", "directory to write the tables to")
	flag.Parse()
	g := &gen{ref: *ref, files: map[string]*bytes.Buffer{}}
	g.plover()
	g.cameo()
	g.sectors()
	g.countries()
	g.religions()
	if len(g.errs) > 0 {
		for _, e := range g.errs {
			log.Print(e)
		}
		log.Fatalf("%d errors, nothing written", len(g.errs))
	}
	names := make([]string, 0, len(g.files))
	for name := range g.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(*out, name), g.files[name].Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", filepath.Join(*out, name))
	}
}

type gen struct {
	ref   string
	files map[string]*bytes.Buffer
	errs  []string
	modes map[[2]string]bool // valid (event, mode) pairs
	types map[string]bool    // the 16 PLOVER event types
}

func (g *gen) errorf(format string, args ...any) {
	g.errs = append(g.errs, fmt.Sprintf(format, args...))
}

func (g *gen) file(name string, header ...string) *bytes.Buffer {
	b := &bytes.Buffer{}
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	g.files[name] = b
	return b
}

// readTSV returns the rows of a tab-separated file under ref, header
// included, each padded to the header's width.
func (g *gen) readTSV(name string) [][]string {
	b, err := os.ReadFile(filepath.Join(g.ref, name))
	if err != nil {
		log.Fatal(err)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(rows) > 0 {
			for len(f) < len(rows[0]) {
				f = append(f, "")
			}
		}
		rows = append(rows, f)
	}
	return rows
}

func (g *gen) plover() {
	types := g.readTSV("plover/plover_event_types.tsv")
	want := []string{"event", "quad_code", "quad_name", "requires_recipient", "plover_score_base", "cameo_roots_approx", "definition_short"}
	if strings.Join(types[0], "|") != strings.Join(want, "|") {
		log.Fatalf("plover_event_types.tsv: header %q, want %q", types[0], want)
	}
	b := g.file("plover.tsv",
		"PLOVER event types, from the PLOVER manual draft 0.8 (Schrodt 2021, openeventdata/PLOVER),",
		"CC BY-SA 4.0. base_score is the manual's event score (ACCUSE: the manual prints +3, a sign",
		"typo; -3 here). Generated by gen/main.go from plover_event_types.tsv; do not edit.")
	b.WriteString("event\tquad_class\tquad_name\trequires_recipient\tbase_score\tcameo_roots\tdefinition\n")
	g.types = map[string]bool{}
	for _, r := range types[1:] {
		g.types[r[0]] = true
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r[0], r[1], r[2], strings.ToLower(r[3]), r[4], r[5], r[6])
	}
	if len(g.types) != 16 {
		g.errorf("plover_event_types.tsv: %d event types, want 16", len(g.types))
	}
	modes := g.readTSV("plover/plover_modes.tsv")
	b = g.file("plover_modes.tsv",
		"PLOVER modes per event type, from the PLOVER manual draft 0.8 (Schrodt 2021,",
		"openeventdata/PLOVER), CC BY-SA 4.0. An empty score: the manual gives none.",
		"REJECT shares REQUEST's modes. Generated by gen/main.go; do not edit.")
	b.WriteString("event\tmode\tscore\tdefinition\n")
	g.modes = map[[2]string]bool{}
	for _, r := range modes[1:] {
		if !g.types[r[0]] {
			g.errorf("plover_modes.tsv: unknown event %q", r[0])
		}
		g.modes[[2]string{r[0], r[1]}] = true
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\n", r[0], r[1], r[3], r[2])
	}
}

type cameoRow struct {
	code, root, parent, level, name, goldstein, quad string
	event, mode                                      string
}

func (g *gen) cameo() {
	rows := g.readTSV("cameo/cameo_codes_merged.tsv")
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"code", "root", "level", "parent", "name_gdelt", "name_cameo_manual", "goldstein_gdelt", "goldstein_cameo_manual_icews", "quadclass_gdelt"} {
		if _, ok := col[h]; !ok {
			log.Fatalf("cameo_codes_merged.tsv: no column %q", h)
		}
	}
	var codes []*cameoRow
	byCode := map[string]*cameoRow{}
	for _, r := range rows[1:] {
		c := &cameoRow{code: r[col["code"]], root: r[col["root"]], parent: r[col["parent"]], level: r[col["level"]], quad: r[col["quadclass_gdelt"]]}
		name := r[col["name_gdelt"]]
		if fix, ok := nameFixes[c.code]; ok {
			name = fix
		}
		if name == "" {
			name = r[col["name_cameo_manual"]] // 106 and 1213 are not in GDELT's lookup
		}
		c.name = sentenceCase(strings.Join(strings.Fields(name), " "))
		c.goldstein = r[col["goldstein_gdelt"]]
		if c.goldstein == "" {
			c.goldstein = r[col["goldstein_cameo_manual_icews"]] // 1213: not in GDELT's scale
		}
		if x, err := strconv.ParseFloat(c.goldstein, 64); err != nil {
			g.errorf("cameo %s: goldstein %q: %v", c.code, c.goldstein, err)
		} else {
			c.goldstein = strconv.FormatFloat(x, 'f', 1, 64)
		}
		if byCode[c.code] != nil {
			g.errorf("cameo %s: duplicate", c.code)
		}
		byCode[c.code] = c
		codes = append(codes, c)
	}
	if len(codes) != 312 {
		g.errorf("cameo_codes_merged.tsv: %d codes, want 312", len(codes))
	}
	for _, c := range codes {
		if want := quadOf(c.root); c.quad != want {
			g.errorf("cameo %s: quad class %s, want %s for root %s", c.code, c.quad, want, c.root)
		}
	}
	for code := range nameFixes {
		if byCode[code] == nil {
			g.errorf("nameFixes: unknown code %s", code)
		}
	}

	mapped := g.cameo2plover(byCode)
	sort.Slice(codes, func(i, j int) bool { return codes[i].code < codes[j].code })
	for _, c := range codes { // parents sort before children, so a parent is resolved first
		if m, ok := mapped[c.code]; ok {
			c.event, c.mode = m[0], m[1]
			continue
		}
		switch {
		case c.root == "01":
			// Public statements have no PLOVER event: the manual folds them
			// into nothing and codes the content of the statement instead.
		case c.root == "02":
			// APPEAL is folded into REQUEST; take the mode of the parallel
			// DEMAND code (02xy ↔ 10xy have the same sub-structure).
			c.event = "REQUEST"
			if c.code != "02" {
				if d := byCode["10"+c.code[2:]]; d != nil && mapped[d.code][0] == "REQUEST" {
					c.mode = mapped[d.code][1]
				} else {
					g.errorf("cameo %s: no parallel DEMAND code", c.code)
				}
			}
		default:
			p := byCode[c.parent]
			if p == nil {
				g.errorf("cameo %s: missing from CAMEO2PLOVER and no parent", c.code)
				continue
			}
			c.event, c.mode = p.event, p.mode
			log.Printf("cameo %s: not in CAMEO2PLOVER, inherits %s %s from %s", c.code, c.event, c.mode, p.code)
		}
	}
	for code := range acled {
		if byCode[code] == nil {
			g.errorf("acled: unknown code %s", code)
		}
	}

	b := g.file("cameo.tsv",
		"CAMEO 1.1b3 event codes with GDELT names, Goldstein scores and quad classes, and their",
		"PLOVER and ACLED equivalents. Generated by gen/main.go; do not edit.",
		"Sources: GDELT CAMEO lookups (CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt), names in",
		"sentence case, with typos and lines GDELT took from an older CAMEO draft (101-108) replaced",
		"by the CAMEO 1.1b3 manual's name; manual names and ICEWS Goldstein values (1213, absent from",
		"GDELT) via andybega/icews, MIT. plover_event and plover_mode: openeventdata/PLOVER",
		"CAMEO2PLOVER-2021 (CC BY-SA 4.0), modes cleaned to the manual's list; 01 has none, 02 is",
		"REQUEST. acled_*: an approximate hand mapping (gen/main.go), not ACLED's.",
		"quad_class is GDELT's: roots 01-05 1, 06-09 2, 10-14 3, 15-20 4.")
	b.WriteString("code\troot\tparent\tlevel\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tacled_event_type\tacled_sub_event_type\n")
	for _, c := range codes {
		a := acledFor(c, byCode)
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.code, c.root, c.parent, c.level, c.name, c.goldstein, c.quad, c.event, c.mode, a[0], a[1])
	}
}

// cameo2plover parses CAMEO2PLOVER-2021.txt: "code: EVENT, mode, context #
// comment" lines, and "NN: EVENT" root headings. It returns the event and the
// cleaned mode per code.
func (g *gen) cameo2plover(byCode map[string]*cameoRow) map[string][2]string {
	const name = "plover/CAMEO2PLOVER-2021.txt"
	f, err := os.Open(filepath.Join(g.ref, name))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	out := map[string][2]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "~") {
			continue
		}
		code, rest, ok := strings.Cut(s, ":")
		if ok && notCAMEO[code] {
			continue
		}
		if !ok || byCode[code] == nil {
			g.errorf("%s:%d: want a CAMEO code, got %q", name, line, s)
			continue
		}
		f := strings.Split(rest, ",")
		ev := strings.TrimSpace(f[0])
		mode := ""
		if len(f) > 1 {
			mode = strings.TrimSpace(f[1])
		}
		if !g.types[ev] {
			g.errorf("%s:%d: unknown PLOVER event %q", name, line, ev)
			continue
		}
		if c, ok := eventCorrections[code]; ok {
			if ev != c[0] || mode != c[1] {
				g.errorf("%s:%d: eventCorrections expects %s %s %q, source has %s %q", name, line, code, c[0], c[1], ev, mode)
			}
			ev, mode = c[2], c[3]
		}
		if c, ok := modeCorrections[code]; ok {
			if mode != c[0] {
				g.errorf("%s:%d: modeCorrections expects %s mode %q, source has %q", name, line, code, c[0], mode)
			}
			mode = c[1]
		}
		if mode != "" && !g.modes[[2]string{ev, mode}] {
			fix, ok := modeFixes[[2]string{ev, mode}]
			if !ok {
				g.errorf("%s:%d: %s %q is not a PLOVER mode and has no fix", name, line, ev, mode)
			}
			mode = fix
		}
		v := [2]string{ev, mode}
		if old, dup := out[code]; dup && old != v {
			if len(code) == 2 { // root headings: 08 is CONCEDE, then RETREAT; the first wins
				continue
			}
			g.errorf("%s:%d: %s mapped twice: %v and %v", name, line, code, old, v)
		}
		out[code] = v
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// acledFor returns the ACLED entry of c or its nearest ancestor with one.
func acledFor(c *cameoRow, byCode map[string]*cameoRow) [2]string {
	for ; c != nil; c = byCode[c.parent] {
		if a, ok := acled[c.code]; ok {
			return a
		}
	}
	return [2]string{}
}

func quadOf(root string) string {
	n, _ := strconv.Atoi(root)
	switch {
	case n >= 1 && n <= 5:
		return "1"
	case n >= 6 && n <= 9:
		return "2"
	case n >= 10 && n <= 14:
		return "3"
	case n >= 15 && n <= 20:
		return "4"
	}
	return "?"
}

// sentenceCase lowers an all-capitals name (GDELT's root names) and capitalises
// the first letter of any name.
func sentenceCase(s string) string {
	if s == strings.ToUpper(s) {
		s = strings.ToLower(s)
	}
	if s != "" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func (g *gen) sectors() {
	cameo := g.readTSV("cameo/gdelt_CAMEO.type.tsv")
	plover := g.readTSV("plover/plover_sector_codes.tsv")
	type sector struct{ name, scheme, equiv string }
	m := map[string]*sector{}
	ploverCodes := map[string]bool{}
	for _, r := range cameo[1:] {
		m[r[0]] = &sector{name: r[1], scheme: "cameo", equiv: sectorEquivalents[r[0]]}
	}
	for _, r := range plover[1:] {
		ploverCodes[r[0]] = true
		s := m[r[0]]
		switch {
		case s == nil:
			m[r[0]] = &sector{name: r[2], scheme: "plover", equiv: r[0]}
		case r[0] == "MED":
			// Same letters, different sector: keep CAMEO's meaning (media),
			// whose PLOVER code is JRN; PLOVER MED is CAMEO HLH.
		default:
			s.scheme, s.equiv = "both", r[0]
		}
	}
	for code := range sectorEquivalents {
		if m[code] == nil || m[code].scheme != "cameo" {
			g.errorf("sectorEquivalents: %s is not a CAMEO-only type", code)
		}
	}
	codes := make([]string, 0, len(m))
	for code, s := range m {
		if s.equiv != "" && !ploverCodes[s.equiv] {
			g.errorf("sector %s: equivalent %s is not a PLOVER sector", code, s.equiv)
		}
		codes = append(codes, code)
	}
	sort.Strings(codes)
	b := g.file("sectors.tsv",
		"Actor type and sector codes. cameo: GDELT's CAMEO.type lookup; plover: the PLOVER manual's",
		"sector codes (openeventdata/PLOVER, CC BY-SA 4.0); both: the code is in both with the same",
		"meaning. MED is CAMEO's (media; PLOVER JRN): PLOVER's MED (health) is CAMEO HLH.",
		"plover_equivalent is sitrep's mapping, empty for modifiers (MOD, RAD) and for codes PLOVER",
		"treats as non-state country codes (IGO, UNO, IMG, MNC, ...). Generated by gen/main.go.")
	b.WriteString("code\tname\tscheme\tplover_equivalent\n")
	for _, code := range codes {
		s := m[code]
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\n", code, s.name, s.scheme, s.equiv)
	}
}

func (g *gen) religions() {
	rows := g.readTSV("cameo/gdelt_CAMEO.religion.tsv")
	b := g.file("religions.tsv",
		"CAMEO religion codes with names from GDELT's CAMEO.religion lookup. Like sector codes they",
		"stand in an actor code's first slot without naming a state (MOSSHI). Generated by gen/main.go.")
	b.WriteString("code\tname\n")
	for _, r := range rows[1:] {
		fmt.Fprintf(b, "%s\t%s\n", r[0], r[1])
	}
}

func (g *gen) countries() {
	rows := g.readTSV("cameo/gdelt_CAMEO.country.tsv")
	b := g.file("country_codes.tsv",
		"CAMEO country and region codes with names from GDELT's CAMEO.country lookup, the FIPS 10-4",
		"code GDELT uses in its Geo columns (ActionGeo_CountryCode) and the ISO 3166-1 alpha-2 code",
		"(facts, added by sitrep). kind: country, territory, city or region; regions have no codes.",
		"PSE has no single FIPS code (West Bank WE, Gaza GZ). Generated by gen/main.go; do not edit.")
	b.WriteString("code\tname\tfips\tiso2\tkind\n")
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		code, name := r[0], r[1]
		c, ok := countries[code]
		if !ok {
			g.errorf("country %s (%s): no FIPS/ISO2 entry", code, name)
			continue
		}
		if fix, ok := countryNameFixes[code]; ok {
			name = fix
		}
		seen[code] = true
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\t%s\n", code, name, c[1], c[2], c[0])
	}
	for code := range countries {
		if !seen[code] {
			g.errorf("countries: %s is not in GDELT's list", code)
		}
	}
}

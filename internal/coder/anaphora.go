package coder

import (
	"github.com/sitrep/sitrep/internal/dict"
	"github.com/sitrep/sitrep/internal/text"
)

// possessivePronouns are the pronouns that tie an agent to an actor named before
// it: "Kenya said its troops had left", "the rebels said their fighters
// held the town".
var possessivePronouns = map[string]bool{"its": true, "their": true, "his": true, "her": true}

// possessiveCountry gives an agent named with a possessive pronoun and no country
// ("its troops", "their own forces") the country of its antecedent: the
// nearest actor before it that has one. English allows other readings
// ("Russia accused Ukraine of shelling its troops" may mean Russia's), but
// the nearest actor is the common one, and an agent left without a
// country is a worse answer than a rare wrong one. Agents of TABARI's and
// PETRARCH's dictionaries keep those programs' rules (see localize).
func possessiveCountry(ms []mention, toks []text.Token) {
	for i := range ms {
		m := &ms[i]
		if m.legacy || m.kind != dict.Agent || m.country != "" {
			continue
		}
		k := m.start - 1
		if k >= 0 && toks[k].Stem == "own" {
			k--
		}
		if k < 0 || !possessivePronouns[toks[k].Stem] {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if c := ms[j].country; c != "" {
				m.country, m.code, m.localized = c, agentCode(c, m), true
				break
			}
		}
	}
}

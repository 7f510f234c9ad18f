package enrich

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
)

// sentenceEvent builds an event of sentence s, which starts at byte 100 of
// its article, whose trigger is the first occurrence of trig, with an
// optional source actor (text and code).
func sentenceEvent(s, trig string, src ...string) event.Event {
	const base = 100
	i := strings.Index(s, trig)
	if i < 0 {
		panic("trigger " + trig + " not in " + s)
	}
	e := event.Event{CAMEO: event.CAMEO{Code: "190"}, Modality: event.Asserted,
		Evidence: event.Evidence{Sentence: s, SentenceStart: base, TriggerStart: base + i, TriggerEnd: base + i + len(trig), Trigger: trig}}
	if len(src) == 2 {
		j := strings.Index(s, src[0])
		e.Source = &event.Actor{Text: src[0], Code: src[1], Start: base + j, End: base + j + len(src[0])}
	}
	return e
}

func TestAttributions(t *testing.T) {
	tests := []struct {
		name, sentence, trigger string
		source                  []string // actor text and code
		want                    *event.Attribution
	}{
		{name: "number via medium", sentence: "Turkey is preparing to shell Kurdish positions in Syria, three sources told the news agency AFP.",
			trigger: "shell", want: &event.Attribution{Text: "three sources told the news agency AFP", Anonymous: true, Number: 3, Via: "AFP"}},
		{name: "according to sector", sentence: "The rebels will attack the port, according to a government source.",
			trigger: "attack", want: &event.Attribution{Text: "according to a government source", Anonymous: true, Sector: "GOV"}},
		{name: "according to medium sources", sentence: "According to Xinhua sources, China has sent envoys to Myanmar.",
			trigger: "sent envoys", want: &event.Attribution{Text: "According to Xinhua sources", Anonymous: true, Via: "Xinhua"}},
		{name: "named said with code", sentence: "Chile expelled two Bolivian diplomats, Foreign Minister Ana Ruiz said.",
			trigger: "expelled", source: []string{"Foreign Minister Ana Ruiz", "CHLGOV"},
			want: &event.Attribution{Text: "Foreign Minister Ana Ruiz said", Source: "Foreign Minister Ana Ruiz", Code: "CHLGOV"}},
		{name: "named said without code", sentence: "Chile expelled two Bolivian diplomats, Ana Ruiz said.",
			trigger: "expelled", want: &event.Attribution{Text: "Ana Ruiz said", Source: "Ana Ruiz"}},
		{name: "said inverted", sentence: "Peru will recall its ambassador from Quito, said Prime Minister Luis Vega.",
			trigger: "recall", want: &event.Attribution{Text: "said Prime Minister Luis Vega", Source: "Prime Minister Luis Vega"}},
		{name: "told reporters", sentence: "General Omar Haddad told reporters the army had shelled the villages.",
			trigger: "shelled", want: &event.Attribution{Text: "General Omar Haddad told reporters", Source: "General Omar Haddad"}},
		{name: "announced", sentence: "The Kenyan presidency announced that police had arrested the protest leaders.",
			trigger: "arrested", want: &event.Attribution{Text: "The Kenyan presidency announced", Source: "The Kenyan presidency", Sector: "GOV"}},
		{name: "according to named", sentence: "According to Mayor Paul Kim, the militia looted the market.",
			trigger: "looted", want: &event.Attribution{Text: "According to Mayor Paul Kim", Source: "Mayor Paul Kim"}},
		{name: "officials", sentence: "Soldiers opened fire on the crowd, officials said.",
			trigger: "opened fire", want: &event.Attribution{Text: "officials said", Anonymous: true, Sector: "GOV"}},
		{name: "a spokesman", sentence: "Israel struck a weapons depot near Aleppo, a spokesman said on Sunday.",
			trigger: "struck", want: &event.Attribution{Text: "a spokesman said", Anonymous: true, Sector: "GOV"}},
		{name: "military officials", sentence: "Insurgents ambushed a convoy, military officials said.",
			trigger: "ambushed", want: &event.Attribution{Text: "military officials said", Anonymous: true, Sector: "MIL"}},
		{name: "witnesses", sentence: "Police fired tear gas at students, witnesses said.",
			trigger: "fired", want: &event.Attribution{Text: "witnesses said", Anonymous: true, Sector: "CVL"}},
		{name: "residents", sentence: "Militiamen burned the market overnight, two residents told the radio station.",
			trigger: "burned", want: &event.Attribution{Text: "two residents told the radio station", Anonymous: true, Number: 2, Sector: "CVL"}},
		{name: "the ministry", sentence: "The ministry said troops had repelled an assault on the airport.",
			trigger: "repelled", want: &event.Attribution{Text: "The ministry said", Source: "The ministry", Sector: "GOV"}},
		{name: "medium reported", sentence: "Gunmen kidnapped a priest in Calabria, the Kyodo news agency reported.",
			trigger: "kidnapped", want: &event.Attribution{Text: "the Kyodo news agency reported", Via: "Kyodo"}},
		{name: "unknown medium", sentence: "Rebels seized the border post, the Kabul Times newspaper reported.",
			trigger: "seized", want: &event.Attribution{Text: "the Kabul Times newspaper reported", Via: "Kabul Times"}},
		{name: "state television", sentence: "Troops arrested the opposition leader, state television said.",
			trigger: "arrested", want: &event.Attribution{Text: "state television said", Via: "state television"}},
		{name: "quoted as saying", sentence: "Tehran will retaliate against any strike, IRNA quoted a military source as saying.",
			trigger: "retaliate", want: &event.Attribution{Text: "IRNA quoted a military source as saying", Anonymous: true, Sector: "MIL", Via: "IRNA"}},
		{name: "machine translation", sentence: "French according to a ministry source, the talks between Mali and France resumed.",
			trigger: "talks", want: &event.Attribution{Text: "according to a ministry source", Anonymous: true, Sector: "GOV"}},
		{name: "machine translation named", sentence: "Ambassador to Chad Jane Doe according to the sources, delivered a protest note.",
			trigger: "delivered", want: &event.Attribution{Text: "according to the sources", Anonymous: true}},
		{name: "pentagon spokesman named", sentence: "US jets bombed a radar site, Pentagon spokesman Tom Reed said.",
			trigger: "bombed", want: &event.Attribution{Text: "Pentagon spokesman Tom Reed said", Source: "Pentagon spokesman Tom Reed"}},

		{name: "no cue", sentence: "Rebels attacked an army post near Goma.", trigger: "attacked"},
		{name: "trigger is the verb", sentence: "Japan said it regretted the incident.", trigger: "said"},
		{name: "passive said", sentence: "The group is said to have attacked the convoy.", trigger: "attacked"},
		{name: "declined to say", sentence: "The general attacked the plan but declined to say more.", trigger: "attacked"},
		{name: "added amount", sentence: "The bank has added 12 mln dlrs after the raid.", trigger: "raid"},
		{name: "object is no claimant", sentence: "The board will fund the plan it announced earlier to attack costs.", trigger: "attack"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es := []event.Event{sentenceEvent(tc.sentence, tc.trigger, tc.source...)}
			if tc.trigger == "said" {
				es[0].CAMEO.Code = "010"
			}
			Attributions(nil, es)
			got := es[0].Attribution
			if tc.want == nil {
				if got != nil {
					t.Fatalf("got %+v, want none", *got)
				}
				return
			}
			if got == nil {
				t.Fatalf("got none, want %+v", *tc.want)
			}
			want := *tc.want
			i := strings.Index(tc.sentence, want.Text)
			want.Start, want.End = 100+i, 100+i+len(want.Text)
			if *got != want {
				t.Errorf("got  %+v\nwant %+v", *got, want)
			}
		})
	}
}

// An event whose trigger is a reporting verb is attributed by "according
// to", but not by the other reporting verb of its sentence.
func TestAttributionOfStatements(t *testing.T) {
	s := "The minister said the border was open and said trade would resume, according to the Efe agency."
	es := []event.Event{sentenceEvent(s, "said trade")}
	es[0].CAMEO.Code = "010"
	Attributions(nil, es)
	if a := es[0].Attribution; a == nil || a.Via != "Efe" || a.Source != "" {
		t.Errorf("got %+v, want via Efe", a)
	}
}

// Events of one sentence share its cues; the next sentence does not
// borrow them.
func TestAttributionsPerSentence(t *testing.T) {
	s1 := "Rebels shelled the town, witnesses said."
	s2 := "The army attacked the rebels."
	es := []event.Event{sentenceEvent(s1, "shelled"), sentenceEvent(s1, "shelled"), sentenceEvent(s2, "attacked")}
	es[2].Evidence.SentenceIndex = 1
	Attributions(nil, es)
	if es[0].Attribution == nil || es[1].Attribution == nil || es[0].Attribution == es[1].Attribution {
		t.Errorf("events of one sentence: %v %v, want each its own attribution", es[0].Attribution, es[1].Attribution)
	}
	if es[2].Attribution != nil {
		t.Errorf("next sentence borrowed %+v", *es[2].Attribution)
	}
}

func TestWordFilter(t *testing.T) {
	f := newWordFilter(wordSet("said", "according"))
	for s, want := range map[string]int{
		"Officials SAID so.": 10, "Accordingly, no.": -1, "according": 0, "": -1, "saidx said": 6,
		"Ünïcode said": 10, "unsaid": -1, "ésaid": -1, "saidé": -1, "s": -1,
	} {
		if got := f.index(s); got != want {
			t.Errorf("index(%q) = %d, want %d", s, got, want)
		}
	}
}

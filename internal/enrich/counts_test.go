package enrich

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/event"
)

func TestCounts(t *testing.T) {
	// c is a count: kind, number, approximate, object and text.
	type c struct {
		kind   string
		n      int
		approx bool
		object string
		text   string
	}
	tests := []struct {
		sentence string
		want     []c
	}{
		{"The militia launched about 40 rockets at the base.", []c{{"attacks", 40, true, "rockets", "about 40 rockets"}}},
		{"Jets carried out nearly 200 air strikes overnight.", []c{{"attacks", 200, true, "strikes", "nearly 200 air strikes"}}},
		{"Police conducted 12 raids in the capital.", []c{{"attacks", 12, false, "raids", "12 raids"}}},
		{"Britain keeps 1,200 troops in Estonia.", []c{{"troops", 1200, false, "troops", "1,200 troops"}}},
		{"France sent a few hundred soldiers to Niger.", []c{{"troops", 300, true, "soldiers", "a few hundred soldiers"}}},
		{"Several hundred Turkish soldiers crossed the border.", []c{{"troops", 300, true, "soldiers", "Several hundred Turkish soldiers"}}},
		{"Hundreds of demonstrators marched on parliament.", []c{{"protesters", 200, true, "demonstrators", "Hundreds of demonstrators"}}},
		{"Tens of thousands of protesters filled the square.", []c{{"protesters", 20000, true, "protesters", "Tens of thousands of protesters"}}},
		{"Dozens of militants were arrested in the raid.", []c{{"arrested", 24, true, "militants", "Dozens of militants were arrested"}}},
		{"Thousands of villagers have fled the fighting.", []c{{"displaced", 2000, true, "villagers", "Thousands of villagers have fled"}}},
		{"The bombing killed 9 police officers, including 3 women.", []c{{"killed", 9, false, "officers", "killed 9 police officers"}}},
		{"Gunmen opened fire, killing 14 worshippers, among them 4 children.", []c{{"killed", 14, false, "worshippers", "killing 14 worshippers"}}},
		{"At least 61 people were killed in the quake.", []c{{"killed", 61, false, "people", "At least 61 people were killed"}}},
		{"More than 30 soldiers were wounded.", []c{{"wounded", 30, false, "soldiers", "More than 30 soldiers were wounded"}}},
		{"Eleven Palestinians were killed in the raid.", []c{{"killed", 11, false, "Palestinians", "Eleven Palestinians were killed"}}},
		{"The blast left seven dead and twenty-three wounded.", []c{{"killed", 7, false, "", "seven dead"}, {"wounded", 23, false, "", "twenty-three wounded"}}},
		{"The attackers killed four and wounded twelve.", []c{{"killed", 4, false, "", "killed four"}, {"wounded", 12, false, "", "wounded twelve"}}},
		{"Security forces detained a dozen journalists.", []c{{"arrested", 12, false, "journalists", "detained a dozen journalists"}}},
		{"Pirates kidnapped 17 sailors off Benin.", []c{{"kidnapped", 17, false, "sailors", "kidnapped 17 sailors"}}},
		{"The militants still hold 5 hostages.", []c{{"kidnapped", 5, false, "hostages", "5 hostages"}}},
		{"The floods displaced some 40,000 people.", []c{{"displaced", 40000, true, "people", "displaced some 40,000 people"}}},
		{"The death toll rose to 85 on Friday.", []c{{"killed", 85, false, "", "85"}}},
		{"Fighting has claimed the lives of 300 civilians.", []c{{"killed", 300, false, "civilians", "lives of 300 civilians"}}},
		{"An estimated 2.5 million people have fled.", []c{{"displaced", 2500000, true, "people", "An estimated 2.5 million people have fled"}}},
		{"Half a dozen soldiers were injured.", []c{{"wounded", 6, true, "soldiers", "Half a dozen soldiers were injured"}}},
		{"Scores of protesters were detained.", []c{{"arrested", 40, true, "protesters", "Scores of protesters were detained"}}},
		{"Two thousand refugees reached the camp.", []c{{"displaced", 2000, false, "refugees", "Two thousand refugees"}}},
		{"Up to 3,000 marines will deploy.", []c{{"troops", 3000, true, "marines", "Up to 3,000 marines"}}},

		// Not counts.
		{"The talks lasted three days in 2019.", nil},
		{"A 24-hour strike halted the trains.", nil},
		{"The union's 5,000 workers rejected the offer.", nil},
		{"The 12 member states met in Brussels.", nil},
		{"Talks began with three striking locals.", nil},
		{"In 2014 troops returned to Iraq.", nil},
		{"The G-7 members met on Tuesday.", nil},
		{"The two men shook hands.", nil},
		{"Inflation rose 3.5 percent, officials said.", nil},
		{"The army killed 3 days ago a suspect.", nil},
		{"Rebels attacked the town.", nil},
		{"Flights resumed after the 11 September attacks.", nil},
		{"A force of 400-500 troops is on standby.", nil},
		{"The other three men were freed.", nil},
		{"With at least 40 people killed, the town mourned.", []c{{"killed", 40, false, "people", "at least 40 people killed"}}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			es := []event.Event{sentenceEvent(tc.sentence, tc.sentence[:1])}
			Counts(nil, es)
			var got, want []string
			for _, x := range es[0].Counts {
				if tc.sentence[x.Start-100:x.End-100] != x.Text {
					t.Errorf("offsets %d:%d do not hold %q", x.Start, x.End, x.Text)
				}
				got = append(got, fmt.Sprintf("%s %d %v %q %q", x.Kind, x.Number, x.Approximate, x.Object, x.Text))
			}
			for _, x := range tc.want {
				want = append(want, fmt.Sprintf("%s %d %v %q %q", x.kind, x.n, x.approx, x.object, x.text))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// Every event of a sentence gets all its counts, in its own slice.
func TestCountsPerSentence(t *testing.T) {
	s1 := "Jets flew 30 sorties and killed 8 fighters."
	s2 := "The rebels attacked the town."
	es := []event.Event{sentenceEvent(s1, "flew"), sentenceEvent(s1, "killed"), sentenceEvent(s2, "attacked")}
	es[2].Evidence.SentenceIndex = 1
	Counts(nil, es)
	if len(es[0].Counts) != 2 || len(es[1].Counts) != 2 || &es[0].Counts[0] == &es[1].Counts[0] {
		t.Errorf("events of one sentence: %v and %v, want the same two counts in separate slices", es[0].Counts, es[1].Counts)
	}
	if es[2].Counts != nil {
		t.Errorf("next sentence got %v", es[2].Counts)
	}
}

func TestNumberAt(t *testing.T) {
	tests := []struct {
		phrase string
		n      int
		approx bool
	}{
		{"150", 150, false}, {"2,500", 2500, false}, {"3.5 million", 3500000, false}, {"one", 1, false},
		{"twenty", 20, false}, {"ninety-nine", 99, false}, {"a dozen", 12, false}, {"two dozen", 24, false},
		{"a hundred", 100, false}, {"five thousand", 5000, false}, {"a few hundred", 300, true},
		{"several thousand", 3000, true}, {"a couple hundred", 200, true}, {"dozens", 24, true},
		{"hundreds", 200, true}, {"thousands", 2000, true}, {"tens of thousands", 20000, true},
		{"hundreds of thousands", 200000, true}, {"millions", 2000000, true},
	}
	for _, tc := range tests {
		es := []event.Event{sentenceEvent(tc.phrase+" soldiers", "soldiers")}
		Counts(nil, es)
		if len(es[0].Counts) != 1 || es[0].Counts[0].Number != tc.n || es[0].Counts[0].Approximate != tc.approx {
			t.Errorf("%q: got %+v, want %d approximate %v", tc.phrase, es[0].Counts, tc.n, tc.approx)
		}
	}
}

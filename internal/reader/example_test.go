package reader_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/reader"
)

func ExampleRead() {
	in := strings.NewReader(`{"id":"a1","date":"2024-01-24T09:00:00+03:00","title":"Talks begin","text":"Iraq and the US began talks."}
{"id":"a2","date":"2024-13-45","text":"A bad date."}
{"text":"No id."}
`)
	err := reader.Read(context.Background(), in, "news.jsonl", reader.Auto, func(a reader.Article, err error) error {
		if err != nil {
			fmt.Println("rejected:", err)
			return nil // go on with the next record
		}
		fmt.Printf("%s date=%q title=%q\n", a.ID, a.Date, a.Title)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// a1 date="2024-01-24" title="Talks begin"
	// rejected: news.jsonl:2:19: invalid date "2024-13-45": month out of range
	// news:3 date="" title=""
}

package example

import (
	"errors"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/report"
)

// judge asks the report engine what a 2023/24 Q2 report would say about ind with data s.
func judge(ind *catalogue.Indicator, s series) (outlook, error) {
	cat := &catalogue.Catalogue{
		Organisation: organisation,
		Title:        reportTitle,
		Calendar:     calendar,
		Trend:        catalogue.DefaultTrend,
		Directorates: catalogueDirectorates(),
		Indicators:   []*catalogue.Indicator{ind},
	}
	store := data.StoreOf(map[string]map[int]data.Value{ind.Code: s})
	store.Latest = reportQuarter
	r, err := report.Build(report.Options{Catalogue: cat, Store: store, Pack: catalogue.Pack{ID: "qpr"}, Period: reportQuarter})
	if err != nil {
		return outlook{}, err
	}
	if len(r.Indicators) != 1 {
		return outlook{}, errors.New("the report engine did not report the indicator")
	}
	out := r.Indicators[0]
	if out.RAG == nil || out.RAGPrevious == nil || out.Trend == nil || out.TrendPrevious == nil {
		return outlook{}, errors.New("the report engine gave no rating or trend")
	}
	return outlook{RAGQ1: string(*out.RAGPrevious), RAGQ2: string(*out.RAG), TrendQ1: string(*out.TrendPrevious), TrendQ2: string(out.Trend.Direction)}, nil
}

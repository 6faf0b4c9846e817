package trend

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

const (
	benchIndicators = 10_000
	benchPoints     = 60
)

// benchInputs is a deterministic population of indicators: a drift, noise, an occasional step
// and a few gaps, so every rule and both p-value paths get exercised.
func benchInputs() []Input {
	rng := rand.New(rand.NewPCG(2023, 24))
	inputs := make([]Input, benchIndicators)
	for k := range inputs {
		drift := rng.NormFloat64() * 0.3
		level := 50 + rng.NormFloat64()*10
		step := 0.0
		if rng.IntN(5) == 0 {
			step = rng.NormFloat64() * 8
		}
		pts := make([]Point, 0, benchPoints)
		for i := range benchPoints {
			if rng.IntN(20) == 0 {
				continue // a missing period keeps its position
			}
			value := level + drift*float64(i) + rng.NormFloat64()*2
			if i >= benchPoints/2 {
				value += step
			}
			pts = append(pts, Point{Label: fmt.Sprintf("P%d", i), Pos: float64(i), Value: value})
		}
		target := level + rng.NormFloat64()*5
		current, reference := pts[len(pts)-1].Value, pts[len(pts)-2].Value
		inputs[k] = Input{
			Points: pts, Polarity: Polarity(rng.IntN(3)), Target: &target,
			Current: &current, Reference: &reference, CurrentLabel: "now", ReferenceLabel: "before",
		}
	}
	return inputs
}

// BenchmarkAnalyse times one whole population (10,000 indicators of 60 points) per operation.
func BenchmarkAnalyse(b *testing.B) {
	inputs := benchInputs()
	for _, method := range Methods {
		b.Run(string(method), func(b *testing.B) {
			cfg := DefaultConfig()
			cfg.Method = method
			cfg.Window = 20
			b.ReportAllocs()
			for b.Loop() {
				for _, in := range inputs {
					Analyse(cfg, in)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchIndicators, "ns/indicator")
		})
	}
}

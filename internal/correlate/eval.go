package correlate

// Scores compares a clustering with the truth over the same items, pair by
// pair: precision is the share of pairs put together that belong together,
// recall the share of pairs that belong together that were put together.
// Counting through the contingency table costs one pass, not n² pairs.
type Scores struct {
	Items int
	// PredictedPairs, TruePairs and CorrectPairs count unordered pairs.
	PredictedPairs, TruePairs, CorrectPairs int64
	Precision, Recall                       float64
}

// PairwiseScores scores predicted labels against true labels; pred[i] and
// truth[i] label item i.
func PairwiseScores(pred, truth []string) Scores {
	s := Scores{Items: len(pred)}
	byPred := map[string]int64{}
	byTrue := map[string]int64{}
	byBoth := map[[2]string]int64{}
	for i := range pred {
		byPred[pred[i]]++
		byTrue[truth[i]]++
		byBoth[[2]string{pred[i], truth[i]}]++
	}
	pairs := func(m map[string]int64) (n int64) {
		for _, c := range m {
			n += c * (c - 1) / 2
		}
		return n
	}
	s.PredictedPairs, s.TruePairs = pairs(byPred), pairs(byTrue)
	for _, c := range byBoth {
		s.CorrectPairs += c * (c - 1) / 2
	}
	s.Precision, s.Recall = 1, 1
	if s.PredictedPairs > 0 {
		s.Precision = float64(s.CorrectPairs) / float64(s.PredictedPairs)
	}
	if s.TruePairs > 0 {
		s.Recall = float64(s.CorrectPairs) / float64(s.TruePairs)
	}
	return s
}

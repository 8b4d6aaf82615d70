package org.relief.assessment;

import java.util.Map;

/** Scores one set of answers (item id -> option value; unanswered items are absent). */
@FunctionalInterface
public interface Scorer {

    Score score(Instrument instrument, Map<String, Integer> answers);
}

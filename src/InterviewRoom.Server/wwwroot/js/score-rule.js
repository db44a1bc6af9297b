// The scoring rule (docs/rubrics.md, "The scoring rule"), the same as the server's ScoreCalculator.Suggest:
// both are tested against one table (tests/InterviewRoom.Tests/Scoring/suggested-overall-table.json) and
// against each other over every rating pattern of rubrics of one to six items.

/**
 * The suggested overall 1..5 from the ratings given so far, or null when nothing is rated.
 * `criteria` is the rubric's list ({ id, core }); `ratings` a Map from criterion id to 0 | 1 | 2. A criterion
 * left unrated counts as not shown (0) here, and is reported as not rated.
 */
export function suggestedOverall(criteria, ratings) {
  if (!criteria.length || !ratings.size) return null;
  const anyCore = criteria.some(c => c.core);
  let corePoints = 0, coreCount = 0, otherPoints = 0, otherCount = 0, clearly = 0, worstCore = 2;
  for (const criterion of criteria) {
    const rating = ratings.get(criterion.id) ?? 0;
    if (rating === 2) clearly++;
    if (criterion.core || !anyCore) {
      corePoints += rating;
      coreCount++;
      worstCore = Math.min(worstCore, rating);
    } else {
      otherPoints += rating;
      otherCount++;
    }
  }
  if (corePoints + otherPoints === 0) return 1;
  if (otherCount === 0) [otherPoints, otherCount] = [corePoints, coreCount];
  // 1 + corePoints/coreCount + otherPoints/otherCount, halves up, in integers (no floating-point surprises).
  const numerator = corePoints * otherCount + otherPoints * coreCount;
  const denominator = coreCount * otherCount;
  let suggestion = Math.max(2, 1 + Math.floor((2 * numerator + denominator) / (2 * denominator)));
  if (worstCore === 0) suggestion = Math.min(suggestion, 3);
  else if (worstCore === 1) suggestion = Math.min(suggestion, 4);
  return Math.min(suggestion, 2 + clearly);
}

/** A ticked red flag (the standard "said something wrong" included) caps the overall at 2. */
export const redFlagCap = 2;

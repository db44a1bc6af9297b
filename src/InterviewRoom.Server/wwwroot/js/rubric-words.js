// How a rubric reads on the pages: where each item came from, and the anchor of each level (this question's
// own anchors for 1, 3 and 5 where the rubric has them, the generic frame for the rest).

const legacyGuidance = { lookFor: "Look for", whatToExpect: "What to expect", interviewerWants: "What the interviewer wants", other: "Guidance sentence" };

/** "From the question's guidance (Look for)", "From the reference answer", "Added by a reviewer", … */
export function provenance(item) {
  const detail = item.sourceDetail ? ` (${item.sourceDetail})` : "";
  switch (item.source) {
    case "guidance": return `From the question's guidance${detail}`;
    case "referenceAnswer": return `From the reference answer${detail}`;
    case "reviewed": return `Added by a reviewer${detail}`;
    case "standard": return `Standard for every rubric${detail}`;
    default:
      // Rubric versions stored before provenance was recorded name the guidance label itself.
      if (legacyGuidance[item.source]) return `From the question's guidance (${legacyGuidance[item.source]})`;
      return item.source ? `Source: ${item.source}` : "";
  }
}

/** The anchor of one level: this question's own (1, 3, 5) first, else the generic scale's. */
export function anchorOf(rubric, score) {
  return rubric?.anchors?.find(a => a.score === score)?.anchor
    ?? rubric?.scale?.find(a => a.score === score)?.anchor
    ?? "";
}

/** True for the standard "said something wrong" tick every rubric has. */
export const isStandardFlag = flag => flag.source === "standard";

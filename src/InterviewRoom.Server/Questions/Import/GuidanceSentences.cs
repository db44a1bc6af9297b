using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Unlabelled guidance: sentences about the candidate or the question rather than about the subject. Every pattern
/// below was found in the seed (question numbers in brackets):
/// "A good candidate should/might…" [10, 113, 133, 182], "Listen for answers that mention…" [133],
/// "Candidates might mention…" [71, 130], "Candidates should be aware…" [76], "Strong answers should…" [71],
/// "An ideal response should…" [130], "Look for answers/candidates…" [71, 130], "A strong answer should…" [122],
/// "A strong candidate describes…" [151], "Applicants should be able to…" and "They may mention…" [160],
/// "A senior developer should explain…" [192], "This question tests/gives you…" [14, 111],
/// "Your response gives the interviewer…" [14], "Interviewers use this question…" [25],
/// "Your interviewer will…" and "Address each part…" [167], "…you should be able to…" [179],
/// and coaching imperatives before a sample answer: "Explain that…" [116], "Discuss how…" [144], "Talk about…" [173].
/// "Applicants should know that X" [55 twice] is guidance whose X is also the answer: X stays in the answer.
/// </summary>
internal static partial class GuidanceSentences
{
    public static bool IsGuidance(string sentence) =>
        GuidanceStart().IsMatch(sentence) || ShouldBeAbleTo().IsMatch(sentence);

    /// <summary>"Applicants should know that X" is guidance, and X (capitalised) is still the reference answer.</summary>
    public static bool TryRestate(string sentence, out string content)
    {
        var match = ShouldKnowThat().Match(sentence);
        content = match.Success ? char.ToUpperInvariant(match.Groups[1].Value[0]) + match.Groups[1].Value[1..] : string.Empty;
        return match.Success;
    }

    [GeneratedRegex(
        @"^\*?\s*(A (good|strong) (candidate|answer)s?\b|An? (ideal|strong|good) (response|answer|candidate)\b"
        + @"|Strong (answers?|candidates?|responses?)\b|(Candidates|Applicants) (might|should|may|will|must|need|can)\b"
        + @"|Listen for\b|Look for (answers|candidates|someone|evidence)\b|They (may|might) mention\b"
        + @"|This question (tests|gives|assesses|is designed|helps)\b|Your (response|answer) (gives|shows|tells)\b"
        + @"|Interviewers? (use|uses|want|wants|will|typically|are looking)\b|Your interviewer\b|Address each part\b"
        + @"|A senior (developer|engineer|candidate) should\b|Explain that\b|Discuss how\b|Talk about\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex GuidanceStart();

    [GeneratedRegex(@"\byou should be able to\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShouldBeAbleTo();

    [GeneratedRegex(@"^(?:Applicants|Candidates) should know that (\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ShouldKnowThat();
}

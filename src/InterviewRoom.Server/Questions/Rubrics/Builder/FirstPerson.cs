using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// First person in a reference answer: finding it (I, me, my, we, us, our… anywhere in a sentence, "I/O" aside),
/// telling a past story from a present habit, and turning a technical answer's first person into the third
/// ("In Node.js, I handle…" becomes "in Node.js, they handle…", 74). "They" takes the same verb form as "I" and
/// "we" except for "am" and "was", so the swap keeps the sentence grammatical. Checked on the seed's first-person
/// answers: stories (1, 23, 52, 54, 139, 159, 184) and technical ones (25, 26, 40, 42, 74, 78, 98, 146, 199).
/// </summary>
internal static partial class FirstPerson
{
    public static bool Contains(string text) => Pronoun().IsMatch(text);

    /// <summary>True when at least half of the sentences speak in the first person.</summary>
    public static bool Dominates(IReadOnlyList<string> sentences) =>
        sentences.Count > 0 && sentences.Count(Contains) * 2 >= sentences.Count;

    /// <summary>"I led…", "we were making…", "My team was awarded…": the sentence tells what happened once.</summary>
    public static bool IsPastNarrative(string sentence) => PastNarrative().IsMatch(sentence);

    /// <summary>Swaps first-person pronouns for third-person ones (I → they, my → their, we → they, us → them…).</summary>
    public static string ToThirdPerson(string text) => OutsideQuotes(text, SwapFirst);

    /// <summary>Applies a rewrite to the text outside quotations ("'eating your own food'" stays as quoted, 7).</summary>
    private static string OutsideQuotes(string text, Func<string, string> rewrite) =>
        string.Concat(Quotation().Split(text).Select(part => Quotation().IsMatch(part) ? part : rewrite(part)));

    private static string SwapFirst(string text)
    {
        var swapped = IAm().Replace(text, m => Cased(m.Value, "they are"));
        swapped = IWas().Replace(swapped, m => Cased(m.Value, "they were"));
        return Swappable().Replace(swapped, m => Cased(m.Value, m.Value.ToLowerInvariant() switch
        {
            "i" or "we" => "they",
            "i'm" or "we're" => "they're",
            "i've" or "we've" => "they've",
            "i'd" or "we'd" => "they'd",
            "i'll" or "we'll" => "they'll",
            "me" or "us" => "them",
            "my" or "our" => "their",
            "mine" or "ours" => "theirs",
            "myself" or "ourselves" => "themselves",
            _ => m.Value,
        }));
    }

    /// <summary>Generic "you" in an answer or in coaching becomes "they" (your → their, yourself → themselves…).</summary>
    public static string SecondToThird(string text) => OutsideQuotes(text, SwapSecond);

    private static string SwapSecond(string text) =>
        SecondPerson().Replace(ObjectYou().Replace(text, "them"), m => Cased(m.Value, m.Value.ToLowerInvariant() switch
        {
            "you're" => "they're",
            "you've" => "they've",
            "you'd" => "they'd",
            "you'll" => "they'll",
            "your" => "their",
            "yours" => "theirs",
            "yourself" or "yourselves" => "themselves",
            _ => "they",
        }));

    public static bool ContainsSecondPerson(string text) => SecondPerson().IsMatch(text);

    private static string Cased(string original, string replacement) =>
        original.Length > 0 && char.IsUpper(original[0]) && !(original == "I" || original.StartsWith("I'", StringComparison.Ordinal))
            ? ItemText.UpperFirst(replacement)
            : replacement;

    // "I" only as a word on its own ("I/O" and "I-" are not the pronoun); "us" only in lower case ("US" is a country).
    [GeneratedRegex(@"\bI(?![/\-])(?:'(?:m|ve|d|ll))?\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|Us|[Oo]ur|[Oo]urs|[Oo]urselves|[Ll]et's)\b")]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b(?:you(?:'(?:re|ve|d|ll))?|your|yours|yourself|yourselves)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(@"(?<=\b(?:to|for|with|at|by|from|give|gives|help|helps|let|lets|allow|allows|tell|tells|show|shows|ask|asks|about|of|than)\s)you\b")]
    private static partial Regex ObjectYou();

    [GeneratedRegex(@"((?<=^|[\s(])'[^']{2,80}'(?=$|[\s.,;:)!?])|""[^""]{2,80}""|“[^”]{2,80}”)")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"\bI am\b")]
    private static partial Regex IAm();

    [GeneratedRegex(@"\bI was\b")]
    private static partial Regex IWas();

    [GeneratedRegex(@"\bI(?![/\-])(?:'(?:m|ve|d|ll))?\b|\b(?:[Ww]e(?:'(?:re|ve|d|ll))?|[Mm]e|us|[Mm]y|[Oo]ur|[Mm]ine|[Oo]urs|[Mm]yself|[Oo]urselves)\b")]
    private static partial Regex Swappable();

    [GeneratedRegex(
        @"\b(?:I|[Ww]e|[Mm]y team|[Oo]ur team)\s+(?:\w+ly\s+|also\s+|then\s+|first\s+)?"
        + @"(?:was|were|had|did|led|built|wrote|rewrote|took|made|found|ran|spent|began|chose|got|gave|saw|kept|brought|"
        + @"thought|knew|met|sent|taught|noticed|\w+ed)\b")]
    private static partial Regex PastNarrative();
}

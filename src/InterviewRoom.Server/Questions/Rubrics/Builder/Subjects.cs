using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Dangling openings of reference-answer sentences. A connective is dropped ("So, APIs are…", 73; "Then during
/// subsequent requests…", 29; "Also,…"); "It"/"They" become the subject of the sentence before when it has a plain one
/// ("It is a stronger condition than lock-freedom" → "A wait-free algorithm is…", 22; "It's used when…" → "Sharding
/// is used when…", 49); "This design"/"These calls" become "The design"/"The calls" (193, 140); a bare "This"/"These"
/// ("This reduces manual effort…", 19; "Understanding these helps…", 81) cannot be resolved and the sentence is dropped.
/// </summary>
internal static partial class Subjects
{
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "should", "may", "might",
        "must", "does", "do", "did", "also",
    };

    /// <summary>The plain subject of a sentence ("A wait-free algorithm guarantees…" → "A wait-free algorithm"), or null.</summary>
    public static string? Of(string sentence)
    {
        var text = Appositive().Replace(IntroPhrase().Replace(StripConnective(sentence), string.Empty), string.Empty);
        var match = SubjectPattern().Match(text);
        if (!match.Success)
        {
            // "Optimistic locking checks if…" (99): two or more words, then a verb in -s.
            match = SubjectThenVerb().Match(text);
        }

        return match.Success && !Pronoun().IsMatch(match.Groups["subject"].Value) && !Preposition().IsMatch(match.Groups["subject"].Value)
            ? match.Groups["subject"].Value
            : null;
    }

    /// <summary>Removes a leading connective ("So,", "Then", "Also,", "However,", "Finally,"…) and capitalises what is left.</summary>
    public static string StripConnective(string sentence)
    {
        var text = MidConnective().Replace(sentence, string.Empty);
        var stripped = Connective().Replace(text, string.Empty);
        return stripped.Length == text.Length ? text : ItemText.UpperFirst(stripped);
    }

    /// <summary>The sentence with a dangling opening resolved, or null when it cannot be.</summary>
    public static string? Resolve(string sentence, string? previousSubject)
    {
        var text = StripConnective(sentence);
        var intro = IntroPhrase().Match(text);
        if (intro.Success && Called().IsMatch(text[intro.Length..]))
        {
            // "If two keys hash to the same index, this is called a collision" (144): "this" is the situation.
            return text;
        }

        if (intro.Success && text.Length > intro.Length)
        {
            var start = text[intro.Length..];
            var rest = ResolveStart(ItemText.UpperFirst(start), previousSubject);
            var changed = rest is not null && rest != ItemText.UpperFirst(start);
            return rest is null ? null
                : !changed ? text
                : intro.Value + (rest.Split(' ')[0].Skip(1).Any(char.IsUpper) ? rest : char.ToLowerInvariant(rest[0]) + rest[1..]);
        }

        return ResolveStart(text, previousSubject);
    }

    private static string? ResolveStart(string text, string? previousSubject)
    {
        var expletive = Expletive().Match(text);
        if (expletive.Success)
        {
            // "It's crucial to be careful and ensure…" (61): no referent, an instruction.
            return ItemText.UpperFirst(expletive.Groups["rest"].Value);
        }

        var it = ItOrThey().Match(text);
        if (it.Success)
        {
            var verb = it.Groups["s"].Success ? " is" : it.Groups["re"].Success ? " are" : string.Empty;
            if (previousSubject is null || Called().IsMatch(text))
            {
                return null;
            }

            var rest = text[it.Length..];
            if (text.StartsWith("They", StringComparison.Ordinal) && !IsPlural(previousSubject))
            {
                // "They are responsible…" after "A back-end developer…" (135): the verb follows the subject.
                rest = SingularVerb().Replace(rest, m => m.Value switch { "are" => "is", "have" => "has", "were" => "was", _ => m.Value });
                verb = verb == " are" ? " is" : verb;
            }

            return $"{ItemText.UpperFirst(previousSubject)}{verb} {rest}";
        }

        var demonstrative = Demonstrative().Match(text);
        if (demonstrative.Success)
        {
            var word = demonstrative.Groups["word"].Value;
            var next = demonstrative.Groups["next"].Value;
            if (Auxiliaries.Contains(word))
            {
                return previousSubject is null ? null : $"{ItemText.UpperFirst(previousSubject)} {text[(demonstrative.Groups["word"].Index)..]}";
            }

            var plural = demonstrative.Value.StartsWith("These", StringComparison.Ordinal) || demonstrative.Value.StartsWith("Those", StringComparison.Ordinal);
            if (plural && !word.EndsWith('s'))
            {
                // "These affect programming by…" (155): a plural pronoun and its verb.
                return previousSubject is null ? null : $"{ItemText.UpperFirst(previousSubject)} {text[demonstrative.Groups["word"].Index..]}";
            }

            var verbLike = !plural && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !Auxiliaries.Contains(next);
            return verbLike ? null : "The " + text[demonstrative.Groups["word"].Index..];
        }

        return BarePronounEarly().IsMatch(text) ? null : text;
    }

    private static bool IsPlural(string subject) =>
        subject.Split(' ')[^1] is var head && head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:To|In|For|If|When|As|At|On|By|With|From|And|Or|But|So|Then|Once|While)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"^(?:This|It|That) is (?:called|known as|referred to as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Called();

    [GeneratedRegex(@"^(?:are|have|were)\b")]
    private static partial Regex SingularVerb();

    [GeneratedRegex(@"^(?:That way|This way|In this way|In that way|As such|So|Then|Also|Additionally|Moreover|Furthermore|Further|However|Finally|Lastly|Therefore|Thus|Hence|Besides|Plus|Otherwise|In addition|In contrast|On the other hand|As a result|Overall|In short|In summary|Still)\b,?\s+")]
    private static partial Regex Connective();

    [GeneratedRegex(@",\s+(?:on the other hand|however|in contrast|though)\s*,")]
    private static partial Regex MidConnective();

    [GeneratedRegex(@"^(?:In|For|At|With|During|On|When|Within|Across|Under|If|Once|After|Before|While|Although|Since|Because|Unlike|Depending on)\s+[^,]{2,80},\s+")]
    private static partial Regex IntroPhrase();

    [GeneratedRegex(@",\s+(?:also (?:called|known as)|or|i\.e\.|aka|like|such as|e\.g\.|including)\s+[^,]+,")]
    private static partial Regex Appositive();

    [GeneratedRegex(
        @"^(?<subject>(?:(?:A|An|The)\s+)?[\w'./()-]+(?:\s+[\w'./()-]+){0,5}?)\s+(?=(?:is|are|was|were|has|have|can|could|will|would|should|may|might|must|does|"
        + @"means|refers|involves|provides|allows|uses|helps|consists|occurs|works|guarantees|reorganizes|restricts|separates|maps|distributes|sits|"
        + @"stores|creates|encapsulates|explores|extends|isolates|acts|offers|focuses|prioritizes|emphasizes|requires|enforces|reduces|improves|"
        + @"ensures|manages|handles|represents|contains|specifies|defines|describes|walks|applies|accepts|exposes|reacts|lets|enables|supports|"
        + @"provide|allow|use|help|ensure|offer|require|support|enable|improve|share|need|consist|depend|do|don't|doesn't)\b)")]
    private static partial Regex SubjectPattern();

    [GeneratedRegex(@"^(?<subject>(?:(?:A|An|The)\s+)?[A-Z]?[\w'-]+\s+[\w'-]+(?:\s+[\w'-]+)?)\s+(?=[a-z]+(?:[^s\W]s|es)\s+(?:a|an|the|if|for|to|on|in|with|that|data|all|each)\b)")]
    private static partial Regex SubjectThenVerb();

    [GeneratedRegex(@"^(?:it|its|this|that|these|those|they|them|their|i|we|you|he|she|there|here|one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^It(?:'s| is)\s+(?:(?:also|very|always|often|usually|generally|a good|good)\s+)?(?:crucial|important|essential|necessary|best|better|wise|vital|key|critical|advisable|recommended|practice|idea)\s+to\s+(?<rest>.+)$")]
    private static partial Regex Expletive();

    [GeneratedRegex(@"^(?:It(?<s>'s)|It|They(?<re>'re)|They)\s+")]
    private static partial Regex ItOrThey();

    [GeneratedRegex(@"^(?:This|These|That|Those)\s+(?<word>[\w'-]+)(?:\s+(?<next>[\w'-]+))?")]
    private static partial Regex Demonstrative();

    // "Understanding these helps…": a demonstrative with no noun among the first words.
    [GeneratedRegex(@"^(?:\S+\s+){1,2}(?:these|this|those)\s+(?:is|are|helps?|allows?|means|makes?|can|will|ensures?)\b|\b(?:on|to|with|of|about)\s+(?:those|these)\s*(?:and\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BarePronounEarly();
}

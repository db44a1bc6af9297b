using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>What a question's guidance gives the rubric: draft items in document order, and notes for the interviewer.</summary>
internal sealed record GuidanceDrafts(IReadOnlyList<Draft> Drafts, IReadOnlyList<string> Notes);

/// <summary>
/// Criteria from a question's guidance (everything but "Red flag:"): each sentence loses its lead-in
/// (<see cref="LeadIns"/>), a list in it gives one item per element ("Mentions indexing", "Mentions query
/// restructuring", "Mentions analyzing the execution plan", 133), "such as" examples join their noun ("Names common
/// sorting algorithms (e.g. quick sort, merge sort)", 10), a shared subject is repeated ("Explains how a hash table
/// handles collisions", 144), qualities become observable (<see cref="Traits"/>). SourceDetail is the label: "Look
/// for", "What to expect", "What the interviewer wants", "Hint", "How to structure your answer" or "Guidance
/// sentence". Checked on all 56 guidance items of the seed.
/// </summary>
internal static partial class GuidanceItems
{
    public static GuidanceDrafts From(ParsedQuestion question, string context)
    {
        var drafts = new List<Draft>();
        var notes = new List<string>();
        var group = 0;
        foreach (var item in question.Guidance.Where(g => g.Kind != GuidanceKind.RedFlag))
        {
            var detail = Label(item);
            foreach (var sentence in SentencesOf(item.Text))
            {
                group++;
                var stripped = LeadIns.Strip(ItemText.Tidy(sentence));
                if (stripped.Use == SentenceUse.Note)
                {
                    notes.Add(stripped.Rest);
                }
                else if (stripped.Use == SentenceUse.Content)
                {
                    drafts.AddRange(Phrase(stripped.Rest, stripped.Verb, context)
                        .Select(p => new Draft(p.Text, RubricSources.Guidance, detail, Restates(p.Text, question.Text) ? DraftRole.Vague : p.Role) { Group = group }));
                }
            }
        }

        return new GuidanceDrafts(drafts, notes);
    }

    /// <summary>"Names the steps required to complete performance testing processes" (76) only restates the question.</summary>
    private static bool Restates(string item, string question)
    {
        var words = ItemText.Words(item).Skip(1).Where(w => w.Length >= 4).Select(w => w[..Math.Min(5, w.Length)]).ToList();
        var asked = ItemText.Words(question).Select(w => w[..Math.Min(5, w.Length)]).ToHashSet();
        return words.Count >= 3 && words.Count(asked.Contains) >= 0.7 * words.Count;
    }

    /// <summary>The lines of a guidance list, or the sentences of guidance prose.</summary>
    public static IEnumerable<string> SentencesOf(string text) =>
        KeyPoints.Lines(text).SelectMany(Sentences.Split).Where(s => s.Length > 0);

    private static string Label(GuidanceItem item) => item.Kind switch
    {
        GuidanceKind.LookFor => "Look for",
        GuidanceKind.WhatToExpect => "What to expect",
        GuidanceKind.InterviewerWants => "What the interviewer wants",
        _ when item.Text.StartsWith("Hint:", StringComparison.OrdinalIgnoreCase) => "Hint",
        _ when item.Text.StartsWith("How to structure your answer", StringComparison.OrdinalIgnoreCase) => "How to structure your answer",
        _ => "Guidance sentence",
    };

    private static IEnumerable<(string Text, DraftRole Role)> Phrase(string rest, string? verb, string context)
    {
        var content = TailToDrop().Replace(ItemText.Tidy(rest), string.Empty);
        var possessor = Possessors().Matches(content) is { Count: 1 } one ? one[0].Value : null;
        var pieces = new List<(string Text, string? Verb)>();
        var more = MoreVerbs().Match(content);
        if (more.Success && verb is not null)
        {
            pieces.Add((content[..more.Index], verb));
            var words = more.Groups["verb"].Value.Split(' ');
            pieces.Add((content[(more.Index + more.Length)..], string.Join(' ', [Verbs.ThirdPerson(ItemText.UpperFirst(words[0])), .. words[1..]])));
        }
        else
        {
            pieces.Add((content, verb));
        }

        foreach (var (text, pieceVerb) in pieces)
        {
            foreach (var (item, role) in PhraseOne(text.Trim(), pieceVerb, context))
            {
                var resolved = possessor is null ? item : Its().Replace(item, possessor);
                foreach (var fitted in Clauses.Fit(resolved, ItemText.MaxLength))
                {
                    yield return (ItemText.UpperFirst(ItemText.Tidy(fitted)), role);
                }
            }
        }
    }

    private static IEnumerable<(string Text, DraftRole Role)> PhraseOne(string content, string? verb, string context)
    {
        if (verb == "Says")
        {
            // "Explain that horizontal scaling involves…, while vertical scaling involves…" is two statements (116).
            return Contrast().Split(content).Select(c => (ItemText.WithVerb("Says", c.Trim(), context), DraftRole.Content));
        }

        if (Bundles.Find(content) is { } bundle)
        {
            return GuidanceBundles.Items(bundle, verb, context);
        }

        var pair = Bundles.SplitPair(content, andOnly: true);
        if (pair is not null && ((verb is null && SecondHalf().IsMatch(pair[1])) || verb is "Mentions" or "Names" or "Explains"))
        {
            var second = verb is null && HowClause().IsMatch(pair[1]) ? Traits.StateOfMind(pair[0])?.Verb ?? "Explains" : verb;
            return [.. One(pair[0], verb, context), .. One(pair[1], second, context)];
        }

        return One(content, verb, context);
    }

    internal static IEnumerable<(string Text, DraftRole Role)> One(string content, string? verb, string context) =>
        verb switch
        {
            null => [Traits.FromNounPhrase(content, context)],
            "" => [(ItemText.UpperFirst(content), DraftRole.Content)],
            _ => [(ItemText.WithVerb(verb, content, context), Traits.IsVague(content) ? DraftRole.Vague : DraftRole.Content)],
        };

    [GeneratedRegex(@",\s+(?:while|whereas)\s+")]
    private static partial Regex Contrast();

    [GeneratedRegex(@"\s+(?:as (?:strategies|ways|examples|techniques|methods|approaches) (?:they|the candidate|candidates) \w+|when responding to (?:this|the) (?:interview )?question)$", RegexOptions.IgnoreCase)]
    private static partial Regex TailToDrop();

    [GeneratedRegex(@"\s+and\s+(?:be able to\s+)?(?<verb>explain|describe|talk about|give|say|mention|discuss|show|name)\b\s*")]
    private static partial Regex MoreVerbs();

    [GeneratedRegex(@"\b[A-Z][\w.#+-]*'s\b")]
    private static partial Regex Possessors();

    [GeneratedRegex(@"\bits\b(?=\s+\w)")]
    private static partial Regex Its();

    [GeneratedRegex(@"^(?:practical|hands-on|clear|strong|how|what|why|the ability|ability|experience|knowledge|understanding|familiarity)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecondHalf();

    [GeneratedRegex(@"^(?:how|what|why|when|where|whether)\b", RegexOptions.IgnoreCase)]
    internal static partial Regex HowClause();

}

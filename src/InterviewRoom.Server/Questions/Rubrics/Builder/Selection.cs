using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>Everything a rubric could hold, in the order the builder prefers it.</summary>
internal sealed record Candidates(
    IReadOnlyList<Draft> Guidance,
    IReadOnlyList<Draft> Answer,
    IReadOnlyList<Criterion> Question,
    IReadOnlyList<Criterion>? Story,
    IReadOnlyList<Criterion> Fillers);

/// <summary>
/// Chooses at most <see cref="Max"/> criteria and marks the core ones (the rule is on <see cref="RubricBuilder"/>).
/// Guidance comes first (content, then qualities, then broad items), then the question's own items, then the
/// reference answer's points; an item that repeats one already chosen is skipped; a bundle is split into its parts
/// while the rubric has room ("Says disadvantages include A, B, C and D" → four "Mentions" items, 13); examples and
/// anecdotes come last; generic items fill a rubric that would have fewer than three. Checked on the seed: 12 and 23
/// (story with guidance), 13 and 24 (bundles split), 55, 116 and 144 (answer repeating guidance), 76 (broad guidance
/// after the answer), 2 and 59 (generic items).
/// </summary>
internal static class Selection
{
    public const int Max = 6;

    private const int Min = 3;

    public static IReadOnlyList<Criterion> Choose(Candidates candidates)
    {
        var guidance = candidates.Guidance.OrderBy(d => d.Role).ToList();
        var chosen = new List<Draft>();
        var question = candidates.Question.Select(c => ToDraft(c, c.SourceDetail)).ToList();
        if (candidates.Story is { } story)
        {
            var storyCore = story.Where(s => s.Core).Select(s => ToDraft(s, s.SourceDetail)).ToList();
            Add(chosen, [.. question, .. guidance], Max - storyCore.Count);
            chosen.AddRange(storyCore);
            Add(chosen, [.. story.Where(s => !s.Core).Select(s => ToDraft(s, s.SourceDetail))], Max);
            chosen = [.. chosen.OrderBy(d => d.Detail == StoryStructure.Detail ? StoryOrder(story, d) : -1)];
        }
        else
        {
            Add(chosen, [.. question, .. guidance.Where(d => d.Role != DraftRole.Vague), .. candidates.Answer.Where(d => d.Role != DraftRole.Example)], Max);
            Add(chosen, [.. guidance.Where(d => d.Role == DraftRole.Vague)], Max);
            Split(chosen);
            Add(chosen, [.. candidates.Answer.Where(d => d.Role == DraftRole.Example)], Max);
        }

        if (chosen.Count < Min)
        {
            Add(chosen, [.. candidates.Fillers.Select(f => ToDraft(f, f.SourceDetail))], Min);
        }

        var core = CoreOf(chosen, candidates);
        return [.. chosen.Select((d, i) => new Criterion($"c{i + 1}", d.Text, d.Source, core.Contains(d), d.Detail))];
    }

    private static void Add(List<Draft> chosen, IEnumerable<Draft> more, int upTo)
    {
        foreach (var draft in more)
        {
            if (chosen.Count >= upTo)
            {
                return;
            }

            if (ItemText.IsUsable(draft.Text) && !chosen.Any(c => Similar(c.Text, draft.Text)))
            {
                chosen.Add(draft);
            }
        }
    }

    /// <summary>Splits bundles into their parts, first to last, while the rubric stays within <see cref="Max"/>.</summary>
    private static void Split(List<Draft> chosen)
    {
        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen[i].Parts is { Count: > 1 } parts && chosen.Count - 1 + parts.Count <= Max)
            {
                var draft = chosen[i];
                var fresh = parts.Where(p => !chosen.Where((_, k) => k != i).Any(c => Similar(c.Text, p))).ToList();
                chosen.RemoveAt(i);
                chosen.InsertRange(i, fresh.Select((p, k) => draft with { Text = p, Parts = null, Lead = draft.Lead && k == 0 }));
                i += fresh.Count - 1;
            }
        }
    }

    /// <summary>
    /// Story: the own-role and result items, plus the question's item when there is one, else the situation.
    /// Otherwise: the question's items when the answer does not answer it; else the first guidance sentence with two or
    /// more content items (or with one), up to three; else the reference answer's first two points.
    /// </summary>
    private static HashSet<Draft> CoreOf(List<Draft> chosen, Candidates candidates)
    {
        var limit = chosen.Count >= Min ? Math.Min(3, chosen.Count - 1) : chosen.Count;
        IEnumerable<Draft> core;
        if (candidates.Story is not null)
        {
            var fromQuestion = chosen.Where(d => d.Detail == QuestionItems.FromQuestion).Take(1).ToList();
            var storyCore = candidates.Story.Where(s => s.Core).Select(s => s.Text).ToList();
            core = fromQuestion.Concat(chosen.Where(d => storyCore.Contains(d.Text)).Skip(fromQuestion.Count > 0 ? 1 : 0));
        }
        else if (chosen.Any(d => d.Detail == QuestionItems.FromQuestion))
        {
            core = chosen.Where(d => d.Detail == QuestionItems.FromQuestion);
        }
        else
        {
            var content = chosen.Where(d => d.Source == RubricSources.Guidance && d.Role == DraftRole.Content).ToList();
            var groups = content.GroupBy(d => d.Group).ToList();
            var group = groups.FirstOrDefault(g => g.Count() >= 2) ?? groups.FirstOrDefault();
            core = group is not null ? group : chosen.Where(d => d.Source == RubricSources.ReferenceAnswer && d.Role == DraftRole.Content).Take(2);
        }

        var marked = core.Take(limit).ToHashSet();
        if (marked.Count == 0 && chosen.Count > 0)
        {
            marked.Add(chosen[0]);
        }

        return marked;
    }

    private static int StoryOrder(IReadOnlyList<Criterion> story, Draft draft) =>
        story.Select((s, i) => (s.Text, i)).FirstOrDefault(s => s.Text == draft.Text).i;

    private static Draft ToDraft(Criterion criterion, string? detail) =>
        new(criterion.Text, criterion.Source, detail);

    /// <summary>Two items say the same when most of the shorter one's words are in the longer one.</summary>
    public static bool Similar(string a, string b)
    {
        var left = Stems(a);
        var right = Stems(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return false;
        }

        var shared = left.Intersect(right).Count();
        var smaller = Math.Min(left.Count, right.Count);
        var larger = Math.Max(left.Count, right.Count);
        return (smaller >= 2 && shared >= 0.7 * smaller && larger <= 2 * smaller) || left.SetEquals(right);
    }

    private static HashSet<string> Stems(string text) =>
        [.. ItemText.Words(text).Where(w => w.Length >= 4 && !Ignored.Contains(w)).Select(w => w.Length > 5 ? w[..5] : w)];

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "says", "mentions", "names", "explains", "describes", "gives", "that", "with", "they", "their", "this", "from",
        "which", "when", "about", "into", "also", "what", "have", "them", "such", "like", "more", "than", "each",
    };
}

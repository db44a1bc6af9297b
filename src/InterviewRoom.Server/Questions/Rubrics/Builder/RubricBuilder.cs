using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Builds the rubric of a question that has no reviewed one, for any bank (RUBRICS.md). The same input always gives
/// the same rubric.
/// <list type="bullet">
/// <item><b>Criteria</b>: 3 to 6 items, one checkable thing each, at most 180 characters, never cut. Guidance first
/// (<see cref="GuidanceItems"/>: lead-ins stripped, lists split, qualities made observable; coaching and remarks about
/// the question go to the note or are dropped), then the reference answer's key points (<see cref="KeyPoints"/>:
/// table rows, list elements, the lead definition, statements; code left out; first person turned into the third).
/// A question that asks for the candidate's own experience gets the structure of a good story instead of the sample
/// story (<see cref="StoryStructure"/>). When the answer does not answer the question, or the source gives little, the
/// question's own items come in (<see cref="QuestionItems"/>); generic items fill a rubric that would have fewer
/// than three. Ids "c1".."cn" in order.</item>
/// <item><b>Core</b> (1 to 3, at least one item left non-core when there are three or more): in a story rubric, the
/// candidate's own role and the result, with the question's item when there is one or else the situation; when the
/// answer does not answer the question, the question's items; otherwise the first guidance sentence that gives two
/// or more content items (or one), else the reference answer's first two points (the lead definition and the first
/// point).</item>
/// <item><b>Provenance</b>: <see cref="RubricSources.Guidance"/> with the label as SourceDetail ("Look for", "What to
/// expect", "What the interviewer wants", "Hint", "How to structure your answer", "Guidance sentence"),
/// <see cref="RubricSources.ReferenceAnswer"/>, or <see cref="RubricSources.Standard"/> ("story structure", "from the
/// question", "generic: …").</item>
/// <item><b>Red flags</b>: every "Red flag:" of the source (<see cref="RedFlagItems"/>), then the standard "said
/// something wrong" tick.</item>
/// <item><b>Anchors</b> 1, 3 and 5 written from the items (<see cref="Anchors"/>).</item>
/// <item><b>Note</b>: a duplicate's original, the story note, remarks the guidance makes about the question;
/// <b>NeedsReview</b>: the importer's reason when the answer does not answer the question.</item>
/// </list>
/// </summary>
public static partial class RubricBuilder
{
    private const int MaxNote = 600;

    public static RubricContent Build(ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var context = string.Join('\n', [question.Text, question.ReferenceAnswer, .. question.Guidance.Select(g => g.Text)]);
        var guidance = GuidanceItems.From(question, context);
        var story = StoryStructure.Applies(question);
        var answer = story ? [] : WithoutFlaggedWords(KeyPoints.From(question.ReferenceAnswer, context), question.AnswerMismatch);
        var guidanceContent = guidance.Drafts.Count(d => d.Role == DraftRole.Content);
        var needsQuestion = question.AnswerMismatch is not null
            && (story || guidanceContent < 3 || guidance.Drafts.Count + answer.Count(d => d.Role != DraftRole.Example) < 3);
        var criteria = Selection.Choose(new Candidates(
            guidance.Drafts,
            answer,
            needsQuestion ? QuestionItems.For(question) : [],
            story ? StoryStructure.Items(question) : null,
            QuestionItems.Fillers(question.Kind)));

        var redFlags = RedFlagItems.From(question);
        var notes = new List<string>();
        if (question.DuplicateOfNumber is { } original)
        {
            notes.Add($"Same question as {original}.");
        }

        if (story && FirstPerson.Contains(question.ReferenceAnswer))
        {
            notes.Add(StoryStructure.Note);
        }

        notes.AddRange(guidance.Notes);
        return new RubricContent(
            criteria,
            StandardItems.WithSaidSomethingWrong(redFlags),
            Anchors.For(criteria, redFlags, story, context),
            Note(notes),
            NeedsReview(question.AnswerMismatch),
            Reviewed: false);
    }

    /// <summary>
    /// Leaves out the answer's points that the importer names as wrong: those with a phrase it quotes ("'also known as
    /// an INSERT…'", 179) or three words in a row from its reason ("database administrator (DBA)", 135).
    /// </summary>
    private static IReadOnlyList<Draft> WithoutFlaggedWords(IReadOnlyList<Draft> drafts, string? mismatch)
    {
        if (mismatch is null || !mismatch.Contains("wrong", StringComparison.OrdinalIgnoreCase))
        {
            return drafts;
        }

        var quoted = Quoted().Matches(mismatch).Select(m => m.Groups[1].Value).Where(q => q.Split(' ').Length >= 3).ToList();
        var reason = Trigrams(mismatch);
        return [.. drafts.Where(d => !quoted.Any(q => d.Text.Contains(q, StringComparison.OrdinalIgnoreCase)) && !Trigrams(d.Text).Overlaps(reason))];
    }

    private static HashSet<string> Trigrams(string text)
    {
        var words = ItemText.Words(text).Where(w => w.Length >= 3 && w is not ("the" or "and" or "with" or "that" or "says")).ToList();
        return [.. words.Zip(words.Skip(1), words.Skip(2)).Select(t => $"{t.First} {t.Second} {t.Third}")];
    }

    private static string? NeedsReview(string? mismatch) =>
        mismatch is null
            ? null
            : $"The reference answer does not answer the question: {mismatch.TrimEnd('.')}. Criteria were built from what there is; check them before relying on them.";

    private static string? Note(List<string> notes)
    {
        var kept = new List<string>();
        foreach (var note in notes.Distinct())
        {
            if (string.Join(' ', [.. kept, note]).Length <= MaxNote)
            {
                kept.Add(note);
            }
        }

        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'([^']{8,})'")]
    private static partial System.Text.RegularExpressions.Regex Quoted();
}

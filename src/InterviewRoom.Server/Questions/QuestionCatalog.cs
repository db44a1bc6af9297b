using System.Collections.Concurrent;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Questions;

/// <summary>
/// The questions and rubric versions the hot path shows, read from the database once per instance instead of on
/// every ask and push (ADR 0015). A rubric version is never changed once stored, so it is kept for the life of the
/// process. A question's text and its current rubric change only through the seed import, which runs before the
/// instance serves and clears this cache. The entities handed out are shared: read them, never change them.
/// </summary>
internal sealed class QuestionCatalog
{
    private readonly ConcurrentDictionary<int, Question> questions = new();
    private readonly ConcurrentDictionary<int, Rubric> rubrics = new();

    /// <summary>A question with its current rubric version in <see cref="Question.Rubrics"/>, or null when there is none.</summary>
    public async Task<Question?> QuestionAsync(InterviewRoomDb db, int questionId, CancellationToken cancellationToken)
    {
        if (questions.TryGetValue(questionId, out var cached))
        {
            return cached;
        }

        var question = await db.Questions.AsNoTracking()
            .Include(q => q.Rubrics.OrderByDescending(r => r.Version).Take(1))
            .SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question is null)
        {
            return null;
        }

        rubrics.TryAdd(question.Rubrics[0].Id, question.Rubrics[0]);
        return questions.GetOrAdd(questionId, question);
    }

    /// <summary>A rubric version by id (the one a turn was asked with, current or not).</summary>
    public async Task<Rubric> RubricAsync(InterviewRoomDb db, int rubricId, CancellationToken cancellationToken)
    {
        if (rubrics.TryGetValue(rubricId, out var cached))
        {
            return cached;
        }

        var rubric = await db.Set<Rubric>().AsNoTracking().SingleAsync(r => r.Id == rubricId, cancellationToken);
        return rubrics.GetOrAdd(rubricId, rubric);
    }

    /// <summary>After an import or an edit: questions are read again (rubric versions stay, they never change).</summary>
    public void QuestionsChanged() => questions.Clear();
}

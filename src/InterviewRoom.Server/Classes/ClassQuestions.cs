using InterviewRoom.Contracts.Classes;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Classes;

/// <summary>A class's question set: known questions, each once, each with a time box in range.</summary>
internal static class ClassQuestions
{
    public const int MaxQuestions = 50;

    public static async Task<List<ClassQuestion>> ValidateAsync(
        InterviewRoomDb db, IReadOnlyList<ClassQuestionInput>? input, CancellationToken cancellationToken)
    {
        var items = input ?? [];
        if (items.Count > MaxQuestions)
        {
            throw RoomRuleException.Invalid($"A class's question set holds at most {MaxQuestions} questions.");
        }

        if (items.Any(i => i is null) || items.Select(i => i.QuestionId).Distinct().Count() != items.Count)
        {
            throw RoomRuleException.Invalid("Each question may appear once in the set.");
        }

        var ids = items.Select(i => i.QuestionId).ToList();
        var defaults = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .ToDictionaryAsync(q => q.Id, q => q.DefaultTimeLimitSeconds, cancellationToken);
        var unknown = ids.Where(id => !defaults.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw RoomRuleException.NotFound($"There is no question with id {string.Join(", ", unknown)}.");
        }

        return [.. items.Select(i => new ClassQuestion(i.QuestionId, TurnClock.CheckTimeLimit(i.TimeLimitSeconds ?? defaults[i.QuestionId])))];
    }

}

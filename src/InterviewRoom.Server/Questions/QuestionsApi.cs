using InterviewRoom.Contracts;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Questions;

internal static class QuestionsApi
{
    public static IEndpointRouteBuilder MapQuestions(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/questions", ListAsync)
            .RequireAuthorization(RoomTokenAuthentication.InterviewerPolicy)
            .WithName("ListQuestions");

        // No token: only names and counts, nothing a candidate must not see.
        routes.MapGet("/api/questions/facets", (BankFacets facets, CancellationToken cancellationToken) => facets.GetAsync(cancellationToken))
            .WithName("QuestionFacets");
        return routes;
    }

    /// <summary>The bank with rubrics; without parameters, all of it. Filters combine (AND).</summary>
    private static async Task<IReadOnlyList<QuestionDto>> ListAsync(
        InterviewRoomDb db, string? kind, string? topic, string? q, CancellationToken cancellationToken)
    {
        var query = db.Questions.AsNoTracking()
            .Include(x => x.Rubrics.OrderByDescending(r => r.Version).Take(1))
            .OrderBy(x => x.Bank).ThenBy(x => x.Number)
            .AsQueryable();

        if (!string.IsNullOrWhiteSpace(kind))
        {
            var name = kind.Replace("-", "").Replace(" ", "");
            if (!Enum.GetNames<QuestionKind>().Contains(name, StringComparer.OrdinalIgnoreCase)
                || !Enum.TryParse<QuestionKind>(name, ignoreCase: true, out var parsed))
            {
                throw RoomRuleException.Invalid(
                    $"Unknown kind '{kind}'. Use one of: {string.Join(", ", Enum.GetValues<QuestionKind>().Select(k => WireJson.Name(k)))}.");
            }

            query = query.Where(x => x.Kind == parsed);
        }

        IEnumerable<Data.Entities.Question> questions = await query.ToListAsync(cancellationToken);

        // Topics live in a JSON column and the bank is small: filter those two in memory, the same on every provider.
        if (!string.IsNullOrWhiteSpace(topic))
        {
            questions = questions.Where(x => x.Topics.Contains(topic.Trim(), StringComparer.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            questions = questions.Where(x =>
                x.Text.Contains(text, StringComparison.OrdinalIgnoreCase)
                || x.ReferenceAnswer.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        return [.. questions.Select(x => x.ToDto())];
    }
}

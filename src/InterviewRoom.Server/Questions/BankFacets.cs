using InterviewRoom.Contracts;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace InterviewRoom.Server.Questions;

/// <summary>Computed from the bank and kept for a minute: the bank only changes when it is imported or edited.</summary>
internal sealed class BankFacets(InterviewRoomDb db, IMemoryCache cache)
{
    public Task<BankFacetsDto> GetAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(nameof(BankFacets), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var questions = await db.Questions.AsNoTracking().Select(q => new { q.Kind, q.Topics }).ToListAsync(cancellationToken);
            return new BankFacetsDto(
                [.. questions.GroupBy(q => q.Kind).OrderBy(g => g.Key).Select(g => new FacetCount(WireJson.Name(g.Key), g.Count()))],
                [.. questions.SelectMany(q => q.Topics).GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new FacetCount(g.Key, g.Count()))]);
        })!;
}

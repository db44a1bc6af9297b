using InterviewRoom.Contracts.Matchmaking;

namespace InterviewRoom.Server.Matchmaking;

/// <summary>A person waiting, as the matcher sees them (arrival order is the list order).</summary>
internal sealed record Seeker(Guid Id, IReadOnlyCollection<string> Topics, IReadOnlyCollection<string> Kinds, QueueRole Role, string? Level);

/// <summary>Two people paired: who interviews first and who answers first.</summary>
internal sealed record Pairing(Seeker Interviewer, Seeker Candidate);

/// <summary>
/// Pairs the queue. First come, first served within compatibility, in three passes: an interviewer with a
/// candidate first, then those still waiting with someone who said "either", then "either" with "either" (the
/// earlier arrival interviews first). "Either" thus fills the gaps instead of taking a partner that someone with
/// a fixed preference needed. Plain C#: no database, no clock.
/// </summary>
internal static class Matcher
{
    public static List<Pairing> Pair(IReadOnlyList<Seeker> waiting)
    {
        var paired = new HashSet<Guid>();
        var pairs = new List<Pairing>();
        var fixedRole = waiting.Where(s => s.Role != QueueRole.Either).ToList();
        var either = waiting.Where(s => s.Role == QueueRole.Either).ToList();

        // 1. Fixed with the opposite fixed role.
        Pass(fixedRole, fixedRole, (a, b) => a.Role != b.Role);

        // 2. Fixed still waiting, with "either".
        Pass(fixedRole, either, (_, _) => true);

        // 3. "Either" with "either".
        Pass(either, either, (_, _) => true);
        return pairs;

        void Pass(List<Seeker> seekers, List<Seeker> partners, Func<Seeker, Seeker, bool> rolesFit)
        {
            foreach (var seeker in seekers)
            {
                if (paired.Contains(seeker.Id))
                {
                    continue;
                }

                var partner = partners.FirstOrDefault(p =>
                    p.Id != seeker.Id && !paired.Contains(p.Id) && rolesFit(seeker, p) && Compatible(seeker, p));
                if (partner is null)
                {
                    continue;
                }

                paired.Add(seeker.Id);
                paired.Add(partner.Id);
                pairs.Add(Arrange(seeker, partner, waiting));
            }
        }
    }

    /// <summary>Topics and kinds overlap (an empty list means any), and levels agree when both are given.</summary>
    public static bool Compatible(Seeker a, Seeker b) =>
        Overlap(a.Topics, b.Topics)
        && Overlap(a.Kinds, b.Kinds)
        && (a.Level is null || b.Level is null || string.Equals(a.Level, b.Level, StringComparison.OrdinalIgnoreCase));

    private static bool Overlap(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b) =>
        a.Count == 0 || b.Count == 0 || a.Intersect(b, StringComparer.OrdinalIgnoreCase).Any();

    private static Pairing Arrange(Seeker seeker, Seeker partner, IReadOnlyList<Seeker> arrivalOrder)
    {
        if (seeker.Role == QueueRole.Interviewer || partner.Role == QueueRole.Candidate)
        {
            return new Pairing(seeker, partner);
        }

        if (seeker.Role == QueueRole.Candidate || partner.Role == QueueRole.Interviewer)
        {
            return new Pairing(partner, seeker);
        }

        // Both "either": the one who has waited longer interviews first (they swap after the round anyway).
        return IndexOf(arrivalOrder, seeker) <= IndexOf(arrivalOrder, partner) ? new Pairing(seeker, partner) : new Pairing(partner, seeker);
    }

    private static int IndexOf(IReadOnlyList<Seeker> list, Seeker seeker)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Id == seeker.Id)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}

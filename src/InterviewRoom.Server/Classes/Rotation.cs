using InterviewRoom.Contracts.Classes;

namespace InterviewRoom.Server.Classes;

/// <summary>A student as the rotation sees them: how often they asked and answered so far, and with whom.</summary>
internal sealed record RotationStudent(Guid Id, int Interviewed, int Answered, bool InterviewedLastRound, IReadOnlySet<Guid> PastPartners);

internal sealed record RotationRoom(Guid Interviewer, Guid Candidate, Guid? Observer = null);

/// <summary>The rooms of one round, and the odd student the instructor interviews (if so chosen).</summary>
internal sealed record RotationPlan(IReadOnlyList<RotationRoom> Rooms, Guid? InstructorsCandidate);

/// <summary>
/// Pairs a class for one round with rotating roles: whoever has answered more than they asked interviews now
/// (ties: whoever did not interview last round, then join order), and each interviewer gets the first candidate
/// they have not been paired with before when there is one. The odd student out observes the first room or is
/// interviewed by the instructor. Plain C#.
/// </summary>
internal static class Rotation
{
    public static RotationPlan Plan(IReadOnlyList<RotationStudent> studentsInJoinOrder, OddStudent odd)
    {
        var count = studentsInJoinOrder.Count;
        if (count < 2 && !(count == 1 && odd == OddStudent.Instructor))
        {
            throw Infrastructure.RoomRuleException.Conflict("At least two students are needed to pair (or choose the instructor as the odd student's partner).");
        }

        var order = studentsInJoinOrder
            .Select((student, index) => (student, index))
            .OrderBy(x => x.student.Interviewed - x.student.Answered)
            .ThenBy(x => x.student.InterviewedLastRound ? 1 : 0)
            .ThenBy(x => x.index)
            .Select(x => x.student)
            .ToList();

        var interviewers = order.Take(count / 2).ToList();
        var candidates = order.Skip(count / 2).ToList();
        Guid? oddOne = null;
        if (count % 2 == 1)
        {
            // The one who has interviewed the most so far sits this round out of the pairs.
            oddOne = candidates[^1].Id;
            candidates.RemoveAt(candidates.Count - 1);
        }

        var rooms = new List<RotationRoom>();
        foreach (var interviewer in interviewers)
        {
            var candidate = candidates.FirstOrDefault(c => !interviewer.PastPartners.Contains(c.Id)) ?? candidates[0];
            candidates.Remove(candidate);
            rooms.Add(new RotationRoom(interviewer.Id, candidate.Id));
        }

        if (oddOne is { } extra && odd == OddStudent.Observer)
        {
            rooms[0] = rooms[0] with { Observer = extra };
            return new RotationPlan(rooms, null);
        }

        return new RotationPlan(rooms, oddOne);
    }
}

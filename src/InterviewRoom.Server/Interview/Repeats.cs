using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Interview.State;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// No repeats: nobody is asked a question they were already asked. A class student is one person across all
/// the class's rooms (their seats share a principal: one query); anyone else is their seat, across the rounds of
/// a room (read from the room in memory).
/// </summary>
internal static class Repeats
{
    public static async Task<HashSet<int>> AskedBeforeAsync(InterviewRoomDb db, LiveRoom room, Participant candidate, CancellationToken cancellationToken) =>
        candidate.PrincipalId is { } person
            ? [.. await db.Turns.Where(t => t.Candidate!.PrincipalId == person).Select(t => t.QuestionId).Distinct().ToListAsync(cancellationToken)]
            : [.. room.Turns.Where(t => t.CandidateId == candidate.Id).Select(t => t.QuestionId)];

    /// <summary>
    /// The candidates among <paramref name="candidates"/> who were already asked <paramref name="questionId"/>: one
    /// query for all the class students among them, the rooms in memory for everyone else.
    /// </summary>
    public static async Task<HashSet<Guid>> AlreadyAskedAsync(
        InterviewRoomDb db, IReadOnlyList<(LiveRoom Room, Participant Candidate)> candidates, int questionId, CancellationToken cancellationToken)
    {
        var people = candidates.Where(c => c.Candidate.PrincipalId is not null).Select(c => c.Candidate.PrincipalId!.Value).Distinct().ToList();
        var askedPeople = people.Count == 0 ? [] : (await db.Turns
            .Where(t => t.QuestionId == questionId && t.Candidate!.PrincipalId != null && people.Contains(t.Candidate.PrincipalId!.Value))
            .Select(t => t.Candidate!.PrincipalId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return [.. candidates
            .Where(c => c.Candidate.PrincipalId is { } person
                ? askedPeople.Contains(person)
                : c.Room.Turns.Any(t => t.CandidateId == c.Candidate.Id && t.QuestionId == questionId))
            .Select(c => c.Candidate.Id)];
    }

    public static string Message(string candidateName) =>
        $"{candidateName} has already been asked this question; pick another.";
}

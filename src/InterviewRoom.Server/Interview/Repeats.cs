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

    public static string Message(string candidateName) =>
        $"{candidateName} has already been asked this question; pick another.";
}

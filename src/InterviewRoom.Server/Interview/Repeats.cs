using InterviewRoom.Data;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// No repeats: nobody is asked a question they were already asked. A class student is one person across all
/// the class's rooms (their seats share a principal); anyone else is their seat, across the rounds of a room.
/// </summary>
internal static class Repeats
{
    public static IQueryable<int> AskedBefore(InterviewRoomDb db, Participant candidate) =>
        candidate.PrincipalId is { } person
            ? db.Turns.Where(t => t.Candidate!.PrincipalId == person).Select(t => t.QuestionId)
            : db.Turns.Where(t => t.CandidateId == candidate.Id).Select(t => t.QuestionId);

    public static string Message(string candidateName) =>
        $"{candidateName} has already been asked this question; pick another.";
}

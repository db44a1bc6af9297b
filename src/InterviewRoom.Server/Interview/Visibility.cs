using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Interview;

/// <summary>Who sees what of a turn and who may score it, named once (ADR 0004, 0008).</summary>
internal static class Visibility
{
    /// <summary>The interviewer's seat gets the full view of the room's turns (reference answer, rubric, scores).</summary>
    public static bool SeesInterviewerView(Participant seat) => seat.Role == ParticipantRole.Interviewer;

    /// <summary>
    /// The seat that asked a question scores and reveals it, whatever its role now (the pair may have swapped
    /// since), and nobody else does, so nobody scores their own answer. Turns stored before the asker was recorded
    /// belong to the room's interviewer.
    /// </summary>
    public static bool AskedBy(Turn turn, Participant seat) =>
        turn.InterviewerId is { } asker ? asker == seat.Id : seat.Role == ParticipantRole.Interviewer;
}

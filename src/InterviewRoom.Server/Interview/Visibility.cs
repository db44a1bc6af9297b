using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Interview;

/// <summary>Who sees what of a turn and who may score it, named once (ADR 0004, 0008).</summary>
internal static class Visibility
{
    /// <summary>The seat in the interviewer's role now: the question bank, <c>askedBefore</c>, the report's scores.</summary>
    public static bool IsInterviewer(Participant seat) => seat.Role == ParticipantRole.Interviewer;

    /// <summary>
    /// A turn's full view (reference answer, guidance, rubric, score and notes) goes to the seat that asked it, and
    /// to the room's interviewer once it is revealed (the candidate then has the same content as feedback). Never by
    /// role alone: after a swap, the new interviewer would otherwise read the feedback on their own answers that the
    /// asker never revealed.
    /// </summary>
    public static bool SeesInterviewerView(Turn turn, Participant seat) =>
        AskedBy(turn, seat) || (turn.RevealedAt is not null && IsInterviewer(seat));

    /// <summary>
    /// The seat that asked a question scores and reveals it, whatever its role now (the pair may have swapped
    /// since), and nobody else does, so nobody scores their own answer. Turns stored before the asker was recorded
    /// belong to the room's interviewer.
    /// </summary>
    public static bool AskedBy(Turn turn, Participant seat) =>
        turn.InterviewerId is { } asker ? asker == seat.Id : seat.Role == ParticipantRole.Interviewer;
}

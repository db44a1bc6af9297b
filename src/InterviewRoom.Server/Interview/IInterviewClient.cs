using InterviewRoom.Contracts.Interview;

namespace InterviewRoom.Server.Interview;

/// <summary>What the server pushes to clients of <c>/hubs/interview</c>. Names are public contract v1.</summary>
public interface IInterviewClient
{
    Task QuestionAsked(TurnView turn);

    Task QuestionDelivered(TurnView turn);

    Task AnswerSubmitted(TurnView turn);

    Task TimeUp(TurnView turn);

    Task ScoreSaved(ScoreView score);

    Task FeedbackRevealed(TurnView turn);

    Task ParticipantJoined(ParticipantView participant);

    Task ParticipantLeft(ParticipantView participant);

    Task RoomEnded(RoomEndedEvent roomEnded);

    Task RolesSwapped(RolesSwappedEvent swapped);

    Task SeatMoved(SeatMovedEvent moved);
}

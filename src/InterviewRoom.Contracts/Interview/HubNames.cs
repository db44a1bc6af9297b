namespace InterviewRoom.Contracts.Interview;

/// <summary>The fixed names of the interview hub (public contract v1).</summary>
public static class HubNames
{
    public const string Path = "/hubs/interview";

    public static class Methods
    {
        public const string GetState = nameof(GetState);
        public const string Ask = nameof(Ask);
        public const string Acknowledge = nameof(Acknowledge);
        public const string Submit = nameof(Submit);
        public const string Score = nameof(Score);
        public const string Reveal = nameof(Reveal);
        public const string SwapRoles = nameof(SwapRoles);
        public const string End = nameof(End);
    }

    public static class Events
    {
        public const string QuestionAsked = nameof(QuestionAsked);
        public const string QuestionDelivered = nameof(QuestionDelivered);
        public const string AnswerSubmitted = nameof(AnswerSubmitted);
        public const string TimeUp = nameof(TimeUp);
        public const string ScoreSaved = nameof(ScoreSaved);
        public const string FeedbackRevealed = nameof(FeedbackRevealed);
        public const string ParticipantJoined = nameof(ParticipantJoined);
        public const string ParticipantLeft = nameof(ParticipantLeft);
        public const string RoomEnded = nameof(RoomEnded);
        public const string RolesSwapped = nameof(RolesSwapped);
        public const string SeatMoved = nameof(SeatMoved);
    }
}

namespace InterviewRoom.Contracts.Questions;

/// <summary>Where a piece of interviewer guidance came from in the question bank.</summary>
public enum GuidanceKind
{
    /// <summary>A labelled "Look for:" item.</summary>
    LookFor,

    /// <summary>A labelled "Red flag:" item.</summary>
    RedFlag,

    /// <summary>A labelled "What to Expect:" item.</summary>
    WhatToExpect,

    /// <summary>A labelled "What the interviewer wants:" item.</summary>
    InterviewerWants,

    /// <summary>An unlabelled guidance sentence ("A good candidate should…", "Listen for…").</summary>
    Other,
}

namespace InterviewRoom.Contracts.Questions;

/// <summary>One question of the bank as an interviewer sees it (GET /api/questions).</summary>
public sealed record QuestionDto(
    int Id,
    string Bank,
    int Number,
    string Text,
    string ReferenceAnswer,
    QuestionKind Kind,
    IReadOnlyList<string> Topics,
    int DefaultTimeLimitSeconds,
    IReadOnlyList<GuidanceItem> Guidance,
    QuestionFlagsDto Flags,
    RubricDto Rubric);

public sealed record GuidanceItem(GuidanceKind Kind, string Text);

/// <summary>Importer findings about a question: kept, but worth a look.</summary>
public sealed record QuestionFlagsDto(int? DuplicateOfNumber, string? AnswerMismatch);

public sealed record RubricDto(
    int Id,
    int Version,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<ScaleAnchor> Scale);

/// <summary>A "look for" item; <paramref name="Source"/> says where it came from: a guidance kind in camelCase ("lookFor", "whatToExpect", "interviewerWants", "other"), "referenceAnswer" or "default".</summary>
public sealed record Criterion(string Id, string Text, string Source);

public sealed record RedFlag(string Id, string Text);

public sealed record ScaleAnchor(int Score, string Anchor);

/// <summary>GET /api/questions/facets: the kinds and topic tags the bank has, with how many questions each.</summary>
public sealed record BankFacetsDto(IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Topics);

public sealed record FacetCount(string Name, int Questions);

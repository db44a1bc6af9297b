using InterviewRoom.Contracts.Classes;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using InterviewRoom.Server.Infrastructure.Hubs;

namespace InterviewRoom.Server.Classes;

internal static partial class ClassesApi
{
    public static IEndpointRouteBuilder MapClasses(this IEndpointRouteBuilder routes)
    {
        var classes = routes.MapGroup("/api/classes");
        classes.MapPost("/", CreateAsync).WithName("CreateClass").Throttled(Throttle.Create);
        classes.MapPost("/{classCode}/join", JoinAsync).WithName("JoinClass").Throttled(Throttle.Join, "classCode");
        classes.MapGet("/{classId:guid}/report", ReportAsync).RequireAuthorization().WithName("GetClassReport");
        routes.MapGuardedHub<ClassHub>(ClassHubNames.Path);
        return routes;
    }

    private static async Task<Created<CreateClassResponse>> CreateAsync(
        CreateClassRequest? request, InterviewRoomDb db, TimeProvider time, IOptions<RoomOptions> options,
        HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var name = Input.OptionalText(request?.Name, "name", Input.MaxTitleLength)
            ?? throw RoomRuleException.Invalid("name is required.");
        var instructor = Input.OptionalText(request?.InstructorName, "instructorName", Input.MaxNameLength) ?? "Instructor";
        var questions = await ClassQuestions.ValidateAsync(db, request?.Questions, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var token = Tokens.NewSecret();
        var session = new ClassSession
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Code = await Tokens.FreeJoinCodeAsync(code => db.Classes.AnyAsync(c => c.Code == code, cancellationToken)),
            CodeExpiresAt = now + options.Value.JoinCodeLifetime,
            InstructorName = instructor,
            InstructorTokenHash = Tokens.Hash(token),
            CreatedAt = now,
            Questions = questions,
        };
        db.Classes.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        LogCreated(loggers.CreateLogger(nameof(ClassesApi)), session.Id);
        var baseUrl = Links.BaseUrl(http, options.Value.PublicBaseUrl);
        return TypedResults.Created((string?)null, new CreateClassResponse(
            session.Id, session.Code, token, $"{baseUrl}/class/{session.Id}", $"{baseUrl}/class/join/{session.Code}"));
    }

    private static async Task<Ok<JoinClassResponse>> JoinAsync(
        string classCode, JoinClassRequest? request, InterviewRoomDb db, TimeProvider time, ClassNotifier notifier,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var name = Input.OptionalText(request?.Name, "name", Input.MaxNameLength)
            ?? throw RoomRuleException.Invalid("A JSON body { \"name\": \"…\" } with a name is required.");
        var now = time.GetUtcNow().UtcDateTime;
        var code = Tokens.NormalizeJoinCode(classCode);
        var session = code.Length > Tokens.MaxJoinCodeInput
            ? null
            : await db.Classes.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);

        // One answer for unknown, expired and ended codes, so a guesser learns nothing.
        if (session is null || session.EndedAt is not null || session.CodeExpiresAt <= now)
        {
            throw RoomRuleException.NotFound("This code does not open a class: the class may have ended, or the code or link may be mistyped.");
        }

        var token = Tokens.NewSecret();
        var student = new ClassStudent
        {
            Id = Guid.CreateVersion7(),
            ClassId = session.Id,
            Name = name,
            TokenHash = Tokens.Hash(token),
            JoinedAt = now,
        };
        db.ClassStudents.Add(student);
        await db.SaveChangesAsync(cancellationToken);

        LogJoined(loggers.CreateLogger(nameof(ClassesApi)), session.Id, student.Id);
        await notifier.ClassChanged(session.Id);
        return TypedResults.Ok(new JoinClassResponse(session.Id, student.Id, token, $"/class/{session.Id}/lobby"));
    }

    /// <summary>JSON by default; CSV (one row per answer) with <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    private static async Task<Results<Ok<ClassReport>, FileContentHttpResult>> ReportAsync(
        Guid classId, string? format, HttpContext http, ClassReportBuilder reports, CancellationToken cancellationToken)
    {
        var wantsCsv = Csv.IsRequested(format, http);
        var caller = ClassCaller.From(http.User);
        if (caller.ClassId != classId || !caller.IsInstructor)
        {
            // The same answer as for a class that does not exist.
            throw RoomRuleException.NotFound("No report for that class with this token.");
        }

        var report = await reports.BuildAsync(classId, cancellationToken);
        return wantsCsv
            ? Csv.File(ClassReportCsv.Write(report), $"class-{classId:N}.csv")
            : TypedResults.Ok(report);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Class {ClassId} created")]
    private static partial void LogCreated(ILogger logger, Guid classId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Student {StudentId} joined class {ClassId}")]
    private static partial void LogJoined(ILogger logger, Guid classId, Guid studentId);
}

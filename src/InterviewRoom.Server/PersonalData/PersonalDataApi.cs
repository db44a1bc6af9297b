using InterviewRoom.Contracts.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewRoom.Server.PersonalData;

/// <summary>
/// Export and delete of one person's data (RELIABILITY.md, rule 12; ADR 0019): a room seat, or a class student
/// across the class's rooms. Who may ask for whom is <see cref="DataSubjects"/>'s.
/// </summary>
internal static class PersonalDataApi
{
    public static IEndpointRouteBuilder MapPersonalData(this IEndpointRouteBuilder routes)
    {
        var seat = routes.MapGroup("/api/rooms/{roomId:guid}/participants/{participantId:guid}/personal-data").RequireAuthorization();
        seat.MapGet("/", ExportSeatAsync).WithName("ExportSeatData");
        seat.MapDelete("/", DeleteSeatAsync).WithName("DeleteSeatData");

        var student = routes.MapGroup("/api/classes/{classId:guid}/students/{studentId:guid}/personal-data").RequireAuthorization();
        student.MapGet("/", ExportStudentAsync).WithName("ExportStudentData");
        student.MapDelete("/", DeleteStudentAsync).WithName("DeleteStudentData");
        return routes;
    }

    private static async Task<Ok<PersonalDataExport>> ExportSeatAsync(
        Guid roomId, Guid participantId, HttpContext http, DataSubjects subjects, PersonalDataExporter exporter, CancellationToken cancellationToken)
    {
        var subject = await subjects.SeatAsync(http.User, roomId, participantId, cancellationToken);
        return TypedResults.Ok(await exporter.SeatAsync(subject, cancellationToken));
    }

    private static async Task<NoContent> DeleteSeatAsync(
        Guid roomId, Guid participantId, HttpContext http, DataSubjects subjects, PersonalDataEraser eraser, CancellationToken cancellationToken)
    {
        await eraser.SeatAsync(await subjects.SeatAsync(http.User, roomId, participantId, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PersonalDataExport>> ExportStudentAsync(
        Guid classId, Guid studentId, HttpContext http, DataSubjects subjects, PersonalDataExporter exporter, CancellationToken cancellationToken)
    {
        var subject = await subjects.StudentAsync(http.User, classId, studentId, cancellationToken);
        return TypedResults.Ok(await exporter.StudentAsync(subject, cancellationToken));
    }

    private static async Task<NoContent> DeleteStudentAsync(
        Guid classId, Guid studentId, HttpContext http, DataSubjects subjects, PersonalDataEraser eraser, CancellationToken cancellationToken)
    {
        await eraser.StudentAsync(await subjects.StudentAsync(http.User, classId, studentId, cancellationToken), cancellationToken);
        return TypedResults.NoContent();
    }
}

internal static class PersonalDataSetup
{
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DataSubjects>();
        services.AddScoped<PersonalDataExporter>();
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<RetentionSweep>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}

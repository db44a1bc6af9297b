using System.Globalization;
using CsvHelper;
using InterviewRoom.Contracts.Reports;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Reports;

/// <summary>One row per question asked. Cells that a spreadsheet would run as a formula are escaped.</summary>
internal static class ReportCsv
{
    public static string Write(RoomReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, Csv.Configuration);
        csv.WriteRecords(report.Items.Select(item => new
        {
            item.Ordinal,
            item.Round,
            Candidate = item.CandidateName,
            Interviewer = item.InterviewerName,
            item.QuestionId,
            item.QuestionNumber,
            Question = item.QuestionText,
            Kind = Csv.Cell(item.Kind),
            Topics = string.Join(' ', item.Topics),
            item.TimeLimitSeconds,
            Status = Csv.Cell(item.Status),
            AskedAt = Instant(item.AskedAt),
            DeliveredAt = Instant(item.DeliveredAt),
            Deadline = Instant(item.Deadline),
            SubmittedAt = Instant(item.SubmittedAt),
            TimeUpAt = Instant(item.TimeUpAt),
            item.ResponseTimeMs,
            item.IsLate,
            Answer = item.AnswerText,
            ScoreVersion = item.Score?.Version,
            Overall = item.Score?.Overall,
            SuggestedOverall = item.Score?.SuggestedOverall,
            NotAssessed = item.Score?.NotAssessed,
            RedFlags = item.Score is null ? null : string.Join(' ', item.Score.RedFlags),
            RubricVersion = item.Score?.RubricVersion,
            CriteriaRated = item.Score?.Criteria is { } criteria ? $"{criteria.Count(c => c.Rating is not null)} of {criteria.Count}" : null,
            Notes = item.Score?.Notes,
        }));
        return text.ToString();
    }

    private static string? Instant(DateTimeOffset? instant) => instant?.ToString("O", CultureInfo.InvariantCulture);
}

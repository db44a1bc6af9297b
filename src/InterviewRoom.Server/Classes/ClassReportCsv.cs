using System.Globalization;
using CsvHelper;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Classes;

/// <summary>One row per answer of a student (unanswered questions included). Formula-like cells are escaped.</summary>
internal static class ClassReportCsv
{
    public static string Write(ClassReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, Csv.Configuration);
        csv.WriteRecords(report.Students.SelectMany(student => student.Items.Select(item => new
        {
            Student = student.Name,
            item.RoomCode,
            item.Round,
            item.QuestionId,
            item.QuestionNumber,
            Question = item.QuestionText,
            Status = Csv.Cell(item.Status),
            item.ResponseTimeMs,
            item.IsLate,
            item.Overall,
            item.NotAssessed,
            Interviewer = item.InterviewerName,
        })));
        return text.ToString();
    }
}

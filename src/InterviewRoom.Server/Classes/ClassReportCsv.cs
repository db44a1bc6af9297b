using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Server.Reports;

namespace InterviewRoom.Server.Classes;

/// <summary>One row per answer of a student (unanswered questions included). Formula-like cells are escaped.</summary>
internal static class ClassReportCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    public static string Write(ClassReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, Configuration);
        csv.WriteRecords(report.Students.SelectMany(student => student.Items.Select(item => new
        {
            Student = student.Name,
            item.RoomCode,
            item.Round,
            item.QuestionId,
            item.QuestionNumber,
            Question = item.QuestionText,
            Status = ReportCsv.Camel(item.Status.ToString()),
            item.ResponseTimeMs,
            item.IsLate,
            item.Overall,
            item.NotAssessed,
            Interviewer = item.InterviewerName,
        })));
        return text.ToString();
    }
}

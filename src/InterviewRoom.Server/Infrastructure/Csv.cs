using System.Globalization;
using System.Text;
using CsvHelper.Configuration;
using InterviewRoom.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>What every CSV download shares: when one is asked for, how cells are written, how it is sent.</summary>
internal static class Csv
{
    /// <summary>Invariant culture; a cell that a spreadsheet would run as a formula is escaped.</summary>
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary><c>?format=csv</c> or <c>Accept: text/csv</c> asks for CSV; <c>?format=json</c> or nothing for JSON.</summary>
    public static bool IsRequested(string? format, HttpContext http)
    {
        var wantsCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));
        return wantsCsv || format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            ? wantsCsv
            : throw RoomRuleException.Invalid("format must be json or csv.");
    }

    /// <summary>An enum cell, written as in JSON (<c>systemDesign</c>, <c>timeUp</c>).</summary>
    public static string Cell<TEnum>(TEnum value) where TEnum : struct, Enum => WireJson.Name(value);

    public static FileContentHttpResult File(string csv, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);
}

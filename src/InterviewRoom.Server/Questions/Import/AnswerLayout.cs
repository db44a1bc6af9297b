using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Gives flattened tables and lists their lines back, losing no cell and no item. The scraper joined everything
/// onto one line: tables as "| a | b | | c | d |" (questions 17 and 18), lists as " - item - item" (5, 9, 30, 41…),
/// "a. … b. …" (64, 118) and "1) … 2) …" (81, 193). Only line breaks are added; the text is otherwise unchanged.
/// </summary>
internal static partial class AnswerLayout
{
    public static string Format(string text)
    {
        var formatted = Spaces().Replace(text.Trim(), " ");
        formatted = Tables().Replace(formatted, m => m.Value.Contains("| |", StringComparison.Ordinal)
            ? "\n" + RowBoundary().Replace(m.Value, "|\n|") + "\n"
            : m.Value);
        formatted = BreakSequence(formatted, SequenceMarker(), static k => $"{k + 1})");
        formatted = BreakSequence(formatted, LetterMarker(), static k => $"{(char)('a' + k)}.");
        formatted = BreakDashList(formatted);
        var lines = formatted.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).SelectMany(SplitHeading);
        return string.Join('\n', lines);
    }

    /// <summary>Breaks before each marker of a run 1), 2), 3)… (or a., b., c.…) that really counts up from the first.</summary>
    private static string BreakSequence(string text, Regex marker, Func<int, string> expected)
    {
        var positions = new List<int>();
        foreach (Match m in marker.Matches(text))
        {
            if (m.Groups[1].Value == expected(positions.Count))
            {
                positions.Add(m.Index);
            }
        }

        if (positions.Count < 2)
        {
            return text;
        }

        foreach (var position in positions.AsEnumerable().Reverse().Where(p => p > 0))
        {
            text = text[..position].TrimEnd() + "\n" + text[position..];
        }

        return text;
    }

    /// <summary>" - " separates list items only where it occurs at least twice (a single one is a dash or a minus).</summary>
    private static string BreakDashList(string text) =>
        DashItem().Matches(text).Count < 2 ? text : DashItem().Replace(text, m => m.Index == 0 ? "- " : "\n- ");

    /// <summary>Moves a trailing "Examples:"-style heading that ends an item onto its own line.</summary>
    private static IEnumerable<string> SplitHeading(string line)
    {
        if (!line.EndsWith(':'))
        {
            yield return line;
            yield break;
        }

        var boundaries = HeadingBoundary().Matches(line);
        var last = boundaries.Count > 0 ? boundaries[^1] : null;
        if (last is null || line.Length - (last.Index + last.Length) > 60)
        {
            yield return line;
            yield break;
        }

        yield return line[..last.Index].Trim();
        yield return line[(last.Index + last.Length)..].Trim();
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\|(?:[^|\n]*\|)+")]
    private static partial Regex Tables();

    [GeneratedRegex(@"\|\s+\|")]
    private static partial Regex RowBoundary();

    [GeneratedRegex(@"(?<=^|\s)(\d{1,2}\)) ")]
    private static partial Regex SequenceMarker();

    [GeneratedRegex(@"(?<=^|\s)([a-h]\.) (?=[A-Z])")]
    private static partial Regex LetterMarker();

    [GeneratedRegex(@"(?:^|[ \t]+)- (?=\S)")]
    private static partial Regex DashItem();

    [GeneratedRegex(@"(?<=[.;)!?])\s+(?=[A-Z])")]
    private static partial Regex HeadingBoundary();
}

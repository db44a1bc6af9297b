using System.Text.RegularExpressions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>
/// The key points of a reference answer, for a rubric that has no guidance to work from: its table rows and list
/// items when it has them, otherwise its prose sentences (code left out), at most <see cref="Max"/>.
/// </summary>
internal static partial class KeyPoints
{
    public const int Max = 6;

    private const int MaxLength = 240;

    public static IReadOnlyList<string> From(string referenceAnswer)
    {
        var structured = Structured(referenceAnswer).Take(Max).ToList();
        if (structured.Count > 0)
        {
            return structured;
        }

        var sentences = Sentences.Split(referenceAnswer.Replace('\n', ' ')).SelectMany(s => CodeThenProse().Split(s)).ToList();
        var prose = sentences.Where(s => !LooksLikeCode().IsMatch(s) && s.Split(' ').Length >= 3).ToList();
        if (prose.Count == 1 && prose[0].Split("; ").Length >= 3)
        {
            // One sentence listing its points with semicolons (36): one criterion per point.
            prose = [.. prose[0].Split("; ").Select(p => LeadingAnd().Replace(p.Trim(), string.Empty))];
        }

        return prose.Count > 0 ? [.. prose.Take(Max).Select(Shorten)] : [.. sentences.Take(1).Select(Shorten)];
    }

    /// <summary>The non-empty lines of a text with list markers ("- ", "1) ", "a. ") removed.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => ListMarker().Replace(l.Trim(), string.Empty).Trim()).Where(l => l.Length > 0)];

    private static IEnumerable<string> Structured(string answer)
    {
        string[]? header = null;
        foreach (var line in answer.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (header is null)
                {
                    header = cells;
                    continue;
                }

                yield return TableRow(header, cells);
            }
            else
            {
                header = null;
                if (ListMarker().IsMatch(line))
                {
                    yield return Shorten(ListMarker().Replace(line, string.Empty));
                }
            }
        }
    }

    /// <summary>"Atomicity — ACID (Relational DBs): Transactions are all-or-nothing. BASE (NoSQL DBs): Partial…"</summary>
    private static string TableRow(string[] header, string[] cells)
    {
        var values = cells.Skip(1).Select((cell, i) => i + 1 < header.Length ? $"{header[i + 1]}: {cell}" : cell);
        return $"{cells[0]} — {string.Join(' ', values)}";
    }

    /// <summary>A long item is cut to its first sentence, and that to <see cref="MaxLength"/> characters.</summary>
    private static string Shorten(string text)
    {
        var shortened = text.Length > MaxLength ? Sentences.Split(text).First() : text;
        if (shortened.Length <= MaxLength)
        {
            return shortened;
        }

        var cut = shortened.LastIndexOf(' ', MaxLength);
        return shortened[..(cut > 0 ? cut : MaxLength)].TrimEnd(',', ';', ' ') + "…";
    }

    // Braces, arrows, assignments and "call();" mark code, which makes a poor criterion.
    [GeneratedRegex(@"[{}]|=>|\s=\s|\w\([^)]*\);")]
    private static partial Regex LooksLikeCode();

    // "printN(0, 5); Using recursion…" (59): prose that follows code after a semicolon starts a new sentence.
    [GeneratedRegex(@"(?<=\);)\s+(?=[A-Z])")]
    private static partial Regex CodeThenProse();

    [GeneratedRegex(@"^and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAnd();

    [GeneratedRegex(@"^(-|\d{1,2}\)|[a-h]\.)\s+")]
    private static partial Regex ListMarker();
}

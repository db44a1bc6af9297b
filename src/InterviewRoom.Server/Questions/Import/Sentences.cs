using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>Splits prose into sentences: after ". ", "! " or "? " (a closing quote or bracket may follow) before a capital.</summary>
internal static partial class Sentences
{
    public static IEnumerable<string> Split(string text) =>
        Boundary().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?][""”'’)]?)\s+(?=[""“'‘*(]?[A-Z])")]
    private static partial Regex Boundary();
}

using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Code inside a question or an answer never becomes a rubric item; the prose around it can. Finds code by its
/// marks (braces, arrows, assignments, statements ending in ";", declarations, shell prompts, SQL keywords, "Syntax")
/// and cuts prose from code at statement boundaries. Checked on the seed's answers with code: 3 (streams),
/// 46 (MongoDB documents), 59 (loop and recursion), 66 (Java class), 77 and 163 ("Syntax:"), 92 (npm), 97, 114, 121,
/// 131 (Express), 157, 180 (nginx), 196; and on questions 6 and 75, whose code is in the question.
/// </summary>
internal static partial class CodeText
{
    public static bool LooksLikeCode(string text) => CodeMark().IsMatch(text);

    /// <summary>
    /// Splits prose into pieces at code/prose boundaries ("…} } If two threads call…", "printN(0, 5); Using
    /// recursion…"), so the prose after a block of code can stand as a sentence of its own.
    /// </summary>
    public static IEnumerable<string> SplitAtCode(string sentence) =>
        LooksLikeCode(sentence) ? ProseAfterCode().Split(sentence).Select(s => s.Trim()).Where(s => s.Length > 0) : [sentence];

    /// <summary>
    /// The prose of a piece with its code removed: code in brackets goes ("(e.g., public Point { … })"), and so does
    /// everything from the first mark of code on, when what is before it reads as a sentence. Null when nothing
    /// worth keeping is left.
    /// </summary>
    public static string? Prose(string piece)
    {
        var text = CodeInBrackets().Replace(piece, string.Empty);
        text = Spaces().Replace(text, " ").Trim();
        if (!LooksLikeCode(text))
        {
            return text;
        }

        var start = CodeStart().Match(text);
        var cut = start.Success ? start.Index : CodeMark().Match(text).Index;
        cut = cut > 0 && char.IsLetterOrDigit(text[cut - 1]) ? Math.Max(0, text.LastIndexOf(' ', cut - 1)) : cut;
        var before = text[..cut].Trim().TrimEnd(',', ':', ';', '-', '–').Trim();
        before = TrailingCodeLabel().Replace(before, string.Empty).Trim();
        return before.Split(' ').Length >= 4 && !LooksLikeCode(before) ? before : null;
    }

    // Braces, "=>", " = ", a call ending in ";", declarations, "$var", shebangs, "npm install", SQL statements.
    [GeneratedRegex(
        @"[{}]|=>|\s=\s|\w\([^)]*\)\s*;|\b(?:function|def)\s+\w+\s*\(|\b(?:const|let|var)\s+\w+\s*=|\bclass\s+\w+\s*[{(:]|\b(?:public|private|protected)\s+(?:static\s+)?(?:class|void|int|double|float|string|String|bool|boolean|long|var|final)\b|\breturn\s+[^.]*;"
        + @"|\$\w+|#!/|\bnpm\s+(?:install|i)\b|\bSELECT\s+\S+.*\bFROM\b|\bSyntax\b:?\s+\S|--\s*\w")]
    private static partial Regex CodeMark();

    // Where code starts inside a piece of prose: a declaration, a "Syntax" label, a shebang, an SQL statement.
    [GeneratedRegex(
        @"\b(?:Syntax\b:?|Example\b[^:]{0,60}:|Loop:|Recursive:|(?:const|let|var)\s+\w+\s*=|(?:function|def)\s+\w+\s*\(|class\s+\w+\s*[{(:]|"
        + @"public\s+(?:class|static|void|int|double)\b|db\.\w+|#!/|npm\s+install|SELECT\s+\S)|--\s*\w|\{")]
    private static partial Regex CodeStart();

    // "(e.g., public Point { public int x, y; })" (97), "({ "department": "HR" })" (46).
    [GeneratedRegex(@"\s*\((?:e\.g\.,?\s*)?[^()]*[{};=][^()]*\)")]
    private static partial Regex CodeInBrackets();

    // ";" or "}" then a capitalised prose word: the prose starts again (59, 66).
    [GeneratedRegex(@"(?<=[;}])\s+(?=[A-Z][a-z]+\s+[a-z(])")]
    private static partial Regex ProseAfterCode();

    [GeneratedRegex(@"\b(?:Accessing \w+|Syntax|Example(?: \w+){0,6}|In this code|Loop)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingCodeLabel();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Small text operations every rubric item goes through: tidying punctuation ("e.g.," to "e.g.", typographic
/// single quotes to straight ones, no trailing full stop), casing the first word, joining a verb to what follows,
/// and the checks an item must pass (length, balanced brackets and quotes, not cut off). Checked on the whole seed
/// (200 questions), e.g. 10 ("(e.g., quick sort…)"), 110 ("‘htmlspecialchars'"), 12 ("'usually do.'").
/// </summary>
internal static partial class ItemText
{
    public const int MaxLength = 180;

    // Words that are lower-cased after "Says " whatever the text around them: articles, pronouns, connectives.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "They", "Their", "Them", "Each", "Every", "All",
        "Some", "Most", "Many", "Any", "Both", "No", "Only", "Other", "Another", "One", "If", "When", "Whenever", "While",
        "In", "On", "At", "For", "With", "Without", "To", "By", "As", "After", "Before", "During", "Unlike", "Like",
        "Once", "Since", "Because", "Although", "Though", "Unless", "Where", "What", "Which", "How", "Why", "There",
        "Instead", "Depending", "Using", "Even", "From", "Through", "Over", "Under", "Between", "Regular", "Proper",
        "Common", "Such", "Whether", "Just", "Often", "Usually", "Typically", "Generally", "First", "Then",
    };

    // Names a sentence can start with that the source may never write elsewhere (so the context cannot tell).
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "Amazon", "Google", "Microsoft", "Apple", "Twitter", "Facebook", "Netflix", "Quora", "Yahoo", "Kafka", "Redis",
        "Nginx", "Docker", "Kubernetes", "Cassandra", "Spring", "Django", "Flask", "Express", "React", "Angular", "Python",
        "Java", "Ruby", "Rails", "Git", "Trello", "Prometheus", "Grafana", "Apache", "Spark", "Flink", "Oracle", "Linux",
        "Unix", "Windows", "Kanban", "Scrum", "Agile", "Jenkins", "Terraform", "Ansible", "Elasticsearch", "Snyk", "Azure",
        "Heroku", "Swagger", "Citrix", "Minitest", "Eisenhower", "Postgres", "Node", "Raft", "Paxos", "Razorpay", "Stripe",
    };

    /// <summary>Normalises punctuation and spacing and drops a trailing full stop, colon or semicolon.</summary>
    public static string Tidy(string text)
    {
        var tidy = Spaces().Replace(text.Trim(), " ");
        tidy = tidy.Replace('‘', '\'').Replace('’', '\'');
        tidy = LatinAbbreviationComma().Replace(tidy, "$1");
        tidy = Comprehensive().Replace(tidy, string.Empty);
        tidy = LowercaseAfterStop().Replace(tidy, ", ");
        tidy = SpaceBeforePunctuation().Replace(tidy, "$1");
        tidy = tidy.TrimStart('*', '-', '–', '—', ' ');
        tidy = WrappingQuotes().Replace(tidy, "$1");
        tidy = tidy.TrimEnd(' ', ',', ';', ':');
        tidy = TrailingStop().Replace(tidy, "$1");
        return tidy.Trim();
    }

    public static string UpperFirst(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// Lower-cases the first word when it is a function word, or a capitalised common word that the source also
    /// writes in lower case (so "Streams are…" becomes "streams are…" but "Kanban", "SQL", "WebSockets" stay).
    /// </summary>
    public static string LowerFirst(string text, string context)
    {
        var match = FirstWord().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var word = match.Value;
        var lower = char.ToLowerInvariant(word[0]) + word[1..];
        var token = text.Split(' ', 2)[0];
        var common = !token.Contains('/') && FunctionWords.Contains(word)
            || (word.Skip(1).All(c => !char.IsUpper(c)) && !token.Any(c => c == '.' || c == '/' || char.IsDigit(c)) && word.Length > 1
                && !IsProperNoun(word, context));
        return common ? lower + text[word.Length..] : text;
    }

    /// <summary>A capitalised word the source also writes capitalised inside a sentence ("Explain to me Kanban…").</summary>
    private static bool IsProperNoun(string word, string context)
    {
        if (Names.Contains(word))
        {
            return true;
        }

        var lower = char.ToLowerInvariant(word[0]) + word[1..];
        int inside = 0, lowered = 0;
        foreach (Match token in ContextWord().Matches(context))
        {
            if (token.Value == lower)
            {
                lowered++;
            }
            else if (token.Value == word && token.Index > 1 && context[token.Index - 1] == ' '
                && !SentenceEnd().IsMatch(context[Math.Max(0, token.Index - 4)..(token.Index - 1)]))
            {
                inside++;
            }
        }

        return inside > lowered;
    }

    /// <summary>"Says" + "Streams are…" gives "Says streams are…".</summary>
    public static string WithVerb(string verb, string rest, string context) =>
        $"{verb} {LowerFirst(rest, context)}";

    /// <summary>True when the text is whole: brackets and double quotes balanced, and not ending in an ellipsis.</summary>
    public static bool IsWhole(string text) =>
        !text.EndsWith('…') && !text.EndsWith("...", StringComparison.Ordinal)
        && Count(text, '(') == Count(text, ')') && Count(text, '[') == Count(text, ']')
        && Count(text, '"') % 2 == 0 && Count(text, '“') == Count(text, '”');

    /// <summary>An item a rubric can show: at least three words, short enough and whole.</summary>
    public static bool IsUsable(string text) =>
        text.Length <= MaxLength && IsWhole(text) && text.Split(' ').Length >= 2;

    /// <summary>The words of a text, lower case, for comparing two items.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static int Count(string text, char c) => text.Count(x => x == c);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // "implement comprehensive error handling" (142): the adjective claims, the noun is what can be heard.
    [GeneratedRegex(@"\bcomprehensive\s+(?=[a-z])")]
    private static partial Regex Comprehensive();

    [GeneratedRegex(@"\b(e\.g\.|i\.e\.),")]
    private static partial Regex LatinAbbreviationComma();

    // "…onboarding. like swagger" (64): a full stop before a lower-case word is a comma that lost its way.
    [GeneratedRegex(@"(?<=[a-z])(?<!\b(?:e\.g|i\.e|etc|vs))\.\s+(?=[a-z])")]
    private static partial Regex LowercaseAfterStop();

    [GeneratedRegex(@"\s+([,;:!?)]|\.(?=\s|$))")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"^[""“]([^""“”]*)[""”]$")]
    private static partial Regex WrappingQuotes();

    // A final full stop, also inside closing quotes ("'usually do.'" becomes "'usually do'"); "etc." keeps its own.
    [GeneratedRegex(@"(?<!\betc)\.(['""”)]?)$")]
    private static partial Regex TrailingStop();

    [GeneratedRegex(@"[\w-]+")]
    private static partial Regex ContextWord();

    [GeneratedRegex(@"(?:[.!?:;""“”(*)]|^|\n|\s[-–—]|\|)\s*$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[A-Za-z][\w-]*")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"[a-z0-9][a-z0-9'/+#.-]*[a-z0-9+#]|[a-z0-9]")]
    private static partial Regex WordPattern();
}

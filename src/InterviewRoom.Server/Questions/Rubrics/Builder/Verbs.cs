namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// The little English verb morphology the builder needs: the third person of a base form ("reference" →
/// "references", 12), the finite form of a participle (", explaining how…" → "Explains how…", 182), and whether a
/// sentence is an instruction ("Compute hashes…", 93; "Assess the current state…", 34) rather than a statement
/// ("Design involves scanning…", 8). Lists of words, not a grammar: checked on the seed's answers and guidance.
/// </summary>
internal static class Verbs
{
    // Verbs that open instructions in the seed's answers and guidance ("Use a scalable data ingestion service…").
    private static readonly HashSet<string> Imperatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "use", "implement", "choose", "compute", "handle", "avoid", "assess", "communicate", "improve", "provide",
        "encapsulate", "capture", "secure", "create", "add", "keep", "ensure", "consider", "prepare", "fetch",
        "minimize", "minimise", "split", "reuse", "restrict", "track", "prevent", "encrypt", "verify", "return",
        "compare", "deduplicate", "group", "store", "identify", "plan", "configure", "execute", "analyze", "analyse",
        "determine", "finalize", "conduct", "define", "design", "build", "apply", "set", "cache", "monitor", "run",
        "write", "reinvent", "foster", "reduce", "offer", "recognize", "maintain", "hide", "focus", "leverage",
        "follow", "separate", "validate", "sanitize", "optimize", "optimise", "profile", "measure", "start", "check",
        "select", "model", "introduce", "adopt", "review", "document", "refactor", "automate", "schedule", "break",
        "delay", "flag", "allocate", "adjust", "prioritize", "remember", "make", "limit", "enforce", "partition",
        "replicate", "batch", "compress", "throttle", "retry", "deploy", "migrate", "scale", "distribute", "publish",
        "process", "store", "show", "explain", "discuss", "describe", "mention", "talk", "walk", "address", "give",
        "name", "list", "outline", "cover", "include", "invest", "streamline", "organize", "involve", "preprocess",
        "sort", "search", "normalize", "encourage", "fix", "have", "evaluate", "capture", "focus", "reference", "answer", "be", "operate", "iterate", "debug", "correlate", "instrument", "alert", "encapsulate", "expose", "call",
    };

    // A second word that makes the first one a noun: "Design involves…", "Cache is…", "Process starvation occurs…".
    private static readonly HashSet<string> AfterSubject = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "has", "have", "can", "could", "will", "would", "should", "may", "might", "must",
        "does", "do", "involves", "means", "refers", "requires", "includes", "helps", "allows", "ensures", "provides",
        "makes", "occurs", "works", "starvation", "changes", "of", "and", "or",
    };

    private static readonly Dictionary<string, string> Participles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["using"] = "uses", ["making"] = "makes", ["ensuring"] = "ensures", ["providing"] = "provides",
        ["enabling"] = "enables", ["leading"] = "leads", ["causing"] = "causes", ["reducing"] = "reduces",
        ["improving"] = "improves", ["giving"] = "gives", ["having"] = "has", ["taking"] = "takes",
        ["writing"] = "writes", ["creating"] = "creates", ["handling"] = "handles", ["describing"] = "describes",
        ["including"] = "includes", ["covering"] = "covers", ["explaining"] = "explains", ["allowing"] = "allows",
        ["enhancing"] = "enhances", ["resulting"] = "results", ["requiring"] = "requires", ["setting"] = "sets",
    };

    /// <summary>"Assess the current state…", not "Design involves…". Also "Then, implement…" after the connective.</summary>
    public static bool IsImperative(string sentence)
    {
        var words = sentence.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && char.IsUpper(words[1][0]) && words[1].Skip(1).All(char.IsLower) && (words.Length == 2 || words[2].StartsWith('(')))
        {
            // "Partition Tolerance (the system continues…)" (194) is a name, not an instruction.
            return false;
        }

        var first = words.Length >= 3 && words[0].EndsWith("ly", StringComparison.Ordinal) ? 1 : 0; // "Regularly evaluate…"
        return words.Length >= first + 2 && char.IsUpper(words[0][0])
            && Imperatives.Contains(words[first].TrimEnd(',', ':')) && !AfterSubject.Contains(words[first + 1].TrimEnd(',', ':'));
    }

    /// <summary>"reference" → "references", "discuss" → "discusses", "apply" → "applies", "have" → "has".</summary>
    public static string ThirdPerson(string verb)
    {
        var lower = verb.ToLowerInvariant();
        var third = lower switch
        {
            "have" => "has",
            "be" => "is",
            "do" => "does",
            "go" => "goes",
            "can" or "may" or "might" or "must" or "should" or "will" or "would" or "could" => lower,
            _ when lower.EndsWith('y') && lower.Length > 2 && !"aeiou".Contains(lower[^2]) => lower[..^1] + "ies",
            _ when lower.EndsWith("ss", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal)
                || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith('x') || lower.EndsWith('o') => lower + "es",
            _ => lower + "s",
        };
        return char.IsUpper(verb[0]) ? ItemText.UpperFirst(third) : third;
    }

    /// <summary>"explaining" → "explains"; null for a word that is not a known participle.</summary>
    public static string? FromParticiple(string participle) =>
        Participles.TryGetValue(participle, out var finite) ? finite : null;

    public static bool IsParticiple(string word) => Participles.ContainsKey(word);
}

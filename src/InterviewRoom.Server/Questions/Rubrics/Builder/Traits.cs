using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Turns what guidance names as a quality or a state of mind into something an interviewer can hear: "Clear
/// understanding of X" → "Explains X" (123), "familiarity with X" → "Names X" (10), "Experience with API design" →
/// "Describes experience with API design" (106), "Ability to set achievable goals" → "Says how they set achievable
/// goals" (151), "Mentorship and coaching skills" → "Gives examples of mentorship and coaching" (151), "Balanced view
/// of…" → "Gives a balanced view of…" (91), "Clarity" → "Answers clearly" (65); any other noun phrase is
/// something the answer "Mentions" ("Specific roles", 12). Checked on every "Look for" and "What the interviewer
/// wants" item of the seed.
/// </summary>
internal static partial class Traits
{
    private static readonly Dictionary<string, string> Qualities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["clarity"] = "Answers clearly",
        ["directness"] = "Answers directly",
        ["conciseness"] = "Answers concisely",
        ["precision"] = "Answers precisely",
        ["self-awareness"] = "Says what they know and where their knowledge ends",
        ["honesty"] = "Says honestly what they have and have not done",
        ["structure"] = "Gives a structured answer",
    };

    /// <summary>The verb a state-of-mind noun becomes, and its object: "a clear understanding of X" → ("Explains", "X").</summary>
    public static (string Verb, string Object)? StateOfMind(string phrase)
    {
        var match = StateOfMindPattern().Match(phrase);
        if (!match.Success)
        {
            return null;
        }

        var noun = match.Groups["noun"].Value.ToLowerInvariant();
        var obj = match.Groups["object"].Value;
        return noun switch
        {
            "experience" or "expertise" => ("Describes", $"{(match.Groups["practical"].Success ? "practical " : string.Empty)}experience with {obj}"),
            "familiarity" or "proficiency" or "command" or "mastery" => ("Names", obj),
            _ => ("Explains", obj),
        };
    }

    /// <summary>A noun phrase from guidance as an item, and whether it is a quality rather than content.</summary>
    public static (string Text, DraftRole Role) FromNounPhrase(string phrase, string context)
    {
        var text = phrase.Trim();
        if (Qualities.TryGetValue(text, out var quality))
        {
            return (quality, DraftRole.Trait);
        }

        if (StateOfMind(text) is var (verb, obj))
        {
            var role = verb == "Describes" ? DraftRole.Trait : IsVague(obj) ? DraftRole.Vague : DraftRole.Content;
            return (ItemText.WithVerb(verb, obj, context), role);
        }

        var ability = Ability().Match(text);
        if (ability.Success)
        {
            return ($"Says how they {ability.Groups["object"].Value}", DraftRole.Trait);
        }

        var skills = Skills().Match(text);
        if (skills.Success)
        {
            return ($"Gives examples of {LowerAll(skills.Groups["object"].Value)}", DraftRole.Trait);
        }

        if (Quality().IsMatch(text))
        {
            return ($"Gives evidence of {LowerAll(text)}", DraftRole.Trait);
        }

        if (Given().Match(text) is { Success: true } given)
        {
            var article = given.Groups["countable"].Success && !Determiner().IsMatch(text) ? "a " : string.Empty;
            var role = given.Groups["countable"].Success && given.Value != "example" ? DraftRole.Trait : DraftRole.Content;
            return ($"Gives {article}{ItemText.LowerFirst(text, context)}", role);
        }

        return (ItemText.WithVerb("Mentions", text, context), DraftRole.Content);
    }

    /// <summary>"web security practices", "database performance optimization techniques": a topic, not a point.</summary>
    public static bool IsVague(string obj) => !Specific().IsMatch(obj) && GenericHead().IsMatch(obj);

    private static string LowerAll(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    [GeneratedRegex(
        @"^(?:(?:a|an|the)\s+)?(?:(?<practical>practical|hands-on)\s+|(?:clear|good|solid|strong|deep|comprehensive|thorough|basic|sound|working|broad|in-depth|demonstrable)\s+)*"
        + @"(?<noun>understanding|grasp|knowledge|awareness|familiarity|proficiency|experience|expertise|command|mastery)\s+(?:of|with|in|about)\s+(?<object>.+)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex StateOfMindPattern();

    [GeneratedRegex(@"^(?:the\s+)?(?:ability|willingness|capacity|readiness)\s+to\s+(?<object>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ability();

    [GeneratedRegex(@"^(?<object>.+?)\s+skills$", RegexOptions.IgnoreCase)]
    private static partial Regex Skills();

    [GeneratedRegex(
        @"^(?:leadership|ownership|initiative|collaboration|teamwork|communication|mentorship|learning agility|adaptability|curiosity|systems thinking|creativity|resilience)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Quality();

    [GeneratedRegex(@"\b(?:(?<countable>view|overview|account|picture|comparison|walkthrough|explanation|example)|examples|evidence)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Given();

    [GeneratedRegex(@"^(?:a|an|the|some|several|few|a few|one|two|three)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"\b(?:such as|like|e\.g\.|including|namely)\b|[(:]", RegexOptions.IgnoreCase)]
    private static partial Regex Specific();

    [GeneratedRegex(@"\b(?:techniques|practices|principles|concepts|strategies|methods|methodologies|skills|topics|aspects|management|tuning|solutions|tools)\b(?:\s+(?:for|in|of)\s+[\w\s-]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericHead();
}

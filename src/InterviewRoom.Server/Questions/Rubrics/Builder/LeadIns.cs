using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>What a guidance sentence is for the rubric.</summary>
internal enum SentenceUse
{
    /// <summary>It names something to hear: its content becomes items.</summary>
    Content,

    /// <summary>It is about the question or the interviewer: a short version goes to the note.</summary>
    Note,

    /// <summary>Filler or coaching with nothing to keep.</summary>
    Drop,
}

/// <summary>A guidance sentence with its lead-in removed: the content, and the verb an item built from it starts with.</summary>
internal sealed record Stripped(SentenceUse Use, string Rest, string? Verb);

/// <summary>
/// Strips the lead-ins guidance is written with and says what is left. Addressed to the interviewer: "Look for:",
/// "Listen for answers that mention" (133), "A good candidate should" (10, 113), "The candidate should discuss" (91),
/// "Strong answers should highlight" (71), "An ideal response should" (130), "Candidates might mention" (71, 130),
/// "Applicants should know that" (55), "They may mention that" (160). Addressed to the candidate: "Hint:" (115),
/// "How to structure your answer:" (103), "Discuss how…" (144), "Talk about…" (173), "Explain that…" (116), "Address
/// each part in order, explaining…" (167), "Your response gives the interviewer an insight into your familiarity
/// with…" (14). About the question: "This question tests…" (14, 111), "Interviewers use this question…" (25) and
/// "Interviewers want…" (52) go to the note; "Your interviewer will typically ask this…" (167) and "Critical for
/// Nigerian startups…" (23) are dropped. The verb is chosen from what follows ("mention X" → "Mentions", "provide
/// examples" → "Gives", "demonstrate familiarity with X" → "Names"), so the item is something to hear.
/// </summary>
internal static partial class LeadIns
{
    public static Stripped Strip(string sentence)
    {
        var text = CoachingLabel().Replace(sentence.Trim(), string.Empty);
        if (AboutTheQuestion().IsMatch(text))
        {
            return new(SentenceUse.Note, ToNote(text), null);
        }

        if (Dropped().IsMatch(text))
        {
            return new(SentenceUse.Drop, text, null);
        }

        if (InterviewersWantToSee().Match(text) is { Success: true } see)
        {
            return Verb(FirstPerson.SecondToThird(see.Groups["rest"].Value));
        }

        if (InterviewersWant().IsMatch(text))
        {
            return new(SentenceUse.Note, ToNote(text), null);
        }

        if (YourResponseShows().Match(text) is { Success: true } shows)
        {
            return new(SentenceUse.Content, shows.Groups["rest"].Value, "Mentions");
        }

        if (ExplainThat().Match(text) is { Success: true } that)
        {
            return new(SentenceUse.Content, FirstPerson.SecondToThird(that.Groups["rest"].Value), "Says");
        }

        var rest = CandidateLeadIn().Replace(text, string.Empty);
        return Verb(FirstPerson.SecondToThird(GiveYou().Replace(rest, "$1")));
    }

    /// <summary>The verb for what follows a lead-in, taken from its first words; null for a noun phrase.</summary>
    private static Stripped Verb(string rest)
    {
        var match = LeadingVerb().Match(rest);
        if (!match.Success)
        {
            var words = rest.Split(' ', 2);
            return words.Length == 2 && Verbs.IsImperative(ItemText.UpperFirst(rest))
                ? new(SentenceUse.Content, words[1], Verbs.ThirdPerson(ItemText.UpperFirst(words[0])))
                : new(SentenceUse.Content, rest, ThirdPersonStart().IsMatch(rest) ? string.Empty : null);
        }

        var word = match.Groups["verb"].Value.ToLowerInvariant();
        var obj = rest[match.Length..].Trim();
        var verb = word switch
        {
            "know that" or "mention that" or "say that" or "explain that" => "Says",
            "discuss" or "talk about" or "cover" when HowClause().IsMatch(obj) => "Explains",
            "mention" or "include" or "cover" or "discuss" or "talk about" or "highlight" or "touch on" or "consider" => "Mentions",
            "explain" => "Explains",
            "describe" or "detail" or "outline" => "Describes",
            "provide" or "give" or "offer" => "Gives",
            "be aware of" or "be familiar with" or "name" or "list" => "Names",
            "understand" => "Explains",
            "walk through" => "Walks through",
            _ => null,
        };

        if (word is "demonstrate" or "show" or "display" or "have" or "possess" or "exhibit" or "bring")
        {
            return Traits.StateOfMind(obj) is var (stateVerb, stateObject)
                ? new(SentenceUse.Content, stateObject, stateVerb)
                : new(SentenceUse.Content, obj, word == "show" ? "Shows" : null);
        }

        if (verb is not null && Traits.StateOfMind(obj) is var (_, plain))
        {
            // "highlight an understanding of user experience and system stability" (71) → "Mentions user experience…".
            obj = plain;
        }

        return new(SentenceUse.Content, obj, verb ?? Verbs.ThirdPerson(ItemText.UpperFirst(word.Split(' ')[0])));
    }

    /// <summary>"This question tests your understanding of X." → "The question tests the candidate's understanding of X."</summary>
    private static string ToNote(string text)
    {
        var note = ThisQuestion().Replace(text.Trim(), "The question");
        note = Opportunity().Replace(note, "tests");
        note = YourUnderstanding().Replace(note, "understanding of");
        note = YourPossessive().Replace(note, "the candidate's");
        note = You().Replace(note, "the candidate");
        return ItemText.UpperFirst(note.TrimEnd('.')) + ".";
    }

    [GeneratedRegex(@"^(?:How to structure your answer|Hint|Tip|Note)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CoachingLabel();

    [GeneratedRegex(@"^(?:This question|Interviewers? (?:use|uses|ask|asks) this question)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AboutTheQuestion();

    [GeneratedRegex(@"^(?:Your interviewer\b|(?:Critical|Important|Essential|Crucial|Vital|Useful)\s+(?:for|to|in|when)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Dropped();

    [GeneratedRegex(@"^Interviewers? (?:wants?|would like|like|expects?) to see (?:that )?you\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex InterviewersWantToSee();

    [GeneratedRegex(@"^Interviewers? (?:wants?|are looking for|look for|expects?|prefers?|value|values)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InterviewersWant();

    [GeneratedRegex(
        @"^Your (?:response|answer) (?:gives|shows|tells)\b.*?\b(?:familiarity with|understanding of|knowledge of|grasp of|insight into)\s+(?:your\s+(?:familiarity with|understanding of|knowledge of)\s+)?(?<rest>.+)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex YourResponseShows();

    [GeneratedRegex(@"^(?:Explain|Say|Mention|Note|Applicants should know|Candidates should know) that\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplainThat();

    [GeneratedRegex(
        @"^(?:(?:Listen|Look) for\b(?:\s+(?:answers|candidates|responses|someone|people|evidence))?(?:\s+(?:that|who|which))?(?:\s+can)?"
        + @"|(?:A|An|The)\s+(?:(?:good|strong|ideal|great|senior|successful|excellent|well-rounded)\s+)*(?:candidate|answer|response|developer|engineer|applicant|interviewee)s?\b(?:\s+(?:should|might|may|will|must|would|can|could|needs? to))?(?:\s+be able to)?"
        + @"|Strong (?:answers?|candidates?|responses?)\b(?:\s+(?:should|might|may|will|must))?"
        + @"|(?:Candidates|Applicants|Interviewees)\s+(?:should|might|may|will|must|need to|can)(?:\s+be able to)?"
        + @"|They\s+(?:may|might|should|will|can|could)"
        + @"|To explain [^,]+,\s+you should be able to"
        + @"|Address each part in order,)\s*",
        RegexOptions.IgnoreCase)]
    private static partial Regex CandidateLeadIn();

    [GeneratedRegex(
        @"^(?<verb>know that|mention that|say that|explain that|talk about|touch on|walk through|be aware of|be familiar with|mention|include|cover|discuss|highlight|consider|explain|describe|detail|outline|provide|give|offer|name|list|understand|demonstrate|show|display|have|possess|exhibit|bring)(?:s|es|ing)?\b\s*",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadingVerb();

    // "answers the question precisely…", "describes fostering…", "references concrete situations…" (already third person).
    [GeneratedRegex(@"^(?:answers|describes|explains|names|mentions|gives|says|shows|references|uses|walks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThirdPersonStart();

    [GeneratedRegex(@"^(?:how|what|why|when|where|which|whether)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowClause();

    [GeneratedRegex(@"\b(give|tell|show)\s+you\b", RegexOptions.IgnoreCase)]
    private static partial Regex GiveYou();

    [GeneratedRegex(@"^This question\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThisQuestion();

    [GeneratedRegex(@"\bgives you the opportunity to demonstrate\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opportunity();

    [GeneratedRegex(@"\byour (?:understanding|knowledge|grasp) of\b", RegexOptions.IgnoreCase)]
    private static partial Regex YourUnderstanding();

    [GeneratedRegex(@"\byour\b", RegexOptions.IgnoreCase)]
    private static partial Regex YourPossessive();

    [GeneratedRegex(@"\byou\b", RegexOptions.IgnoreCase)]
    private static partial Regex You();
}

using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// The scraped page's own text, which must not reach the bank. Found by reading the seed:
/// the newsletter header and SEO blurb before question 1 (dropped because nothing before the first numbered
/// question is read), the "Career Acceleration" ad after question 2's answer (its list lines start with digits:
/// "1 100% Pass Rate"), and a job-board ad glued to the start of question 25's answer
/// ("Ready to find your 4-day week job? … Browse Jobs"). A footer after the last answer is cut the same way
/// as the ad block: at the first line that is page chrome.
/// </summary>
internal static partial class PageNoise
{
    private static readonly string[] ChromeLines =
    [
        "Career Acceleration",
        "DON'T WANT TO MISS A THING?",
        "Certification Exam Passing Tips",
        "Latest exam news and discount info",
        "Curated and up-to-date by our experts",
        "Yes, send me the newsletter",
        "View Other Interview Questions",
    ];

    /// <summary>True for a line that starts the page's own content (an ad, a newsletter box, a footer).</summary>
    public static bool IsChromeLine(string line)
    {
        var trimmed = line.Trim();
        return ChromeLines.Any(c => trimmed.Equals(c, StringComparison.OrdinalIgnoreCase))
            || trimmed.Contains("SPOTO", StringComparison.Ordinal)
            || trimmed.StartsWith("Earn a certification", StringComparison.OrdinalIgnoreCase)
            || FooterLine().IsMatch(trimmed)
            || NumberedAdLine().IsMatch(trimmed);
    }

    /// <summary>Removes ads glued into an answer's text.</summary>
    public static string RemoveInlineAds(string text) => JobBoardAd().Replace(text, string.Empty);

    // "Ready to find your 4-day week job? Browse opportunities at companies that prioritize work-life balance. Browse Jobs"
    [GeneratedRegex(@"Ready to find your [^?]{1,60}\?\s*Browse opportunities[^.]{0,120}\.\s*Browse Jobs\s*", RegexOptions.IgnoreCase)]
    private static partial Regex JobBoardAd();

    // "1 100% Pass Rate", "2 2 Weeks of Dump Practice", "3 Pass the Certification Exam".
    [GeneratedRegex(@"^\d+ (\d+% Pass Rate|\d+ Weeks of Dump Practice|Pass the Certification Exam)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedAdLine();

    [GeneratedRegex(@"^(©|Copyright\b|All rights reserved|Privacy Policy|Terms of (Use|Service)\b|Share this\b|Related (Posts|Articles|Questions)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FooterLine();
}

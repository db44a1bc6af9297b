using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Reference answers that do not answer their question. Found by reading every question/answer pair of the seed;
/// keyed by the question's normalised text (so a renumbered seed keeps its findings). Any other answer that is left
/// empty once guidance is split out gets a generic reason.
/// </summary>
internal static class AnswerMismatches
{
    private const string CareerGuidance =
        "Guidance only, and about career history (roles, companies, career progression), not version control or Git.";

    private static readonly Dictionary<string, string> Known = new[]
    {
        ("What is your experience with algorithms?", // 10
            "Guidance only: what a good candidate should demonstrate (sorting, searching algorithms); no answer."),
        ("Have you worked with version control systems such as Git before?", CareerGuidance), // 12, 104
        ("Describe the implementation of a single sign-on (SSO) solution", // 29
            "Incomplete: the first step (setting up the identity provider) is missing, so 'the previous step' refers to nothing."),
        ("Could you discuss how you approach problem-solving in back-end development?", // 65
            "Guidance only, and generic (clarity, directness); nothing about how to approach back-end problems."),
        ("How can you retrieve data from the MySQL database in PHP?", // 82
            "Truncated: the promised example query stops at '#!/bin/php'; the mysql_* functions it names were removed in PHP 7."),
        ("What are the advantages of using Java over other backend languages?", // 91
            "Guidance only (Look for / What to Expect); no model answer about Java's advantages."),
        ("Describe how you would implement a RESTful API in Python.", // 106
            "Guidance only (Look for / What to Expect); no model answer on building a REST API in Python."),
        ("How do you secure a PHP application against common vulnerabilities?", // 110
            "Guidance only (Look for / What to Expect); no model answer on securing PHP."),
        ("How do you handle various tasks with multiple deadlines?", // 113
            "Guidance only: what a good candidate should explain (task lists, milestones, Eisenhower Matrix); no answer."),
        ("How would you handle it if all of a sudden traffic increases on your web application?", // 115
            "Only a hint for the candidate (load balancing, caching, database scaling); no answer."),
        ("How does Node.js handle asynchronous operations?", // 123
            "Guidance only (Look for / What to Expect); no model answer about the event loop."),
        ("How do we manage packages in a NodeJS project?", // 124
            "Defines modules and packages but never says how to manage them (npm/yarn, package.json, lock files)."),
        ("How do you optimize database performance?", // 130
            "Only the opening sentence is an answer; the substance (indexing, query optimisation, caching) is interviewer guidance."),
        ("How would you optimize a slow-running SQL query?", // 133
            "Guidance only: what to listen for (indexing, query restructuring, execution plans); no answer."),
        ("What exactly does a backend developer do?", // 135
            "Wrong: equates a backend developer with a database administrator (DBA) and describes only database design."),
        ("What is your level of familiarity and experience with microservices architecture?", // 158
            "Guidance only, and generic (clarity, directness); nothing about microservices."),
        ("Describe your experience working as a part of a team.", // 160
            "No account of teamwork: one generic sentence, the rest is guidance on what applicants should mention."),
        ("Why are global and static objects evil? Can you show it with a code example?", // 165
            "Asks for a code example; the answer explains in prose only, with no code."),
        ("Describe the exit codes of NodeJS?", // 166
            "Describes Node.js in general and lists no exit codes (e.g. 0 success, 1 uncaught fatal exception)."),
        ("Define and explain these nine server response error codes: 200, 201, 204, 301, 400, 401, 404, 409 and 500.", // 167
            "Explains none of the nine status codes: it is only advice on how to answer."),
        ("What is a SQL query? Explain Structured Query Language (SQL) and its basic code structure.", // 179
            "Partly wrong: says SQL is 'also known as an INSERT, UPDATE or DELETE statement', has English syntax, and that SELECT returns all records."),
        ("Explain your three most vital concerns when working for an employer.", // 182
            "Guidance only: factors a good candidate might mention; no answer."),
        ("Tell me about your understanding with server-side programming languages, specifically Python, Django, Django REST framework and the AWS stack?", // 190
            "Guidance only, and generic (clarity, directness); nothing about Python, Django, DRF or AWS."),
        ("How do you test a Ruby on Rails application?", // 198
            "Guidance only (Look for / What to Expect); no model answer on testing a Rails application."),
    }.ToDictionary(p => SeedParser.NormalizeQuestion(p.Item1), p => p.Item2);

    public static string? Find(string questionText, string referenceAnswer, IReadOnlyList<GuidanceItem> guidance)
    {
        if (Known.TryGetValue(SeedParser.NormalizeQuestion(questionText), out var reason))
        {
            return reason;
        }

        if (referenceAnswer.Length > 0)
        {
            return null;
        }

        var kinds = string.Join(", ", guidance.Select(g => g.Kind).Distinct());
        return guidance.Count > 0 ? $"Guidance only ({kinds}); no model answer." : "No reference answer.";
    }
}

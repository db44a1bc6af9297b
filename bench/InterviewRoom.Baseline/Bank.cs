using InterviewRoom.Contracts;
using System.Text.Json;
using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Baseline;

/// <summary>
/// The questions the baseline asks. The load generator saves the product's own bank (GET /api/questions) and
/// passes it with <c>--bank</c>, so both servers push the same payloads; without it, 200 made-up questions of a
/// similar size.
/// </summary>
internal sealed class Bank(IReadOnlyList<QuestionDto> questions)
{
    private readonly Dictionary<int, QuestionDto> byId = questions.ToDictionary(q => q.Id);

    public IReadOnlyList<QuestionDto> All => questions;

    public QuestionDto? Find(int id) => byId.GetValueOrDefault(id);

    public static Bank Load(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new Bank([.. Enumerable.Range(1, 200).Select(Synthetic)]);
        }

        using var file = File.OpenRead(path);
        return new Bank(JsonSerializer.Deserialize<List<QuestionDto>>(file, WireJson.Options) ?? []);
    }

    private static QuestionDto Synthetic(int id)
    {
        string Text(string what, int length) => $"{what} {id}: " + string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", length / 27 + 1))[..length];
        var criteria = Enumerable.Range(1, 6)
            .Select(i => new Criterion($"c{i}", Text("Criterion", 110), RubricSources.Reviewed, Core: i <= 2)).ToList();
        var scale = Enumerable.Range(1, 5).Select(s => new ScaleAnchor(s, Text("Level", 70))).ToList();
        var anchors = new[] { 1, 3, 5 }.Select(s => new ScaleAnchor(s, Text("Anchor", 120))).ToList();
        var rubric = new RubricDto(id, 1, criteria,
            [new RedFlag("r1", Text("Red flag", 90), RubricSources.Reviewed), new RedFlag("wrong", "Says something wrong about a core point (say what in the notes)", RubricSources.Standard)],
            scale, anchors, Text("Note", 150), null, true);
        return new QuestionDto(id, "backend", id, Text("Question", 80), Text("Reference answer", 450), QuestionKind.Technical,
            ["web", "networking"], 180, [new GuidanceItem(GuidanceKind.LookFor, Text("Look for", 120))], new QuestionFlagsDto(null, null), rubric);
    }
}

using System.Net.Http.Json;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Bench.Infrastructure;

/// <summary>A room's two seats: the interviewer's token and the candidate's.</summary>
internal sealed record RoomSeats(Guid RoomId, string InterviewerToken, string CandidateToken);

/// <summary>
/// A server under test, "product" or "baseline": its process, an HTTP client for set-up, and the question bank.
/// Rooms are set up through the same public calls on both (POST /api/rooms, then /join as the candidate).
/// </summary>
internal sealed class Target : IAsyncDisposable
{
    /// <summary>
    /// Documented configuration keys lifted on the product's command line, so that set-up from one address and the
    /// generator's call rate are never refused: the limits stay in the hot path, they just never trip.
    /// </summary>
    public static readonly string[] LiftedProductKeys =
    [
        "--Hub:CallBurst=100000", "--Hub:CallsPerSecond=100000", "--Rooms:JoinAttemptsPerMinute=100000",
        "--Rooms:JoinAttemptsPerCodePerMinute=100000", "--Rooms:CreatesPerMinute=100000",
    ];

    private readonly string dataDir;

    private Target(string kind, ServerProcess process, string dataDir)
    {
        Kind = kind;
        Process = process;
        this.dataDir = dataDir;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = process.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        Api = new InterviewRoomApi(Http);
    }

    public string Kind { get; }

    public bool IsProduct => Kind == "product";

    public ServerProcess Process { get; }

    public HttpClient Http { get; }

    public InterviewRoomApi Api { get; }

    public TimeSpan StartupTime { get; private set; }

    public IReadOnlyList<QuestionDto> Bank { get; private set; } = [];

    public static async Task<Target> StartAsync(string kind, BenchEnvironment env, BenchOptions options, string label)
    {
        var port = ServerProcess.FreePort();
        var dataDir = Directory.CreateTempSubdirectory($"bench-{kind}-").FullName;
        var url = $"http://127.0.0.1:{port}";
        List<string> command = kind == "product"
            ? ["dotnet", env.ProductDll, "--contentRoot", env.ProductContentRoot, "--urls", url,
                $"--ConnectionStrings:InterviewRoom=Data Source={Path.Combine(dataDir, "bench.db")}", .. LiftedProductKeys, .. options.ProductArgs]
            : ["dotnet", env.BaselineDll, "--urls", url, .. File.Exists(env.BankPath) ? new[] { "--bank", env.BankPath } : []];
        var process = new ServerProcess(kind, command, port, env.Log($"{label}-{kind}.log"));
        var target = new Target(kind, process, dataDir);
        target.StartupTime = await process.StartAsync(TimeSpan.FromSeconds(120));
        return target;
    }

    /// <summary>Creates rooms with a candidate each, a few requests at a time; the first room also fetches the bank.</summary>
    public async Task<List<RoomSeats>> CreateRoomsAsync(int count, Guid? classId = null, CancellationToken cancellationToken = default)
    {
        var rooms = new RoomSeats[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var created = classId is { } id
                ? await CreateInClassAsync(id, ct)
                : await Api.CreateRoomAsync(new CreateRoomRequest($"Interviewer {i}", "Bench"), ct);
            var seat = await Api.JoinAsync(created.RoomCode, $"Candidate {i}", ParticipantRole.Candidate, ct);
            rooms[i] = new RoomSeats(created.RoomId, created.InterviewerToken, seat.Token);
        });
        if (count > 0 && Bank.Count == 0)
        {
            Bank = await Api.GetQuestionsAsync(rooms[0].InterviewerToken, cancellationToken: cancellationToken);
        }

        return [.. rooms];
    }

    /// <summary>The baseline's own way to put a room in a class (the product pairs class students instead).</summary>
    private async Task<CreateRoomResponse> CreateInClassAsync(Guid classId, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync($"api/rooms?classId={classId}", new CreateRoomRequest("Interviewer"), InterviewRoomApi.Json, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreateRoomResponse>(InterviewRoomApi.Json, cancellationToken))!;
    }

    public void UseBank(IReadOnlyList<QuestionDto> bank) => Bank = bank;

    /// <summary>Saves the product's bank once, so the baseline pushes the same questions and rubrics.</summary>
    public async Task SaveBankAsync(BenchEnvironment env)
    {
        if (IsProduct && Bank.Count > 0 && !File.Exists(env.BankPath))
        {
            await File.WriteAllTextAsync(env.BankPath, System.Text.Json.JsonSerializer.Serialize(Bank, InterviewRoomApi.Json));
        }
    }

    /// <summary>Kills the process (a crash) and starts it again on the same port with the same database.</summary>
    public async Task<TimeSpan> CrashAndRestartAsync(Func<Task>? afterKill = null)
    {
        await Process.KillAsync();
        if (afterKill is not null)
        {
            await afterKill();
        }

        return await Process.StartAsync(TimeSpan.FromSeconds(120));
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Http.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is left behind
        }
    }
}

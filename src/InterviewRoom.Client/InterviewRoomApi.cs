using InterviewRoom.Contracts;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.PersonalData;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Reports;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Client;

/// <summary>The HTTP half of the public contract: rooms, classes, joining, the question bank, reports.</summary>
public sealed class InterviewRoomApi(HttpClient http)
{
    /// <summary>The JSON settings of the server: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = WireJson.Options;

    public HttpClient Http => http;

    public async Task<CreateRoomResponse> CreateRoomAsync(CreateRoomRequest? request = null, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/rooms", request ?? new CreateRoomRequest(), Json, cancellationToken);
        return await ReadAsync<CreateRoomResponse>(response, cancellationToken);
    }

    /// <summary>Takes a seat with the room code: the candidate's (one-click). Observers need the observer key.</summary>
    public Task<JoinRoomResponse> JoinAsync(string roomCode, string name, ParticipantRole role, CancellationToken cancellationToken = default) =>
        JoinAsync(roomCode, new JoinRoomRequest(name, WireJson.Name(role)), cancellationToken);

    /// <summary>
    /// Takes an observer seat with the room's observer key: <see cref="CreateRoomResponse.ObserverKey"/>, or the
    /// <c>#observer=</c> part of the observer link (<see cref="ObserverKeyOf"/>).
    /// </summary>
    public Task<JoinRoomResponse> JoinAsObserverAsync(string roomCode, string observerKey, string name, CancellationToken cancellationToken = default) =>
        JoinAsync(roomCode, new JoinRoomRequest(name, WireJson.Name(ParticipantRole.Observer), observerKey), cancellationToken);

    /// <summary>The room code and observer key inside an observer link (<c>…/join/{code}#observer={key}</c>).</summary>
    public static (string RoomCode, string ObserverKey) ObserverKeyOf(string observerJoinUrl)
    {
        var link = new Uri(observerJoinUrl, UriKind.Absolute);
        const string Marker = "#observer=";
        if (!link.Fragment.StartsWith(Marker, StringComparison.Ordinal) || link.Segments.Length < 2)
        {
            throw new ArgumentException("Not an observer link: it ends with /join/{code}#observer={key}.", nameof(observerJoinUrl));
        }

        return (Uri.UnescapeDataString(link.Segments[^1].TrimEnd('/')), Uri.UnescapeDataString(link.Fragment[Marker.Length..]));
    }

    private async Task<JoinRoomResponse> JoinAsync(string roomCode, JoinRoomRequest body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"api/rooms/{Uri.EscapeDataString(roomCode)}/join", body, Json, cancellationToken);
        return await ReadAsync<JoinRoomResponse>(response, cancellationToken);
    }

    public async Task<IReadOnlyList<QuestionDto>> GetQuestionsAsync(
        string token, string? kind = null, string? topic = null, string? text = null, CancellationToken cancellationToken = default)
    {
        var query = string.Join('&', new[] { ("kind", kind), ("topic", topic), ("q", text) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        using var request = Authorized(HttpMethod.Get, query.Length == 0 ? "api/questions" : $"api/questions?{query}", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<List<QuestionDto>>(response, cancellationToken);
    }

    /// <summary>The bank's kinds and topics; no token needed.</summary>
    public async Task<BankFacetsDto> GetFacetsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("api/questions/facets", cancellationToken);
        return await ReadAsync<BankFacetsDto>(response, cancellationToken);
    }

    public async Task<RoomReport> GetReportAsync(Guid roomId, string token, CancellationToken cancellationToken = default)
    {
        using var request = Authorized(HttpMethod.Get, $"api/rooms/{roomId}/report", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<RoomReport>(response, cancellationToken);
    }

    public async Task<string> GetReportCsvAsync(Guid roomId, string token, CancellationToken cancellationToken = default)
    {
        using var request = Authorized(HttpMethod.Get, $"api/rooms/{roomId}/report?format=csv", token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task<CreateClassResponse> CreateClassAsync(CreateClassRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("api/classes", request, Json, cancellationToken);
        return await ReadAsync<CreateClassResponse>(response, cancellationToken);
    }

    public async Task<JoinClassResponse> JoinClassAsync(string classCode, string name, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"api/classes/{Uri.EscapeDataString(classCode)}/join", new JoinClassRequest(name), Json, cancellationToken);
        return await ReadAsync<JoinClassResponse>(response, cancellationToken);
    }

    public async Task<ClassReport> GetClassReportAsync(Guid classId, string instructorToken, CancellationToken cancellationToken = default)
    {
        using var request = Authorized(HttpMethod.Get, $"api/classes/{classId}/report", instructorToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<ClassReport>(response, cancellationToken);
    }

    public async Task<string> GetClassReportCsvAsync(Guid classId, string instructorToken, CancellationToken cancellationToken = default)
    {
        using var request = Authorized(HttpMethod.Get, $"api/classes/{classId}/report?format=csv", instructorToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Everything stored about one seat: by the person themselves, the room's interviewer or the class's instructor.</summary>
    public Task<PersonalDataExport> ExportSeatDataAsync(Guid roomId, Guid participantId, string token, CancellationToken cancellationToken = default) =>
        SendAsync<PersonalDataExport>(HttpMethod.Get, SeatData(roomId, participantId), token, cancellationToken);

    /// <summary>Deletes one seat's answers, scores and name and revokes its token; running it again changes nothing.</summary>
    public Task DeleteSeatDataAsync(Guid roomId, Guid participantId, string token, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, SeatData(roomId, participantId), token, cancellationToken);

    /// <summary>Everything stored about one class student, across the class's rooms: by the student or the instructor.</summary>
    public Task<PersonalDataExport> ExportStudentDataAsync(Guid classId, Guid studentId, string token, CancellationToken cancellationToken = default) =>
        SendAsync<PersonalDataExport>(HttpMethod.Get, StudentData(classId, studentId), token, cancellationToken);

    /// <summary>Deletes a class student's data in every room of the class and revokes their class token.</summary>
    public Task DeleteStudentDataAsync(Guid classId, Guid studentId, string token, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, StudentData(classId, studentId), token, cancellationToken);

    private static string SeatData(Guid roomId, Guid participantId) => $"api/rooms/{roomId}/participants/{participantId}/personal-data";

    private static string StudentData(Guid classId, Guid studentId) => $"api/classes/{classId}/students/{studentId}/personal-data";

    private async Task<T> SendAsync<T>(HttpMethod method, string uri, string token, CancellationToken cancellationToken)
    {
        using var request = Authorized(method, uri, token);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string uri, string token, CancellationToken cancellationToken)
    {
        using var request = Authorized(method, uri, token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string uri, string token) =>
        new(method, uri) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException("The server answered with an empty body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ApiProblem.ReadAsync(response, cancellationToken);
            throw new InterviewRoomApiException(response.StatusCode, problem, response.Headers.RetryAfter?.Delta);
        }
    }
}

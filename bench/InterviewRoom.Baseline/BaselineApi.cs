using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Baseline;

/// <summary>
/// The HTTP calls the load generator makes, with the product's paths and records: create a room (optionally in a
/// class, a baseline-only <c>?classId=</c>), take the candidate seat, read the bank, create a class, readiness.
/// </summary>
internal static class BaselineApi
{
    public static void MapBaselineApi(this WebApplication app)
    {
        app.MapGet("/health/ready", () => "Healthy");
        app.MapGet("/api/questions", (Bank bank) => bank.All);
        app.MapPost("/api/rooms", (CreateRoomRequest? request, Guid? classId, Store store, HttpContext http) =>
        {
            var room = store.AddRoom(request?.InterviewerName ?? "Interviewer", classId);
            var joinUrl = $"{http.Request.Scheme}://{http.Request.Host}/join/{room.Code}";
            // The baseline seats no observers: its observer link is a placeholder of the contract's shape.
            return Results.Created((string?)null, new CreateRoomResponse(
                room.Id, room.Code, Seat.Interviewer(room.Id), joinUrl, "baseline", $"{joinUrl}#observer=baseline"));
        });
        app.MapPost("/api/rooms/{roomCode}/join", (string roomCode, JoinRoomRequest request, Store store) =>
        {
            if (store.ByCode(roomCode) is not { } room)
            {
                return Results.NotFound();
            }

            room.CandidateId = Guid.CreateVersion7();
            room.CandidateName = request.Name ?? "Candidate";
            return Results.Ok(new JoinRoomResponse(room.Id, room.CandidateId.Value, ParticipantRole.Candidate, Seat.Candidate(room.Id)));
        });
        app.MapPost("/api/classes", (Store store, HttpContext http) =>
        {
            var id = store.AddClass();
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Created((string?)null, new CreateClassResponse(id, "BASELINE", Seat.Instructor(id), $"{baseUrl}/class/{id}", $"{baseUrl}/class/join/BASELINE"));
        });
    }
}

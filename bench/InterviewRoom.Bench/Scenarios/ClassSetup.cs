using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Bench.Load;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>The product's class as an instructor and students make it (docs/protocol.md section 21).</summary>
internal static class ProductClass
{
    public static async Task<(HubConnection Instructor, List<StudentSeat> Students)> SetUpAsync(Target target, int studentCount)
    {
        var created = await target.Api.CreateClassAsync(new CreateClassRequest("Bench class", "Instructor"));
        var joined = new JoinClassResponse[studentCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, studentCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            joined[i] = await target.Api.JoinClassAsync(created.ClassCode, $"Student {i}", ct));

        var instructor = Hubs.Create(target.Process.BaseUri, ClassHubNames.Path, created.InstructorToken);
        await instructor.StartAsync();
        var state = await instructor.InvokeAsync<ClassState>(ClassHubNames.Methods.PairStudents, OddStudent.Observer);
        var roles = state.Students.ToDictionary(s => s.StudentId, s => s.Role);
        var students = joined.Select((j, i) => new StudentSeat(i, roles[j.StudentId] == ParticipantRole.Candidate,
            Hubs.Create(target.Process.BaseUri, HubNames.Path, j.Token))).ToList();
        await Hubs.StartAllAsync(students.Select(s => s.Connection), 32);

        var bankToken = joined.First(j => roles[j.StudentId] == ParticipantRole.Interviewer).Token;
        await LoadBankAsync(target, bankToken);
        return (instructor, students);
    }

    private static async Task LoadBankAsync(Target target, string interviewerToken)
    {
        if (target.Bank.Count == 0)
        {
            target.UseBank(await target.Api.GetQuestionsAsync(interviewerToken));
        }
    }
}

/// <summary>The baseline's class: rooms of two created straight into one class.</summary>
internal static class BaselineClass
{
    public static async Task<(HubConnection Instructor, List<StudentSeat> Students)> SetUpAsync(Target target, int studentCount)
    {
        var created = await target.Api.CreateClassAsync(new CreateClassRequest("Bench class", "Instructor"));
        var rooms = await target.CreateRoomsAsync(studentCount / 2, created.ClassId);
        var instructor = Hubs.Create(target.Process.BaseUri, ClassHubNames.Path, created.InstructorToken);
        await instructor.StartAsync();
        var students = rooms.SelectMany((r, i) => new[]
        {
            new StudentSeat(2 * i, false, Hubs.Create(target.Process.BaseUri, HubNames.Path, r.InterviewerToken)),
            new StudentSeat((2 * i) + 1, true, Hubs.Create(target.Process.BaseUri, HubNames.Path, r.CandidateToken)),
        }).ToList();
        await Hubs.StartAllAsync(students.Select(s => s.Connection), 32);
        return (instructor, students);
    }
}

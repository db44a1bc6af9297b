using System.Net;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR.Client;
using C = InterviewRoom.Contracts.Classes.ClassHubNames;

namespace InterviewRoom.IntegrationTests.PersonalData;

/// <summary>Export and delete of a class student's data by the instructor, across the class's rooms.</summary>
public sealed class StudentDataTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task StudentData_IsExportedAndDeletedByTheInstructor_AcrossTheClassRooms_AndNotByAnotherStudent()
    {
        var api = factory.Api();
        var question = (await api.GetQuestionsAsync((await api.CreateRoomAsync()).InterviewerToken)).Single(q => q.Number == 2);
        var created = await api.CreateClassAsync(new CreateClassRequest("Bootcamp", "Prof", [new ClassQuestionInput(question.Id, 60)]));
        var grace = await api.JoinClassAsync(created.ClassCode, "Grace");
        var hedy = await api.JoinClassAsync(created.ClassCode, "Hedy");
        await using var classHub = factory.Connect(C.Path, created.InstructorToken);
        await classHub.StartAsync();
        await classHub.InvokeAsync<ClassState>(C.Methods.StartPanel, grace.StudentId);

        // The instructor interviews Grace in the panel room; she answers and is scored.
        await using var instructor = factory.Hub(created.InstructorToken);
        var instructorPushed = Pushed.To(instructor);
        var room = await instructor.StartAsync();
        await using var student = factory.Hub(grace.Token);
        await student.StartAsync();
        var turn = await instructor.AskAsync(question.Id, 60);
        await instructorPushed.Delivered.NextAsync(t => t.TurnId == turn.TurnId);
        await student.SubmitAsync(turn.TurnId, "Grace's answer.");
        await instructorPushed.Submitted.NextAsync(t => t.TurnId == turn.TurnId);
        await instructor.ScoreAsync(turn.TurnId, new ScoreInput("s1", Overall: 4, Notes: "Grace did well."));

        var export = await api.ExportStudentDataAsync(created.ClassId, grace.StudentId, created.InstructorToken);
        var own = await api.ExportStudentDataAsync(created.ClassId, grace.StudentId, grace.Token);
        var byClassmate = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.ExportStudentDataAsync(created.ClassId, grace.StudentId, hedy.Token));
        var other = await api.CreateClassAsync(new CreateClassRequest("Other class"));
        var byOtherInstructor = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.ExportStudentDataAsync(created.ClassId, grace.StudentId, other.InstructorToken));
        var unknown = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.ExportStudentDataAsync(created.ClassId, Guid.NewGuid(), created.InstructorToken));

        Assert.Equal(("student", "Grace"), (export.Subject.Kind, export.Subject.Name));
        Assert.Equal((room.RoomId, ParticipantRole.Candidate), (Assert.Single(export.Seats).RoomId, export.Seats[0].Role));
        Assert.Equal("Grace's answer.", Assert.Single(export.Answers).AnswerText);
        Assert.Equal(("Grace did well.", "Prof"), (Assert.Single(export.Answers[0].Scores!).Notes, export.Answers[0].Scores![0].ScoredBy));
        Assert.Equal("Grace's answer.", Assert.Single(own.Answers).AnswerText);
        Assert.Equal(HttpStatusCode.Forbidden, byClassmate.Status);
        Assert.Equal(HttpStatusCode.NotFound, byOtherInstructor.Status);
        Assert.Equal((byOtherInstructor.Status, byOtherInstructor.Problem!.Detail), (unknown.Status, unknown.Problem!.Detail));

        await api.DeleteStudentDataAsync(created.ClassId, grace.StudentId, created.InstructorToken);
        await api.DeleteStudentDataAsync(created.ClassId, grace.StudentId, created.InstructorToken); // idempotent

        var revoked = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.ExportStudentDataAsync(created.ClassId, grace.StudentId, grace.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        var erased = await api.ExportStudentDataAsync(created.ClassId, grace.StudentId, created.InstructorToken);
        Assert.Equal("Deleted student", erased.Subject.Name);
        Assert.Equal("Deleted candidate", Assert.Single(erased.Seats).Name);
        Assert.DoesNotContain("Grace", erased.Seats[0].RoomTitle);
        Assert.Null(Assert.Single(erased.Answers).AnswerText);
        Assert.Empty(erased.Answers[0].Scores!);
        var report = await api.GetClassReportAsync(created.ClassId, created.InstructorToken);
        Assert.DoesNotContain(report.Students, s => s.Name == "Grace");
        var state = await classHub.InvokeAsync<ClassState>(C.Methods.GetClass);
        Assert.Equal(["Hedy"], state.Students.Select(s => s.Name));
    }
}

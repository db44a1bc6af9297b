using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// <c>/hubs/class</c>: the instructor's dashboard and the students' lobby. Thin: the caller comes from the class
/// token, the services check and push. The interviews themselves happen on <c>/hubs/interview</c>.
/// </summary>
[Authorize(AuthenticationSchemes = RoomTokenAuthentication.Scheme, Policy = RoomTokenAuthentication.ClassPolicy)]
internal sealed class ClassHub(
    ClassService classes, ClassPush push, PresenceWriter presence, ClassNotifier notifier) : Hub<IClassClient>
{
    private ClassCaller Caller => ClassCaller.From(Context.User!);

    public override async Task OnConnectedAsync()
    {
        var caller = Caller;
        var closed = Context.ConnectionAborted;
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ClassGroups.Everyone(caller.ClassId), closed);
            await Groups.AddToGroupAsync(Context.ConnectionId, ClassGroups.Person(caller.PrincipalId), closed);
            if (caller.IsInstructor)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, ClassGroups.Instructor(caller.ClassId), closed);
                return;
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            return; // gone before anything was written
        }

        // As on the interview hub: from the row on, a closed connection does not fail the handler (the disconnect
        // handler must run); should it fail anyway, the presence writer sweeps the row once the connection closed.
        if (await presence.ConnectedAsync(caller.PrincipalId, Context.ConnectionId, closed,
            services => services.GetRequiredService<ClassNotifier>().ClassChanged(caller.ClassId)))
        {
            await notifier.ClassChanged(caller.ClassId);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var caller = Caller;
        if (!caller.IsInstructor && await presence.DisconnectedAsync(caller.PrincipalId, Context.ConnectionId))
        {
            await notifier.ClassChanged(caller.ClassId);
        }
    }

    public Task<ClassState> GetClass() => classes.GetAsync(Caller, Context.ConnectionAborted);

    public Task<ClassState> SetQuestions(IReadOnlyList<ClassQuestionInput>? questions) =>
        classes.SetQuestionsAsync(Caller, questions, Context.ConnectionAborted);

    public Task<ClassState> PairStudents(OddStudent odd) =>
        classes.PairStudentsAsync(Caller, odd, Context.ConnectionAborted);

    public Task<ClassState> StartPanel(Guid studentId) => classes.StartPanelAsync(Caller, studentId, Context.ConnectionAborted);

    public Task<PushResult> PushQuestion(int questionId, int? timeLimitSeconds) =>
        push.PushAsync(Caller, questionId, timeLimitSeconds, Context.ConnectionAborted);

    public Task<ClassState> MoveStudent(Guid studentId, Guid? roomId, ParticipantRole role) =>
        classes.MoveStudentAsync(Caller, studentId, roomId, role, Context.ConnectionAborted);

    public Task EndClass() => classes.EndClassAsync(Caller, Context.ConnectionAborted);
}

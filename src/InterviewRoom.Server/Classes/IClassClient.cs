using InterviewRoom.Contracts.Classes;

namespace InterviewRoom.Server.Classes;

/// <summary>What the server pushes to clients of <c>/hubs/class</c>.</summary>
public interface IClassClient
{
    Task ClassChanged(ClassState state);

    Task ClassRoomChanged(ClassRoomView room);

    Task StudentsChanged(StudentsChangedEvent changed);

    Task Assigned(AssignedEvent assigned);

    Task ClassEnded(ClassEndedEvent ended);
}

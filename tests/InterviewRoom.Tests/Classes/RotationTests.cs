using InterviewRoom.Contracts.Classes;
using InterviewRoom.Server.Classes;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Tests.Classes;

public sealed class RotationTests
{
    [Fact]
    public void Plan_FirstRound_TheFirstHalfToJoinInterviews_AndTheOddOneObservesTheFirstRoom()
    {
        var students = Enumerable.Range(0, 5).Select(_ => Student()).ToList();

        var plan = Rotation.Plan(students, OddStudent.Observer);

        Assert.Equal(2, plan.Rooms.Count);
        Assert.Equal([students[0].Id, students[1].Id], plan.Rooms.Select(r => r.Interviewer));
        Assert.Equal(students[4].Id, plan.Rooms[0].Observer);
        Assert.Null(plan.InstructorsCandidate);
    }

    [Fact]
    public void Plan_NextRound_WhoeverAnsweredMoreInterviews_WithANewPartnerWhenThereIsOne()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        RotationStudent[] students =
        [
            new(a, Interviewed: 1, Answered: 0, InterviewedLastRound: true, new HashSet<Guid> { c }),
            new(b, Interviewed: 1, Answered: 0, InterviewedLastRound: true, new HashSet<Guid> { d }),
            new(c, Interviewed: 0, Answered: 1, InterviewedLastRound: false, new HashSet<Guid> { a }),
            new(d, Interviewed: 0, Answered: 1, InterviewedLastRound: false, new HashSet<Guid> { b }),
        ];

        var plan = Rotation.Plan(students, OddStudent.Observer);

        Assert.Equal([(c, b), (d, a)], plan.Rooms.Select(r => (r.Interviewer, r.Candidate)));
    }

    [Fact]
    public void Plan_WithTheInstructorAsPartner_TheOddStudentIsTheInstructorsCandidate()
    {
        var students = Enumerable.Range(0, 3).Select(_ => Student()).ToList();
        var plan = Rotation.Plan(students, OddStudent.Instructor);
        Assert.Single(plan.Rooms);
        Assert.Equal(students[2].Id, plan.InstructorsCandidate);
        Assert.Equal(students[2].Id, Rotation.Plan([students[2]], OddStudent.Instructor).InstructorsCandidate);
    }

    [Fact]
    public void Plan_WithFewerThanTwoStudents_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<RoomRuleException>(() => Rotation.Plan([Student()], OddStudent.Observer));
        Assert.Contains("At least two students", error.Message, StringComparison.Ordinal);
    }

    private static RotationStudent Student() => new(Guid.NewGuid(), 0, 0, false, new HashSet<Guid>());
}

using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Data;

/// <summary>The one database of the app. Provider-neutral: migrations live in one project per provider.</summary>
public sealed class InterviewRoomDb(DbContextOptions<InterviewRoomDb> options) : DbContext(options)
{
    public DbSet<Question> Questions => Set<Question>();

    public DbSet<Rubric> Rubrics => Set<Rubric>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Turn> Turns => Set<Turn>();

    public DbSet<Score> Scores => Set<Score>();

    public DbSet<ClassSession> Classes => Set<ClassSession>();

    public DbSet<ClassStudent> ClassStudents => Set<ClassStudent>();

    public DbSet<QueueTicket> QueueTickets => Set<QueueTicket>();

    public DbSet<LiveConnection> LiveConnections => Set<LiveConnection>();

    public DbSet<ServerInstance> ServerInstances => Set<ServerInstance>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InterviewRoomDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite hands DateTime back as Unspecified, so say what it is on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

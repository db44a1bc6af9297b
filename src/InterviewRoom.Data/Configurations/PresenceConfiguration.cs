using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewRoom.Data.Configurations;

internal sealed class LiveConnectionConfiguration : IEntityTypeConfiguration<LiveConnection>
{
    public void Configure(EntityTypeBuilder<LiveConnection> builder)
    {
        builder.HasKey(c => c.ConnectionId);
        builder.Property(c => c.ConnectionId).HasMaxLength(128);
        builder.Property(c => c.InstanceId).HasMaxLength(96);
        builder.HasIndex(c => c.PrincipalId);
        builder.HasIndex(c => c.InstanceId);
    }
}

internal sealed class ServerInstanceConfiguration : IEntityTypeConfiguration<ServerInstance>
{
    public void Configure(EntityTypeBuilder<ServerInstance> builder)
    {
        builder.Property(i => i.Id).HasMaxLength(96);
    }
}

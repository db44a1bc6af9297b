using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewRoom.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SharedPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveConnections",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    PrincipalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstanceId = table.Column<string>(type: "nvarchar(96)", maxLength: 96, nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveConnections", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "ServerInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(96)", maxLength: 96, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServerInstances", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveConnections_InstanceId",
                table: "LiveConnections",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveConnections_PrincipalId",
                table: "LiveConnections",
                column: "PrincipalId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveConnections");

            migrationBuilder.DropTable(
                name: "ServerInstances");
        }
    }
}

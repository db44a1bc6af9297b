using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewRoom.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantsByRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Participants_RoomId",
                table: "Participants",
                column: "RoomId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_RoomId",
                table: "Participants");
        }
    }
}

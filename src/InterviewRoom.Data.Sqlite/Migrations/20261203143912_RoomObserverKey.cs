using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewRoom.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoomObserverKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rooms created before keep no key: they admit no observers (ADR 17); their candidates join as before.
            migrationBuilder.AddColumn<string>(
                name: "ObserverKey",
                table: "Rooms",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ObserverKey",
                table: "Rooms");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewRoom.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoomPushSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PushSequence",
                table: "Rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PushSequence",
                table: "Rooms");
        }
    }
}

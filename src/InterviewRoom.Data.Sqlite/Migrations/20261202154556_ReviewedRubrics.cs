using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewRoom.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewedRubrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rubric versions made before anchors existed have none (an empty JSON list, not an empty string).
            migrationBuilder.AddColumn<string>(
                name: "Anchors",
                table: "Rubrics",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "NeedsReview",
                table: "Rubrics",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Rubrics",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Reviewed",
                table: "Rubrics",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Anchors",
                table: "Rubrics");

            migrationBuilder.DropColumn(
                name: "NeedsReview",
                table: "Rubrics");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Rubrics");

            migrationBuilder.DropColumn(
                name: "Reviewed",
                table: "Rubrics");
        }
    }
}

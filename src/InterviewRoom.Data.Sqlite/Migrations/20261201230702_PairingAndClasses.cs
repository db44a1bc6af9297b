using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewRoom.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PairingAndClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_OneCandidatePerRoom",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Participants_TokenHash",
                table: "Participants");

            migrationBuilder.AddColumn<Guid>(
                name: "CandidateId",
                table: "Turns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InterviewerId",
                table: "Turns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Turns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "ClassId",
                table: "Rooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "Rooms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AlterColumn<string>(
                name: "TokenHash",
                table: "Participants",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<Guid>(
                name: "PrincipalId",
                table: "Participants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Participants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Classes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CodeExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InstructorName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    InstructorTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Classes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QueueTickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", nullable: false),
                    PreferredRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RoomId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueTickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassStudents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassStudents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassStudents_Classes_ClassId",
                        column: x => x.ClassId,
                        principalTable: "Classes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Turns_CandidateId_QuestionId",
                table: "Turns",
                columns: new[] { "CandidateId", "QuestionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Turns_InterviewerId",
                table: "Turns",
                column: "InterviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_Rooms_ClassId",
                table: "Rooms",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_OneCandidatePerRoom",
                table: "Participants",
                columns: new[] { "RoomId", "Role" },
                unique: true,
                filter: "[Role] = 'Candidate' AND [RemovedAt] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_PrincipalId_RemovedAt",
                table: "Participants",
                columns: new[] { "PrincipalId", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_TokenHash",
                table: "Participants",
                column: "TokenHash",
                unique: true,
                filter: "[TokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Classes_Code",
                table: "Classes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Classes_InstructorTokenHash",
                table: "Classes",
                column: "InstructorTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClassStudents_ClassId",
                table: "ClassStudents",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassStudents_TokenHash",
                table: "ClassStudents",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_ConnectionId",
                table: "QueueTickets",
                column: "ConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_Status_JoinedAt",
                table: "QueueTickets",
                columns: new[] { "Status", "JoinedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Rooms_Classes_ClassId",
                table: "Rooms",
                column: "ClassId",
                principalTable: "Classes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Turns_Participants_CandidateId",
                table: "Turns",
                column: "CandidateId",
                principalTable: "Participants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Turns_Participants_InterviewerId",
                table: "Turns",
                column: "InterviewerId",
                principalTable: "Participants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Rooms_Classes_ClassId",
                table: "Rooms");

            migrationBuilder.DropForeignKey(
                name: "FK_Turns_Participants_CandidateId",
                table: "Turns");

            migrationBuilder.DropForeignKey(
                name: "FK_Turns_Participants_InterviewerId",
                table: "Turns");

            migrationBuilder.DropTable(
                name: "ClassStudents");

            migrationBuilder.DropTable(
                name: "QueueTickets");

            migrationBuilder.DropTable(
                name: "Classes");

            migrationBuilder.DropIndex(
                name: "IX_Turns_CandidateId_QuestionId",
                table: "Turns");

            migrationBuilder.DropIndex(
                name: "IX_Turns_InterviewerId",
                table: "Turns");

            migrationBuilder.DropIndex(
                name: "IX_Rooms_ClassId",
                table: "Rooms");

            migrationBuilder.DropIndex(
                name: "IX_Participants_OneCandidatePerRoom",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Participants_PrincipalId_RemovedAt",
                table: "Participants");

            migrationBuilder.DropIndex(
                name: "IX_Participants_TokenHash",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "CandidateId",
                table: "Turns");

            migrationBuilder.DropColumn(
                name: "InterviewerId",
                table: "Turns");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "Turns");

            migrationBuilder.DropColumn(
                name: "ClassId",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "PrincipalId",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Participants");

            migrationBuilder.AlterColumn<string>(
                name: "TokenHash",
                table: "Participants",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_OneCandidatePerRoom",
                table: "Participants",
                columns: new[] { "RoomId", "Role" },
                unique: true,
                filter: "[Role] = 'Candidate'");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_TokenHash",
                table: "Participants",
                column: "TokenHash",
                unique: true);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingyi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResultsAggregatesGradesFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResultSettings_BasicBelowPercent",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 70);

            migrationBuilder.AddColumn<int>(
                name: "ResultSettings_ExcellentAtPercent",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "ResultSettings_FailBelowPercent",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "ResultSettings_WeakBelowPercent",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 80);

            migrationBuilder.AddColumn<int>(
                name: "ResultSettings_WeakOpinionsAtLeast",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "ExclusionId",
                table: "Ballots",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Flags",
                table: "Ballots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BallotExclusions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BallotCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotExclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotExclusions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemberGradeDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    FinalGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberGradeDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberGradeDecisions_CampaignSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CampaignSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberGradeDecisions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganizationFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    IsManual = table.Column<bool>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizationFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizationFlags_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizationFlags_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultAnswerCounts",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultAnswerCounts", x => new { x.CampaignId, x.AssignmentId, x.SubjectId, x.ItemId, x.Value });
                    table.ForeignKey(
                        name: "FK_ResultAnswerCounts_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultAnswerCounts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultBallotCounts",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ballots = table.Column<long>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<long>(type: "INTEGER", nullable: false),
                    Excluded = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultBallotCounts", x => new { x.CampaignId, x.AssignmentId });
                    table.ForeignKey(
                        name: "FK_ResultBallotCounts_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultBallotCounts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_CampaignId_Flags",
                table: "Ballots",
                columns: new[] { "CampaignId", "Flags" });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_ExclusionId",
                table: "Ballots",
                column: "ExclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotExclusions_CampaignId",
                table: "BallotExclusions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberGradeDecisions_CampaignId_SubjectId",
                table: "MemberGradeDecisions",
                columns: new[] { "CampaignId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberGradeDecisions_SubjectId",
                table: "MemberGradeDecisions",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationFlags_CampaignId_OrganizationId_Kind",
                table: "OrganizationFlags",
                columns: new[] { "CampaignId", "OrganizationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationFlags_OrganizationId",
                table: "OrganizationFlags",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultAnswerCounts_AssignmentId",
                table: "ResultAnswerCounts",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultBallotCounts_AssignmentId",
                table: "ResultBallotCounts",
                column: "AssignmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Ballots_BallotExclusions_ExclusionId",
                table: "Ballots",
                column: "ExclusionId",
                principalTable: "BallotExclusions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Ballots stored before this migration enter the running aggregates once (ADR 0014).
            migrationBuilder.Sql("""
                INSERT INTO "ResultBallotCounts" ("CampaignId", "AssignmentId", "Ballots", "Flagged", "Excluded")
                SELECT "CampaignId", "AssignmentId", COUNT(*), 0, 0 FROM "Ballots" GROUP BY "CampaignId", "AssignmentId";
                INSERT INTO "ResultAnswerCounts" ("CampaignId", "AssignmentId", "SubjectId", "ItemId", "Value", "Count")
                SELECT b."CampaignId", b."AssignmentId", a."SubjectId", a."ItemId", COALESCE(a."Value", 0), COUNT(*)
                FROM "BallotAnswers" AS a JOIN "Ballots" AS b ON b."Id" = a."BallotId"
                WHERE a."Value" IS NOT NULL OR a."Text" <> ''
                GROUP BY b."CampaignId", b."AssignmentId", a."SubjectId", a."ItemId", COALESCE(a."Value", 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Ballots_BallotExclusions_ExclusionId",
                table: "Ballots");

            migrationBuilder.DropTable(
                name: "BallotExclusions");

            migrationBuilder.DropTable(
                name: "MemberGradeDecisions");

            migrationBuilder.DropTable(
                name: "OrganizationFlags");

            migrationBuilder.DropTable(
                name: "ResultAnswerCounts");

            migrationBuilder.DropTable(
                name: "ResultBallotCounts");

            migrationBuilder.DropIndex(
                name: "IX_Ballots_CampaignId_Flags",
                table: "Ballots");

            migrationBuilder.DropIndex(
                name: "IX_Ballots_ExclusionId",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "ResultSettings_BasicBelowPercent",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ResultSettings_ExcellentAtPercent",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ResultSettings_FailBelowPercent",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ResultSettings_WeakBelowPercent",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ResultSettings_WeakOpinionsAtLeast",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ExclusionId",
                table: "Ballots");

            migrationBuilder.DropColumn(
                name: "Flags",
                table: "Ballots");
        }
    }
}

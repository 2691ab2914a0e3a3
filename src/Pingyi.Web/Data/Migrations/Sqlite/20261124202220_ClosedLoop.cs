using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingyi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClosedLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    FlagId = table.Column<int>(type: "INTEGER", nullable: true),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentBackCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectionPlans_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CorrectionPlans_OrganizationFlags_FlagId",
                        column: x => x.FlagId,
                        principalTable: "OrganizationFlags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CorrectionPlans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CorrectionPlans_Organizations_ResponsibleOrganizationId",
                        column: x => x.ResponsibleOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModelRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    FlagId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deeds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelRecords_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ModelRecords_OrganizationFlags_FlagId",
                        column: x => x.FlagId,
                        principalTable: "OrganizationFlags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ModelRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpinionCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Problems_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Problems_OpinionCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "OpinionCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ResponsibleOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentBackCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Organizations_ResponsibleOrganizationId",
                        column: x => x.ResponsibleOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Opinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReRating = table.Column<int>(type: "INTEGER", nullable: true),
                    ReRatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opinions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Opinions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Opinions_OpinionCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "OpinionCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opinions_Opinions_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opinions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opinions_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MeasureAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureAttachments_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureNotes_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureVerifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    InPlace = table.Column<bool>(type: "INTEGER", nullable: false),
                    InPlaceRemark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reasonable = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReasonableRemark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Effective = table.Column<bool>(type: "INTEGER", nullable: false),
                    EffectiveRemark = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VerifierOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureVerifications_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureVerifications_Organizations_VerifierOrganizationId",
                        column: x => x.VerifierOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionPlans_CampaignId",
                table: "CorrectionPlans",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionPlans_FlagId",
                table: "CorrectionPlans",
                column: "FlagId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionPlans_OrganizationId",
                table: "CorrectionPlans",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionPlans_ResponsibleOrganizationId",
                table: "CorrectionPlans",
                column: "ResponsibleOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureAttachments_MeasureId",
                table: "MeasureAttachments",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureAttachments_StoredName",
                table: "MeasureAttachments",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureNotes_MeasureId",
                table: "MeasureNotes",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ProblemId",
                table: "Measures",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_ResponsibleOrganizationId",
                table: "Measures",
                column: "ResponsibleOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_State_Deadline",
                table: "Measures",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureVerifications_MeasureId",
                table: "MeasureVerifications",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureVerifications_VerifierOrganizationId",
                table: "MeasureVerifications",
                column: "VerifierOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelRecords_CampaignId",
                table: "ModelRecords",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelRecords_FlagId",
                table: "ModelRecords",
                column: "FlagId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelRecords_OrganizationId",
                table: "ModelRecords",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OpinionCategories_Name",
                table: "OpinionCategories",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_CampaignId",
                table: "Opinions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_CategoryId",
                table: "Opinions",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_MeetingId",
                table: "Opinions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_MergedIntoId",
                table: "Opinions",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_OrganizationId",
                table: "Opinions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_ProblemId",
                table: "Opinions",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_ReceiptHash",
                table: "Opinions",
                column: "ReceiptHash");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CampaignId",
                table: "Problems",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CategoryId",
                table: "Problems",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_OrganizationId",
                table: "Problems",
                column: "OrganizationId");

            // The health system's usual categories (意见类别), editable afterwards.
            migrationBuilder.InsertData(
                table: "OpinionCategories",
                columns: ["Name", "SortOrder", "IsActive"],
                values: new object[,]
                {
                    { "工作作风", 1, true },
                    { "服务态度", 2, true },
                    { "医疗质量", 3, true },
                    { "医疗费用", 4, true },
                    { "医德医风", 5, true },
                    { "就医环境", 6, true },
                    { "制度机制", 7, true },
                    { "其他", 8, true },
                });

            // Remarks already on ballots become opinions, as new ones will in the ballots' transaction;
            // in random order, so not even the row order tells when they arrived.
            migrationBuilder.Sql("""
                INSERT INTO "Opinions" ("Id", "Source", "CampaignId", "OrganizationId", "Text", "ReceivedOn", "ReceiptHash")
                SELECT upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-4' || substr(upper(hex(randomblob(2))), 2) || '-'
                       || substr('89AB', 1 + abs(random()) % 4, 1) || substr(upper(hex(randomblob(2))), 2) || '-' || upper(hex(randomblob(6))),
                       1, b."CampaignId", COALESCE(s."OrganizationId", m."OrganizationId"), a."Text", b."SubmittedOn", b."ReceiptHash"
                FROM "BallotAnswers" AS a
                JOIN "Ballots" AS b ON b."Id" = a."BallotId"
                JOIN "CampaignSubjects" AS s ON s."Id" = a."SubjectId"
                LEFT JOIN "Members" AS m ON m."Id" = s."MemberId"
                WHERE a."Text" IS NOT NULL AND trim(a."Text") <> ''
                ORDER BY random()
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CorrectionPlans");

            migrationBuilder.DropTable(
                name: "MeasureAttachments");

            migrationBuilder.DropTable(
                name: "MeasureNotes");

            migrationBuilder.DropTable(
                name: "MeasureVerifications");

            migrationBuilder.DropTable(
                name: "ModelRecords");

            migrationBuilder.DropTable(
                name: "Opinions");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "OpinionCategories");
        }
    }
}

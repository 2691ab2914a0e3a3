using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingyi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingsAndStandingChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostOrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaterGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: false),
                    FormsIssued = table.Column<int>(type: "INTEGER", nullable: false),
                    FormsReturned = table.Column<int>(type: "INTEGER", nullable: false),
                    DoubleEntry = table.Column<bool>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.CheckConstraint("CK_Meetings_Attendance", "\"Attendance\" >= 0");
                    table.CheckConstraint("CK_Meetings_Forms", "\"FormsReturned\" >= 0 AND \"FormsReturned\" <= \"FormsIssued\"");
                    table.ForeignKey(
                        name: "FK_Meetings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Meetings_Organizations_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Meetings_RaterGroups_RaterGroupId",
                        column: x => x.RaterGroupId,
                        principalTable: "RaterGroups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StandingChannels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    DailyLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    BallotCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandingChannels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandingChannels_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StandingChannels_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StandingChannels_RaterGroups_RaterGroupId",
                        column: x => x.RaterGroupId,
                        principalTable: "RaterGroups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "MeetingInvitees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInvitees", x => x.Id);
                    table.CheckConstraint("CK_MeetingInvitees_OneTarget", "(\"OrganizationId\" IS NULL) <> (\"MemberId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_MeetingInvitees_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingInvitees_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingInvitees_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Serial = table.Column<int>(type: "INTEGER", nullable: false),
                    Pass = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IsVoid = table.Column<bool>(type: "INTEGER", nullable: false),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperEntries", x => x.Id);
                    table.CheckConstraint("CK_PaperEntries_Pass", "\"Pass\" IN (1, 2)");
                    table.ForeignKey(
                        name: "FK_PaperEntries_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperSlips",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Serial = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenId = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperSlips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperSlips_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperSlips_Tokens_TokenId",
                        column: x => x.TokenId,
                        principalTable: "Tokens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_MeetingId_MemberId",
                table: "MeetingInvitees",
                columns: new[] { "MeetingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_MeetingId_OrganizationId",
                table: "MeetingInvitees",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_MemberId",
                table: "MeetingInvitees",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitees_OrganizationId",
                table: "MeetingInvitees",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_CampaignId_HostOrganizationId",
                table: "Meetings",
                columns: new[] { "CampaignId", "HostOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HostOrganizationId",
                table: "Meetings",
                column: "HostOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_RaterGroupId",
                table: "Meetings",
                column: "RaterGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperEntries_MeetingId_Serial_Pass",
                table: "PaperEntries",
                columns: new[] { "MeetingId", "Serial", "Pass" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperSlips_MeetingId_Serial",
                table: "PaperSlips",
                columns: new[] { "MeetingId", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperSlips_TokenId",
                table: "PaperSlips",
                column: "TokenId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandingChannels_CampaignId_OrganizationId",
                table: "StandingChannels",
                columns: new[] { "CampaignId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_StandingChannels_Code",
                table: "StandingChannels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandingChannels_OrganizationId",
                table: "StandingChannels",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingChannels_RaterGroupId",
                table: "StandingChannels",
                column: "RaterGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingInvitees");

            migrationBuilder.DropTable(
                name: "PaperEntries");

            migrationBuilder.DropTable(
                name: "PaperSlips");

            migrationBuilder.DropTable(
                name: "StandingChannels");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pingyi.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    HostOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaterGroupId = table.Column<int>(type: "integer", nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    FormsIssued = table.Column<int>(type: "integer", nullable: false),
                    FormsReturned = table.Column<int>(type: "integer", nullable: false),
                    DoubleEntry = table.Column<bool>(type: "boolean", nullable: false),
                    Minutes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    RaterGroupId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    DailyLimit = table.Column<int>(type: "integer", nullable: false),
                    BallotCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    MemberId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<int>(type: "integer", nullable: false),
                    Pass = table.Column<int>(type: "integer", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IsVoid = table.Column<bool>(type: "boolean", nullable: false),
                    VoidReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnswersJson = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Serial = table.Column<int>(type: "integer", nullable: false),
                    TokenId = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    VoidReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pingyi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TokensAndBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FormVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ballots_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ballots_FormVersions_FormVersionId",
                        column: x => x.FormVersionId,
                        principalTable: "FormVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ballots_RaterGroups_RaterGroupId",
                        column: x => x.RaterGroupId,
                        principalTable: "RaterGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TokenBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Generated = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProtectedCodes = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PurgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TokenBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TokenBatches_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TokenBatches_RaterGroups_RaterGroupId",
                        column: x => x.RaterGroupId,
                        principalTable: "RaterGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotAnswers",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotAnswers", x => new { x.BallotId, x.SubjectId, x.ItemId });
                    table.ForeignKey(
                        name: "FK_BallotAnswers_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotAnswers_CampaignSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "CampaignSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BallotAnswers_FormItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "FormItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false),
                    LongHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ShortHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tokens_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Tokens_RaterGroups_RaterGroupId",
                        column: x => x.RaterGroupId,
                        principalTable: "RaterGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Tokens_TokenBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "TokenBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotAnswers_ItemId",
                table: "BallotAnswers",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotAnswers_SubjectId_ItemId",
                table: "BallotAnswers",
                columns: new[] { "SubjectId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_AssignmentId",
                table: "Ballots",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_CampaignId_RaterGroupId",
                table: "Ballots",
                columns: new[] { "CampaignId", "RaterGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_FormVersionId",
                table: "Ballots",
                column: "FormVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_RaterGroupId",
                table: "Ballots",
                column: "RaterGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_ReceiptHash",
                table: "Ballots",
                column: "ReceiptHash");

            migrationBuilder.CreateIndex(
                name: "IX_TokenBatches_CampaignId",
                table: "TokenBatches",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_TokenBatches_RaterGroupId",
                table: "TokenBatches",
                column: "RaterGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Tokens_BatchId",
                table: "Tokens",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Tokens_CampaignId_RaterGroupId_State",
                table: "Tokens",
                columns: new[] { "CampaignId", "RaterGroupId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Tokens_LongHash",
                table: "Tokens",
                column: "LongHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tokens_RaterGroupId",
                table: "Tokens",
                column: "RaterGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Tokens_ShortHash",
                table: "Tokens",
                column: "ShortHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSecrets");

            migrationBuilder.DropTable(
                name: "BallotAnswers");

            migrationBuilder.DropTable(
                name: "Tokens");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "TokenBatches");
        }
    }
}

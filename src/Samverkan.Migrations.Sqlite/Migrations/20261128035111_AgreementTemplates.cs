using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samverkan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgreementTemplate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftRuns = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementTemplate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementTemplate_CulturePlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CulturePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementTemplate_Organizations_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreement_TemplateId",
                table: "Agreement",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTemplate_PlanId",
                table: "AgreementTemplate",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTemplate_RegionId_PeriodFrom",
                table: "AgreementTemplate",
                columns: new[] { "RegionId", "PeriodFrom" });

            migrationBuilder.AddForeignKey(
                name: "FK_Agreement_AgreementTemplate_TemplateId",
                table: "Agreement",
                column: "TemplateId",
                principalTable: "AgreementTemplate",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreement_AgreementTemplate_TemplateId",
                table: "Agreement");

            migrationBuilder.DropTable(
                name: "AgreementTemplate");

            migrationBuilder.DropIndex(
                name: "IX_Agreement_TemplateId",
                table: "Agreement");
        }
    }
}

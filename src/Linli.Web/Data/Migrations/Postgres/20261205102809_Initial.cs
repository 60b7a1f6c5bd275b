using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Linli.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: true),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastLoginAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: true),
                    Ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ObjectType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ObjectId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PrevHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Provisional = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Caller = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    BodyCipher = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.Caller, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "MatterBreakdowns",
                columns: table => new
                {
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterBreakdowns", x => new { x.UnitId, x.Day, x.Kind, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "MatterCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'1000', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    HandlingLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResponsibleDepartment = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AcceptHours = table.Column<double>(type: "double precision", nullable: false),
                    ResolveDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterCategories_MatterCategories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "MatterCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatterTallies",
                columns: table => new
                {
                    UnitId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    OnTimeAccepted = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    OnTimeResolved = table.Column<int>(type: "integer", nullable: false),
                    ResolvedVerified = table.Column<int>(type: "integer", nullable: false),
                    Reworked = table.Column<int>(type: "integer", nullable: false),
                    FollowedUp = table.Column<int>(type: "integer", nullable: false),
                    Satisfied = table.Column<int>(type: "integer", nullable: false),
                    Redone = table.Column<int>(type: "integer", nullable: false),
                    HandlingSeconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterTallies", x => new { x.UnitId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "MatterTicketCounters",
                columns: table => new
                {
                    Day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterTicketCounters", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgUnits_OrgUnits_ParentId",
                        column: x => x.ParentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PasswordHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TagDefinitions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    Derived = table.Column<bool>(type: "boolean", nullable: false),
                    BuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagDefinitions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationDeliveries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Buildings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Floors = table.Column<int>(type: "integer", nullable: false),
                    UnitCount = table.Column<int>(type: "integer", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Buildings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Buildings_OrgUnits_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departments_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GridAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GridId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Duty = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GridAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GridAssignments_OrgUnits_GridId",
                        column: x => x.GridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GridBoundaries",
                columns: table => new
                {
                    GridId = table.Column<long>(type: "bigint", nullable: false),
                    GeoJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridBoundaries", x => x.GridId);
                    table.ForeignKey(
                        name: "FK_GridBoundaries_OrgUnits_GridId",
                        column: x => x.GridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GridChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromGridId = table.Column<long>(type: "bigint", nullable: true),
                    ToGridId = table.Column<long>(type: "bigint", nullable: false),
                    HouseCount = table.Column<int>(type: "integer", nullable: false),
                    HouseIds = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GridChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GridChanges_OrgUnits_FromGridId",
                        column: x => x.FromGridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GridChanges_OrgUnits_ToGridId",
                        column: x => x.ToGridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Open311Clients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyHint = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Open311Clients_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitRules_TagDefinitions_TagCode",
                        column: x => x.TagCode,
                        principalTable: "TagDefinitions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Houses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false),
                    GridId = table.Column<long>(type: "bigint", nullable: false),
                    UnitNumber = table.Column<int>(type: "integer", nullable: false),
                    Floor = table.Column<int>(type: "integer", nullable: false),
                    RoomNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Area = table.Column<double>(type: "double precision", nullable: true),
                    Use = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Tenure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Vacant = table.Column<bool>(type: "boolean", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Houses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Houses_Buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "Buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Houses_OrgUnits_GridId",
                        column: x => x.GridId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HolderFlagId = table.Column<long>(type: "bigint", nullable: true),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    HolderUnitId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimingUnitId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedHouseId = table.Column<long>(type: "bigint", nullable: true),
                    ClaimedName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ClaimedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ResolvedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolutionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateFlags_DuplicateFlags_HolderFlagId",
                        column: x => x.HolderFlagId,
                        principalTable: "DuplicateFlags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DuplicateFlags_Houses_ClaimedHouseId",
                        column: x => x.ClaimedHouseId,
                        principalTable: "Houses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DuplicateFlags_OrgUnits_ClaimingUnitId",
                        column: x => x.ClaimingUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuplicateFlags_OrgUnits_HolderUnitId",
                        column: x => x.HolderUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HeadResidentId = table.Column<long>(type: "bigint", nullable: true),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Houses_HouseId",
                        column: x => x.HouseId,
                        principalTable: "Houses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Households_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Residents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IdNumberCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegistrationPlace = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResidenceType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegistrationMatch = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Education = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Employment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Political = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HouseId = table.Column<long>(type: "bigint", nullable: true),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: true),
                    Relationship = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MergedIntoId = table.Column<long>(type: "bigint", nullable: true),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Residents_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Residents_Houses_HouseId",
                        column: x => x.HouseId,
                        principalTable: "Houses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Residents_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Residents_Residents_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Matters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TrackingTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    CategoryName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HouseId = table.Column<long>(type: "bigint", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    ReporterResidentId = table.Column<long>(type: "bigint", nullable: true),
                    ReporterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReporterContactCipher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ReporterContactMasked = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnonymousToPublic = table.Column<bool>(type: "boolean", nullable: false),
                    OnBehalfReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegisteredByUnitId = table.Column<long>(type: "bigint", nullable: false),
                    HandlingUnitId = table.Column<long>(type: "bigint", nullable: true),
                    HandlingDepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    AssigneeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandlingPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    AcceptDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolveDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RunningDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true, computedColumnSql: "CASE WHEN \"State\" IN ('Registered', 'Escalated') THEN \"AcceptDueAt\" WHEN \"State\" IN ('Accepted', 'Dispatched', 'InProgress', 'Returned', 'ExtensionRequested', 'Reopened') THEN \"ResolveDueAt\" END", stored: true),
                    WarnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Supervised = table.Column<bool>(type: "boolean", nullable: false),
                    SupervisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SuspendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DispatchedByUnitId = table.Column<long>(type: "bigint", nullable: true),
                    ResumeState = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DispatchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowedUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Satisfaction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReworkCount = table.Column<int>(type: "integer", nullable: false),
                    RedoCount = table.Column<int>(type: "integer", nullable: false),
                    EscalationCount = table.Column<int>(type: "integer", nullable: false),
                    DuplicateOfId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Matters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Matters_Departments_HandlingDepartmentId",
                        column: x => x.HandlingDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matters_Houses_HouseId",
                        column: x => x.HouseId,
                        principalTable: "Houses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matters_MatterCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "MatterCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matters_OrgUnits_DispatchedByUnitId",
                        column: x => x.DispatchedByUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matters_OrgUnits_HandlingUnitId",
                        column: x => x.HandlingUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matters_OrgUnits_RegisteredByUnitId",
                        column: x => x.RegisteredByUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Matters_Residents_ReporterResidentId",
                        column: x => x.ReporterResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResidentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Field = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentChanges_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidentEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    From = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    To = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentEvents_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidentTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    TagCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DisabilityCategory = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DisabilityGrade = table.Column<int>(type: "integer", nullable: true),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentTags_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResidentTags_TagDefinitions_TagCode",
                        column: x => x.TagCode,
                        principalTable: "TagDefinitions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatterEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterEvents_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatterPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterPhotos_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MatterId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notifications_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Open311Submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Token = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MediaUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Open311Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Open311Submissions_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Open311Submissions_Open311Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Open311Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<long>(type: "bigint", nullable: true),
                    HouseId = table.Column<long>(type: "bigint", nullable: false),
                    WorkerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    WorkerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PeopleMet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Situation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestsHeard = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HelpGiven = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    MatterId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OriginalId = table.Column<long>(type: "bigint", nullable: true),
                    SupersededById = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Visits_SupersededById",
                        column: x => x.SupersededById,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitPhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPhotos_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Date", "Kind", "Name", "Provisional" },
                values: new object[,]
                {
                    { new DateOnly(2026, 1, 1), "Holiday", "元旦", false },
                    { new DateOnly(2026, 1, 2), "Holiday", "元旦", false },
                    { new DateOnly(2026, 1, 3), "Holiday", "元旦", false },
                    { new DateOnly(2026, 1, 4), "MakeUpWorkday", "元旦", false },
                    { new DateOnly(2026, 2, 14), "MakeUpWorkday", "春节", false },
                    { new DateOnly(2026, 2, 15), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 16), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 17), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 18), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 19), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 20), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 21), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 22), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 23), "Holiday", "春节", false },
                    { new DateOnly(2026, 2, 28), "MakeUpWorkday", "春节", false },
                    { new DateOnly(2026, 4, 4), "Holiday", "清明节", false },
                    { new DateOnly(2026, 4, 5), "Holiday", "清明节", false },
                    { new DateOnly(2026, 4, 6), "Holiday", "清明节", false },
                    { new DateOnly(2026, 5, 1), "Holiday", "劳动节", false },
                    { new DateOnly(2026, 5, 2), "Holiday", "劳动节", false },
                    { new DateOnly(2026, 5, 3), "Holiday", "劳动节", false },
                    { new DateOnly(2026, 5, 4), "Holiday", "劳动节", false },
                    { new DateOnly(2026, 5, 5), "Holiday", "劳动节", false },
                    { new DateOnly(2026, 5, 9), "MakeUpWorkday", "劳动节", false },
                    { new DateOnly(2026, 6, 19), "Holiday", "端午节", false },
                    { new DateOnly(2026, 6, 20), "Holiday", "端午节", false },
                    { new DateOnly(2026, 6, 21), "Holiday", "端午节", false },
                    { new DateOnly(2026, 9, 20), "MakeUpWorkday", "国庆节", false },
                    { new DateOnly(2026, 9, 25), "Holiday", "中秋节", false },
                    { new DateOnly(2026, 9, 26), "Holiday", "中秋节", false },
                    { new DateOnly(2026, 9, 27), "Holiday", "中秋节", false },
                    { new DateOnly(2026, 10, 1), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 2), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 3), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 4), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 5), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 6), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 7), "Holiday", "国庆节", false },
                    { new DateOnly(2026, 10, 10), "MakeUpWorkday", "国庆节", false },
                    { new DateOnly(2027, 1, 1), "Holiday", "元旦", true },
                    { new DateOnly(2027, 2, 5), "Holiday", "春节", true },
                    { new DateOnly(2027, 2, 8), "Holiday", "春节", true },
                    { new DateOnly(2027, 2, 9), "Holiday", "春节", true },
                    { new DateOnly(2027, 2, 10), "Holiday", "春节", true },
                    { new DateOnly(2027, 4, 5), "Holiday", "清明节", true },
                    { new DateOnly(2027, 5, 3), "Holiday", "劳动节", true },
                    { new DateOnly(2027, 5, 4), "Holiday", "劳动节", true },
                    { new DateOnly(2027, 6, 9), "Holiday", "端午节", true },
                    { new DateOnly(2027, 9, 15), "Holiday", "中秋节", true },
                    { new DateOnly(2027, 10, 1), "Holiday", "国庆节", true },
                    { new DateOnly(2027, 10, 4), "Holiday", "国庆节", true },
                    { new DateOnly(2027, 10, 5), "Holiday", "国庆节", true }
                });

            migrationBuilder.InsertData(
                table: "MatterCategories",
                columns: new[] { "Id", "AcceptHours", "Active", "Code", "HandlingLevel", "Name", "ParentId", "ResolveDays", "ResponsibleDepartment", "SortOrder" },
                values: new object[,]
                {
                    { 1, 4.0, true, "city.env", "Street", "市容环境", null, 5, "城管", 10 },
                    { 6, 4.0, true, "city.property", "Community", "物业管理", null, 5, "物业", 20 },
                    { 10, 2.0, true, "city.security", "Street", "治安", null, 3, "派出所", 30 },
                    { 14, 4.0, true, "city.dispute", "Community", "邻里纠纷", null, 5, null, 40 },
                    { 18, 4.0, true, "city.elderly", "Community", "养老", null, 5, "民政", 50 },
                    { 22, 8.0, true, "city.aid", "Street", "低保救助", null, 10, "民政", 60 },
                    { 26, 8.0, true, "city.jobs", "Street", "就业", null, 10, "人社", 70 },
                    { 30, 4.0, true, "city.repair", "Community", "设施维修", null, 5, "物业", 80 }
                });

            migrationBuilder.InsertData(
                table: "TagDefinitions",
                columns: new[] { "Code", "Active", "BuiltIn", "Derived", "NameEn", "NameZh", "Sensitive", "SortOrder" },
                values: new object[,]
                {
                    { "4050", true, true, false, "\"4050\" job seeker", "“4050”人员", false, 80 },
                    { "correction", true, true, false, "Community correction", "社区矫正对象", true, 110 },
                    { "dibao", true, true, false, "Minimum-income recipient (低保)", "低保对象", true, 50 },
                    { "disabled", true, true, false, "Disabled", "残疾人", true, 40 },
                    { "elderly-60", true, true, true, "Elderly (60+)", "老年人（60岁及以上）", false, 10 },
                    { "elderly-80", true, true, true, "Elderly (80+)", "高龄老人（80岁及以上）", false, 20 },
                    { "elderly-alone", true, true, false, "Living-alone elderly", "独居老人", false, 30 },
                    { "floating", true, true, true, "Floating population", "流动人口", false, 140 },
                    { "idle-youth", true, true, false, "Idle youth", "闲散青少年", false, 130 },
                    { "released-prisoner", true, true, false, "Released prisoner (刑释解教)", "刑满释放人员", true, 120 },
                    { "tekun", true, true, false, "Destitute support (特困)", "特困人员", true, 60 },
                    { "unemployed", true, true, false, "Unemployed", "失业人员", false, 70 },
                    { "youfu", true, true, false, "Preferential care (优抚)", "优抚对象", false, 100 },
                    { "zero-employment-family", true, true, false, "Zero-employment family", "零就业家庭", false, 90 }
                });

            migrationBuilder.InsertData(
                table: "VisitRules",
                columns: new[] { "Id", "Active", "IntervalDays", "TagCode" },
                values: new object[] { 1, true, 365, null });

            migrationBuilder.InsertData(
                table: "MatterCategories",
                columns: new[] { "Id", "AcceptHours", "Active", "Code", "HandlingLevel", "Name", "ParentId", "ResolveDays", "ResponsibleDepartment", "SortOrder" },
                values: new object[,]
                {
                    { 2, 2.0, true, "city.env.litter", "Street", "垃圾清运不及时", 1, 2, "环卫", 10 },
                    { 3, 4.0, true, "city.env.stall", "Street", "占道经营", 1, 3, "城管", 20 },
                    { 4, 4.0, true, "city.env.ad", "Community", "违规小广告", 1, 3, null, 30 },
                    { 5, 8.0, true, "city.env.build", "District", "违章搭建", 1, 15, "城管", 40 },
                    { 7, 4.0, true, "city.property.service", "Community", "物业服务质量", 6, 5, "物业", 10 },
                    { 8, 8.0, true, "city.property.fee", "Street", "物业费纠纷", 6, 10, "住建", 20 },
                    { 9, 4.0, true, "city.property.parking", "Community", "小区停车", 6, 5, "物业", 30 },
                    { 11, 2.0, true, "city.security.noise", "Community", "噪音扰民", 10, 2, null, 10 },
                    { 12, 1.0, true, "city.security.hazard", "Street", "安全隐患", 10, 2, "应急", 20 },
                    { 13, 1.0, true, "city.security.fraud", "District", "电信诈骗线索", 10, 3, "公安", 30 },
                    { 15, 4.0, true, "city.dispute.leak", "Community", "楼上漏水", 14, 5, "物业", 10 },
                    { 16, 4.0, true, "city.dispute.space", "Community", "公共空间占用", 14, 5, null, 20 },
                    { 17, 4.0, true, "city.dispute.mediation", "Street", "需调解的矛盾", 14, 10, "司法所", 30 },
                    { 19, 4.0, true, "city.elderly.home", "Community", "居家养老服务", 18, 5, "民政", 10 },
                    { 20, 8.0, true, "city.elderly.canteen", "Street", "老年食堂", 18, 10, "民政", 20 },
                    { 21, 8.0, true, "city.elderly.subsidy", "Street", "高龄津贴", 18, 10, "民政", 30 },
                    { 23, 8.0, true, "city.aid.dibao", "Street", "低保申请", 22, 20, "民政", 10 },
                    { 24, 4.0, true, "city.aid.temporary", "Street", "临时救助", 22, 5, "民政", 20 },
                    { 25, 8.0, true, "city.aid.medical", "District", "医疗救助", 22, 15, "医保", 30 },
                    { 27, 8.0, true, "city.jobs.help", "Street", "就业援助", 26, 10, "人社", 10 },
                    { 28, 4.0, true, "city.jobs.wages", "District", "欠薪投诉", 26, 10, "人社", 20 },
                    { 29, 8.0, true, "city.jobs.training", "Street", "技能培训", 26, 15, "人社", 30 },
                    { 31, 4.0, true, "city.repair.light", "Street", "路灯损坏", 30, 3, "城管", 10 },
                    { 32, 8.0, true, "city.repair.road", "District", "道路破损", 30, 10, "住建", 20 },
                    { 33, 2.0, true, "city.repair.elevator", "Community", "电梯故障", 30, 2, "物业", 30 },
                    { 34, 2.0, true, "city.repair.water", "District", "供水管道", 30, 3, "水务", 40 },
                    { 35, 4.0, true, "city.repair.fitness", "Community", "健身器材", 30, 5, null, 50 }
                });

            migrationBuilder.InsertData(
                table: "VisitRules",
                columns: new[] { "Id", "Active", "IntervalDays", "TagCode" },
                values: new object[,]
                {
                    { 2, true, 7, "elderly-alone" },
                    { 3, true, 30, "correction" },
                    { 4, true, 30, "elderly-80" },
                    { 5, true, 30, "tekun" },
                    { 6, true, 90, "dibao" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_ExpiresAt",
                table: "ApiTokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DepartmentId",
                table: "AspNetUsers",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgPath",
                table: "AspNetUsers",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrgUnitId",
                table: "AspNetUsers",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Action",
                table: "AuditLog",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ObjectType_ObjectId",
                table: "AuditLog",
                columns: new[] { "ObjectType", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_TimeUtc",
                table: "AuditLog",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_UserName_TimeUtc",
                table: "AuditLog",
                columns: new[] { "UserName", "TimeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_CommunityId_Name",
                table: "Buildings",
                columns: new[] { "CommunityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Buildings_OrgPath",
                table: "Buildings",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Code",
                table: "Departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_OrgPath",
                table: "Departments",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_OrgUnitId",
                table: "Departments",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateFlags_ClaimedHouseId",
                table: "DuplicateFlags",
                column: "ClaimedHouseId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateFlags_ClaimingUnitId",
                table: "DuplicateFlags",
                column: "ClaimingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateFlags_HolderFlagId",
                table: "DuplicateFlags",
                column: "HolderFlagId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateFlags_HolderUnitId",
                table: "DuplicateFlags",
                column: "HolderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateFlags_OrgPath",
                table: "DuplicateFlags",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateFlags_ResidentId_ClaimingUnitId_Status",
                table: "DuplicateFlags",
                columns: new[] { "ResidentId", "ClaimingUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GridAssignments_OneLeader",
                table: "GridAssignments",
                column: "GridId",
                unique: true,
                filter: "\"Duty\" = 'Leader' AND \"EndDate\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GridAssignments_OnePerUser",
                table: "GridAssignments",
                columns: new[] { "GridId", "UserId" },
                unique: true,
                filter: "\"EndDate\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GridAssignments_OrgPath",
                table: "GridAssignments",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_GridAssignments_UserId",
                table: "GridAssignments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_GridBoundaries_OrgPath",
                table: "GridBoundaries",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_GridChanges_FromGridId",
                table: "GridChanges",
                column: "FromGridId");

            migrationBuilder.CreateIndex(
                name: "IX_GridChanges_OrgPath",
                table: "GridChanges",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_GridChanges_ToGridId",
                table: "GridChanges",
                column: "ToGridId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_HeadResidentId",
                table: "Households",
                column: "HeadResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_HouseId",
                table: "Households",
                column: "HouseId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_OrgPath",
                table: "Households",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Households_OrgUnitId",
                table: "Households",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Houses_BuildingId_UnitNumber_RoomNumber",
                table: "Houses",
                columns: new[] { "BuildingId", "UnitNumber", "RoomNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Houses_GridId",
                table: "Houses",
                column: "GridId");

            migrationBuilder.CreateIndex(
                name: "IX_Houses_OrgPath",
                table: "Houses",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ExpiresAt",
                table: "IdempotencyRecords",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_MatterCategories_Code",
                table: "MatterCategories",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatterCategories_ParentId",
                table: "MatterCategories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_MatterEvents_Escalated",
                table: "MatterEvents",
                columns: new[] { "OrgPath", "At", "MatterId" },
                filter: "\"Type\" = 'Escalated'");

            migrationBuilder.CreateIndex(
                name: "IX_MatterEvents_MatterId_At",
                table: "MatterEvents",
                columns: new[] { "MatterId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MatterEvents_OrgPath",
                table: "MatterEvents",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_MatterEvents_Type_At",
                table: "MatterEvents",
                columns: new[] { "Type", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MatterPhotos_MatterId",
                table: "MatterPhotos",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_AssigneeId",
                table: "Matters",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CategoryId",
                table: "Matters",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CreatedAt_Id",
                table: "Matters",
                columns: new[] { "CreatedAt", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "OrgPath", "HandlingPath", "HandlingDepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_DispatchedByUnitId",
                table: "Matters",
                column: "DispatchedByUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_DuplicateOfId",
                table: "Matters",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_HandlingDepartmentId",
                table: "Matters",
                column: "HandlingDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_HandlingPath_OrgPath",
                table: "Matters",
                columns: new[] { "HandlingPath", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_HandlingUnitId",
                table: "Matters",
                column: "HandlingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_HouseId",
                table: "Matters",
                column: "HouseId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_OrgPath",
                table: "Matters",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_OrgPath_CreatedAt",
                table: "Matters",
                columns: new[] { "OrgPath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_Overdue",
                table: "Matters",
                columns: new[] { "RunningDueAt", "OrgPath" },
                filter: "\"RunningDueAt\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "HandlingPath", "HandlingDepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_RegisteredByUnitId",
                table: "Matters",
                column: "RegisteredByUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_ReporterResidentId",
                table: "Matters",
                column: "ReporterResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_Running",
                table: "Matters",
                columns: new[] { "OrgPath", "State", "AcceptDueAt", "ResolveDueAt" },
                filter: "\"State\" IN ('Registered', 'Escalated', 'Accepted', 'Dispatched', 'InProgress', 'Returned', 'ExtensionRequested', 'Reopened')");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_State_AcceptDueAt",
                table: "Matters",
                columns: new[] { "State", "AcceptDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_State_CreatedAt",
                table: "Matters",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_State_ResolveDueAt",
                table: "Matters",
                columns: new[] { "State", "ResolveDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_TicketNumber",
                table: "Matters",
                column: "TicketNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_Status_NextAttemptAt",
                table: "NotificationDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDeliveries_UserId",
                table: "NotificationDeliveries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_MatterId",
                table: "Notifications",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Open311Clients_KeyHash",
                table: "Open311Clients",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Open311Clients_OrgPath",
                table: "Open311Clients",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Open311Clients_OrgUnitId",
                table: "Open311Clients",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Open311Submissions_ClientId",
                table: "Open311Submissions",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Open311Submissions_MatterId",
                table: "Open311Submissions",
                column: "MatterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Open311Submissions_Token",
                table: "Open311Submissions",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_Code",
                table: "OrgUnits",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_OrgPath",
                table: "OrgUnits",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ParentId",
                table: "OrgUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistory_UserId",
                table: "PasswordHistory",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentChanges_OrgPath",
                table: "ResidentChanges",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentChanges_ResidentId_ChangedAt",
                table: "ResidentChanges",
                columns: new[] { "ResidentId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentEvents_OrgPath",
                table: "ResidentEvents",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentEvents_ResidentId_Date",
                table: "ResidentEvents",
                columns: new[] { "ResidentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_BirthDate",
                table: "Residents",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_HouseholdId",
                table: "Residents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_HouseId",
                table: "Residents",
                column: "HouseId");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_IdNumberIndex",
                table: "Residents",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_MergedIntoId",
                table: "Residents",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_Name",
                table: "Residents",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_OrgPath_Status",
                table: "Residents",
                columns: new[] { "OrgPath", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "BirthDate", "Gender", "ResidenceType", "RegistrationMatch", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_OrgUnitId",
                table: "Residents",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_PhoneIndex",
                table: "Residents",
                column: "PhoneIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTags_OrgPath",
                table: "ResidentTags",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTags_ResidentId",
                table: "ResidentTags",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTags_TagCode_ResidentId",
                table: "ResidentTags",
                columns: new[] { "TagCode", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_OrgPath",
                table: "VisitPhotos",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_VisitId",
                table: "VisitPhotos",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitRules_TagCode",
                table: "VisitRules",
                column: "TagCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_HouseholdId_VisitedAt",
                table: "Visits",
                columns: new[] { "HouseholdId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_MatterId",
                table: "Visits",
                column: "MatterId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OrgPath",
                table: "Visits",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OriginalId",
                table: "Visits",
                column: "OriginalId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ResidentId",
                table: "Visits",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_SupersededById",
                table: "Visits",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_WorkerId_VisitedAt",
                table: "Visits",
                columns: new[] { "WorkerId", "VisitedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_DuplicateFlags_Residents_ResidentId",
                table: "DuplicateFlags",
                column: "ResidentId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Households_Residents_HeadResidentId",
                table: "Households",
                column: "HeadResidentId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Buildings_OrgUnits_CommunityId",
                table: "Buildings");

            migrationBuilder.DropForeignKey(
                name: "FK_Households_OrgUnits_OrgUnitId",
                table: "Households");

            migrationBuilder.DropForeignKey(
                name: "FK_Houses_OrgUnits_GridId",
                table: "Houses");

            migrationBuilder.DropForeignKey(
                name: "FK_Residents_OrgUnits_OrgUnitId",
                table: "Residents");

            migrationBuilder.DropForeignKey(
                name: "FK_Households_Houses_HouseId",
                table: "Households");

            migrationBuilder.DropForeignKey(
                name: "FK_Residents_Houses_HouseId",
                table: "Residents");

            migrationBuilder.DropForeignKey(
                name: "FK_Households_Residents_HeadResidentId",
                table: "Households");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "DuplicateFlags");

            migrationBuilder.DropTable(
                name: "GridAssignments");

            migrationBuilder.DropTable(
                name: "GridBoundaries");

            migrationBuilder.DropTable(
                name: "GridChanges");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "MatterBreakdowns");

            migrationBuilder.DropTable(
                name: "MatterEvents");

            migrationBuilder.DropTable(
                name: "MatterPhotos");

            migrationBuilder.DropTable(
                name: "MatterTallies");

            migrationBuilder.DropTable(
                name: "MatterTicketCounters");

            migrationBuilder.DropTable(
                name: "NotificationDeliveries");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Open311Submissions");

            migrationBuilder.DropTable(
                name: "PasswordHistory");

            migrationBuilder.DropTable(
                name: "ResidentChanges");

            migrationBuilder.DropTable(
                name: "ResidentEvents");

            migrationBuilder.DropTable(
                name: "ResidentTags");

            migrationBuilder.DropTable(
                name: "VisitPhotos");

            migrationBuilder.DropTable(
                name: "VisitRules");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Open311Clients");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "TagDefinitions");

            migrationBuilder.DropTable(
                name: "Matters");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropTable(
                name: "MatterCategories");

            migrationBuilder.DropTable(
                name: "OrgUnits");

            migrationBuilder.DropTable(
                name: "Houses");

            migrationBuilder.DropTable(
                name: "Buildings");

            migrationBuilder.DropTable(
                name: "Residents");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}

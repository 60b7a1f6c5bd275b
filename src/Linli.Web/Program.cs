using Linli.Components;
using Linli.Data;
using Linli.Modules.Accounts;
using Linli.Modules.AuditLog;
using Linli.Modules.Grids;
using Linli.Modules.Matters;
using Linli.Modules.Open311;
using Linli.Modules.Matters.Deadlines;
using Linli.Modules.Notifications;
using Linli.Modules.Organization;
using Linli.Modules.Residents;
using Linli.Modules.Visits;
using Linli.Platform.Auth;
using Linli.Platform.Hosting;
using Linli.Platform.Privacy;
using Linli.Platform.Problems;
using Linli.Platform.Security;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

builder.Services.AddLinliDatabase(builder.Configuration);
builder.Services.AddLinliAuth(builder.Configuration);
builder.Services.AddLinliProblems();
builder.Services.AddLinliHosting(builder.Configuration);
builder.Services.AddLinliUi();
builder.Services.AddAuditLog(builder.Configuration);
builder.Services.AddOrganization();
builder.Services.AddAccounts();
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddResidents();
builder.Services.AddVisits(builder.Configuration);
builder.Services.AddGrids(builder.Configuration);
builder.Services.AddMatters(builder.Configuration);
builder.Services.AddMattersIntake(builder.Configuration);
builder.Services.AddOpen311(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddMatterDeadlines(builder.Configuration);

var app = builder.Build();

if (Cli.IsCommand(args))
    return await Cli.RunAsync(app, args);

app.UseLinliErrorPages();
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting(); // explicit, after the error pages, so re-executed requests (404 page) are routed again
app.UseAuthentication();
app.UseCurrentUser();
app.UseForcedAccountSteps();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapLinliHosting();
var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapAuthApi();
api.MapGroup("/org-units").MapOrgUnitsApi();
api.MapGroup("/departments").MapDepartmentsApi();
api.MapGroup("/users").MapAccountsApi();
api.MapGroup("/audit").MapAuditApi();
api.MapGroup("/residents").MapResidentsApi();
api.MapGroup("/resident-tags").MapResidentTagsApi();
api.MapGroup("/buildings").MapBuildingsApi();
api.MapGroup("/houses").MapHousesApi();
api.MapGroup("/households").MapHouseholdsApi();
api.MapGroup("/stats").MapStatsApi();
api.MapGroup("/visits").MapVisitsApi();
api.MapGroup("/ledgers").MapLedgersApi();
api.MapGroup("/visit-rules").MapVisitRulesApi();
api.MapGroup("/grids").MapGridsApi();
api.MapGroup("/workload").MapWorkloadApi();
api.MapGroup("/calendar").MapCalendarApi();
api.MapGroup("/matter-categories").MapMatterCategoriesApi();
api.MapGroup("/matters").MapMattersApi();
api.MapGroup("/portal/matters").MapPortalMattersApi();
api.MapGroup("/open311/clients").MapOpen311ClientsApi();
api.MapGroup("/notifications").MapNotificationsApi();
app.MapMattersTracking();
app.MapGroup("/open311/v2").MapOpen311Api();
app.MapLinliUi();

await app.RunAsync();
return 0;

public partial class Program;

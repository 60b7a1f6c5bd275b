using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Linli.Modules.Organization;
using Linli.Tests.Support;

namespace Linli.Tests.Modules.Accounts;

/// <summary>Arrangements the accounts tests share: a sibling district, a department, the users API.</summary>
public static class AccountsTestData
{
    public const string StrongPassword = "Strong@Pass2026";
    static int districtCounter;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewUserName() => $"u.{Guid.NewGuid():N}"[..20];

    /// <summary>A second district under the tree's city, so "district X" and "district Y" share a city.</summary>
    public static Task<OrgUnit> AddDistrictAsync(this LinliApp app, TestTree tree)
    {
        var n = 50 + Interlocked.Increment(ref districtCounter) % 49;
        return app.AddUnitAsync(tree.City, OrgLevel.District, $"{tree.City.Code[..4]}{n:00}000000", $"另一区{n}");
    }

    public static async Task<Department> AddDepartmentAsync(this LinliApp app, OrgUnit unit, bool active = true) => await app.WithDbAsync(async db =>
    {
        var dept = new Department
        {
            OrgUnitId = unit.Id, Code = $"D{Guid.NewGuid():N}"[..20], Name = "城管执法队", OrgPath = unit.OrgPath, Active = active,
        };
        db.Departments.Add(dept);
        await db.SaveChangesAsync(Ct);
        return dept;
    });

    public static Task<HttpResponseMessage> CreateAccountAsync(this HttpClient client, string userName, string[] roles,
        long? orgUnitId = null, long? departmentId = null, string password = StrongPassword) =>
        client.PostAsJsonAsync("/api/v1/users", new { userName, displayName = "测试用户", password, roles, orgUnitId, departmentId }, Ct);

    public static Task<HttpResponseMessage> TokenAsync(this LinliApp app, string userName, string password, string? totpCode = null) =>
        app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName, password, totpCode }, Ct);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>The problem's "code" extension (business rules and login refusals carry one).</summary>
    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("code", out var code) ? code.GetString() : null;

    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response) =>
        [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}

using System.Net;
using Linli.Tests.Support;
using static Linli.Tests.Modules.Organization.OrgTestHelpers;

namespace Linli.Tests.Modules.Organization;

public sealed class OrgOpenApiTests(Apps apps)
{
    [Fact]
    public async Task OpenApi_DescribesEveryOrganizationOperation()
    {
        var app = await apps.For(Provider.Sqlite);

        var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] operations =
        [
            "OrgUnits_List", "OrgUnits_Get", "OrgUnits_Create", "OrgUnits_Update", "OrgUnits_Move", "OrgUnits_Deactivate",
            "OrgUnits_Import", "OrgUnits_ImportTemplate", "OrgUnits_ImportReport",
            "Departments_List", "Departments_Get", "Departments_Create", "Departments_Update", "Departments_Deactivate",
        ];
        Assert.All(operations, op => Assert.Contains($"\"operationId\": \"{op}\"", json));
        Assert.Contains("multipart/form-data", json);
    }
}

using System.Net;
using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.OrgScope;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Residents;

public sealed class RegistryModelTests(Apps apps)
{
    [Fact]
    public async Task Model_RegistryEntitiesCarryScopeAndSensitiveTagFilters()
    {
        var app = await apps.For(Provider.Sqlite);
        using var scope = app.SystemScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        Type[] scoped = [typeof(Building), typeof(House), typeof(Household), typeof(Resident), typeof(ResidentTag), typeof(ResidentChange)];

        foreach (var type in scoped)
        {
            Assert.True(typeof(IOrgScoped).IsAssignableFrom(type));
            var filters = model.FindEntityType(type)!.GetDeclaredQueryFilters().Select(f => f.Key).ToList();
            Assert.Contains(AppDbContext.OrgScopeFilter, filters);
        }
        Assert.Contains(AppDbContext.SensitiveTagsFilter, model.FindEntityType(typeof(ResidentTag))!.GetDeclaredQueryFilters().Select(f => f.Key));
        Assert.Contains(AppDbContext.SensitiveTagsFilter, model.FindEntityType(typeof(ResidentChange))!.GetDeclaredQueryFilters().Select(f => f.Key));
    }

    [Fact]
    public async Task TagDefinitions_SeededWithBuiltInListAndSensitivity()
    {
        var app = await apps.For(Provider.Sqlite);
        var defs = await app.WithDbAsync(db => db.TagDefinitions.ToListAsync());
        // Built-in ones only: other tests add custom tags to the shared database.

        Assert.Equal(TagCodes.BuiltIn.Select(d => d.Code).Order(), defs.Where(d => d.BuiltIn).Select(d => d.Code).Order());
        Assert.Equal([TagCodes.CommunityCorrection, TagCodes.Dibao, TagCodes.Disabled, TagCodes.ReleasedPrisoner, TagCodes.Tekun],
            defs.Where(d => d.BuiltIn && d.Sensitive).Select(d => d.Code).Order());
        Assert.Equal([TagCodes.Elderly60, TagCodes.Elderly80, TagCodes.Floating], defs.Where(d => d.BuiltIn && d.Derived).Select(d => d.Code).Order());
    }

    [Fact]
    public async Task OpenApi_DescribesRegistryEndpoints()
    {
        var app = await apps.For(Provider.Sqlite);

        var response = await app.Anonymous().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var op in new[] { "Residents_Search", "Residents_Get", "Residents_Create", "Residents_Update", "Residents_Reveal",
                     "Buildings_Create", "Houses_Create", "Households_Create", "ResidentTags_List" })
            Assert.Contains($"\"{op}\"", text);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Modules.Residents.RegistryArrange;

namespace Linli.Tests.Modules.Matters;

public sealed class MatterPhotosTests(Apps apps)
{
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Photo_ImageIsKept_OtherFilesRefused_SeventhRefused_OutsiderGets404(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var id = (await worker.RegisterAsync()).GetProperty("matter").Id();

        var ok = await worker.PostAsync($"/api/v1/matters/{id}/photos", Upload(Png, "路灯.png"), Ct);
        var text = await worker.PostAsync($"/api/v1/matters/{id}/photos", Upload("not an image"u8.ToArray(), "photo.jpg"), Ct);
        for (var i = 0; i < 5; i++) await worker.PostAsync($"/api/v1/matters/{id}/photos", Upload(Png, $"{i}.png"), Ct);
        var seventh = await worker.PostAsync($"/api/v1/matters/{id}/photos", Upload(Png, "7.png"), Ct);
        var outsider = await app.ClientAsync(Roles.CommunityWorker, tree.Community2);
        var outsiderUpload = await outsider.PostAsync($"/api/v1/matters/{id}/photos", Upload(Png, "x.png"), Ct);

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, seventh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsiderUpload.StatusCode);
        var photo = await worker.GetAsync(ok.Headers.Location, Ct);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(ok.Headers.Location, Ct)).StatusCode);
        var detail = await worker.GetJsonAsync($"/api/v1/matters/{id}");
        Assert.Equal(6, detail.GetProperty("photoIds").GetArrayLength());
        var tracked = await app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "Matter.AddPhoto" && a.ObjectId != null, Ct));
        Assert.True(tracked >= 6);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task IntakePage_RegistersWithAPhoto_AndTheDetailShowsIt_ABadPhotoKeepsTheForm(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var categoryId = await app.WithDbAsync(db => db.MatterCategories.Where(c => c.Code == "city.env.ad").Select(c => c.Id).SingleAsync(Ct));

        var bad = await PostIntakeAsync(worker, categoryId, "单元门口贴满小广告（错照片）", "not an image"u8.ToArray());
        var good = await PostIntakeAsync(worker, categoryId, "单元门口贴满小广告", Png);

        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("只接受 JPEG、PNG 或 WebP 格式的照片", badHtml);
        Assert.Contains("单元门口贴满小广告（错照片）", badHtml);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var matter = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.OrgPath == tree.Community.OrgPath, Ct));
        Assert.Equal("单元门口贴满小广告", matter.Description);
        var photoId = await app.WithDbAsync(db => db.MatterPhotos.Where(p => p.MatterId == matter.Id).Select(p => p.Id).SingleAsync(Ct));
        var (_, detail, _) = await worker.GetPageAsync($"/matters/{matter.Id}");
        Assert.Contains($"/api/v1/matters/{matter.Id}/photos/{photoId}", detail);
    }

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task PortalReport_WithAPhoto_TheCommunitySeesThePhoto(Provider provider)
    {
        var app = await apps.For(provider);
        var tree = await app.CreateTreeAsync();
        var resident = await app.ClientAsync(Roles.Resident, tree.Community);
        var worker = await app.ClientAsync(Roles.CommunityWorker, tree.Community);
        var categoryId = await app.WithDbAsync(db => db.MatterCategories.Where(c => c.Code == "city.env.ad").Select(c => c.Id).SingleAsync(Ct));
        var (_, html, _) = await resident.GetPageAsync("/portal/matters/new");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var response = await resident.PostAsync("/portal/matters/new", new MultipartFormDataContent
        {
            { new StringContent("portal-report"), "_handler" }, { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(categoryId.ToString()), "Input.CategoryId" }, { new StringContent("垃圾桶满了没人清"), "Input.Description" },
            { new ByteArrayContent(Png), "Photo", "photo.png" },
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matter = await app.WithDbAsync(db => db.Matters.SingleAsync(m => m.OrgPath == tree.Community.OrgPath, Ct));
        var detail = await worker.GetJsonAsync($"/api/v1/matters/{matter.Id}");
        var photoId = detail.GetProperty("photoIds")[0].GetInt64();
        Assert.Equal(Png, await (await worker.GetAsync($"/api/v1/matters/{matter.Id}/photos/{photoId}", Ct)).Content.ReadAsByteArrayAsync(Ct));
    }

    static async Task<HttpResponseMessage> PostIntakeAsync(HttpClient client, int categoryId, string description, byte[] photo)
    {
        var (_, html, _) = await client.GetPageAsync("/matters/new");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent("matter"), "_handler" }, { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("Counter"), "Input.Channel" }, { new StringContent(categoryId.ToString()), "Input.CategoryId" },
            { new StringContent(description), "Input.Description" }, { new StringContent("Normal"), "Input.Urgency" },
            { new ByteArrayContent(photo), "Photo", "photo.png" },
        };
        return await client.PostAsync("/matters/new", content, Ct);
    }

    static MultipartFormDataContent Upload(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
}

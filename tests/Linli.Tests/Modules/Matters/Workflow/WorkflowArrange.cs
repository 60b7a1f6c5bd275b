using System.Net;
using System.Text.Json;
using Linli.Modules.Matters;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Organization;
using Linli.Tests.Modules.Residents;
using Linli.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Modules.Matters.Workflow;

public static class WorkflowArrange
{
    /// <summary>A department at the unit; its name is made unique per call but keeps <paramref name="name"/> in it.</summary>
    public static async Task<Department> AddDepartmentAsync(this LinliApp app, OrgUnit unit, string name)
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        var dept = new Department { OrgUnitId = unit.Id, Code = $"D{stamp}", Name = $"{name}{stamp}", OrgPath = unit.OrgPath };
        await app.WithDbAsync(async db => { db.Departments.Add(dept); return await db.SaveChangesAsync(); });
        return dept;
    }

    /// <summary>Registers a matter of the category; returns its id and the reporter's tracking token.</summary>
    public static async Task<(long Id, string Ticket, string Token)> RegisterInAsync(this HttpClient client, string categoryName = "设施维修")
    {
        var body = await client.PostOkAsync("/api/v1/matters", new
        {
            channel = "Counter", categoryName, description = "小区门口占道摆摊，晚上很吵", address = "中山东路 88 号", reporterName = "王阿姨",
            reporterContact = "13812345678", urgency = "Normal",
        });
        return (body.GetProperty("matter").Id(), body.GetProperty("ticketNumber").GetString()!, body.GetProperty("trackingToken").GetString()!);
    }

    /// <summary>POSTs the action and expects 200; returns the updated detail.</summary>
    public static Task<JsonElement> ActAsync(this HttpClient client, long id, string action, object? body = null) =>
        client.PostOkAsync($"/api/v1/matters/{id}/{action}", body ?? new { });

    public static Task<(HttpStatusCode Status, JsonElement Body, string Text)> TryAsync(this HttpClient client, long id, string action, object? body = null) =>
        client.SendAsync(HttpMethod.Post, $"/api/v1/matters/{id}/{action}", body ?? new { });

    public static string State(this JsonElement view) => view.GetProperty("state").GetString()!;

    public static JsonElement Flow(this JsonElement view) => view.GetProperty("flow");

    public static string[] Allowed(this JsonElement view) => [.. view.Flow().GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!)];

    public static Task<Matter> MatterAsync(this LinliApp app, long id) =>
        app.WithDbAsync(db => db.Matters.AsNoTracking().SingleAsync(m => m.Id == id, RegistryArrange.Ct));

    public static Task<List<MatterEvent>> EventsAsync(this LinliApp app, long id) =>
        app.WithDbAsync(db => db.MatterEvents.AsNoTracking().Where(e => e.MatterId == id).OrderBy(e => e.Id).ToListAsync(RegistryArrange.Ct));

    /// <summary>The app's working time, to state expected deadlines.</summary>
    public static async Task<MatterDeadlines> DeadlinesAsync(this LinliApp app)
    {
        using var scope = app.SystemScope();
        return await MatterDeadlines.LoadAsync(scope.ServiceProvider.GetRequiredService<WorkCalendar>(), TimeProvider.System, RegistryArrange.Ct);
    }

    public static Task<int> AuditCountAsync(this LinliApp app, string action, long id) =>
        app.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == action && a.ObjectType == "Matter" && a.ObjectId == id.ToString(), RegistryArrange.Ct));

    public static void AssertRefused(this (HttpStatusCode Status, JsonElement Body, string Text) r)
    {
        Assert.True(r.Status == HttpStatusCode.Conflict, r.Text);
        Assert.Equal("matter.transition", r.Body.GetProperty("code").GetString());
    }
}

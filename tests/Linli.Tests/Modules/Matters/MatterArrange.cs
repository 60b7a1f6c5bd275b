using System.Text.Json;
using Linli.Tests.Modules.Residents;

namespace Linli.Tests.Modules.Matters;

public static class MatterArrange
{
    public static object Matter(string description = "小区东门路灯不亮", string channel = "Counter", string? contact = "13812345678",
        long? residentId = null, string? onBehalfReason = null) => new
    {
        channel, categoryName = "设施维修", description, address = "中山东路 88 号东门",
        reporterName = "王阿姨", reporterContact = contact, urgency = "Normal", residentId, onBehalfReason,
    };

    /// <summary>The 201 body: ticketNumber, trackingToken and matter.</summary>
    public static Task<JsonElement> RegisterAsync(this HttpClient client, object? body = null) =>
        client.PostOkAsync("/api/v1/matters", body ?? Matter());
}

using Linli.Data;
using Linli.Modules.Matters;

namespace Linli.Modules.Notifications;

// 消息提醒 who hears about a step on a matter. The workflow calls this once per event, before it saves, so the
// notifications land in the same transaction as the step.
public static class MatterNotifications
{
    // Placeholder until the notifications inbox lands (being built on a branch this session).
    public static Task OnEventAsync(AppDbContext db, Matter matter, MatterEvent step, CancellationToken ct) => Task.CompletedTask;
}

using Linli.Platform.Auth;

namespace Linli.Modules.AuditLog;

// 审计日志 module: the auditor's reading of the log, export, retention.
public static class AuditLogModule
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services, IConfiguration config) => services;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.WithTags("Audit").RequireAuthorization(Permissions.AuditRead);
        return group;
    }
}

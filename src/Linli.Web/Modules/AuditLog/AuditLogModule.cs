using Linli.Platform.Auth;

namespace Linli.Modules.AuditLog;

// 审计日志 module: the auditor's reading of the log, export, chain verification, retention.
public static class AuditLogModule
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<AuditOptions>(config.GetSection("Audit"));
        services.AddHostedService<AuditRetentionService>();
        return services;
    }

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.WithTags("Audit").RequireAuthorization(Permissions.AuditRead);
        SearchAudit.Map(group);
        ExportAudit.Map(group);
        VerifyAudit.Map(group);
        return group;
    }
}

using Linli.Platform.Auth;

namespace Linli.Modules.Notifications;

// 消息提醒 module: the in-app inbox, the SMS/WeChat senders and the outbox that feeds them.
public static class NotificationsModule
{
    public const string Logging = "Logging";

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        // Chosen by name; an unknown name stops the start-up rather than losing messages later.
        var sms = configuration["Notifications:Sms:Sender"] ?? Logging;
        if (!string.Equals(sms, Logging, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Notifications:Sms:Sender = '{sms}' is not a known SMS sender (known: {Logging}).");
        services.AddSingleton<ISmsSender, LoggingSmsSender>();
        var weChat = configuration["Notifications:WeChat:Sender"] ?? Logging;
        if (!string.Equals(weChat, Logging, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Notifications:WeChat:Sender = '{weChat}' is not a known WeChat sender (known: {Logging}).");
        services.AddSingleton<IWeChatSender, LoggingWeChatSender>();
        services.AddHostedService<NotificationOutboxService>();
        return services;
    }

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Notifications").RequireAuthorization(Permissions.NotificationsRead);
        ListNotifications.Map(group);
        MarkNotificationsRead.Map(group);
        return group;
    }
}

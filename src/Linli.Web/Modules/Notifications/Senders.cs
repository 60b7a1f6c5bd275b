using Linli.Platform.Privacy;

namespace Linli.Modules.Notifications;

// 短信通道 the plug point for an SMS gateway. Only the logging sender exists: nothing leaves the machine.
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

// 微信通道 the plug point for WeChat (公众号/企业微信) messages, addressed by the user's openid.
public interface IWeChatSender
{
    Task SendAsync(string openId, string text, CancellationToken ct);
}

public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> log) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        log.LogInformation("SMS (logged, not sent) to {Phone}: {Text}", Masking.Phone(phone), text);
        return Task.CompletedTask;
    }
}

public sealed class LoggingWeChatSender(ILogger<LoggingWeChatSender> log) : IWeChatSender
{
    public Task SendAsync(string openId, string text, CancellationToken ct)
    {
        log.LogInformation("WeChat message (logged, not sent) to {OpenId}: {Text}", openId, text);
        return Task.CompletedTask;
    }
}

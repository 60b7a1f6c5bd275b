namespace Linli.Platform.Localization;

/// <summary>
/// Localized DataAnnotations messages: <c>[Required(ErrorMessageResourceType = typeof(ValidationText),
/// ErrorMessageResourceName = nameof(ValidationText.Required))]</c>. DataAnnotations reads these static
/// properties on each validation, so the message follows the request's culture.
/// </summary>
public static class ValidationText
{
    public static string Required => Loc.T("请填写{0}。", "{0} is required.");
    public static string StringLength => Loc.T("{0}不能超过 {1} 个字符。", "{0} must be at most {1} characters.");
    public static string Range => Loc.T("{0}须在 {1} 到 {2} 之间。", "{0} must be between {1} and {2}.");
    public static string RegularExpression => Loc.T("{0}的格式不正确。", "{0} is not in the right format.");
    public static string Compare => Loc.T("两次输入不一致。", "The two entries do not match.");
}

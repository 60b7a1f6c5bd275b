using System.Globalization;

namespace Linli.Platform.Localization;

/// <summary>
/// UI text in two languages, written side by side where it is used: <c>Loc.T("保存", "Save")</c>.
/// zh-CN is the default; English is chosen by the language switch (culture cookie). Keeping both
/// strings at the call site keeps a slice self-contained, which a shared .resx per module would not.
/// </summary>
public static class Loc
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly string[] SupportedCultures = ["zh-CN", "en"];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;
}

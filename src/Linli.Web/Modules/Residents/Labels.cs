using System.Collections.Concurrent;
using System.Reflection;

namespace Linli.Modules.Residents;

/// <summary>The Chinese and English names of an enum member, for pages and for parsing what people type.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string zh, string en) : Attribute
{
    public string Zh { get; } = zh;
    public string En { get; } = en;
}

public static class Labels
{
    static readonly ConcurrentDictionary<Type, IReadOnlyList<(Enum Value, LabelAttribute Label)>> Cache = new();

    static IReadOnlyList<(Enum Value, LabelAttribute Label)> Members(Type type) => Cache.GetOrAdd(type, t =>
        t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((Enum)f.GetValue(null)!, f.GetCustomAttribute<LabelAttribute>() ?? new LabelAttribute(f.Name, f.Name)))
            .ToList());

    public static string Of<T>(T value) where T : struct, Enum =>
        Members(typeof(T)).FirstOrDefault(m => m.Value.Equals(value)).Label is { } l ? Loc.T(l.Zh, l.En) : value.ToString();

    public static string Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : "";

    /// <summary>The Chinese label whatever the page's language: for text stored as data (history summaries).</summary>
    public static string Zh<T>(T value) where T : struct, Enum =>
        Members(typeof(T)).FirstOrDefault(m => m.Value.Equals(value)).Label?.Zh ?? value.ToString();

    public static IReadOnlyList<T> All<T>() where T : struct, Enum => Members(typeof(T)).Select(m => (T)m.Value).ToList();

    /// <summary>Accepts the API name (case-insensitive) or the Chinese or English label; null when unknown.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || char.IsAsciiDigit(t[0]) || t[0] == '-') return null; // no numeric values
        foreach (var (value, label) in Members(typeof(T)))
            if (string.Equals(value.ToString(), t, StringComparison.OrdinalIgnoreCase) || label.Zh == t
                || string.Equals(label.En, t, StringComparison.OrdinalIgnoreCase))
                return (T)value;
        return null;
    }

    public static string Expected<T>() where T : struct, Enum =>
        Loc.T("可选值：", "Allowed: ") + string.Join(", ", Members(typeof(T)).Select(m => $"{m.Value} ({m.Label.Zh})"));
}

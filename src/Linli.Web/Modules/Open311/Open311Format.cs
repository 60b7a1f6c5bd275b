using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Linli.Modules.Open311;

// One document model written two ways, as GeoReport v2 shapes them: XML without a namespace, and JSON by the Spark
// convention (root dropped, a container of one repeated element becomes an array even with one child, empty → null).
public sealed record O311Field(string Name, object? Value);

public sealed class O311Object(IEnumerable<O311Field> fields)
{
    public IReadOnlyList<O311Field> Fields { get; } = fields.ToList();
}

public sealed record O311List(string ItemName, IReadOnlyList<object?> Items);

public enum O311Format { Xml, Json }

public static class Open311Format
{
    public const string XmlType = "text/xml; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>The format named by the path's extension ("xml"/"json"); null for anything else.</summary>
    public static O311Format? Parse(string? extension) => extension?.ToLowerInvariant() switch
    {
        "xml" => O311Format.Xml,
        "json" => O311Format.Json,
        _ => null,
    };

    public static IResult Write(O311Format format, string root, object value, int status = StatusCodes.Status200OK) =>
        format == O311Format.Xml
            ? TypedResults.Text(ToXml(root, value), XmlType, Encoding.UTF8, status)
            : TypedResults.Text(ToJson(value), JsonType, Encoding.UTF8, status);

    /// <summary>The spec's error list: <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;</c>, with the same HTTP status.</summary>
    public static IResult Error(O311Format format, int status, string description) => Errors(format, status, [description]);

    public static IResult Errors(O311Format format, int status, IEnumerable<string> descriptions) =>
        Write(format, "errors", new O311List("error", descriptions.Select(d => (object?)new O311Object([new("code", status), new("description", d)])).ToList()), status);

    public static string Date(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Date(DateTime? utc, TimeZoneInfo zone) => utc is { } d ? Date(d, zone) : null;

    public static string ToXml(string root, object value)
    {
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(root, Content(value)));
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(sb), new XmlWriterSettings { Indent = false, Encoding = new UTF8Encoding(false) }))
            doc.Save(writer);
        return sb.ToString();
    }

    static object? Content(object? value) => value switch
    {
        null => null,
        O311Object o => o.Fields.Select(f => new XElement(f.Name, Content(f.Value))).ToList(),
        O311List l => l.Items.Select(i => new XElement(l.ItemName, Content(i))).ToList(),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new ArgumentException($"Open311 cannot write {value.GetType().Name}."),
    };

    public static string ToJson(object value)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(w, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void WriteJson(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case O311Object o:
                w.WriteStartObject();
                foreach (var f in o.Fields) { w.WritePropertyName(f.Name); WriteJson(w, f.Value); }
                w.WriteEndObject();
                break;
            case O311List l:
                w.WriteStartArray();
                foreach (var i in l.Items) WriteJson(w, i);
                w.WriteEndArray();
                break;
            case bool b: w.WriteBooleanValue(b); break;
            case double d: w.WriteNumberValue(d); break;
            case int i: w.WriteNumberValue(i); break;
            case long n: w.WriteNumberValue(n); break;
            case string s: w.WriteStringValue(s); break;
            default: throw new ArgumentException($"Open311 cannot write {value.GetType().Name}.");
        }
    }

    sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

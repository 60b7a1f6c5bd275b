using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Linli.Modules.Organization;

// 导入文件 the rows of an org-tree import file: .xlsx, or .csv saved as UTF-8 (with or without BOM) or GBK.
public static class OrgImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>Row is the spreadsheet row number (the header is row 1), so people find it in Excel.</summary>
    public sealed record Row(int Number, string Code, string Name, string Level, string ParentCode, string SortOrder);

    public static readonly string[] Columns = ["代码", "名称", "层级", "上级代码", "排序"];

    static readonly Dictionary<string, string> HeaderKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["代码"] = "code", ["区划代码"] = "code", ["code"] = "code",
        ["名称"] = "name", ["name"] = "name",
        ["层级"] = "level", ["级别"] = "level", ["level"] = "level",
        ["上级代码"] = "parentCode", ["parentCode"] = "parentCode", ["parent_code"] = "parentCode", ["parent code"] = "parentCode",
        ["排序"] = "sortOrder", ["sortOrder"] = "sortOrder", ["sort_order"] = "sortOrder", ["sort order"] = "sortOrder",
    };

    static OrgImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads every non-blank row. Throws <see cref="FormatException"/> with a message for people when the file is unusable.</summary>
    public static async Task<List<Row>> ReadAsync(Stream stream, string fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new FormatException(Loc.T("文件不能超过 5 MB。", "The file must be at most 5 MB."));
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        var table = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(buffer),
            ".csv" => ParseCsv(Decode(buffer.ToArray())),
            _ => throw new FormatException(Loc.T("只支持 .xlsx 或 .csv 文件。", "Only .xlsx and .csv files are supported.")),
        };
        return ToRows(table);
    }

    static List<string[]> ReadXlsx(Stream stream)
    {
        try
        {
            return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(Cell).ToArray())
                .Take(MaxRows + 2) // header + one too many, enough to refuse an oversized file without reading it all
                .ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new FormatException(Loc.T("无法读取该 Excel 文件，请使用 .xlsx 格式。", "The Excel file cannot be read; save it as .xlsx."), e);
        }
    }

    // Excel stores long codes as numbers; write them back as plain digits.
    static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(d == Math.Floor(d) ? "0" : "R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>Strict UTF-8 first (a BOM is dropped); bytes that are not UTF-8 are read as GBK (code page 936).</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(936).GetString(bytes);
        }
    }

    /// <summary>RFC 4180: comma-separated, fields may be quoted, "" is a quote inside a quoted field.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString().Trim()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString().Trim()); field.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString().Trim()); rows.Add([.. row]); }
        return rows;
    }

    static List<Row> ToRows(List<string[]> table)
    {
        if (table.Count == 0) throw new FormatException(Loc.T("文件是空的。", "The file is empty."));
        var keys = table[0].Select(h => HeaderKeys.GetValueOrDefault(h.Trim())).ToArray();
        var missing = new[] { ("code", "代码"), ("name", "名称"), ("level", "层级") }.Where(k => !keys.Contains(k.Item1)).Select(k => k.Item2).ToList();
        if (missing.Count > 0)
            throw new FormatException(Loc.T($"第 1 行须为表头，缺少列：{string.Join("、", missing)}。", $"Row 1 must be the header; missing columns: {string.Join(", ", missing)}."));

        string Get(string[] cells, string key) => Array.IndexOf(keys, key) is var i and >= 0 && i < cells.Length ? cells[i].Trim() : "";
        var rows = new List<Row>();
        for (var n = 1; n < table.Count; n++)
        {
            var cells = table[n];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new Row(n + 1, Get(cells, "code"), Get(cells, "name"), Get(cells, "level"), Get(cells, "parentCode"), Get(cells, "sortOrder")));
        }
        if (rows.Count == 0) throw new FormatException(Loc.T("文件中没有数据行。", "The file has no data rows."));
        if (rows.Count > MaxRows) throw new FormatException(Loc.T($"一次最多导入 {MaxRows} 行。", $"At most {MaxRows} rows per import."));
        return rows;
    }
}

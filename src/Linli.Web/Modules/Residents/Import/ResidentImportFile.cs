using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Linli.Modules.Residents;

// 居民导入文件 the rows of a resident import file (.xlsx, or .csv in UTF-8 or GBK), read lazily so a file of
// 100,000 rows never sits in memory: MiniExcel's Query streams, the CSV is parsed character by character.
public static class ResidentImportFile
{
    /// <summary>Number is the spreadsheet row (the header is row 1). Cells are keyed by field name.</summary>
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells)
    {
        public string Get(string field) => Cells.GetValueOrDefault(field) ?? "";
    }

    // Header (Chinese as in the template) → field name. The template writes them in this order.
    public static readonly (string Header, string Field)[] Columns =
    [
        ("姓名", "name"), ("身份证号码", "idNumber"), ("性别", "gender"), ("出生日期", "birthDate"), ("民族", "ethnicity"),
        ("联系电话", "phone"), ("户籍地", "registrationPlace"), ("人口类型", "residenceType"), ("人户状态", "registrationMatch"),
        ("楼栋", "building"), ("单元", "unit"), ("房号", "room"),
    ];

    static ResidentImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Throws <see cref="FormatException"/> (a message for people) when the file or its header is unusable.</summary>
    public static IEnumerable<Row> Read(Stream stream, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ToRows(Xlsx(stream)),
            ".csv" => ToRows(Csv(new StreamReader(stream, DetectEncoding(stream), detectEncodingFromByteOrderMarks: false))),
            _ => throw new FormatException(Loc.T("只支持 .xlsx 或 .csv 文件。", "Only .xlsx and .csv files are supported.")),
        };

    static IEnumerable<string[]> Xlsx(Stream stream)
    {
        IEnumerator<IDictionary<string, object?>> rows;
        try { rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator(); }
        catch (Exception e) { throw Unreadable(e); }
        using (rows)
            while (true)
            {
                try { if (!rows.MoveNext()) yield break; }
                catch (Exception e) { throw Unreadable(e); }
                yield return rows.Current.Values.Select(Cell).ToArray();
            }
    }

    static FormatException Unreadable(Exception e) =>
        new(Loc.T("无法读取该 Excel 文件，请使用 .xlsx 格式。", "The Excel file cannot be read; save it as .xlsx."), e);

    static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString(d == Math.Floor(d) ? "0" : "R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>Strict UTF-8 if the whole stream decodes as UTF-8 (scanned in chunks), else GBK. Rewinds the stream.</summary>
    static Encoding DetectEncoding(Stream stream)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[81920 + 4];
        var utf8 = true;
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0) decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException) { utf8 = false; }
        stream.Position = 0;
        return utf8 ? new UTF8Encoding(false) : Encoding.GetEncoding(936);
    }

    /// <summary>RFC 4180 from a reader: comma-separated, quoted fields may hold commas, quotes ("") and line breaks.</summary>
    static IEnumerable<string[]> Csv(TextReader reader)
    {
        using (reader)
        {
            var row = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, any = false;
            if (reader.Peek() == '\uFEFF') reader.Read();
            int c;
            while ((c = reader.Read()) >= 0)
            {
                any = true;
                if (quoted)
                {
                    if (c != '"') field.Append((char)c);
                    else if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString().Trim()); field.Clear(); }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && reader.Peek() == '\n') reader.Read();
                    row.Add(field.ToString().Trim()); field.Clear();
                    yield return [.. row];
                    row.Clear(); any = false;
                }
                else field.Append((char)c);
            }
            if (any) { row.Add(field.ToString().Trim()); yield return [.. row]; }
        }
    }

    static IEnumerable<Row> ToRows(IEnumerable<string[]> table)
    {
        using var e = table.GetEnumerator();
        if (!e.MoveNext()) throw new FormatException(Loc.T("文件是空的。", "The file is empty."));
        var byHeader = Columns.ToDictionary(c => c.Header, c => c.Field);
        var fields = e.Current.Select(h => byHeader.GetValueOrDefault(h.Trim())).ToArray();
        var missing = Columns.Take(2).Where(c => !fields.Contains(c.Field)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
            throw new FormatException(Loc.T($"第 1 行须为表头，缺少列：{string.Join("、", missing)}。", $"Row 1 must be the header; missing columns: {string.Join(", ", missing)}."));
        var number = 1;
        while (e.MoveNext())
        {
            number++;
            var cells = e.Current;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var dict = new Dictionary<string, string>();
            for (var i = 0; i < fields.Length && i < cells.Length; i++)
                if (fields[i] is { } f) dict[f] = cells[i].Trim();
            yield return new Row(number, dict);
        }
    }
}

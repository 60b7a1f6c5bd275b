using MiniExcelLibs;

namespace Linli.Platform.Documents;

// 台账 .xlsx: the same ledger as a worksheet — title, unit and period, the header row, numbered rows, signatures —
// for people who file or rework it in a spreadsheet.
public static class LedgerXlsx
{
    public static byte[] Render(Ledger ledger)
    {
        var width = ledger.Columns.Count + 1;
        IDictionary<string, object?> Line(IEnumerable<string?> cells)
        {
            var values = cells.ToArray();
            var row = new Dictionary<string, object?>(width);
            for (var i = 0; i < width; i++) row[ColumnName(i)] = i < values.Length ? values[i] : null;
            return row;
        }
        IEnumerable<IDictionary<string, object?>> Rows()
        {
            yield return Line([ledger.Title]);
            yield return Line([ledger.Subtitle]);
            yield return Line(ledger.Columns.Select(c => c.Header).Prepend(Ledger.NumberHeader));
            for (var r = 0; r < ledger.Rows.Count; r++) yield return Line(ledger.Rows[r].Prepend((r + 1).ToString()));
            yield return Line([]);
            yield return Line(ledger.Signatures.Select(s => s + "："));
            yield return Line([ledger.GeneratedLine]);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(Rows(), printHeader: false, sheetName: SheetName(ledger.Title), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    static string ColumnName(int i) => i < 26 ? ((char)('A' + i)).ToString() : ColumnName(i / 26 - 1) + (char)('A' + i % 26);

    // Excel allows 31 characters and no []:*?/\ in a sheet name.
    static string SheetName(string title)
    {
        var clean = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "台账" : clean;
    }
}

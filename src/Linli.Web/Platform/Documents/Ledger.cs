namespace Linli.Platform.Documents;

// 台账 a ledger as the paper form has it: title, unit, period, numbered rows, a signatures line. The modules fill it
// from recorded data; LedgerPdf and LedgerXlsx lay it out, so every ledger prints the same way.
public sealed record Ledger(
    string Title,
    string Unit,
    string Period,
    IReadOnlyList<LedgerColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Signatures,
    DateTimeOffset GeneratedAt)
{
    public const string NumberHeader = "序号";

    /// <summary>"单位：… 期间：…", the line under the title.</summary>
    public string Subtitle => $"单位：{Unit}　　期间：{Period}　　共 {Rows.Count} 条";

    public string GeneratedLine => $"由邻里平台根据登记数据生成于 {GeneratedAt:yyyy-MM-dd HH:mm}";
}

/// <param name="Width">Relative width of the column on the printed page.</param>
public sealed record LedgerColumn(string Header, float Width = 1);

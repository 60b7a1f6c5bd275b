using Linli.Platform.Documents;
using MiniExcelLibs;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Linli.Tests.Platform.Documents;

public sealed class LedgerRenderingTests
{
    static Ledger Sample(int rows) => new(
        "社工走访日记", "青石社区", "2026年11月",
        [new("走访时间"), new("住户", 1.5f), new("身份证号码", 1.6f), new("走访情况", 4)],
        Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
            [$"2026-11-{i % 28 + 1:00} 09:30", $"青石小区{i}幢{i % 6 + 1}0{i % 4 + 1}室 喆堃", "330203********123X",
             string.Concat(Enumerable.Repeat("独居老人身体状况良好，已提醒冬季用电安全。", i % 4 + 1))]).ToList(),
        ["填表人", "审核人", "日期"],
        new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void Pdf_HoldsTitleUnitRowsAndSignatures_WithTheChineseTextExtractable()
    {
        var pdf = LedgerPdf.Render(Sample(3));

        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("社工走访日记", text);
        Assert.Contains("青石社区", text);
        Assert.Contains("2026年11月", text);
        Assert.Contains("青石小区2幢", text);
        Assert.Contains("330203********123X", text);
        Assert.Contains("喆堃", text);
        Assert.Contains("审核人：", text);
        Assert.Contains("第 1 页", text);
    }

    [Fact]
    public void Pdf_EmbedsOnlyTheGlyphsItUses_SoItStaysSmall()
    {
        var pdf = LedgerPdf.Render(Sample(3));

        Assert.True(pdf.Length < 400_000, $"A three-row ledger is {pdf.Length} bytes; the whole font would be megabytes.");
        Assert.True(PdfFonts.Bytes.Length > 5_000_000);
    }

    [Fact]
    public void Pdf_LongLedger_BreaksIntoNumberedPagesWithTheLastRowOnTheLastPage()
    {
        var pdf = LedgerPdf.Render(Sample(120));

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count > 3);
        Assert.Contains($"共 {pages.Count} 页", pages[0].Text);
        Assert.Contains("走访时间", pages[^1].Text);            // the header row repeats
        Assert.Contains("青石小区120幢", pages[^1].Text);
        Assert.DoesNotContain("青石小区120幢", pages[0].Text);
        Assert.Contains("填表人：", pages[^1].Text);
    }

    [Fact]
    public void Xlsx_HasTitleHeaderNumberedRowsAndSignatures()
    {
        var xlsx = LedgerXlsx.Render(Sample(2));

        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("社工走访日记", rows[0]["A"]);
        Assert.Contains("青石社区", (string)rows[1]["A"]!);
        Assert.Equal(["序号", "走访时间", "住户", "身份证号码", "走访情况"], rows[2].Values.Select(v => v?.ToString()));
        Assert.Equal("1", rows[3]["A"]?.ToString());
        Assert.Equal("青石小区2幢303室 喆堃", rows[4]["C"]);
        Assert.Equal("填表人：", rows[6]["A"]);
    }

    [Fact]
    public void FontSubset_KeepsTheUsedGlyphsDrawable()
    {
        using var full = new SKFont(PdfFonts.Full, 12);
        var glyphs = full.GetGlyphs("邻里");
        var subset = FontSubset.Create(PdfFonts.Bytes, glyphs);

        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var font = new SKFont(typeface, 12);
        Assert.Equal(glyphs, font.GetGlyphs("邻里"));
        Assert.True(font.MeasureText("邻里") > 20);
        using var path = font.GetGlyphPath(glyphs[0]);
        Assert.False(path.IsEmpty);
        using var unused = font.GetGlyphPath(full.GetGlyphs("社")[0]);
        Assert.True(unused.IsEmpty);
    }

    [Fact]
    public void TextWrap_BreaksChineseAnywhereAndKeepsNumbersWhole()
    {
        using var font = new SKFont(PdfFonts.Full, 10);
        var lines = TextWrap.Lines("居民反映楼道灯损坏330203199001011234", font, 110);

        Assert.True(lines.Length >= 2);
        Assert.Equal("居民反映楼道灯损坏330203199001011234", string.Concat(lines));
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= 110 || !l.Any(c => c > 0x2E80)));
        Assert.Contains(lines, l => l == "330203199001011234");
    }
}

using System.Text;
using Linli.Modules.Organization;
using MiniExcelLibs;

namespace Linli.Tests.Modules.Organization;

public sealed class OrgImportFileTests
{
    [Fact]
    public void ParseCsv_QuotedFieldsWithCommasQuotesAndNewlines()
    {
        var rows = OrgImportFile.ParseCsv("a,\"b,1\",\"say \"\"hi\"\"\"\r\nx,\"two\nlines\",\r\nlast");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b,1", "say \"hi\""], rows[0]);
        Assert.Equal(["x", "two\nlines", ""], rows[1]);
        Assert.Equal(["last"], rows[2]);
    }

    [Fact]
    public void Decode_GbkAndUtf8WithBom_BothReadAsChinese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "代码,名称\n110101001001,和平里社区";

        Assert.Equal(text, OrgImportFile.Decode(Encoding.GetEncoding(936).GetBytes(text)));
        Assert.Equal(text, OrgImportFile.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
    }

    [Fact]
    public async Task ReadAsync_XlsxWithABlankRow_KeepsSpreadsheetRowNumbers()
    {
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["层级"] = "社区", ["名称"] = "甲", ["代码"] = 110101001001L },
            new Dictionary<string, object?> { ["层级"] = null, ["名称"] = null, ["代码"] = null },
            new Dictionary<string, object?> { ["层级"] = "网格", ["名称"] = "乙", ["代码"] = "110101001001002" },
        });
        xlsx.Position = 0;

        var rows = await OrgImportFile.ReadAsync(xlsx, "a.xlsx", TestContext.Current.CancellationToken);

        Assert.Equal([(2, "110101001001", "甲", "社区"), (4, "110101001001002", "乙", "网格")], rows.Select(r => (r.Number, r.Code, r.Name, r.Level)));
    }
}

using SkiaSharp;

namespace Linli.Platform.Documents;

// 打印版台账 a ledger as a print-ready PDF: A4 landscape, the title and unit on top, a ruled table with numbered rows
// and the header repeated on every page, "第 i 页 共 n 页" at the foot, the signatures line after the last row.
// Text is laid out first, then drawn with a font cut down to the glyphs the document uses (FontSubset).
public static class LedgerPdf
{
    const float PageWidth = 842, PageHeight = 595, Margin = 36;   // points; A4 landscape
    const float TitleSize = 18, TextSize = 9, Padding = 3, LineGap = 1.35f;
    const float TableBottom = PageHeight - Margin - 18;            // room for the page number

    public static byte[] Render(Ledger ledger)
    {
        using var measure = new SKFont(PdfFonts.Full, TextSize);
        var ops = Layout(ledger, measure);

        var glyphs = new HashSet<ushort>();
        foreach (var text in ops.OfType<Text>()) glyphs.UnionWith(measure.GetGlyphs(text.Value));
        using var subset = SKTypeface.FromData(SKData.CreateCopy(FontSubset.Create(PdfFonts.Bytes, glyphs)));

        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = ledger.Title, Subject = ledger.Subtitle, Creator = "Linli", Producer = "Linli",
            Creation = ledger.GeneratedAt.UtcDateTime, Modified = ledger.GeneratedAt.UtcDateTime,
        }))
        {
            using var font = new SKFont(subset, TextSize);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var rule = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
            using var shade = new SKPaint { Color = new SKColor(0xEE, 0xEE, 0xEE), Style = SKPaintStyle.Fill };
            SKCanvas? canvas = null;
            foreach (var op in ops)
            {
                switch (op)
                {
                    case NewPage:
                        if (canvas is not null) document.EndPage();
                        canvas = document.BeginPage(PageWidth, PageHeight);
                        break;
                    case Text t:
                        font.Size = t.Size;
                        canvas!.DrawText(t.Value, t.X, t.Y, t.Align, font, ink);
                        break;
                    case Box b:
                        canvas!.DrawRect(b.X, b.Y, b.Width, b.Height, b.Shaded ? shade : rule);
                        if (b.Shaded) canvas.DrawRect(b.X, b.Y, b.Width, b.Height, rule);
                        break;
                }
            }
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    abstract record Op;
    sealed record NewPage : Op;
    sealed record Text(string Value, float X, float Y, float Size, SKTextAlign Align = SKTextAlign.Left) : Op;
    sealed record Box(float X, float Y, float Width, float Height, bool Shaded = false) : Op;

    static List<Op> Layout(Ledger ledger, SKFont font)
    {
        var headers = ledger.Columns.Select(c => c.Header).Prepend(Ledger.NumberHeader).ToArray();
        var weights = ledger.Columns.Select(c => c.Width).Prepend(0.45f).ToArray();
        var tableWidth = PageWidth - 2 * Margin;
        var widths = weights.Select(w => w / weights.Sum() * tableWidth).ToArray();
        var lineHeight = TextSize * LineGap;

        float RowHeight(string[][] cells) => cells.Max(c => Math.Max(1, c.Length)) * lineHeight + 2 * Padding;
        string[][] Wrap(IReadOnlyList<string> values) =>
            values.Select((v, i) => TextWrap.Lines(v, font, widths[i] - 2 * Padding)).ToArray();

        var ops = new List<Op>();
        var pageCount = 0;
        var y = 0f;
        var headerCells = Wrap(headers);
        void Row(string[][] cells, bool header)
        {
            var height = RowHeight(cells);
            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                ops.Add(new Box(x, y, widths[i], height, header));
                for (var line = 0; line < cells[i].Length; line++)
                    ops.Add(header || i == 0
                        ? new Text(cells[i][line], x + widths[i] / 2, y + Padding + (line + 1) * lineHeight - 3, TextSize, SKTextAlign.Center)
                        : new Text(cells[i][line], x + Padding, y + Padding + (line + 1) * lineHeight - 3, TextSize));
                x += widths[i];
            }
            y += height;
        }
        void StartPage()
        {
            ops.Add(new NewPage());
            pageCount++;
            y = Margin;
            if (pageCount == 1)
            {
                ops.Add(new Text(ledger.Title, PageWidth / 2, y + TitleSize, TitleSize, SKTextAlign.Center));
                y += TitleSize + 12;
                ops.Add(new Text(ledger.Subtitle, Margin, y + TextSize, TextSize));
                y += TextSize + 8;
            }
            else
            {
                ops.Add(new Text($"{ledger.Title}（续）", Margin, y + TextSize, TextSize));
                y += TextSize + 8;
            }
            Row(headerCells, header: true);
        }

        StartPage();
        for (var r = 0; r < ledger.Rows.Count; r++)
        {
            var cells = Wrap(ledger.Rows[r].Prepend((r + 1).ToString()).ToArray());
            if (y + RowHeight(cells) > TableBottom) StartPage();
            Row(cells, header: false);
        }
        if (ledger.Rows.Count == 0)
        {
            ops.Add(new Box(Margin, y, tableWidth, lineHeight + 2 * Padding));
            ops.Add(new Text("本期无记录", PageWidth / 2, y + Padding + lineHeight - 3, TextSize, SKTextAlign.Center));
            y += lineHeight + 2 * Padding;
        }

        var signatures = string.Join("　　　　　　　　", ledger.Signatures.Select(s => s + "："));
        if (y + 2 * lineHeight + 24 > TableBottom) StartPage();
        ops.Add(new Text(signatures, Margin, y + 24, TextSize + 1));
        ops.Add(new Text(ledger.GeneratedLine, Margin, y + 24 + 2 * lineHeight, TextSize - 1));

        // Page numbers once the count is known.
        var page = 0;
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i] is not NewPage) continue;
            page++;
            ops.Insert(++i, new Text($"第 {page} 页　共 {pageCount} 页", PageWidth / 2, PageHeight - Margin, TextSize, SKTextAlign.Center));
        }
        return ops;
    }
}

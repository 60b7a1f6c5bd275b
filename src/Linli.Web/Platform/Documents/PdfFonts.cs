using SkiaSharp;

namespace Linli.Platform.Documents;

// The CJK font generated PDFs embed: LinliSans (Noto Sans CJK SC, SIL OFL 1.1, see Fonts/OFL.txt), shipped inside
// the assembly so a fresh machine without Chinese fonts still prints Chinese ledgers.
public static class PdfFonts
{
    static readonly Lazy<byte[]> FontBytes = new(() =>
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream("Linli.Fonts.LinliSans-Regular.ttf")
            ?? throw new InvalidOperationException("The embedded PDF font is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    static readonly Lazy<SKTypeface> Typeface = new(() => SKTypeface.FromData(SKData.CreateCopy(FontBytes.Value))
        ?? throw new InvalidOperationException("The embedded PDF font cannot be read."));

    public static byte[] Bytes => FontBytes.Value;

    /// <summary>The whole font, for measuring text and mapping it to glyphs; documents embed a subset.</summary>
    public static SKTypeface Full => Typeface.Value;
}

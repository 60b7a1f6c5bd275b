using System.Buffers.Binary;

namespace Linli.Platform.Documents;

// The PDF writer embeds a font whole, and the shipped CJK font is 7 MB. Before a document is drawn, the glyphs it
// uses are copied into a font of the same shape: every glyph id and the character map stay as they were, the
// outlines of unused glyphs are left out. A ledger then carries tens of kilobytes of font, not megabytes.
public static class FontSubset
{
    static readonly HashSet<string> Kept = ["cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post"];

    /// <summary>A TrueType font holding only the outlines of <paramref name="glyphs"/> (and .notdef).</summary>
    public static byte[] Create(byte[] font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        var head = tables["head"];
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4));
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
        var loca = font.AsMemory(tables["loca"].Offset, tables["loca"].Length);
        var glyf = font.AsSpan(tables["glyf"].Offset, tables["glyf"].Length);
        int Start(int g) => longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.Span[(g * 4)..]) : BinaryPrimitives.ReadUInt16BigEndian(loca.Span[(g * 2)..]) * 2;

        var keep = new HashSet<int>();
        var pending = new Stack<int>(glyphs.Where(g => g < numGlyphs).Select(g => (int)g).Append(0));
        while (pending.TryPop(out var g))
        {
            if (!keep.Add(g)) continue;
            foreach (var component in Components(glyf[Start(g)..Start(g + 1)]))
                if (!keep.Contains(component) && component < numGlyphs) pending.Push(component);
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[(numGlyphs + 1) * 4];
        for (var g = 0; g < numGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (!keep.Contains(g)) continue;
            newGlyf.Write(glyf[Start(g)..Start(g + 1)]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(numGlyphs * 4), (uint)newGlyf.Length);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = newGlyf.ToArray(),
            ["loca"] = newLoca,
        };
        foreach (var (tag, t) in tables)
            if (Kept.Contains(tag)) output[tag] = font.AsSpan(t.Offset, t.Length).ToArray();
        var newHead = output["head"];
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);   // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);   // long loca offsets
        return Write(output);
    }

    readonly record struct Table(int Offset, int Length);

    static Dictionary<string, Table> ReadTables(ReadOnlySpan<byte> font)
    {
        if (BinaryPrimitives.ReadUInt32BigEndian(font) != 0x00010000)
            throw new ArgumentException("Not a TrueType-outline font.", nameof(font));
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + i * 16, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = new((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        return tables;
    }

    // A composite glyph is drawn from other glyphs; they must come along.
    static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var result = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return result;
        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & 0x1) != 0 ? 4 : 2);
            if ((flags & 0x8) != 0) at += 2;
            else if ((flags & 0x40) != 0) at += 4;
            else if ((flags & 0x80) != 0) at += 8;
            if ((flags & 0x20) == 0) break;
        }
        return result;
    }

    static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = (1 << entrySelector) * 16;
        var size = 12 + 16 * count + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - searchRange));
        var offset = 12 + 16 * count;
        var headOffset = 0;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            var record = span.Slice(12 + i++ * 16, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            if (tag == "head") headOffset = offset;
            data.CopyTo(span[offset..]);
            offset += (data.Length + 3) & ~3;
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], 0xB1B0AFBA - Checksum(bytes));
        return bytes;
    }

    static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var at = 0; at < data.Length; at += 4)
        {
            word.Clear();
            data.Slice(at, Math.Min(4, data.Length - at)).CopyTo(word);
            sum += BinaryPrimitives.ReadUInt32BigEndian(word);
        }
        return sum;
    }
}

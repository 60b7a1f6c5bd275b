using System.Globalization;
using SkiaSharp;

namespace Linli.Platform.Documents;

// Breaks cell text into lines that fit a width. Chinese breaks between any two characters; a run of Latin letters or
// digits (an address number, a masked ID number) moves to the next line whole when it fits there.
public static class TextWrap
{
    public static string[] Lines(string? text, SKFont font, float width)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            var lineWidth = 0f;
            var elements = StringInfo.GetTextElementEnumerator(paragraph);
            var wordStart = -1;   // where the current Latin run starts in `line`
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var w = font.MeasureText(element);
                var latin = element.Length == 1 && char.IsAsciiLetterOrDigit(element[0]);
                if (lineWidth + w > width && line.Length > 0)
                {
                    if (latin && wordStart > 0)
                    {
                        var word = line.ToString(wordStart, line.Length - wordStart);
                        lines.Add(line.ToString(0, wordStart).TrimEnd());
                        line.Clear().Append(word);
                        wordStart = 0;
                        lineWidth = font.MeasureText(word);
                    }
                    else
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear();
                        lineWidth = 0;
                        wordStart = latin ? 0 : -1;
                    }
                }
                if (latin && wordStart < 0) wordStart = line.Length;
                if (!latin) wordStart = -1;
                line.Append(element);
                lineWidth += w;
            }
            lines.Add(line.ToString().TrimEnd());
        }
        return lines.ToArray();
    }
}

using System.Text;
using System.Xml;

namespace EvalSystem.Reports.Excel;

/// <summary>Text as a cell can hold it: Excel refuses files with cells over 32,767 characters or with XML-illegal characters.</summary>
internal static class CellText
{
    public const int MaxLength = 32_767;
    private const string Clipped = "…（已截断）";

    public static string Safe(string text)
    {
        if (!NeedsCleaning(text))
            return text;
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        if (sb.Length > MaxLength)
        {
            var cut = MaxLength - Clipped.Length;
            if (char.IsHighSurrogate(sb[cut - 1]))
                cut--;
            sb.Length = cut;
            sb.Append(Clipped);
        }

        return sb.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        if (text.Length > MaxLength)
            return true;
        foreach (var c in text)
        {
            if (c < 0x20 ? c is not ('\t' or '\n' or '\r') : c is >= '\uD800' and <= '\uDFFF' or '\uFFFE' or '\uFFFF')
                return true;
        }

        return false;
    }
}

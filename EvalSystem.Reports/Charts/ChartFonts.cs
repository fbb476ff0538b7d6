using SkiaSharp;

namespace EvalSystem.Reports.Charts;

/// <summary>
/// The CJK font every chart uses. ScottPlot's SkiaSharp build cannot discover system fonts, and
/// without an explicit font Chinese renders as empty boxes — silently. So the font file is
/// registered by path once at start-up, and checked to really contain the glyphs we draw.
/// </summary>
public static class ChartFonts
{
    public const string FamilyName = "WenQuanYi Micro Hei";

    /// <summary>Where Debian's fonts-wqy-microhei installs the font; configurable for other systems.</summary>
    public static readonly IReadOnlyList<string> DefaultPaths =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    ];

    private static readonly Lock Gate = new();
    private static string? _registeredPath;

    /// <summary>The font file in use, or null before <see cref="Configure"/>.</summary>
    public static string? RegisteredPath => _registeredPath;

    /// <summary>Registers the CJK font with ScottPlot and makes it the default. Idempotent.</summary>
    public static string Configure(string? fontPath = null)
    {
        // Every chart calls this before its plot exists: once a default font is registered, that is all it needs to know.
        if (fontPath is null && Volatile.Read(ref _registeredPath) is { } registered)
            return registered;
        lock (Gate)
        {
            var path = (fontPath is null ? DefaultPaths.FirstOrDefault(File.Exists) : File.Exists(fontPath) ? fontPath : null)
                ?? throw new FileNotFoundException(
                    $"找不到中文字体文件（{fontPath ?? string.Join("、", DefaultPaths)}）：请安装 fonts-wqy-microhei，或在配置中指定字体路径。 " +
                    "No CJK font found; install fonts-wqy-microhei or configure the font path.");
            if (_registeredPath == path)
                return path;
            ScottPlot.Fonts.AddFontFile(FamilyName, path);
            ScottPlot.Fonts.Default = FamilyName;
            Volatile.Write(ref _registeredPath, path);
            return path;
        }
    }

    /// <summary>The characters of <paramref name="text"/> that the font cannot draw (empty when all can).</summary>
    public static string MissingGlyphs(string fontPath, string text)
    {
        using var typeface = SKTypeface.FromFile(fontPath) ?? throw new InvalidOperationException($"无法读取字体文件 {fontPath}。");
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs(text);
        var missing = new System.Text.StringBuilder();
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (glyphs[i++] == 0)
                missing.Append(rune.ToString());
        }
        return missing.ToString();
    }
}

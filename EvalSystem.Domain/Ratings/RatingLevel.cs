using System.Diagnostics.CodeAnalysis;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Ratings;

/// <summary>评价等级: the five levels of GB/T 39734 政务服务评价工作指南 (好差评). The numbers are the levels.</summary>
public enum RatingLevel
{
    /// <summary>非常不满意</summary>
    VeryDissatisfied = 1,
    /// <summary>不满意</summary>
    Dissatisfied = 2,
    /// <summary>基本满意</summary>
    Basic = 3,
    /// <summary>满意</summary>
    Satisfied = 4,
    /// <summary>非常满意</summary>
    VerySatisfied = 5,
}

public static class RatingLevels
{
    private static readonly RatingLevel[] Levels = Enum.GetValues<RatingLevel>();

    public static string DisplayName(this RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.Basic => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    /// <summary>差评: levels 1–2. Every bad review must be rectified.</summary>
    public static bool IsBadReview(this RatingLevel level) => level is RatingLevel.VeryDissatisfied or RatingLevel.Dissatisfied;

    /// <summary>Counted as satisfied in the satisfaction rate (满意率): levels 3–5.</summary>
    public static bool IsSatisfied(this RatingLevel level) => level is RatingLevel.Basic or RatingLevel.Satisfied or RatingLevel.VerySatisfied;

    /// <summary>Reads a level from its number (1–5, half- or full-width digits) or its Chinese name, e.g. "4" or "满意".</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RatingLevel level)
    {
        level = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return false;
        if (trimmed.Length == 1 && DigitValue(trimmed[0]) is { } number and >= 1 and <= 5)
        {
            level = (RatingLevel)number;
            return true;
        }
        foreach (var candidate in Levels)
            if (candidate.DisplayName() == trimmed)
            {
                level = candidate;
                return true;
            }
        return false;
    }

    /// <exception cref="DomainException">The text is not a level.</exception>
    public static RatingLevel Parse(string? text) =>
        TryParse(text, out var level)
            ? level
            : throw new DomainException($"无法识别评价等级「{text}」，应为1–5或非常满意、满意、基本满意、不满意、非常不满意。");

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => null,
    };
}

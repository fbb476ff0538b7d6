namespace EvalSystem.Domain.Common;

internal static class Guard
{
    public static string Required(string? value, string fieldName, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException($"{fieldName}不能为空。");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new DomainException($"{fieldName}不能超过{maxLength}个字符（当前{trimmed.Length}个）。");
        return trimmed;
    }

    public static string? Optional(string? value, string fieldName, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new DomainException($"{fieldName}不能超过{maxLength}个字符（当前{trimmed.Length}个）。");
        return trimmed;
    }

    public static double Finite(double value, string fieldName)
    {
        if (!double.IsFinite(value))
            throw new DomainException($"{fieldName}必须是有效数字。");
        return value;
    }
}

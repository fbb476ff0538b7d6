using System.Text.Json;

namespace EvalSystem.Domain.Scoring;

/// <summary>
/// The JSON contract of scoring rules, shared with the seed data and the indicator editor:
/// a "type" discriminator (goalpost, minmax, zscore, bands, target, rankpoints, yesno) and camelCase properties.
/// </summary>
public static class ScoringRuleJson
{
    public static readonly IReadOnlyList<string> KnownTypes = ["goalpost", "minmax", "zscore", "bands", "target", "rankpoints", "yesno"];

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Seed files are hand-written; "type" need not come first.
        AllowOutOfOrderMetadataProperties = true,
        // A missing "best" must not silently become 0.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        WriteIndented = false,
    };

    public static string Serialize(ScoringRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return JsonSerializer.Serialize(rule, Options);
    }

    /// <summary>Parses a rule; throws <see cref="ScoringValidationException"/> with a Chinese message on any problem.</summary>
    public static ScoringRule Deserialize(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new ScoringValidationException("评分规则为空，请填写评分规则JSON。");

        string? type;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ScoringValidationException("评分规则JSON必须是一个对象，例如 {\"type\":\"goalpost\",\"best\":0.5,\"worst\":20}。");
            type = doc.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException ex)
        {
            throw new ScoringValidationException($"评分规则JSON格式错误（第{ex.LineNumber + 1}行，第{ex.BytePositionInLine + 1}个字节附近）：{ex.Message}");
        }

        if (type is null)
            throw new ScoringValidationException("评分规则JSON缺少类型字段\"type\"。");
        if (!KnownTypes.Contains(type))
            throw new ScoringValidationException($"未知的评分规则类型「{type}」，可用类型为：{string.Join("、", KnownTypes)}。");

        try
        {
            return JsonSerializer.Deserialize<ScoringRule>(json, Options)
                ?? throw new ScoringValidationException("评分规则JSON为空。");
        }
        catch (JsonException ex)
        {
            throw new ScoringValidationException($"评分规则「{type}」的参数不正确：{ex.Message}");
        }
    }
}

using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Domain.ScoreRuns;

/// <summary>
/// The engine input of a run, stored with the run so that it can be recomputed later from exactly the
/// numbers that were scored — even after a submission was corrected. Brotli-compressed JSON; doubles are
/// written in their shortest round-trip form, so every value comes back bit for bit.
/// </summary>
public static class ScoringInputSnapshot
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private sealed record Dto(
        IReadOnlyList<string> TargetKeys,
        IReadOnlyList<string> MeasureCodes,
        double[] Values,
        double[]? PreviousValues,
        Dictionary<string, PreviousStanding>? Previous,
        IReadOnlyList<string> AdjustmentCodes,
        double[]? AdjustmentUnits);

    public static byte[] Serialize(ScoringInput input)
    {
        var dto = new Dto(input.TargetKeys, input.MeasureCodes, input.Values, input.PreviousValues,
            input.Previous?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), input.AdjustmentCodes, input.AdjustmentUnits);
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            JsonSerializer.Serialize(brotli, dto, Json);
        return buffer.ToArray();
    }

    public static ScoringInput Deserialize(byte[] snapshot)
    {
        using var brotli = new BrotliStream(new MemoryStream(snapshot), CompressionMode.Decompress);
        var dto = JsonSerializer.Deserialize<Dto>(brotli, Json) ?? throw new InvalidDataException("Empty scoring input snapshot.");
        return new ScoringInput(dto.TargetKeys, dto.MeasureCodes, dto.Values)
        {
            PreviousValues = dto.PreviousValues,
            Previous = dto.Previous,
            AdjustmentCodes = dto.AdjustmentCodes,
            AdjustmentUnits = dto.AdjustmentUnits,
        };
    }
}

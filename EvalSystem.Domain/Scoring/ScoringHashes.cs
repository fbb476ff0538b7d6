using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EvalSystem.Domain.Scoring;

/// <summary>
/// Fingerprints for reproducibility (可复现): a stored score run records both hashes, and recomputing from the stored method
/// and stored inputs must give the same hashes. Definitions are in docs/methodology.md.
/// </summary>
public static class ScoringHashes
{
    private const string MethodVersion = "EvalSystem.Scoring.Method/1";
    private const string InputVersion = "EvalSystem.Scoring.Input/1";

    /// <summary>SHA-256 (lower-case hex) of <see cref="CanonicalMethodJson"/>.</summary>
    public static string ComputeMethodHash(ScoringModelDefinition definition)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalMethodJson(definition))));

    /// <summary>
    /// Compact JSON, fixed property order, numbers in shortest round-trip form ("R", invariant culture), enums by name,
    /// rules in their <see cref="ScoringRuleJson"/> form. Names are included: a renamed indicator is a changed method.
    /// </summary>
    public static string CanonicalMethodJson(ScoringModelDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", MethodVersion);
            w.WriteString("aggregation", definition.Aggregation.ToString());
            w.WriteString("missingData", definition.MissingData.ToString());
            WriteNumber(w, "tieTolerance", definition.TieTolerance);
            WriteNumber(w, "geometricFloor", definition.GeometricFloor);
            if (definition.MaxTotalAdjustment is { } max)
                WriteNumber(w, "maxTotalAdjustment", max);
            else
                w.WriteNull("maxTotalAdjustment");
            w.WriteStartArray("baseMeasures");
            foreach (var m in definition.BaseMeasures)
                w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteStartArray("adjustments");
            foreach (var a in definition.Adjustments)
            {
                w.WriteStartObject();
                w.WriteString("code", a.Code);
                w.WriteString("name", a.Name);
                WriteNumber(w, "pointsPerUnit", a.PointsPerUnit);
                if (a.Cap is { } cap)
                    WriteNumber(w, "cap", cap);
                else
                    w.WriteNull("cap");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteElements(w, "indicators", definition.Indicators);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// SHA-256 (lower-case hex) over a binary stream: version tag; target count and keys; measure count and codes; every raw value
    /// as its IEEE-754 bits (little-endian, all NaNs as one canonical NaN); then the same for previous values, adjustment codes
    /// and units, and previous standings, each preceded by a presence byte. Strings are UTF-8 with an int32 length prefix.
    /// </summary>
    public static string ComputeInputHash(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[8];

        void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
            hash.AppendData(buffer, 0, 4);
        }

        void Str(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            hash.AppendData(bytes);
        }

        void Strings(IReadOnlyList<string> values)
        {
            Int(values.Count);
            foreach (var v in values)
                Str(v);
        }

        void Doubles(double[]? values)
        {
            hash.AppendData([values is null ? (byte)0 : (byte)1]);
            if (values is null)
                return;
            Int(values.Length);
            var chunk = new byte[8 * 1024];
            for (var i = 0; i < values.Length; i += 1024)
            {
                var n = Math.Min(1024, values.Length - i);
                for (var j = 0; j < n; j++)
                {
                    var v = values[i + j];
                    BinaryPrimitives.WriteInt64LittleEndian(chunk.AsSpan(j * 8), double.IsNaN(v) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(v));
                }

                hash.AppendData(chunk, 0, n * 8);
            }
        }

        Str(InputVersion);
        Strings(input.TargetKeys);
        Strings(input.MeasureCodes);
        Doubles(input.Values);
        Doubles(input.PreviousValues);
        Strings(input.AdjustmentCodes);
        Doubles(input.AdjustmentUnits);
        hash.AppendData([input.Previous is null ? (byte)0 : (byte)1]);
        if (input.Previous is { } previous)
        {
            var keys = previous.Keys.Order(StringComparer.Ordinal).ToArray();
            Int(keys.Length);
            foreach (var key in keys)
            {
                Str(key);
                Doubles([previous[key].Composite]);
                Int(previous[key].Rank);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteElements(Utf8JsonWriter w, string name, IReadOnlyList<ScoringElement> elements)
    {
        w.WriteStartArray(name);
        foreach (var e in elements)
        {
            w.WriteStartObject();
            w.WriteString("code", e.Code);
            w.WriteString("name", e.Name);
            WriteNumber(w, "weight", e.Weight);
            switch (e)
            {
                case ScoringNode node:
                    WriteElements(w, "children", node.Children);
                    break;
                case ScoringLeaf leaf:
                    w.WriteString("direction", leaf.Direction.ToString());
                    if (leaf.Formula is null)
                        w.WriteNull("formula");
                    else
                        w.WriteString("formula", leaf.Formula);
                    w.WritePropertyName("rule");
                    w.WriteRawValue(ScoringRuleJson.Serialize(leaf.Rule));
                    break;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // Numbers as strings in round-trip form, so the canonical text never depends on a JSON writer's number formatting.
    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
        => w.WriteString(name, value.ToString("R", CultureInfo.InvariantCulture));
}

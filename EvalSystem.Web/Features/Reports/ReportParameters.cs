using System.Text.Json;

namespace EvalSystem.Web.Features.Reports;

/// <summary>What a report is about; which fields are used depends on the kind's <see cref="ReportInputs"/>.</summary>
/// <param name="From">First day of a date range (Beijing date), inclusive.</param>
/// <param name="To">Last day of a date range (Beijing date), inclusive.</param>
public sealed record ReportParameters(Guid? RunId = null, Guid? TargetId = null, Guid? PeriodId = null, DateOnly? From = null, DateOnly? To = null)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportParameters FromJson(string json) => JsonSerializer.Deserialize<ReportParameters>(json, Json) ?? new ReportParameters();
}

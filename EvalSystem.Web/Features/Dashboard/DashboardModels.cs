using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;

namespace EvalSystem.Web.Features.Dashboard;

public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Codes of the indicators shown first: start-up days, approval time, satisfaction.</summary>
    public string[] HeadlineIndicators { get; set; } = ["KB-2", "ZW-2", "ZW-4"];
}

public sealed record HeadlineIndicator(string Code, string Name, string Unit, IndicatorDirection Direction, double? WarningValue, double? AdvancedValue)
{
    public ValueStanding Classify(double? value)
    {
        if (value is not { } v)
            return ValueStanding.Missing;
        var lowerIsBetter = Direction == IndicatorDirection.LowerIsBetter;
        if (AdvancedValue is { } advanced && (lowerIsBetter ? v <= advanced : v >= advanced))
            return ValueStanding.Advanced;
        if (WarningValue is { } warning && (lowerIsBetter ? v >= warning : v <= warning))
            return ValueStanding.Warning;
        return ValueStanding.Normal;
    }
}

/// <summary>Where a value stands against the indicator's warning (预警值) and advanced (先进值) values.</summary>
public enum ValueStanding
{
    Missing,
    Normal,
    Warning,
    Advanced,
}

public sealed record RegionValues(string RegionCode, string RegionName, IReadOnlyList<double?> Values);

/// <summary>The city average of a headline indicator, with the change against the previous period.</summary>
public sealed record HeadlineSummary(HeadlineIndicator Indicator, double? CityAverage, double? PreviousAverage)
{
    public double? Change => CityAverage - PreviousAverage;
}

/// <summary>Raw values of the headline indicators per region in the latest period with data.</summary>
public sealed record RawValueDashboard(
    string PeriodName,
    string PeriodStatus,
    string? PreviousPeriodName,
    IReadOnlyList<HeadlineIndicator> Indicators,
    IReadOnlyList<HeadlineSummary> Summaries,
    IReadOnlyList<RegionValues> Regions);

using System.Globalization;
using EvalSystem.Web.Features.Dashboard;

namespace EvalSystem.Web.Components.Pages.Dashboard;

internal static class ValueFormatting
{
    public static string Format(double? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    public static string CssClass(ValueStanding standing) => standing switch
    {
        ValueStanding.Warning => "value-warning",
        ValueStanding.Advanced => "value-advanced",
        _ => "",
    };
}

using EvalSystem.Web.Components.Pages.Dashboard;

namespace EvalSystem.Web.Tests.Components;

/// <summary>The dashboard's view state lives in its address (docs/adr/009); what the query string may hold and how links are built.</summary>
public sealed class DashboardAddressTests
{
    [Fact]
    public void Parse_AnEmptyQuery_IsTheDefaultView()
    {
        var address = DashboardAddress.Parse(null, null, null, null, out var badRun);

        Assert.False(badRun);
        Assert.Equal("/dashboard", address.Href());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1234")]
    [InlineData("{not-a-guid}")]
    public void Parse_ARunThatIsNoId_IsReportedAndIgnored(string run)
    {
        var address = DashboardAddress.Parse(run, null, null, null, out var badRun);

        Assert.True(badRun);
        Assert.Null(address.Run);
    }

    [Fact]
    public void Parse_KeepsKnownTablesOnly_AndAtMostFiveTrendRegions()
    {
        var address = DashboardAddress.Parse(null, " 石桥县 ", ["a", "b", "a", "c", "d", "e", "f", " "], ["RADAR", "pie", "heatmap"], out _);

        Assert.Equal("石桥县", address.Radar);
        Assert.Equal(["a", "b", "c", "d", "e"], address.Trend);
        Assert.Equal(["radar", "heatmap"], address.Tables);
    }

    [Fact]
    public void Href_CarriesEveryChoice_Escaped_AndTheAnchor()
    {
        var run = Guid.NewGuid();
        var address = new DashboardAddress(run, "石桥县", ["中心区"], ["radar"]);

        Assert.Equal($"/dashboard?run={run}&radar=%E7%9F%B3%E6%A1%A5%E5%8E%BF&trend=%E4%B8%AD%E5%BF%83%E5%8C%BA&table=radar#chart-radar",
            address.Href("chart-radar"));
        Assert.Equal(["run", "trend", "table"], address.Fields(except: "radar").Select(f => f.Name));
    }

    [Fact]
    public void WithTable_TogglesOneChartsTable()
    {
        var address = DashboardAddress.Default.WithTable("radar", true).WithTable("trend", true).WithTable("radar", false);

        Assert.Equal(["trend"], address.Tables);
        Assert.True(address.ShowsTable("trend"));
    }
}

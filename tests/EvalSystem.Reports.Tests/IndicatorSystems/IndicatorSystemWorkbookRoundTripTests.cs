using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Indicators;
using EvalSystem.Domain.Scoring;
using EvalSystem.Reports.IndicatorSystems;
using static EvalSystem.Reports.Tests.IndicatorSystems.SampleSystems;

namespace EvalSystem.Reports.Tests.IndicatorSystems;

public class IndicatorSystemWorkbookRoundTripTests
{
    [Fact]
    public void ExportThenImport_TwoLevelCountySystem_GivesBackTheSameRecords()
        => AssertRoundTrip(County());

    [Fact]
    public void ExportThenImport_ThreeLevelDepartmentSystem_GivesBackTheSameRecords()
        => AssertRoundTrip(Departments());

    [Fact]
    public void ExportThenImport_OverduePenaltyWithCap_GivesBackTheSameRecords()
        => AssertRoundTrip(Departments() with { OverduePenaltyPerTask = 1.5, OverduePenaltyCap = 6 });

    [Fact]
    public void ExportThenImport_OverduePenaltyWithoutCap_GivesBackTheSameRecords()
        => AssertRoundTrip(County() with { OverduePenaltyPerTask = 2 });

    [Fact]
    public void CountySystem_CoversEveryRuleTypeAndBothDirections()
    {
        var leaves = County().Rows.Where(r => r.IsIndicator).ToList();
        Assert.Equal(20, leaves.Count);
        Assert.Equal(
            ScoringRuleJson.KnownTypes.Order(),
            leaves.Select(l => ScoringRuleJson.Deserialize(l.RuleJson!)).Select(r => ScoringRuleJson.Serialize(r).Split('"')[3]).Distinct().Order());
        Assert.Contains(leaves, l => l.Direction == IndicatorDirection.HigherIsBetter);
        Assert.Contains(leaves, l => l.Direction == IndicatorDirection.LowerIsBetter);
    }

    [Fact]
    public void ExportThenImport_KeepsTheComputedMeasures()
    {
        var sheet = Departments();
        var rows = sheet.Rows.ToList();
        var i = rows.FindIndex(r => r.Code == "A.1.1");
        rows[i] = rows[i] with { Measure = CaseMeasureKind.MedianApprovalDays };
        sheet = sheet with { Rows = rows };

        var result = Import(IndicatorSystemWorkbook.Export(sheet));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            [("A.1.1", CaseMeasureKind.MedianApprovalDays), ("A.1.2", CaseMeasureKind.AverageApprovalDays), ("A.2.1", CaseMeasureKind.RectificationRate)],
            result.Sheet!.Rows.Where(r => r.Measure is not null).Select(r => (r.Code, r.Measure!.Value)));
    }

    [Fact]
    public void ExportThenImport_EveryMeasure_SurvivesOnAnIndicatorOfItsSource()
    {
        foreach (var measure in CaseMeasureKinds.All)
        {
            var sheet = Departments();
            var rows = sheet.Rows.ToList();
            var i = rows.FindIndex(r => r.Code == "A.1.1");
            rows[i] = rows[i] with { Source = measure.Source(), Measure = measure };
            AssertRoundTrip(sheet with { Rows = rows });
        }
    }

    [Fact]
    public void ExportThenImport_ValuesThatNeedAllSeventeenDigits_AreExact()
    {
        var sheet = Departments();
        var rows = sheet.Rows.ToList();
        var i = rows.FindIndex(r => r.Code == "A.1.1");
        rows[i] = rows[i] with
        {
            WarningValue = 0.1 + 0.2,
            AdvancedValue = 123456789.12345679,
            RuleJson = ScoringRuleJson.Serialize(new TargetRule(1.0 / 3.0, 1.0000000000000002)),
        };
        var j = rows.FindIndex(r => r.Code == "A.1");
        var k = rows.FindIndex(r => r.Code == "A.2");
        rows[j] = rows[j] with { Weight = 33.333333333333333333333333333m };
        rows[k] = rows[k] with { Weight = 66.666666666666666666666666667m };

        AssertRoundTrip(sheet with { Rows = rows });
    }

    [Fact]
    public void ExportThenImport_TextThatLooksLikeNumbersOrFormulas_StaysText()
    {
        var sheet = Departments();
        var rows = sheet.Rows.ToList();
        var i = rows.FindIndex(r => r.Code == "A.1.2");
        rows[i] = rows[i] with { Code = "007", NameZh = "=SUM(A1:A3)", Unit = "1e3", NameEn = "TRUE" };

        AssertRoundTrip(sheet with { Rows = rows });
    }

    [Fact]
    public void ExportThenImport_BandsWithInclusiveInfiniteEnds_KeepTheirFlags()
    {
        var sheet = Departments();
        var rows = sheet.Rows.ToList();
        var i = rows.FindIndex(r => r.Code == "A.2.1");
        // new Band(null, 90) has UpperInclusive = true by default; such flags must survive even at ±∞.
        rows[i] = rows[i] with { RuleJson = ScoringRuleJson.Serialize(new BandsRule([new Band(null, 90, LowerInclusive: true, Score: 0), new Band(90, null, Score: 100)])) };

        AssertRoundTrip(sheet with { Rows = rows });
    }

    private static void AssertRoundTrip(IndicatorSystemSheet expected)
    {
        var result = Import(IndicatorSystemWorkbook.Export(expected));

        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        var actual = result.Sheet!;
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.TargetKind, actual.TargetKind);
        Assert.Equal(expected.Aggregation, actual.Aggregation);
        Assert.Equal(expected.MissingData, actual.MissingData);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal((expected.OverduePenaltyPerTask, expected.OverduePenaltyCap), (actual.OverduePenaltyPerTask, actual.OverduePenaltyCap));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            var e = expected.Rows[i] with
            {
                SourceRow = FirstDataRow + i,
                RuleJson = expected.Rows[i].RuleJson is { } json ? ScoringRuleJson.Serialize(ScoringRuleJson.Deserialize(json)) : null,
            };
            var a = actual.Rows[i];
            // Records compare lists by reference, so the list is compared on its own.
            Assert.Equal(expected.Rows[i].SupportingDepartmentCodes, actual.Rows[i].SupportingDepartmentCodes);
            Assert.Equal(Describe(e), Describe(a));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.WarningValue ?? 0), BitConverter.DoubleToInt64Bits(a.WarningValue ?? 0));
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.AdvancedValue ?? 0), BitConverter.DoubleToInt64Bits(a.AdvancedValue ?? 0));
        }
    }

    // Every field but the list, in a form whose differences are easy to read in a failed assertion.
    private static string Describe(IndicatorRow r)
        => $"{r.SourceRow}|{r.Level}|{r.Code}|{r.NameZh}|{r.NameEn}|{r.Weight}|{r.IsIndicator}|{r.Unit}|{r.Direction}|{r.Source}|{r.ResponsibleDepartmentCode}|{r.WarningValue:R}|{r.AdvancedValue:R}|{r.RuleJson}|{r.Formula}|{r.Measure}";
}

using System.Text;
using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Ratings;
using EvalSystem.Reports.CaseFiles;
using static EvalSystem.Reports.Tests.CaseFiles.CaseFileSamples;
using R = EvalSystem.Reports.CaseFiles.RatingFileColumns;

namespace EvalSystem.Reports.Tests.CaseFiles;

public class RatingFileReaderTests
{
    private static RatingFileRow SingleRating(string csv)
    {
        var row = Assert.Single(ReadRatings(csv));
        Assert.True(row.IsValid, row.ToString());
        return row.Row;
    }

    private static Reports.IndicatorSystems.ImportError SingleRatingError(string csv)
    {
        var row = Assert.Single(ReadRatings(csv));
        Assert.False(row.IsValid);
        return Assert.Single(row.Errors);
    }

    [Fact]
    public void Read_ValidRow_ParsesEveryColumn()
    {
        var row = SingleRating(Csv(ValidRating()));

        Assert.Equal(2, row.SourceRow);
        Assert.Equal("PJ000000001", row.RatingId);
        Assert.Equal("BJ202503030000001", row.CaseNumber);
        Assert.Equal("AMR", row.DepartmentCode);
        Assert.Equal("110101", row.RegionCode);
        Assert.Equal(ServiceChannel.Window, row.Channel);
        Assert.Equal(new DateTime(2025, 3, 4, 16, 20, 0), row.RatedAt);
        Assert.Equal(RatingLevel.VerySatisfied, row.Level);
        Assert.Equal(["办事便捷", "一次办好"], row.Items);
        Assert.Equal("当天就拿到了执照", row.Comment);
    }

    [Fact]
    public void Read_ValidRow_ConstructsTheDomainRating()
        => Assert.False(SingleRating(Csv(ValidRating())).ToRating(Guid.NewGuid()).IsBadReview);

    [Fact]
    public void Read_WithoutOptionalColumns_LeavesThemEmpty()
    {
        var row = SingleRating(Csv(ValidRating().Without(R.CaseNumber).Without(R.Items).Without(R.Comment)));

        Assert.Null(row.CaseNumber);
        Assert.Empty(row.Items);
        Assert.Null(row.Comment);
    }

    [Fact]
    public void Read_BlankOptionalCells_AreNull()
    {
        var row = SingleRating(Csv(ValidRating().With(R.CaseNumber, " ").With(R.Items, "").With(R.Comment, "")));

        Assert.Null(row.CaseNumber);
        Assert.Empty(row.Items);
        Assert.Null(row.Comment);
    }

    [Theory]
    [InlineData("1", RatingLevel.VeryDissatisfied)]
    [InlineData("５", RatingLevel.VerySatisfied)]
    [InlineData("非常满意", RatingLevel.VerySatisfied)]
    [InlineData("满意", RatingLevel.Satisfied)]
    [InlineData("基本满意", RatingLevel.Basic)]
    [InlineData("不满意", RatingLevel.Dissatisfied)]
    [InlineData(" 非常不满意 ", RatingLevel.VeryDissatisfied)]
    public void Read_LevelAsNumberOrName_IsRead(string text, RatingLevel expected)
        => Assert.Equal(expected, SingleRating(Csv(ValidRating().With(R.Level, text))).Level);

    [Theory]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("好评")]
    [InlineData("4.5")]
    public void Read_UnknownLevel_ListsTheLevels(string text)
    {
        var error = SingleRatingError(Csv(ValidRating().With(R.Level, text)));

        Assert.Equal(("好差评数据", 2, R.Level), (error.Sheet, error.Row, error.Column));
        Assert.Contains($"「{text}」不是有效的评价等级，应为1–5或非常满意", error.Message);
    }

    [Fact]
    public void Read_Items_SplitOnEitherSeparatorTrimmedWithoutRepeats()
    {
        var row = SingleRating(Csv(ValidRating().With(R.Items, " 办事效率低、服务态度差；办事效率低;; 多次跑腿 ")));

        Assert.Equal(["办事效率低", "服务态度差", "多次跑腿"], row.Items);
    }

    [Fact]
    public void Read_ItemLongerThan100Characters_IsRefused()
    {
        var error = SingleRatingError(Csv(ValidRating().With(R.Items, "办事便捷;" + new string('慢', 101))));

        Assert.Equal(R.Items, error.Column);
        Assert.Contains("不能超过100个字符（当前101个）", error.Message);
    }

    [Fact]
    public void Read_CommentWithCommasQuotesAndLineBreaks_IsKept()
    {
        const string comment = "他说\"材料不全\", 让我\n明天再来";

        Assert.Equal(comment, SingleRating(Csv(ValidRating().With(R.Comment, comment))).Comment);
    }

    [Fact]
    public void Read_CommentLongerThan2000Characters_IsRefused()
        => Assert.Contains("不能超过2000个字符", SingleRatingError(Csv(ValidRating().With(R.Comment, new string('好', 2001)))).Message);

    [Theory]
    [InlineData(R.RatingId)]
    [InlineData(R.DepartmentCode)]
    [InlineData(R.RegionCode)]
    [InlineData(R.Channel)]
    [InlineData(R.RatedAt)]
    [InlineData(R.Level)]
    public void Read_BlankRequiredCell_SaysItCannotBeEmpty(string column)
    {
        var error = SingleRatingError(Csv(ValidRating().With(column, "")));

        Assert.Equal((2, column), (error.Row, error.Column));
        Assert.Contains($"{column}不能为空", error.Message);
    }

    [Fact]
    public void Read_ImpossibleRatingTime_SaysWhy()
    {
        var error = SingleRatingError(Csv(ValidRating().With(R.RatedAt, "2025/6/31 10:00")));

        Assert.Equal(R.RatedAt, error.Column);
        Assert.Contains("2025年6月只有30天", error.Message);
    }

    [Fact]
    public void Read_BadChannelAndRegion_AreBothReported()
    {
        var row = Assert.Single(ReadRatings(Csv(ValidRating().With(R.Channel, "电话").With(R.RegionCode, "北京"))));

        Assert.Equal([R.RegionCode, R.Channel], row.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Read_MissingLevelColumn_Throws()
    {
        var ex = Assert.Throws<CaseFileException>(() =>
            RatingFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv(ValidRating().Without(R.Level)))), "好差评.csv"));

        Assert.Equal(("好差评数据", 1, R.Level), (ex.Errors[0].Sheet, ex.Errors[0].Row, ex.Errors[0].Column));
    }

    [Fact]
    public void Read_CaseFileGivenAsRatingFile_SaysWhichFileItIs()
    {
        var ex = Assert.Throws<CaseFileException>(() =>
            RatingFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv(ValidCase()))), "好差评.csv"));

        Assert.Contains("这似乎是办件数据文件", ex.Message);
    }

    [Fact]
    public void Read_XlsxWithANumberLevelAndADateCell_IsRead()
    {
        var row = ValidRating().ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        row[R.Level] = 2d;
        row[R.RatedAt] = new DateTime(2025, 3, 4, 16, 20, 0);

        var parsed = Assert.Single(ReadRatings(Xlsx([row], sheet: "好差评数据"), "好差评.xlsx"));

        Assert.Equal(SingleRating(Csv(ValidRating().With(R.Level, "不满意"))), parsed.Row);
    }
}

using EvalSystem.Reports.Excel;

namespace EvalSystem.Reports.Tests.Excel;

public class SheetNamesTests
{
    [Theory]
    [InlineData("东城区", "东城区")]
    [InlineData("区县/部门[试点]:A*B?C\\D", "区县_部门_试点__A_B_C_D")]
    [InlineData("'引号'", "引号")]
    [InlineData("", "Sheet")]
    [InlineData("History", "Sheet_History")]
    public void Clean_MakesANameExcelAccepts(string wanted, string expected) => Assert.Equal(expected, SheetNames.Clean(wanted));

    [Fact]
    public void Clean_CutsALongNameTo31Characters()
    {
        const string wanted = "高新技术产业开发区经济技术开发区管委会综合改革示范区试点工作领导小组办公室";
        Assert.Equal(wanted[..31], SheetNames.Clean(wanted));
    }

    [Fact]
    public void Clean_NeverCutsASurrogatePairInHalf()
    {
        var name = SheetNames.Clean(new string('a', 30) + "𠀀");
        Assert.Equal(new string('a', 30), name);
    }

    [Fact]
    public void Next_NumbersClashesIgnoringCaseAndStaysWithin31Characters()
    {
        var names = new SheetNames(["目录"]);
        Assert.Equal("目录 (2)", names.Next("目录"));
        Assert.Equal("Abc", names.Next("Abc"));
        Assert.Equal("abc (2)", names.Next("abc"));
        var longName = new string('营', 40);
        Assert.Equal(new string('营', 31), names.Next(longName));
        var second = names.Next(longName);
        Assert.Equal(new string('营', 27) + " (2)", second);
        Assert.True(second.Length <= SheetNames.MaxLength);
    }
}

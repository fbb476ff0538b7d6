using EvalSystem.Domain.Common;
using EvalSystem.Domain.Ratings;

namespace EvalSystem.Domain.Tests.Ratings;

public class RatingLevelTests
{
    [Theory]
    [InlineData("5", RatingLevel.VerySatisfied)]
    [InlineData("4", RatingLevel.Satisfied)]
    [InlineData(" 3 ", RatingLevel.Basic)]
    [InlineData("２", RatingLevel.Dissatisfied)] // full-width digit, as typed with a Chinese IME
    [InlineData("1", RatingLevel.VeryDissatisfied)]
    [InlineData("非常满意", RatingLevel.VerySatisfied)]
    [InlineData("满意", RatingLevel.Satisfied)]
    [InlineData("基本满意", RatingLevel.Basic)]
    [InlineData("不满意", RatingLevel.Dissatisfied)]
    [InlineData(" 非常不满意", RatingLevel.VeryDissatisfied)]
    public void Parse_NumberOrChineseName(string text, RatingLevel expected) =>
        Assert.Equal(expected, RatingLevels.Parse(text));

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("45")]
    [InlineData("很满意")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Unknown_IsRefused(string? text)
    {
        Assert.False(RatingLevels.TryParse(text, out _));
        Assert.Contains("无法识别评价等级", Assert.Throws<DomainException>(() => RatingLevels.Parse(text)).Message);
    }

    [Theory]
    [InlineData(RatingLevel.VerySatisfied, "非常满意", 5, false, true)]
    [InlineData(RatingLevel.Satisfied, "满意", 4, false, true)]
    [InlineData(RatingLevel.Basic, "基本满意", 3, false, true)]
    [InlineData(RatingLevel.Dissatisfied, "不满意", 2, true, false)]
    [InlineData(RatingLevel.VeryDissatisfied, "非常不满意", 1, true, false)]
    public void Levels_FollowGbT39734(RatingLevel level, string name, int number, bool bad, bool satisfied)
    {
        Assert.Equal(name, level.DisplayName());
        Assert.Equal(number, (int)level);
        Assert.Equal(bad, level.IsBadReview());
        Assert.Equal(satisfied, level.IsSatisfied());
    }
}

using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Ratings;

namespace EvalSystem.Domain.Tests.Ratings;

public class RatingTests
{
    internal static readonly Guid Department = Guid.Parse("0192d6a0-0000-7000-8000-000000000002");

    internal static Rating Rating(
        RatingLevel level,
        DateTime? ratedAt = null,
        string id = "PJ2025000001",
        string region = "370102",
        IEnumerable<string>? items = null,
        ServiceChannel channel = ServiceChannel.Online) =>
        new(id, Department, region, channel, ratedAt ?? new DateTime(2025, 9, 26, 10, 0, 0), level, items, "窗口人员态度冷淡", "SD001");

    [Fact]
    public void Create_KeepsFieldsTrimsAndDropsRepeatedItems()
    {
        var rating = Rating(RatingLevel.Dissatisfied, id: " PJ1 ", items: [" 服务态度差", "办事效率低", "服务态度差"]);
        Assert.Equal("PJ1", rating.RatingId);
        Assert.Equal(["服务态度差", "办事效率低"], rating.Items);
        Assert.Equal("SD001", rating.CaseNumber);
        Assert.True(rating.IsBadReview);
    }

    [Fact]
    public void Create_EmptyId_IsRefused() =>
        Assert.Equal("评价编号不能为空。", Assert.Throws<DomainException>(() => Rating(RatingLevel.Satisfied, id: "")).Message);

    [Fact]
    public void Create_BlankItem_IsRefusedNamingTheRating() =>
        Assert.Equal("评价「PJ2025000001」的评价项不能为空。",
            Assert.Throws<DomainException>(() => Rating(RatingLevel.Satisfied, items: ["服务态度差", " "])).Message);

    [Fact]
    public void Create_BadRegion_IsRefused() =>
        Assert.Contains("行政区划代码", Assert.Throws<DomainException>(() => Rating(RatingLevel.Satisfied, region: "3701")).Message);

    [Fact]
    public void Create_UndefinedLevel_IsRefused() =>
        Assert.Contains("评价等级无效", Assert.Throws<DomainException>(() => Rating((RatingLevel)0)).Message);

    [Fact]
    public void Create_EmptyDepartment_IsRefused() =>
        Assert.Throws<DomainException>(() => new Rating("PJ1", Guid.Empty, "370102", ServiceChannel.Window, DateTime.Now, RatingLevel.Basic));
}

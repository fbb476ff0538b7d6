using EvalSystem.Domain.Cases;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Ratings;

/// <summary>
/// 好差评: one rating of a government service, as imported from the rating platform. <see cref="RatingId"/> is the
/// business key. A class rather than a record so that no <c>with</c> expression can skip the checks below.
/// </summary>
public sealed class Rating
{
    private readonly List<string> _items = [];

    private Rating() { RatingId = RegionCode = string.Empty; }

    /// <param name="ratingId">评价编号, unique.</param>
    /// <param name="departmentId">The department rated.</param>
    /// <param name="regionCode">6-digit GB/T 2260 code.</param>
    /// <param name="channel">Where the rating was given.</param>
    /// <param name="ratedAt">评价时间, Beijing time.</param>
    /// <param name="level">评价等级.</param>
    /// <param name="items">评价项 the rater ticked, e.g. "服务态度差"; blanks are refused, repeats dropped.</param>
    /// <param name="comment">Free text.</param>
    /// <param name="caseNumber">The case rated, if the rating belongs to one (办件评价).</param>
    public Rating(
        string ratingId,
        Guid departmentId,
        string regionCode,
        ServiceChannel channel,
        DateTime ratedAt,
        RatingLevel level,
        IEnumerable<string>? items = null,
        string? comment = null,
        string? caseNumber = null)
    {
        RatingId = Guard.Required(ratingId, "评价编号", 64);
        var owner = $"评价「{RatingId}」";
        DepartmentId = CaseGuard.Department(departmentId, owner);
        RegionCode = CaseGuard.RegionCode(regionCode, owner);
        Channel = CaseGuard.Channel(channel, owner);
        if (!Enum.IsDefined(level))
            throw new DomainException($"{owner}的评价等级无效（{(int)level}），应为1–5。");
        foreach (var item in items ?? [])
        {
            var text = Guard.Required(item, $"{owner}的评价项", 100);
            if (!_items.Contains(text, StringComparer.Ordinal))
                _items.Add(text);
        }
        Id = Guid.CreateVersion7();
        RatedAt = ratedAt;
        Level = level;
        Comment = Guard.Optional(comment, $"{owner}的评价内容", 2000);
        CaseNumber = Guard.Optional(caseNumber, $"{owner}的办件编号", 64);
    }

    public Guid Id { get; private set; }
    public string RatingId { get; private set; }
    public string? CaseNumber { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string RegionCode { get; private set; }
    public ServiceChannel Channel { get; private set; }
    public DateTime RatedAt { get; private set; }
    public RatingLevel Level { get; private set; }
    public IReadOnlyList<string> Items => _items;
    public string? Comment { get; private set; }

    /// <summary>差评 (levels 1–2).</summary>
    public bool IsBadReview => Level.IsBadReview();
}

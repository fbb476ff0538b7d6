using System.Text.RegularExpressions;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Organization;

/// <summary>地区: a city, district or county, identified by its 6-digit GB/T 2260 code.</summary>
public sealed partial class Region
{
    private Region() { Code = Name = string.Empty; }

    public Region(string code, string name, RegionLevel level, Region? parent = null)
    {
        if (code is null || !SixDigits().IsMatch(code))
            throw new DomainException($"行政区划代码必须是6位数字（GB/T 2260），收到「{code}」。");
        if (parent is not null && level <= parent.Level)
            throw new DomainException($"地区「{name}」的层级必须低于上级地区「{parent.Name}」。");
        if (parent is not null && !code.StartsWith(parent.Code[..(parent.Level == RegionLevel.Province ? 2 : 4)], StringComparison.Ordinal))
            throw new DomainException($"行政区划代码{code}与上级地区{parent.Code}不符。");
        Id = Guid.CreateVersion7();
        Code = code;
        Name = Guard.Required(name, "地区名称", 50);
        Level = level;
        ParentId = parent?.Id;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public RegionLevel Level { get; private set; }
    public Guid? ParentId { get; private set; }

    public void Rename(string name) => Name = Guard.Required(name, "地区名称", 50);

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}

public enum RegionLevel
{
    Province = 1,
    City = 2,
    District = 3,
}

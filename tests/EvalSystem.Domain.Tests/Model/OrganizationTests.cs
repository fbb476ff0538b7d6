using EvalSystem.Domain.Common;
using EvalSystem.Domain.Organization;

namespace EvalSystem.Domain.Tests.Model;

public class OrganizationTests
{
    [Theory]
    [InlineData("99010")]
    [InlineData("9901001")]
    [InlineData("99A100")]
    [InlineData("")]
    public void Region_CodeNotSixDigits_IsRefusedWithTheCodeInTheMessage(string code)
    {
        var ex = Assert.Throws<DomainException>(() => new Region(code, "示范市", RegionLevel.City));
        Assert.Contains("6位数字", ex.Message);
        Assert.Contains(code, ex.Message);
    }

    [Fact]
    public void Region_DistrictCodeMustShareTheCityPrefix()
    {
        var city = new Region("990100", "示范市", RegionLevel.City);
        var ex = Assert.Throws<DomainException>(() => new Region("980102", "外市区", RegionLevel.District, city));
        Assert.Contains("990100", ex.Message);
    }

    [Fact]
    public void Region_ChildCannotBeAtTheParentsLevel()
    {
        var city = new Region("990100", "示范市", RegionLevel.City);
        Assert.Throws<DomainException>(() => new Region("990200", "另一市", RegionLevel.City, city));
    }

    [Fact]
    public void Region_DistrictOfCity_KeepsItsParent()
    {
        var city = new Region("990100", "示范市", RegionLevel.City);
        var district = new Region("990102", "中心区", RegionLevel.District, city);
        Assert.Equal(city.Id, district.ParentId);
    }

    [Theory]
    [InlineData("amr")]
    [InlineData("A")]
    [InlineData("市场监管")]
    public void Department_InvalidCode_IsRefused(string code) =>
        Assert.Throws<DomainException>(() => new Department(code, "市场监督管理局", DepartmentKind.Government));

    [Fact]
    public void Target_ForRegion_IsARegionTargetNamedAfterTheRegion()
    {
        var region = new Region("990100", "示范市", RegionLevel.City);
        var target = EvaluationTarget.ForRegion(region);
        Assert.Equal((TargetKind.Region, "示范市", region.Id, (Guid?)null), (target.Kind, target.Name, target.RegionId, target.DepartmentId));
    }
}

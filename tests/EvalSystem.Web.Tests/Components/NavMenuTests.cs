using EvalSystem.Web.Components.Layout;
using Bunit;
using EvalSystem.Web.Security;

namespace EvalSystem.Web.Tests.Components;

public class NavMenuTests : MudTestContext
{
    public static TheoryData<string, string[]> MenuPerRole => new()
    {
        { Roles.Office, ["驾驶舱", "排名", "对比分析", "指标体系", "评价周期", "审核", "办件与好差评", "差评整改", "督查督办", "报表中心"] },
        { Roles.Department, ["驾驶舱", "排名", "指标体系", "数据填报", "差评整改", "督查督办", "报表中心"] },
        { Roles.Leader, ["驾驶舱", "排名", "对比分析", "指标体系", "评价周期", "办件与好差评", "差评整改", "督查督办", "报表中心"] },
        { Roles.Auditor, ["驾驶舱", "排名", "对比分析", "指标体系", "评价周期", "办件与好差评", "差评整改", "督查督办", "报表中心", "审计日志"] },
        { Roles.Admin, ["系统管理"] },
    };

    [Theory]
    [MemberData(nameof(MenuPerRole))]
    public void Menu_ShowsExactlyTheEntriesOfTheRole(string role, string[] expected)
    {
        SignInAs("someone", role);
        var menu = RenderSignedIn<NavMenu>();

        var titles = menu.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim());
        Assert.Equal(expected, titles);
    }

    [Fact]
    public void Menu_ForAnAnonymousVisitor_IsEmpty()
    {
        var menu = RenderSignedIn<NavMenu>();
        Assert.Empty(menu.FindAll(".mud-nav-link"));
    }

    [Fact]
    public void Menu_LinksPointToTheirPages()
    {
        SignInAs("leader", Roles.Leader);
        var menu = RenderSignedIn<NavMenu>();
        Assert.Contains(menu.FindAll("a"), a => a.GetAttribute("href") == "/dashboard" && a.TextContent.Contains("驾驶舱"));
    }
}

using EvalSystem.Web.Security;
using MudBlazor;

namespace EvalSystem.Web.Components.Layout;

/// <summary>The navigation, in the order users see it, each entry guarded by a capability.</summary>
public static class NavItems
{
    public sealed record NavItem(string Title, string Href, string Icon, string Policy);

    public static readonly IReadOnlyList<NavItem> All =
    [
        new("驾驶舱", "/dashboard", Icons.Material.Filled.Dashboard, Policies.ViewDashboard),
        new("排名", "/rankings", Icons.Material.Filled.Leaderboard, Policies.ViewRankings),
        new("对比分析", "/analysis/compare", Icons.Material.Filled.CompareArrows, Policies.ViewPeriods),
        new("指标体系", "/indicators", Icons.Material.Filled.AccountTree, Policies.ViewIndicators),
        new("评价周期", "/periods", Icons.Material.Filled.DateRange, Policies.ViewPeriods),
        new("数据填报", "/submissions", Icons.Material.Filled.EditNote, Policies.SubmitData),
        new("审核", "/review", Icons.Material.Filled.FactCheck, Policies.ReviewSubmissions),
        new("办件与好差评", "/case-data", Icons.Material.Filled.Storage, Policies.ViewCaseData),
        new("差评整改", "/rectifications", Icons.Material.Filled.ThumbDown, Policies.ViewRectifications),
        new("督查督办", "/supervision", Icons.Material.Filled.AssignmentLate, Policies.ViewSupervision),
        new("报表中心", "/reports", Icons.Material.Filled.Assessment, Policies.ViewReports),
        new("审计日志", "/audit", Icons.Material.Filled.History, Policies.ViewAuditLog),
        new("系统管理", "/admin", Icons.Material.Filled.AdminPanelSettings, Policies.Administer),
    ];
}

namespace EvalSystem.Web.Security;

/// <summary>The five roles of the system. Names are what users see.</summary>
public static class Roles
{
    public const string Office = "评估办";
    public const string Department = "部门填报员";
    public const string Leader = "领导";
    public const string Auditor = "审计";
    public const string Admin = "系统管理员";

    public static readonly IReadOnlyList<string> All = [Office, Department, Leader, Auditor, Admin];
}

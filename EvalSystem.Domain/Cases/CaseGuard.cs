using System.Text.RegularExpressions;
using EvalSystem.Domain.Common;

namespace EvalSystem.Domain.Cases;

/// <summary>Field checks shared by imported case and rating records.</summary>
internal static partial class CaseGuard
{
    public static string RegionCode(string? code, string owner)
    {
        if (code is null || !SixDigits().IsMatch(code))
            throw new DomainException($"{owner}的行政区划代码必须是6位数字（GB/T 2260），收到「{code}」。");
        return code;
    }

    public static Guid Department(Guid departmentId, string owner) =>
        departmentId == Guid.Empty ? throw new DomainException($"{owner}缺少办理部门。") : departmentId;

    public static ServiceChannel Channel(ServiceChannel channel, string owner) =>
        Enum.IsDefined(channel) ? channel : throw new DomainException($"{owner}的办理渠道无效（{(int)channel}），只能是网上或窗口。");

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex SixDigits();
}

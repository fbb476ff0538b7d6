namespace EvalSystem.Domain.Indicators;

/// <summary>数据来源: where an indicator's raw value comes from.</summary>
public enum IndicatorSource
{
    /// <summary>部门填报</summary>
    DepartmentSubmission = 1,
    /// <summary>办件数据计算</summary>
    CaseData = 2,
    /// <summary>好差评计算</summary>
    Ratings = 3,
    /// <summary>公式计算</summary>
    Formula = 4,
    /// <summary>督查督办计算</summary>
    Supervision = 5,
}

public enum NodeKind
{
    /// <summary>分组 (一级/二级指标), aggregated from its children.</summary>
    Group = 1,
    /// <summary>指标 (leaf), measured and scored by a rule.</summary>
    Indicator = 2,
}

public enum SystemStatus
{
    Draft = 1,
    Published = 2,
}


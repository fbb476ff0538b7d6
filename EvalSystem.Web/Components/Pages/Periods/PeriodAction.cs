namespace EvalSystem.Web.Components.Pages.Periods;

public enum PeriodAction
{
    Open,
    Deadline,
    Close,
    Compute,
    Publish,
    Archive,
    Reopen,
    Progress,
    Verify,
}

namespace EvalSystem.Web.Components.Pages.Supervision;

/// <summary>Who looks at a task list: it decides which rows show a highlighted next step.</summary>
public enum SupervisionViewer
{
    Reader,
    Office,
    Department,
}

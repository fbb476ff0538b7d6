namespace EvalSystem.Web.Components.Pages.CaseData;

/// <summary>Uploads come over the circuit: large loads belong to the integration API, which takes batches.</summary>
public static class CaseDataPageLimits
{
    public const int MaxUploadMegabytes = 200;
    public const long MaxUploadBytes = MaxUploadMegabytes * 1024L * 1024;
}

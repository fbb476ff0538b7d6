using Microsoft.AspNetCore.Authorization;

namespace EvalSystem.Web.Security;

/// <summary>
/// Capabilities. Pages, endpoints and services ask for a capability, never for a role; the one
/// mapping from roles to capabilities is <see cref="Grants"/>.
/// </summary>
public static class Policies
{
    public const string ViewDashboard = nameof(ViewDashboard);
    public const string ViewRankings = nameof(ViewRankings);
    public const string ViewIndicators = nameof(ViewIndicators);
    public const string ManageIndicators = nameof(ManageIndicators);
    public const string ExportIndicators = nameof(ExportIndicators);
    public const string ViewPeriods = nameof(ViewPeriods);
    public const string ManagePeriods = nameof(ManagePeriods);
    public const string SubmitData = nameof(SubmitData);
    public const string ReviewSubmissions = nameof(ReviewSubmissions);
    public const string ViewEvidence = nameof(ViewEvidence);
    public const string ViewSupervision = nameof(ViewSupervision);
    public const string ManageSupervision = nameof(ManageSupervision);
    public const string HandleSupervision = nameof(HandleSupervision);
    public const string ExportSupervision = nameof(ExportSupervision);
    public const string ViewReports = nameof(ViewReports);
    public const string ViewAuditLog = nameof(ViewAuditLog);
    public const string Administer = nameof(Administer);
    public const string ManageApiClients = nameof(ManageApiClients);
    public const string ReadNotifications = nameof(ReadNotifications);
    public const string ViewCaseData = nameof(ViewCaseData);
    public const string ImportCaseData = nameof(ImportCaseData);
    public const string ViewRectifications = nameof(ViewRectifications);
    public const string HandleRectifications = nameof(HandleRectifications);

    public static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        [ViewDashboard] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        [ViewRankings] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        [ViewIndicators] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        [ManageIndicators] = [Roles.Office],
        [ExportIndicators] = [Roles.Office, Roles.Leader, Roles.Auditor],
        [ViewPeriods] = [Roles.Office, Roles.Leader, Roles.Auditor],
        [ManagePeriods] = [Roles.Office],
        [ViewCaseData] = [Roles.Office, Roles.Leader, Roles.Auditor],
        [ImportCaseData] = [Roles.Office],
        // A department reads and handles its own bad reviews only; the service checks that.
        [ViewRectifications] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        [HandleRectifications] = [Roles.Office, Roles.Department],
        [SubmitData] = [Roles.Department],
        [ReviewSubmissions] = [Roles.Office],
        // Department users read their own department's files only; the service checks that.
        [ViewEvidence] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        [ViewSupervision] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        // The office issues, verifies, closes and decides extensions; a department acts on its own tasks only (the service checks).
        [ManageSupervision] = [Roles.Office],
        [HandleSupervision] = [Roles.Department],
        [ExportSupervision] = [Roles.Office, Roles.Auditor],
        [ViewReports] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department],
        [ViewAuditLog] = [Roles.Auditor],
        [Administer] = [Roles.Admin],
        // Keys of the platform systems that call the integration API (/api/v1).
        [ManageApiClients] = [Roles.Admin],
        // Everyone reads their own notifications; the service checks the recipient.
        [ReadNotifications] = [Roles.Office, Roles.Leader, Roles.Auditor, Roles.Department, Roles.Admin],
    };

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in Grants)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        // [Authorize] without a policy, and every endpoint without one: a signed-in person. Pages authenticate with the
        // cookie only; should an API client's principal ever get this far, it is still refused.
        var signedInPerson = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(c => !c.User.HasClaim(claim => claim.Type == ApiClaims.ClientId))
            .Build();
        options.DefaultPolicy = signedInPerson;
        options.FallbackPolicy = signedInPerson;
    }
}

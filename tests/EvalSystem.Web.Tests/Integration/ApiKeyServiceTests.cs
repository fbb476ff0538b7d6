using EvalSystem.Domain.Auditing;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Integration;
using EvalSystem.Web.Data;
using EvalSystem.Web.Features.Integration;
using EvalSystem.Web.Security;
using EvalSystem.Web.Tests.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EvalSystem.Web.Tests.Integration;

public sealed class ApiKeyServiceTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Create_ReturnsTheKeyOnce_AndTheListNeverShowsIt()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var service = admin.ServiceProvider.GetRequiredService<ApiKeyService>();

        var issued = await service.CreateAsync("一网通办平台", [ApiScopes.CasesWrite]);
        var listed = (await service.ListAsync()).Single(c => c.Id == issued.Client.Id);

        Assert.StartsWith("esk_", issued.Key);
        Assert.Equal((issued.Key[..8], "一网通办平台", "admin"), (listed.KeyPrefix, listed.Name, listed.CreatedBy));
        Assert.Equal([ApiScopes.CasesWrite], listed.Scopes);
        Assert.Null(listed.LastUsedAtUtc);
        Assert.False(listed.IsRevoked);
        Assert.DoesNotContain(issued.Key[8..], listed.ToString());
    }

    [Fact]
    public async Task TheDatabase_HoldsOnlyTheHashOfTheKey_AndTheAuditTrailNotEvenThat()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var issued = await admin.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("好差评系统", [ApiScopes.RatingsWrite]);
        var db = admin.ServiceProvider.GetRequiredService<EvalDbContext>();

        var stored = await db.ApiClients.AsNoTracking().SingleAsync(c => c.Id == issued.Client.Id);
        Assert.Equal(ApiClient.HashKey(issued.Key), stored.KeyHash);
        var audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(ApiClient) && a.EntityKey == issued.Client.Id.ToString() && a.Action == AuditActions.Insert);
        Assert.Contains("\"KeyHash\":\"***\"", audit.AfterJson);
        Assert.Contains("好差评系统", audit.AfterJson);
        Assert.Equal("admin", audit.UserName);
        Assert.DoesNotContain(stored.KeyHash, audit.AfterJson);

        // Nowhere in the file: not in a table, not in the audit trail.
        await db.Database.CloseConnectionAsync();
        SqliteConnection.ClearAllPools();
        var bytes = await ReadAllSharedAsync(app.Factory.DatabasePath);
        Assert.Equal(-1, IndexOf(bytes, System.Text.Encoding.UTF8.GetBytes(issued.Key[8..])));
    }

    [Fact]
    public async Task Revoke_RecordsWhoAndWhen_AndTwiceIsRefused()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var service = admin.ServiceProvider.GetRequiredService<ApiKeyService>();
        var issued = await service.CreateAsync("旧平台", [ApiScopes.CasesWrite, ApiScopes.RatingsWrite]);

        await service.RevokeAsync(issued.Client.Id);
        var again = await Assert.ThrowsAsync<DomainException>(() => service.RevokeAsync(issued.Client.Id));

        Assert.Contains("不能重复吊销", again.Message);
        var listed = (await service.ListAsync()).Single(c => c.Id == issued.Client.Id);
        Assert.Equal((true, "admin"), (listed.IsRevoked, listed.RevokedBy));
        var db = admin.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ApiClient) && a.EntityKey == issued.Client.Id.ToString()
            && a.Action == AuditActions.Update && a.AfterJson!.Contains("RevokedAtUtc")));
    }

    [Fact]
    public async Task List_PutsKeysInUseBeforeRevokedOnes()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var service = admin.ServiceProvider.GetRequiredService<ApiKeyService>();
        var revoked = await service.CreateAsync("先吊销", [ApiScopes.CasesWrite]);
        await service.RevokeAsync(revoked.Client.Id);
        await service.CreateAsync("仍有效", [ApiScopes.CasesWrite]);

        var list = await service.ListAsync();

        Assert.True(list.TakeWhile(c => !c.IsRevoked).Count() >= 1);
        Assert.All(list.SkipWhile(c => !c.IsRevoked), c => Assert.True(c.IsRevoked));
    }

    [Theory]
    [InlineData("office", Roles.Office)]
    [InlineData("auditor", Roles.Auditor)]
    public async Task NonAdministrators_CannotManageKeys_AndTheRefusalIsAudited(string userName, string role)
    {
        await using var scope = app.ScopeAs(userName, role);
        var service = scope.ServiceProvider.GetRequiredService<ApiKeyService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync("越权创建", [ApiScopes.CasesWrite]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.RevokeAsync(Guid.NewGuid()));

        var db = scope.ServiceProvider.GetRequiredService<EvalDbContext>();
        Assert.False(await db.ApiClients.AnyAsync(c => c.Name == "越权创建"));
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.AccessDenied && a.UserName == userName
            && a.EntityKey == Policies.ManageApiClients));
    }

    [Fact]
    public async Task Create_WithoutScopes_IsRefusedWithAChineseSentence()
    {
        await using var admin = await app.ScopeAsAccountAsync("admin");
        var ex = await Assert.ThrowsAsync<DomainException>(() => admin.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("无权限", []));
        Assert.Equal("请至少选择一项接口权限。", ex.Message);
    }

    private static async Task<byte[]> ReadAllSharedAsync(string path)
    {
        // The app still holds the database open; read it the way a backup would, including the WAL.
        var bytes = new List<byte>();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            bytes.AddRange(memory.ToArray());
        }
        return [.. bytes];
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}

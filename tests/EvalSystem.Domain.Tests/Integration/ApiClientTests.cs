using System.Buffers.Text;
using EvalSystem.Domain.Common;
using EvalSystem.Domain.Integration;

namespace EvalSystem.Domain.Tests.Integration;

public class ApiClientTests
{
    private static readonly UserRef Admin = new("u-admin", "admin");
    private static readonly DateTime Now = new(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);

    private static (ApiClient Client, string Key) Issue(params string[] scopes) =>
        ApiClient.Issue("一网通办平台", scopes.Length == 0 ? [ApiScopes.CasesWrite] : scopes, Admin, Now);

    [Fact]
    public void Issue_ReturnsA256BitKeyWithTheEskMarker()
    {
        var (_, key) = Issue();

        Assert.StartsWith("esk_", key);
        Assert.Equal(32, Base64Url.DecodeFromChars(key.AsSpan(4)).Length);
        Assert.DoesNotContain('=', key);
    }

    [Fact]
    public void Issue_KeepsOnlyThePrefixAndTheSha256OfTheKey()
    {
        var (client, key) = Issue();

        Assert.Equal(key[..8], client.KeyPrefix);
        Assert.Equal(ApiClient.HashKey(key), client.KeyHash);
        Assert.Matches("^[0-9a-f]{64}$", client.KeyHash);
        Assert.DoesNotContain(key[8..], client.KeyHash);
    }

    [Fact]
    public void HashKey_IsTheSha256HexOfTheUtf8Key() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiClient.HashKey("abc"));

    [Fact]
    public void Issue_TwiceGivesDifferentKeys() => Assert.NotEqual(Issue().Key, Issue().Key);

    [Fact]
    public void Issue_RecordsWhoAndWhen_AndTheNameTrimmed()
    {
        var (client, _) = ApiClient.Issue("  一网通办平台 ", [ApiScopes.RatingsWrite, ApiScopes.CasesWrite, ApiScopes.CasesWrite], Admin, Now);

        Assert.Equal(("一网通办平台", "admin", Now), (client.Name, client.CreatedBy, client.CreatedAtUtc));
        Assert.Equal([ApiScopes.CasesWrite, ApiScopes.RatingsWrite], client.Scopes);
        Assert.True(client.HasScope(ApiScopes.RatingsWrite));
        Assert.Null(client.LastUsedAtUtc);
        Assert.False(client.IsRevoked);
    }

    [Fact]
    public void Issue_WithoutScopes_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ApiClient.Issue("一网通办平台", [], Admin, Now));
        Assert.Equal("请至少选择一项接口权限。", ex.Message);
    }

    [Fact]
    public void Issue_WithAnUnknownScope_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ApiClient.Issue("一网通办平台", ["cases:delete"], Admin, Now));
        Assert.Contains("未知的接口权限「cases:delete」", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Issue_WithoutAName_IsRefused(string name)
    {
        var ex = Assert.Throws<DomainException>(() => ApiClient.Issue(name, [ApiScopes.CasesWrite], Admin, Now));
        Assert.Equal("接口客户端名称不能为空。", ex.Message);
    }

    [Fact]
    public void Revoke_RecordsWhoAndWhen()
    {
        var (client, _) = Issue();

        client.Revoke(Admin, Now.AddDays(1));

        Assert.True(client.IsRevoked);
        Assert.Equal((Now.AddDays(1), "admin"), (client.RevokedAtUtc, client.RevokedBy));
    }

    [Fact]
    public void Revoke_Twice_IsRefusedAndKeepsTheFirstRevocation()
    {
        var (client, _) = Issue();
        client.Revoke(Admin, Now);

        var ex = Assert.Throws<DomainException>(() => client.Revoke(new UserRef("u2", "other-admin"), Now.AddHours(1)));

        Assert.Contains("不能重复吊销", ex.Message);
        Assert.Equal((Now, "admin"), (client.RevokedAtUtc, client.RevokedBy));
    }

    [Fact]
    public void RecordUse_WritesAtMostOncePerGranularity()
    {
        var (client, _) = Issue();
        var minute = TimeSpan.FromMinutes(1);

        Assert.True(client.RecordUse(Now, minute));
        Assert.False(client.RecordUse(Now.AddSeconds(59), minute));
        Assert.Equal(Now, client.LastUsedAtUtc);
        Assert.True(client.RecordUse(Now.AddSeconds(60), minute));
        Assert.Equal(Now.AddSeconds(60), client.LastUsedAtUtc);
    }

    [Theory]
    [InlineData(ApiScopes.CasesWrite, "办件数据写入")]
    [InlineData(ApiScopes.RatingsWrite, "好差评写入")]
    public void Scopes_HaveChineseLabels(string scope, string label) => Assert.Equal(label, ApiScopes.Label(scope));

    [Theory]
    [InlineData(null, "")]
    [InlineData("esk", "esk")]
    [InlineData("esk_abcdefghij", "esk_abcd")]
    public void PrefixOf_NeverGivesMoreThanEightCharacters(string? key, string prefix) => Assert.Equal(prefix, ApiClient.PrefixOf(key));
}

namespace EvalSystem.Domain.Common;

/// <summary>Who did something: the account id and the name shown in histories.</summary>
public sealed record UserRef(string UserId, string UserName);
